"""The place mentions of the places stage (stages/places.py): every span of the text that
names a place, resolved offline to a gazetteer entry (or, for a place the gazetteer lacks
but the text ties to a state or a place noun, to a place without a point), and the
countries the document names, which disambiguate them. The functions read the stage's
`_PlaceFinder` (its document, gazetteer and cue words)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..places import Place, place_key, resolve
from .place_choice import governed_root, unknown_mention
from .place_finder import Finder
from .place_mention import Mention
from .place_named import (
    capital_mentions,
    demonym_place,
    facility_mentions,
    named_unknown,
    possessed_place,
    told_place,
)
from .place_spans import PLACE_LABELS, before_place_noun, candidate_spans, foreign_attribute


def country_mentions(finder: Finder) -> list[tuple[str, str]]:
    """(name key, ISO3) of every actor mention with a country, and of every place name
    the gazetteer knows in one country only."""
    out = []
    for actor in finder.doc.actors:
        if actor.country:
            for start, end in actor.mentions:
                out.append((place_key(finder.doc.text[start:end]), actor.country))
    for ent in finder.nlp.ents:
        if ent.label_ in PLACE_LABELS:
            countries = {p.country for p in finder.gaz.lookup(ent.text) if p.country}
            if len(countries) == 1:
                out.append((place_key(ent.text), countries.pop()))
    return out


def place_mentions(finder: Finder) -> list[Mention]:
    """The document's place mentions in text order, the longest of overlapping spans;
    a named site ("Dhaka University") or a capital ("Mali's capital") beats what it covers."""
    spans, people = candidate_spans(finder.doc, finder.gaz, finder.cues)
    found: dict[int, Mention] = {}
    facilities = {m.start: m for m in facility_mentions(finder)}
    for start, end in sorted(set(spans), key=lambda se: (se[0], -(se[1] - se[0]))):
        mention = resolve_span(finder, start, end, people)
        if mention is None:
            continue
        taken = next((m for m in found.values() if m.start < mention.end and mention.start < m.end), None)
        if taken is not None:
            if (taken.end - taken.start) >= (mention.end - mention.start):
                continue
            found.pop(taken.root.i)
        found[mention.root.i] = mention
    for mention in [*facilities.values(), *capital_mentions(finder)]:
        for taken in [m for m in found.values() if m.start < mention.end and mention.start < m.end]:
            found.pop(taken.root.i)
        found[mention.root.i] = mention
    return sorted(found.values(), key=lambda m: m.start)


def resolve_span(finder: Finder, start: int, end: int, people: list[tuple[int, int]]) -> Mention | None:
    """The place the tokens start:end name (with a region word or place noun after them
    when there is one: "Kharkiv region"), or None."""
    doc = finder.nlp
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if start >= end:
        return None
    tries = []
    if end < len(doc) and (doc[end].lower_ in finder.cues["region_words"]
                           or doc[end].lower_ in finder.cues["named_place_nouns"]):
        tries.append((start, end + 1))  # "Kharkiv region", "Batken province"
    tries.append((start, end))
    for s, e in tries:
        span = doc[s:e]
        if not span.text[:1].isupper() and not caseless(finder, span):
            continue
        if any(ps <= span.start_char and span.end_char <= pe for ps, pe in people):
            continue  # part of a person's or an organisation's name
        found = _span_place(finder, span, doc[s:end])
        if found is not None:
            return found
    return None


def _span_place(finder: Finder, span: Any, bare: Any) -> Mention | None:
    """The place one try of `resolve_span` names; `bare` is the span without an added
    place noun."""
    candidates = finder.gaz.lookup(span.text) or \
        before_place_noun(finder.gaz, finder.cues, span, finder.context(span.text)) or spelled(finder, span)
    if not candidates:
        return told_place(finder, span) or named_unknown(finder, span) or demonym_place(finder, span) or \
            possessed_place(finder, span)
    if not span.text[:1].isupper():  # caseless text: the place's own name, not an alias
        own = {place_key(span.text), place_key(bare.text), place_key(span[:-1].text)}
        candidates = [p for p in candidates if place_key(p.name) in own]
        if not candidates:
            return None
    tied = finder.qualifier(span)
    if tied and span.text[:1].isupper() and not any(p.country == tied for p in candidates):
        tied_place = tied_elsewhere(finder, span, tied, candidates)
        if tied_place is not None:
            return tied_place
    place = resolve(span.text, finder.context(span.text, tied), candidates)
    if place is not None and not foreign_attribute(span, place, finder.context(span.text), finder.cues):
        return Mention(span.start_char, span.end_char, span.text, place, governed_root(span))
    return None


def tied_elsewhere(finder: Finder, span: Any, tied: str, candidates: list[Place]) -> Mention | None:
    """A name the text ties to a country none of its gazetteer places is in: a place of
    no country takes it ("the Strait of Malacca" ... "of Malacca"), else the name is a
    place the gazetteer lacks, in that country, with no point ("the Zzyzx area of Borno
    state" is no namesake abroad)."""
    chosen = resolve(span.text, finder.context(span.text), candidates)
    if chosen is not None and all(p.country is None for p in candidates):
        place = replace(chosen, country=tied)
        return Mention(span.start_char, span.end_char, span.text, place, governed_root(span))
    return unknown_mention(span, tied)


def spelled(finder: Finder, span: Any) -> list[Place]:
    """Places the name stands for in another transliteration ("Woldiya"), when the
    NER calls it a place: a town, region or feature, never a state."""
    if not any(ent.label_ in PLACE_LABELS and ent.start <= span.root.i < ent.end for ent in span.doc.ents):
        return []
    return [p for p in finder.gaz.lookup_spelling(span.text) if p.kind != "country"]


def caseless(finder: Finder, span: Any) -> bool:
    """Whether the sentence was written all in lower or all in upper case: there the
    gazetteer alone tells a place ("in borno state")."""
    original = finder.doc.text[span.sent.start_char:span.sent.end_char]
    letters = [c for c in original if c.isalpha()]
    return bool(letters) and (not any(c.isupper() for c in letters) or not any(c.islower() for c in letters))
