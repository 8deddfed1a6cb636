"""The date of an event: the time named in its own clause, else the narrative
time the story is at (the last day or month named before it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..times import narrative_time_at

if TYPE_CHECKING:
    from .context import Context


def event_date(ctx: Context, clause: list[Token], start: int) -> str | None:
    """The value of the first time inside the clause (a time with no value makes
    the date unknown), else of the narrative time at `start`."""
    offsets = {t.idx for t in clause}
    for time in ctx.times:
        if time.text.split()[0].lower() in ctx.clause_words("duration_words"):
            continue  # "within two months" bounds a plan, it does not date the clause
        if time.start in offsets or any(time.start <= o < time.end for o in offsets):
            return time.value
    found = narrative_time_at(ctx.narrative_times, start, ctx.document, months=True)
    return found.value if found else None
