"""Drafting a Flash Brief from the store (issue 12).

    brief = draft_brief(store, ["Russia", "Hamas"], topic=None, start=None, end=None)
    print(render(brief, "md"))

Modules: `select` (actors, events and quotes from the query functions),
`templates` (sentences per PLOVER type, data in knowledge/brief/templates.txt),
`dates` (date phrases and relative dates), `compose` (sections, narrative,
footnotes), `render` (md, text, html, json), `model` (the Brief dataclasses).
"""

from __future__ import annotations

from ..store import Store
from .compose import compose
from .errors import BriefError
from .model import Brief, Note, RelatedItem, Section, Sentence
from .render import FORMATS, render

__all__ = ["draft_brief", "render", "Brief", "BriefError", "FORMATS", "Note", "RelatedItem", "Section", "Sentence"]


def draft_brief(store: Store, actors: list[str] | str, topic: str | None = None, start: str | None = None,
                end: str | None = None, genre: str = "Flash Brief") -> Brief:
    """Draft a brief on the actors (one name or several) from what the store holds.

    `topic` keeps the events and quotes of documents a full-text search for it finds;
    `start`/`end` (YYYY, YYYY-MM or YYYY-MM-DD) bound the events' dates. Raises
    `BriefError` (a `query.NotFound`) when an actor is unknown or nothing matches."""
    if isinstance(actors, str):
        actors = [actors]
    return compose(store, list(actors), topic=topic, start=start, end=end, genre=genre)
