"""The sentence's only place (stages/places.py, how "sentence"): when a sentence names one
place and no other, in a place slot ("Police in Kano arrested 31 people after a mob beat a
man"), on a route ("blocked the main road into Potosi", "marched through Chilpancingo") or
where local people live ("Residents of Kibera"), that place is where each of its events
happened that has no place of its own; not an event that reports or asks for what
happened there, nor one reported from there ("X shelled Y, officials in Misrata said").
An event whose sentence names no place takes the only place of the sentence just before
it in the same paragraph (how "narrative"), after the paragraph's opening place."""

from __future__ import annotations

from typing import Any

from .place_finder import Finder
from .place_mention import Mention
from .place_participants import noun_of_place


def sole_place(finder: Finder, trigger: Any) -> Mention | None:
    """The sentence's one place for the event (the module's doc), or None: when the
    sentence names no single place, or also one the gazetteer lacks."""
    sent = trigger.sent
    if any(ent.label_ in ("GPE", "LOC") for ent in finder.unknown_place_ents(sent)):
        return None
    placed = slotted_mentions(finder, sent)
    if not names_one_place(placed):
        return None
    return None if any(under_complement(m.root, trigger) or outside_report(m.root, trigger)
                       for m in placed) else placed[0]


def in_place_slot(finder: Finder, root: Any) -> bool:
    """Whether a place mention is where something is or happens: in a place slot, on a
    route ("the road into Potosi"), or where local people live (not "Russia's concern",
    "ties with Moscow")."""
    node = root
    while node.dep_ in ("conj", "compound") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and (node.head.lower_ in finder.cues["route_preps"] or node.head.lower_ == "of"):
        word = node.head.head  # "delivered to X", "the road into Potosi", "the ring road of Lyon"
        if (word.pos_ == "VERB" and node.head.lower_ != "of") or word.lemma_.lower() in finder.cues["route_nouns"]:
            return True
    return finder.attachment(root) is not None or (
        node.dep_ == "pobj" and noun_of_place(root, finder.cues) is not None)


def under_complement(root: Any, trigger: Any) -> bool:
    """Whether a place lies in a clause complement of the event's word ("demanded that
    China release fishermen detained near X": what is asked for, said or warned of)."""
    node, crossed = root, False
    while node.head.i != node.i:
        crossed = crossed or (node.dep_ == "ccomp" and (node.tag_ != "VBG" or any(
            c.dep_ == "aux" for c in node.children)))  # not "dispersed farmers marching in X"
        node = node.head
        if node.i == trigger.i:
            return crossed
    return False


def outside_report(root: Any, trigger: Any) -> bool:
    """Whether the event is reported ("Libyan forces shelled X, officials in Misrata said")
    and the place lies outside what is reported: the reporter's place, not the event's."""
    node = trigger
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis"):
            return not (node.i == root.i or node.is_ancestor(root))
        node = node.head
    return False


def previous_place(finder: Finder, trigger: Any) -> Mention | None:
    """The only place of the sentence just before the event's, in the same paragraph
    ("Farmers blocked the ring road of Lyon on Tuesday. Police used tear gas ..."), when
    the event's own sentence names no place at all."""
    sent = trigger.sent
    if finder.sentence_mentions(sent) or finder.unknown_place_ents(sent) or sent.start == 0:
        return None
    before = finder.nlp[sent.start - 1].sent
    gap = finder.doc.text[before.start_char + len(before.text.rstrip()):sent.start_char + len(sent.text)
                          - len(sent.text.lstrip())]
    if "\n" in gap or \
            any(ent.label_ in ("GPE", "LOC") for ent in finder.unknown_place_ents(before)):
        return None
    placed = slotted_mentions(finder, before)
    return placed[0] if names_one_place(placed) else None


def slotted_mentions(finder: Finder, sent: Any) -> list[Mention]:
    """The sentence's place mentions that stand in a place slot (`in_place_slot`)."""
    return [m for m in finder.sentence_mentions(sent) if m.root is not None and in_place_slot(finder, m.root)]


def names_one_place(placed: list[Mention]) -> bool:
    """Whether the mentions name one place (however often) and no other."""
    return len({(m.place.name, m.place.country) for m in placed}) == 1
