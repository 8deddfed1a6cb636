"""The tense of the clause a date expression sits in, read from the spaCy parse.

A year-less date or a bare weekday is resolved by it: "On October 13, Putin
equated ..." in a February brief is last October; "will meet on March 2" is
next March 2. The answer is "past", "future" or None (present, modal, or no
verb found: the caller then takes the nearest date).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ...errors import KnowledgeError
from ...knowledge import data_path, read_data_lines

FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
PAST_AUX_TAGS = frozenset({"VBD"})
HAVE = frozenset({"have", "has", "'ve", "’ve"})
MAX_HOPS = 8


@lru_cache(maxsize=1)
def _cue_table() -> dict[str, str]:
    table = {}
    path = data_path("times/future_cues.txt")
    for line in read_data_lines(path):
        parts = line.split()
        if len(parts) != 2 or parts[1] not in ("schedules", "infinitive"):
            raise KnowledgeError(f"{path}: expected 'LEMMA schedules|infinitive', got {line!r}")
        table[parts[0].lower()] = parts[1]
    return table


def future_cues() -> frozenset[str]:
    """Lemmas whose "to"-infinitive complement is future ("plans to", "is set to")."""
    return frozenset(_cue_table())


def scheduling_verbs() -> frozenset[str]:
    """Lemmas that schedule whatever date hangs off them ("scheduled for March 2")."""
    return frozenset(k for k, v in _cue_table().items() if v == "schedules")


def clause_tense(span: Any) -> tuple[str | None, bool]:
    """(tense, direct) of the clause holding a spaCy span.

    `direct` is False when the expression hangs off a noun on the way to its
    verb ("the attack on October 7 that ... said"): the verb's tense then says
    less about the date.
    """
    if span is None or len(span) == 0:
        return None, False
    token = span.root
    direct = True
    inside = {t.i for t in span}
    for _ in range(MAX_HOPS):
        if token.i not in inside and token.pos_ in ("VERB", "AUX"):
            if direct and token.tag_ == "VBD" and token.lemma_.lower() in scheduling_verbs() \
                    and span.start < token.i:
                return "past", direct  # "On Friday, the government planned to pay" (the planning)
            return verb_tense(token), direct
        if token.head is token:
            break
        if token.i not in inside and token.pos_ in ("NOUN", "PROPN", "PRON"):
            direct = False
        token = token.head
    if token.pos_ in ("VERB", "AUX") and token.i not in inside:
        return verb_tense(token), direct
    return None, False


def verb_tense(verb: Any, depth: int = 0) -> str | None:
    """Past, future or None for one verb, from its tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return "future"
    if verb.lemma_.lower() in scheduling_verbs():
        return "future"
    if any(a.tag_ == "MD" for a in auxes):
        return "past" if words & {"have", "'ve", "’ve"} else "future"  # "could come", "may have met"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        head = verb.head
        if head is verb or head.dep_ == "ROOT" and head.pos_ not in ("VERB", "AUX"):
            return "future"  # headline infinitive: "Russia to Host Talks"
        if head.lemma_.lower() in future_cues() or (head.pos_ == "ADJ" and head.lower_ == "due"):
            return "future"
        return None
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() in future_cues():
        return "future"  # "plans to", "agrees to"
    if verb.tag_ == "VBD" or any(a.tag_ in PAST_AUX_TAGS for a in auxes):
        return "past"
    if words & HAVE:
        return "past"  # present perfect: "have been searching since"
    if not auxes and verb.dep_ == "conj" and depth < 3 and verb.head.pos_ in ("VERB", "AUX"):
        return verb_tense(verb.head, depth + 1)
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return "past"  # "the agreement signed on April 1" ("set for April" schedules, above)
    return None
