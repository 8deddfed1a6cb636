"""What makes two records' actors the same actor, and two reports the same event.

Actors: the same knowledge-base id, or else the same name, type and country
(names compared case- and space-insensitively); an actor known by name only
joins the one with a knowledge-base id and the same name key, and vice versa. Events: the same source actor,
target actor, type (PLOVER, or the CAMEO root for events PLOVER does not code)
and negation, with overlapping dates. Undated events are never merged across
reports: without a date nothing says two of them are one occurrence.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date
from typing import Any

_SPACE = re.compile(r"\s+")
_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def normalise_name(name: str) -> str:
    """A name as compared for identity: NFKC, case-folded, single spaces, no dots."""
    text = unicodedata.normalize("NFKC", name).casefold().replace(".", "")
    return _SPACE.sub(" ", text).strip()


def name_key(actor: dict[str, Any]) -> str:
    """normalised name|TYPE|COUNTRY: what identifies an actor without a knowledge-base id."""
    country = (actor.get("country") or "").upper()
    return f"{normalise_name(actor.get('name') or '')}|{(actor.get('type') or '').upper()}|{country}"


def actor_identity(actor: dict[str, Any]) -> str:
    """The unique key of an actor's row: its knowledge-base id, else its name key."""
    kb_id = actor.get("kb_id")
    return f"kb:{kb_id}" if kb_id else f"name:{name_key(actor)}"


def event_kind(event: dict[str, Any]) -> str:
    """The type compared when merging: the PLOVER type, else the CAMEO root."""
    if event.get("plover"):
        return str(event["plover"]).upper()
    cameo = str(event.get("cameo") or "")
    return f"cameo:{cameo[:2]}" if cameo else "none"


def _bound(value: str, end: bool) -> str | None:
    """First (or last) ISO day of a day, month or year expression; None if it is none of these."""
    match = _DAY.match(value.strip()[:10])
    if not match:
        return None
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day:
            return date(year, int(month), int(day)).isoformat()
        if month:
            m = int(month)
            return date(year, m, calendar.monthrange(year, m)[1] if end else 1).isoformat()
        return date(year, 12, 31).isoformat() if end else date(year, 1, 1).isoformat()
    except ValueError:
        return None


def date_range(value: str | None) -> tuple[str | None, str | None]:
    """("2024-02-29", "2024-03-02") for "2024-02-29/2024-03-02", a month or year to its days;
    (None, None) for no date or one that is not ISO."""
    if not value:
        return None, None
    first, _, last = str(value).partition("/")
    start = _bound(first, end=False)
    finish = _bound(last or first, end=True)
    if start is None or finish is None or finish < start:
        return None, None
    return start, finish


def span_days(start: str | None, end: str | None) -> int:
    """How many days a range covers (a measure of precision: fewer is more precise)."""
    if not start or not end:
        return 1 << 30
    return (date.fromisoformat(end) - date.fromisoformat(start)).days + 1



def refines(old_date: str | None, start: str | None, end: str | None,
            old_start: str | None, old_end: str | None) -> bool:
    """Whether a report's date should replace the event's: a day within a month or year
    the event had so far. An explicit interval ("2024-02-29/2024-03-02") is kept, since
    a report of its first day does not make the event shorter."""
    if not old_date or "/" in str(old_date) or start is None or old_start is None or end is None or old_end is None:
        return False
    return span_days(start, end) < span_days(old_start, old_end) and old_start <= start and end <= old_end
