"""Choosing among the place mentions of the places stage (stages/places.py): the token
heading a place name when the parse broke it, a place the gazetteer lacks as a mention
without a point, the most specific of a clause's places, and a container that yields to
the place inside it."""

from __future__ import annotations

from typing import Any

from ..places import Place
from .place_mention import Mention as _Mention


def unknown_mention(ent: Any, country: str | None) -> _Mention:
    """A place entity the gazetteer lacks, as a mention of kind "other" without a point."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ == "the":
        start += 1
    span = ent.doc[start:end]
    place = Place(span.text, "other", country, None, 0.0, 0.0)
    return _Mention(span.start_char, span.end_char, span.text, place, span.root, point=False)


def governed_root(span: Any) -> Any:
    """The token heading a place name: the span's root, unless the parse broke the name
    and the preposition right before it governs another of its words ("from a school in
    Katsina state" read as "in Katsina" + "from ... state")."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "ADP" and span.root.head.i != before.i:
        governed = [t for t in span if t.head.i == before.i and t.dep_ == "pobj"]
        if governed:
            return governed[0]
    return span.root


def most_specific(candidates: list[tuple[int, int, _Mention]]) -> _Mention:
    """The nearest clause place, but a place inside a country beats that country named in
    the same clause ("Myanmar's military did not bomb the village of Pazigyi")."""
    best = min(candidates, key=lambda c: c[:2])[2]
    if best.place.kind != "country":
        return best
    inside = [c for c in candidates if c[2].place.kind != "country" and c[2].place.country == best.place.country]
    return min(inside, key=lambda c: c[:2])[2] if inside else best


def inner_places(candidates: list[tuple[int, int, _Mention]]) -> list[tuple[int, int, _Mention]]:
    """A place named as the container of another candidate ("the Exarchia district of
    Athens", "Athens's Exarchia district") yields to the place inside it."""
    roots = {c[2].root.i for c in candidates if c[2].root is not None and c[2].place.kind != "country"}

    def container(mention: _Mention) -> bool:
        root = mention.root
        if root is None:
            return False
        return (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i in roots) or \
            (root.dep_ == "poss" and root.head.i in roots)
    kept = [c for c in candidates if not container(c[2])]
    return kept or candidates


def town_before(chosen: _Mention, mentions: list[_Mention]) -> _Mention:
    """"a church in Owo, Ondo state": a town named right before the chosen region and a
    comma, in its country, is the more precise place (the parse may make the region the
    phrase's head and leave the town out of the clause)."""
    if chosen.place.kind not in ("region", "country") or chosen.root is None:
        return chosen
    text = chosen.root.doc.text
    before = text[:chosen.start].rstrip()
    if not before.endswith(","):
        return chosen
    comma = len(before) - 1
    towns = [m for m in mentions if m.place.kind in ("city", "other") and m.place.country == chosen.place.country
             and m.end <= comma and text[m.end:comma].strip() == ""]
    return towns[0] if towns else chosen


def off_path(candidates: list[tuple[int, int, _Mention]], cues: Any) -> list[tuple[int, int, _Mention]]:
    """A place crossed or followed on the way ("swam across the Zzyzx river near Solotvyno",
    cues `path_preps`) yields to a place the same verb locates the event at ("near", "in")."""
    def prep(mention: _Mention) -> str:
        root = mention.root
        return root.head.lower_ if root is not None and root.dep_ == "pobj" else ""
    located = {c[0] for c in candidates if prep(c[2]) in cues["locative_preps"]
               and prep(c[2]) not in cues["path_preps"]}
    kept = [c for c in candidates if not (prep(c[2]) in cues["path_preps"] and c[0] in located)]
    return kept or candidates


def route_of(node: Any, cues: Any) -> Any | None:
    """The route a place names an end of ("the road between Gao and Ménaka", "the highway
    linking Kabul and Jalalabad", "the Gao-Ménaka road", cues `route_nouns` and
    `route_links`), which stands in the event's place slot for it; None for other places."""
    routes = cues["route_nouns"]
    head = node.head
    if node.dep_ == "compound":  # "the Gao-Ménaka road": up the chain of compounds
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        return head if head.lemma_.lower() in routes else None
    if node.dep_ == "pobj" and head.lower_ in cues["route_links"] and head.head.lemma_.lower() in routes:
        return head.head
    if node.dep_ == "dobj" and head.lemma_.lower() in cues["route_links"]:
        for route in (head.head, head.doc[head.i - 1]):  # the parse may hang "linking" on another noun
            if route.lemma_.lower() in routes:
                return route
    return None


def off_route(candidates: list[tuple[int, int, _Mention]], cues: Any) -> list[tuple[int, int, _Mention]]:
    """An end of a route ("on the road between Lyon and Grenoble near Voiron") yields to
    any other place of the clause but a state (`route_of`); the parse often hangs that
    place on the route's far end."""
    def on_route(mention: _Mention) -> bool:
        node = mention.root
        while node is not None and node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        return node is not None and route_of(node, cues) is not None
    if not any(not on_route(c[2]) and c[2].place.kind != "country" for c in candidates):
        return candidates  # "on the road between Gao and Ménaka in Mali": the town is more precise
    return [c for c in candidates if not on_route(c[2])]
