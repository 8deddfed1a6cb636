"""The place a wire dateline names in capitals when it has several words ("MAE SOT,
Thailand, April 12, 2024 —", "SAN PEDRO SULA, Honduras (AP) —"): spaCy splits such a
run of capitals into pieces ("MAE", "SOT", typed ORG) or misses it. The run that opens
a dateline and that the gazetteer knows as a place is one place mention (GPE) of the
whole run, and spaCy's pieces inside it are none. A dateline place of one word
("KIRKUK") spaCy tags itself; knowledge-base names ("MEXICO CITY", "NEW DELHI") are
kb_mentions' (a capital of several words in capitals is the city there)."""

from __future__ import annotations

import re

from ...places import resolve
from ...places.gazetteer import place_key
from .context import Context
from .model import Entity, Mention

# two or more words in capitals at the opening of a dateline, before its "," "(" "/" or dash
CAPITALS_RUN = re.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)+(?=\s*[,(/]|\s+[-–—])")


def dateline_place_runs(ctx: Context) -> list[tuple[int, int]]:
    """Offsets of the runs of capitals opening a dateline that name a gazetteer place
    (no knowledge-base name)."""
    info = ctx.doc.document
    if info is None:
        return []
    runs = []
    for start, end in info.datelines:
        run = CAPITALS_RUN.match(ctx.text, start, end)
        if run is None or ctx.kb.lookup(run.group()) is not None:
            continue
        place = resolve(run.group())
        if place is not None and place.kind != "country" and place_key(place.name) == place_key(run.group()):
            runs.append(run.span())
    return runs


def dateline_place_mentions(ctx: Context) -> list[Mention]:
    """The place of each dateline run of capitals the gazetteer knows, one GPE mention."""
    return [Mention(s, e, ctx.text[s:e], "GPE", "ner", ctx.zone_at(s), cue="place")
            for s, e in dateline_place_runs(ctx)]


def piece_of_dateline_place(ctx: Context, ent: Entity) -> list[Mention] | None:
    """NER fix: spaCy's entity inside a dateline's place run ("MAE", "SOT" of "MAE SOT,")
    is none; dateline_place_mentions gives the whole place. Every run lies inside a dateline, so
    an entity outside the datelines is let through before the runs are looked up (a NER fix
    runs once an entity)."""
    if not within(ent, ctx.doc.document.datelines if ctx.doc.document else []):
        return None
    return [] if within(ent, dateline_place_runs(ctx)) else None


def within(ent: Entity, spans: list[tuple[int, int]]) -> bool:
    return any(s <= ent.start and ent.end <= e for s, e in spans)
