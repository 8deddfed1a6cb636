"""Magnitudes stage: the numbers conflict data records, when the text states them.

Each event gets `magnitudes`: people killed, injured, arrested, abducted, displaced,
and crowd sizes, with the stated value or bounds and the span they came from:

  "Police arrested 20 people"            arrested  value 20
  "..., killing at least 12"             killed    min 12
  "thousands of farmers blocked roads"   crowd     min 1000 (knowledge/magnitudes/vague.txt)
  "between 300 and 400 protesters"       min 300, max 400
  "a journalist was detained"            arrested  value 1

How: every stated quantity of a sentence (numbers.py) is read from the noun phrase
it counts, and the ordered rules (rules.py) give it a kind from a cue word around
it; a number without one is not a magnitude. Each magnitude then goes to one event
of its sentence: the event whose clause (the dependency subtree of its trigger,
with its conjuncts and participle clauses) holds it most narrowly, else the event
whose trigger is nearest. A sentence without an event keeps its numbers to itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ...knowledge import Knowledge
from ...knowledge.quantities import MagnitudeWords
from ...records import Analysis, Event, Magnitude
from .numbers import Quantity, find_quantities
from .rules import CASUALTY_RULES, RULES, heads_of_phrase, kind_by_rules

Token = Any
NOT_COUNTS = ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY")
CLIMB = ("nummod", "quantmod", "compound", "nmod", "conj", "amod", "advmod")
GROUP_NOUNS = ("group", "total", "batch", "band", "number")
# The events a kind of number belongs to (conflict data put a toll on the violence that
# caused it, arrests on the arrest, a crowd on its protest): PLOVER types, or CAMEO codes
# ("145", a riot, is a PROTEST that kills and injures).
KIND_EVENTS = {"killed": ("ASSAULT", "145"), "injured": ("ASSAULT", "145"), "abducted": ("ASSAULT",),
               "displaced": ("ASSAULT", "145"), "arrested": ("COERCE",), "crowd": ("PROTEST",)}
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, Any]]:
    """The magnitudes stage for this knowledge (its cue words, number words and bounds)."""
    return lambda doc: find_magnitudes(doc, knowledge)


def find_magnitudes(doc: Analysis, knowledge: Knowledge | None = None) -> dict[str, Any]:
    """Every event with its `magnitudes` (an empty list when the text states none)."""
    words = (knowledge or Knowledge.default()).magnitudes
    if doc.nlp is None or not doc.events:
        return {"events": [replace(e, magnitudes=[]) for e in doc.events]}
    found = text_magnitudes(doc.nlp, doc.text, words)
    owners = assign(doc.nlp, doc.events, found)
    return {"events": [replace(e, magnitudes=[m for m, owner in zip([f[0] for f in found], owners, strict=True)
                                              if owner == e.id]) for e in doc.events]}


def text_magnitudes(nlp_doc: Any, text: str, words: MagnitudeWords) -> list[tuple[Magnitude, Token]]:
    """Every magnitude of the parsed text, with the token it was read from."""
    out: list[tuple[Magnitude, Token]] = []
    for sent in nlp_doc.sents:
        counted: set[int] = set()
        for q in find_quantities(sent.text, words):
            q = replace(q, start=q.start + sent.start_char, end=q.end + sent.start_char,
                        number_end=q.number_end + sent.start_char)
            found = _read(nlp_doc, text, q, words)
            if found:
                out.append(found)
                counted.add(found[1].i)
        out.extend(_articles(sent, text, words, counted))
    out.sort(key=lambda mt: mt[0].start)
    return out


def _token_at(nlp_doc: Any, offset: int) -> Token | None:
    span = nlp_doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def phrase_head(token: Token) -> Token:
    """The noun phrase a number counts: "two suspected militants" -> "militants";
    "a group of 11 men" -> "group" (the phrase that plays the role in the clause)."""
    if token.dep_ == "npadvmod" and token.head.lower_ == "strong" and token.head.dep_ == "amod":
        token = token.head.head  # "a 2,000-strong march"
    while token.dep_ in ("quantmod", "nummod", "compound") and token.head.like_num and token.head.i < token.i:
        token = token.head  # "two dozen activists": "dozen" hangs on "two", which counts "activists"
    while token.dep_ in CLIMB and token.head is not token and token.head.i > token.i:
        token = token.head
    while token.dep_ == "conj" and token.head.like_num:
        token = token.head  # "between 300 and 400": the 400 is the 300's conjunct
        while token.dep_ in ("nummod", "quantmod") and token.head.i > token.i:
            token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in GROUP_NOUNS:
        token = token.head.head
    return token


def _is_count(np: Token, number: Token, q: Quantity, words: MagnitudeWords) -> bool:
    if number.ent_type_ in NOT_COUNTS or (q.value is not None and _YEAR.match(str(q.value)) and "," not in number.text):
        return False
    return not any(h.lower_ in words.cues["not_people"] or h.lemma_.lower() in words.cues["not_people"]
                   for h in heads_of_phrase(np) if h is not number)


def _read(nlp_doc: Any, text: str, q: Quantity, words: MagnitudeWords) -> tuple[Magnitude, Token] | None:
    number = _token_at(nlp_doc, q.number_end - 1)
    if number is None:
        return None
    np = phrase_head(number)
    if not _is_count(np, number, q, words):
        return None
    kind = kind_by_rules(np, words, RULES)
    if kind is None:
        return None
    end = max([q.end, *(t.idx + len(t.text) for t in heads_of_phrase(np) if t.i >= number.i)])
    return Magnitude(kind, q.value, q.min, q.max, text[q.start:end], q.start, end), number


def _articles(sent: Any, text: str, words: MagnitudeWords, counted: set[int]) -> list[tuple[Magnitude, Token]]:
    """"a journalist was detained", "killed a man": one person, as a casualty or an arrest only."""
    out = []
    for det in sent:
        noun = det.head
        if det.dep_ != "det" or det.lower_ not in ("a", "an") or noun.pos_ != "NOUN" or noun.ent_type_:
            continue
        if noun.i in counted or any(c.dep_ == "nummod" for c in noun.children) or \
                noun.lemma_.lower() in GROUP_NOUNS or noun.lower_ in words.cues["not_people"] or \
                noun.lemma_.lower() in words.cues["not_people"]:
            continue
        kind = kind_by_rules(noun, words, CASUALTY_RULES)
        if kind and kind != "crowd" and not words.kind_of(noun.lower_):
            end = noun.idx + len(noun.text)
            out.append((Magnitude(kind, 1, None, None, text[det.idx:end], det.idx, end), det))
    return out


def trigger_token(nlp_doc: Any, event: Event) -> Token | None:
    """The event's trigger word inside its evidence span (the first one that matches)."""
    first = event.trigger.split()[0].lower() if event.trigger.split() else ""
    span = nlp_doc.char_span(event.evidence.start, max(event.evidence.end, event.evidence.start + 1),
                             alignment_mode="expand")
    inside = list(span) if span is not None else []
    for token in inside:
        if token.lower_ == first:
            return token
    return inside[0] if inside else None


def fitting(magnitude: Magnitude, events: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
    """The events of the sentence a number of its kind belongs to ("police arrested 40 and
    injured dozens when they broke up a rally": the arrests on the arrest)."""
    fits = KIND_EVENTS.get(magnitude.kind, ())
    return [(e, t) for e, t in events if e.plover in fits or (e.cameo or "")[:3] in fits]


def assign(nlp_doc: Any, events: list[Event], found: list[tuple[Magnitude, Token]]) -> list[str | None]:
    """The id of the event each magnitude goes to (None: no event in its sentence)."""
    triggers = [(e, t) for e in events if (t := trigger_token(nlp_doc, e)) is not None]
    owners: list[str | None] = []
    for magnitude, token in found:
        here = [(e, t) for e, t in triggers if t.sent.start == token.sent.start]
        ids = [(e.id, t) for e, t in (fitting(magnitude, here) or here)]
        holding = [(len(list(t.subtree)), eid) for eid, t in ids if t.left_edge.i <= token.i <= t.right_edge.i]
        if holding:
            owners.append(min(holding)[1])
        elif ids:
            owners.append(min(ids, key=lambda et: abs(et[1].i - token.i))[0])
        else:
            owners.append(None)
    return owners
