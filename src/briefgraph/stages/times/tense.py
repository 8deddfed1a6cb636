"""The tense of the clause a date expression sits in, read from the spaCy parse.

A year-less date or a bare weekday is resolved by it: "On October 13, Putin
equated ..." in a February brief is last October; "will meet on March 2" is
next March 2. The answer is "past", "future" or None (present, modal, or no
verb found: the caller then takes the nearest date).

The words come from the `Knowledge`: the future auxiliaries of words.txt
(`future_aux`) and the verbs of knowledge/times/future_cues.txt.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ...knowledge import Knowledge

PAST_AUX_TAGS = frozenset({"VBD"})
HAVE = frozenset({"have", "has", "'ve", "’ve"})
MAX_HOPS = 8


@dataclass(frozen=True)
class TenseWords:
    future_aux: frozenset[str]  # will, shall, 'll
    scheduling: frozenset[str]  # verbs that schedule the date hanging off them
    infinitive: frozenset[str]  # verbs whose "to"-infinitive complement is future
    destination: frozenset[str] = frozenset()  # "invited them to talks on Monday": the talks' day
    unscheduling: frozenset[str] = frozenset()  # "set fire to", "set up": a scheduling verb that schedules nothing

    @classmethod
    def of(cls, knowledge: Knowledge) -> TenseWords:
        return cls(knowledge.words["future_aux"], knowledge.times.scheduling_verbs, knowledge.times.infinitive_cues,
                   knowledge.times.destination_verbs, knowledge.words["unscheduling_words"])


def clause_tense(span: Span | None, words: TenseWords) -> tuple[str | None, bool]:
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
            if direct and token.tag_ == "VBD" and token.lemma_.lower() in words.scheduling \
                    and span.start < token.i:
                return "past", direct  # "On Friday, the government planned to pay" (the planning)
            if after_destination(token, span.start, words.destination):
                return "future", direct  # "invited farmers to the prefecture on Monday"
            return verb_tense(token, words), direct
        if token.head is token:
            break
        if token.i not in inside and token.pos_ in ("NOUN", "PROPN", "PRON"):
            direct = False
        token = token.head
    if token.pos_ in ("VERB", "AUX") and token.i not in inside:
        return verb_tense(token, words), direct
    return None, False


DESTINATION_PREPS = frozenset({"to", "for"})


def after_destination(verb: Token, time_start: int, lemmas: frozenset[str]) -> bool:
    """Whether a time (its first token's index) is told after the "to"/"for" destination of a verb
    of `lemmas` ("invited a delegation to the prefecture on Monday": Monday is the visit's day)."""
    if verb.lemma_.lower() not in lemmas:
        return False
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]  # "invited the leader for talks"
    return any(c.dep_ in ("prep", "dative") and c.lower_ in DESTINATION_PREPS and verb.i < c.i < time_start
               for head in heads for c in head.children)


def verb_tense(verb: Token, words: TenseWords, depth: int = 0) -> str | None:
    """Past, future or None for one verb, from its tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    lemma = verb.lemma_.lower()
    if aux_words & words.future_aux or (lemma in words.scheduling and not unscheduled(verb, words.unscheduling)):
        return "future"
    if any(a.tag_ == "MD" for a in auxes):
        return "past" if aux_words & {"have", "'ve", "’ve"} else "future"  # "could come", "may have met"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        return _infinitive_tense(verb, words)
    if verb.tag_ in ("VBZ", "VBP") and lemma in words.infinitive:
        return "future"  # "plans to", "agrees to"
    if verb.tag_ == "VBD" or any(a.tag_ in PAST_AUX_TAGS for a in auxes) or aux_words & HAVE:
        return "past"  # a past form, or the present perfect: "have been searching since"
    if not auxes and verb.dep_ == "conj" and depth < 3 and verb.head.pos_ in ("VERB", "AUX"):
        return verb_tense(verb.head, words, depth + 1)
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return "past"  # "the agreement signed on April 1" ("set for April" schedules, above)
    return None


SCHEDULE_ARGUMENT_DEPS = frozenset({"prt", "dobj", "oprd", "acomp", "advmod", "dative"})


def unscheduled(verb: Token, unscheduling: frozenset[str]) -> bool:
    """A scheduling verb used in another sense, told by a word of `unscheduling` (words.txt
    `unscheduling_words`) as its particle, object or complement, or after its "on"/"to"/"in":
    "set fire to a police station", "was set on fire", "set a bus ablaze", "set up roadblocks"."""
    for child in verb.children:
        if child.dep_ in SCHEDULE_ARGUMENT_DEPS and child.lower_ in unscheduling:
            return True
        if child.dep_ == "prep" and child.lower_ in ("on", "to", "in") \
                and any(o.dep_ == "pobj" and o.lower_ in unscheduling for o in child.children):
            return True
    return False


def _infinitive_tense(verb: Token, words: TenseWords) -> str | None:
    """A "to"-infinitive is future under a headline ("Russia to Host Talks"), a future
    cue ("plans to meet", "was ready to meet"), "due to" or a verb told in the future ("will
    allow diplomats to visit the crew on Friday"); otherwise it says nothing."""
    head = verb.head
    if head is verb or head.dep_ == "ROOT" and head.pos_ not in ("VERB", "AUX"):
        return "future"
    if head.lemma_.lower() in words.infinitive or (head.pos_ == "ADJ" and head.lower_ == "due"):
        return "future"
    if head.pos_ in ("VERB", "AUX") and head.tag_ == "VB" and verb_tense(head, words) == "future":
        return "future"
    return None
