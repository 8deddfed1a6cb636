"""The places stage's fallbacks (stages/places.py), for the events whose
own sentence names no place, in order: the place a paragraph opens with ("In Addis
Ababa, ...") or a section heading names, the only place of the sentence before, the
place a wire story's dateline names ("MOSCOW (Reuters) -"), the story's place (its
lede's). The functions read the stage's `_PlaceFinder` (its document, gazetteer and cue
words)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..places import resolve
from ..records import Event, Location
from .place_finder import Finder
from .place_mention import Mention
from .place_sole import previous_place

DATELINE_PLACE = re.compile(r"\s*([A-Z][A-Z .'-]*[A-Z])(?:\s*,\s*([A-Z][A-Za-z. ]*[A-Za-z]))?")
# how precise a place of each kind is, for the story's place (lower is more precise)
PRECISION = {"other": 0, "city": 1}
HEADING_PLACE = re.compile(r"\b(?:in|near|at|off)\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*)")


def datelines(finder: Finder) -> list[tuple[int, Mention]]:
    """(where it starts, place) of every dateline of the document ("MOSCOW (Reuters) -")."""
    out = []
    text = finder.doc.text
    for start, end in (finder.doc.document.datelines if finder.doc.document else []):
        found = DATELINE_PLACE.match(text, start, end)
        if found is None:
            continue
        name = found.group(1).strip().title()
        qualifier = finder.state_code(found.group(2)) if found.group(2) else None
        candidates = finder.gaz.lookup(name)
        if not candidates:
            continue
        place = resolve(name, finder.context(name, qualifier), candidates)
        if place is not None:
            out.append((start, Mention(found.start(1), found.end(1), name, place)))
    return out


def narrative_places(finder: Finder) -> list[tuple[int, int, Mention]]:
    """(from, to, place): a paragraph opened by "In X, ..." from that sentence to the
    paragraph's end; a section whose heading names "in X", over that section."""
    out = []
    text = finder.doc.text
    for sent in finder.nlp.sents:
        first = next((t for t in sent if not t.is_space), None)
        if first is None or first.lower_ not in finder.cues["locative_preps"] or first.head.i != sent.root.i:
            continue
        pobj = next((c for c in first.children if c.dep_ == "pobj"), None)
        mention = finder.by_root.get(pobj.i) if pobj is not None else None
        if mention is None:
            continue
        paragraph_end = text.find("\n", sent.start_char + len(sent.text.rstrip()))
        out.append((sent.start_char, paragraph_end if paragraph_end >= 0 else len(text), mention))
    for section in (finder.doc.document.sections if finder.doc.document else []):
        if not section.heading:
            continue
        at = text.rfind(section.heading, 0, section.start + len(section.heading) + 1)
        for found in HEADING_PLACE.finditer(section.heading):
            name = re.sub(r"^the\s+", "", found.group(1))
            words = name.split()
            for size in range(len(words), 0, -1):
                part = " ".join(words[:size])
                candidates = finder.gaz.lookup(part)
                place = resolve(part, finder.context(part), candidates) if candidates else None
                if place is not None:
                    offset = at + found.start(1) + found.group(1).find(part) if at >= 0 else None
                    mention = Mention(offset if offset is not None else section.start,
                                       (offset if offset is not None else section.start) + len(part), part, place)
                    out.append((section.start, section.end, mention))
                    break
    return out


def fallback_location(finder: Finder, event: Event, trigger: Any | None) -> Location | None:
    """The place of an event its own sentence does not place: the narrative's (paragraph,
    heading, the sentence before), the dateline's, or the story's, which beats the
    dateline in the dateline's own country."""
    offset = event.evidence.start
    for start, end, mention in finder.narrative:
        if start <= offset < end:
            return mention.location("narrative")
    before = previous_place(finder, trigger) if trigger is not None else None
    if before is not None:
        return before.location("narrative")
    dateline = None
    for start, mention in finder.datelines:
        if start <= offset:
            dateline = mention
    story = story_place(finder)
    if dateline is not None and (story is None or story.country != dateline.place.country):
        return dateline.location("dateline")
    return story  # the lede's place beats the filing place in its country


def story_place(finder: Finder) -> Location | None:
    """The story's place: the most precise place the lede gives its events, i.e. the
    events of the sentence of the first event the text places in its own sentence ("Police
    in Ulaanbaatar detained 46 people as protesters rallied outside the State Palace": the
    palace), for the events no sentence, paragraph or heading places (how "document");
    never a state."""
    if finder.story is None:
        finder.story = False
        lede = lede_places(finder)
        places = [p for p in lede if p.kind != "country" and p.country == lede[0].country]
        if lede and lede[0].kind != "country" and places:  # a state is no story's place
            finder.story = replace(min(places, key=lambda p: PRECISION.get(p.kind or "", 2)), how="document")
    return finder.story if isinstance(finder.story, Location) else None


def background_incident(event: Event, trigger: Any | None) -> bool:
    """"Kenya demanded that Uganda release six fishermen who were detained near Jinja": an
    incident (no doer) told in a clause that describes the people it harmed is background to
    the story, whose place it does not give."""
    return event.source is None and trigger is not None and trigger.dep_ in ("relcl", "acl")


def lede_places(finder: Finder) -> list[Location]:
    """The places the events of the lede sentence take from their own sentence, in order:
    the sentence of the first event the text places there."""
    lede: list[Location] = []
    sentence = None
    for event in sorted(finder.doc.events, key=lambda e: e.evidence.start):
        trigger = finder.trigger(event)
        if background_incident(event, trigger):
            continue
        if sentence is not None and (trigger is None or trigger.sent.start != sentence):
            break
        found = finder.own_sentence(event, trigger) if trigger is not None else None
        if found is not None and trigger is not None:  # found only with a trigger
            lede.append(found)
            sentence = trigger.sent.start
    return lede
