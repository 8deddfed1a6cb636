"""The date of an event: the time named in its own clause, else a day of the story's
week named in a modifier of the clause, else the narrative time the story is at (the
last day or month named before it)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...records import TimeExpr
from ..times import narrative_time_at
from ..times.narrative import is_day

if TYPE_CHECKING:
    from .context import Context

STORY_DAYS = 7  # a day this many days before the page's date at most is a day of the story
OTHER_CLAUSES = frozenset({"conj", "advcl", "parataxis", "csubj"})  # acts with days of their own


def event_date(ctx: Context, clause: list[Token], start: int) -> str | None:
    """The value of the first time inside the clause (a time with no value makes
    the date unknown), else of a story day told in a modifier of the clause, else of
    the narrative time at `start`."""
    own = _time_among(ctx, {t.idx for t in clause})
    if own is not None:
        return own.value
    below = _time_among(ctx, {t.idx for head in clause for t in _modifiers(head)})
    if below is not None and _story_day(ctx, below):
        return below.value  # "fired tear gas at hawkers who blocked the avenue on Monday"
    found = narrative_time_at(ctx.narrative_times, start, ctx.document, months=True)
    return found.value if found else None


def _modifiers(token: Token) -> list[Token]:
    """The token and what hangs below it, short of other clauses of their own."""
    out = [token]
    for child in token.children:
        if child.dep_ not in OTHER_CLAUSES:
            out += _modifiers(child)
    return out


def _time_among(ctx: Context, offsets: set[int]) -> TimeExpr | None:
    for time in ctx.times:
        if time.text.split()[0].lower() in ctx.clause_words("duration_words"):
            continue  # "within two months" bounds a plan, it does not date the clause
        if time.start in offsets or any(time.start <= o < time.end for o in offsets):
            return time
    return None


def _story_day(ctx: Context, time: TimeExpr) -> bool:
    return story_day(time, ctx.document.published if ctx.document else None)


def story_day(time: TimeExpr, published: str | None) -> bool:
    """A day told relative to the page's date and at most a week before it ("on Monday",
    "yesterday"): the days of a news story, not the date of some earlier thing."""
    if time.anchor != "published" or not is_day(time.value) or not published or not is_day(published):
        return False
    days = (date.fromisoformat(published) - date.fromisoformat(time.value or "")).days
    return 0 <= days <= STORY_DAYS
