"""Places of an event's participants (issue 15): a place hung on the event's subject or
object, or on a noun phrase below them, is where the event happened ("gunmen shot a
constable guarding a team in Bajaur", "students occupying a building in Belgrade refused",
"residents of a settlement in Durban blockaded"); and a reported event takes the place of
local people who report it ("residents of Kibera said police had shot ..."). Rules, in the
order `participant_place` tries them: PARTICIPANT_RULES."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .place_finder import Finder

ARGUMENTS = ("nsubj", "nsubjpass", "dobj")
# what a climb from a place up to an event's participant may pass: noun phrases and the
# participles and prepositions that tie them together
PASSES = ("pobj", "prep", "dobj", "acl", "relcl", "xcomp", "compound", "conj", "poss", "appos", "amod", "npadvmod")
MAX_STEPS = 8


def noun_of_place(root: Any, cues: Any) -> Any | None:
    """The noun a place mention is hung on: "team in Bajaur", "residents of Kibera",
    "Kathmandu's hospitals"; None when the place hangs on no noun."""
    node = root
    while node.dep_ in ("conj", "compound") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "poss" and node.head.pos_ in ("NOUN", "PROPN"):
        return node.head
    verb = node.head
    if node.dep_ == "dobj" and verb.pos_ == "VERB" and verb.dep_ in ("acl", "relcl", "xcomp") and \
            verb.lemma_.lower() in cues["place_object_words"]:
        return verb  # "hawkers who blocked Moi Avenue"
    if node.dep_ != "pobj":
        return None
    prep, noun = node.head, node.head.head
    if noun.pos_ == "VERB" and noun.dep_ in ("acl", "relcl", "xcomp") and prep.lower_ in cues["locative_preps"]:
        return noun  # "men trying to cross into Moldova near Odesa"
    if noun.pos_ not in ("NOUN", "PROPN") or prep.i == noun.i:
        return None
    if prep.lower_ in cues["locative_preps"]:
        return noun
    if prep.lower_ == "of" and (noun.lemma_.lower() in cues["local_people"] or noun.lower_ in cues["local_people"]):
        return noun
    return None


def argument_place(noun: Any, event_words: dict[int, int]) -> int | None:
    """Steps from `noun` up to a subject or object of one of the event's words, climbing
    only through noun phrases and their participles; None when it leaves them."""
    node, steps = noun, 0
    while steps <= MAX_STEPS:
        if node.dep_ in ARGUMENTS and node.head.i in event_words and node.pos_ in ("NOUN", "PROPN"):
            return steps + 2
        if node.dep_ == "pobj" and node.head.head.i in event_words and node.pos_ in ("NOUN", "PROPN"):
            return steps + 3  # "used water cannon against protesters outside parliament in Tbilisi"
        if node.dep_ not in PASSES or node.head.i == node.i:
            return None
        node, steps = node.head, steps + 1
    return None


def reported_clause(trigger: Any) -> Any | None:
    """The clause complement of a speech verb the trigger's clause is ("... said police had
    shot ..." -> "shot"), climbing conjuncts and auxiliaries; None when it is not reported."""
    node = trigger
    while node.dep_ in ("conj", "xcomp", "aux") and node.head.i != node.i:
        node = node.head
    return node if node.dep_ == "ccomp" else None


def local_speaker(trigger: Any, cues: Any) -> Any | None:
    """The subject of the speech verb an event is reported under, when it is local people
    ("Residents of Kibera said police had ..."): the noun, or None."""
    node = reported_clause(trigger)
    if node is None:
        return None
    speaker = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.lemma_.lower() not in cues["local_people"]:
        return None
    return speaker


def hangs_on(root: Any, target: Any, cues: Any) -> bool:
    """Whether a place mention hangs on `target` or a noun phrase below it ("residents of
    a favela in Sao Paulo" hangs on "residents")."""
    node = noun_of_place(root, cues)
    for _ in range(MAX_STEPS):
        if node is None or node.i == target.i:
            return node is not None
        if node.dep_ not in PASSES or node.head.i == node.i:
            return False
        node = node.head
    return False


def participant_place(root: Any, event_words: dict[int, int], cues: Any) -> int | None:
    """How far a place mention (its root token) is from the event through a participant,
    by the first of PARTICIPANT_RULES that places it; None when none does."""
    for rule in PARTICIPANT_RULES:
        steps = rule(root, event_words, cues)
        if steps is not None:
            return steps
    return None


def place_of_argument(root: Any, event_words: dict[int, int], cues: Any) -> int | None:
    """"gunmen shot a constable guarding a team in Bajaur": the place of a participant."""
    noun = noun_of_place(root, cues)
    return argument_place(noun, event_words) if noun is not None else None


PARTICIPANT_RULES: tuple[Callable[[Any, dict[int, int], Any], int | None], ...] = (place_of_argument,)


def speaker_places(finder: Finder, trigger: Any) -> list[Any]:
    """"Police in Lima said they had arrested 19 people": where the speaker is, when the
    reported event's subject is a pronoun standing for that speaker."""
    mentions = [*finder.sentence_mentions(trigger.sent), *finder.unknown_mentions(trigger.sent)]
    local = local_speaker(trigger, finder.cues)  # "Residents of Kibera said police had shot ..."
    if local is not None:
        return [m for m in mentions if m.root is not None and hangs_on(m.root, local, finder.cues)]
    node = reported_clause(trigger)
    if node is None or not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in node.children):
        return []
    speaker = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
    if speaker is None:
        return []
    return [m for m in mentions if m.root is not None and finder.on_source(m, {speaker.i})]
