"""Magnitudes and generic-actor fields in the store (migration 5).

- `actors` gains `category` (conflict-data category of a generic actor) and
  `country_from` (where its country came from); a stored actor keeps the first
  non-null value any record gives it, as it does for `code`.
- `magnitudes` holds every magnitude of every report: (event, document, kind,
  value, min, max, text, start, end). A merged event keeps each report's rows, with
  the document that stated them.

How a merged event's magnitudes read (`summarise`): one figure per kind, the one
stated by the report with the highest number (its value, else its min, else its
max), an exact value winning a tie over a bound. Tolls rise as reports come in and
later reports rarely lower them; the other reports' figures stay in the table for
anyone who wants them. Figures are never added up, not even within one report: a
document that repeats its toll ("killed 12" ... "the 12 dead") would count it twice,
so "killing two soldiers ... three attackers were killed" reads "killed 3".
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Connection, String, inspect, select, text

from ..errors import StoreError
from ..records import MAGNITUDE_KINDS

ACTOR_COLUMNS = (("category", String(40)), ("country_from", String(20)))
# The DDL of migration 5, written out: no SQL is built from strings at run time.
ADD_ACTOR_COLUMN = {
    "category": "ALTER TABLE actors ADD COLUMN category VARCHAR(40)",
    "country_from": "ALTER TABLE actors ADD COLUMN country_from VARCHAR(20)",
}
LARGEST = 2_000_000_000  # the Integer columns' safe range


def actor_columns() -> list[Column]:
    """The Column objects schema.actors carries for ACTOR_COLUMNS."""
    return [Column(name, kind) for name, kind in ACTOR_COLUMNS]


def add_magnitudes(conn: Connection) -> None:
    """Migration 5: actor category and country_from, and the magnitudes table (a store
    created by this version has them from migration 1 already)."""
    from . import schema

    have = {c["name"] for c in inspect(conn).get_columns("actors")}
    for name, _kind in ACTOR_COLUMNS:
        if name not in have:
            conn.execute(text(ADD_ACTOR_COLUMN[name]))
    schema.magnitudes.create(conn, checkfirst=True)
    for index in schema.magnitudes.indexes:
        index.create(conn, checkfirst=True)


def actor_values(actor: dict[str, Any]) -> dict[str, Any]:
    """The actor columns of migration 5 from a record's actor (null when the record has none)."""
    return {"category": actor.get("category") or None, "country_from": actor.get("country_from") or None}


def _count(value: Any, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= LARGEST:
        raise StoreError(f"magnitude {what} is {value!r}, not a count")
    return value


def magnitude_rows(event: dict[str, Any], event_id: int, document_id: int) -> list[dict[str, Any]]:
    """The `magnitudes` rows of one reported event (a record without the field has none)."""
    rows = []
    for m in event.get("magnitudes") or []:
        if not isinstance(m, dict) or m.get("kind") not in MAGNITUDE_KINDS:
            raise StoreError(f"magnitude {m!r} has no kind among {', '.join(MAGNITUDE_KINDS)}")
        rows.append({"event_id": event_id, "document_id": document_id, "kind": m["kind"],
                     "value": _count(m.get("value"), "value"), "min": _count(m.get("min"), "min"),
                     "max": _count(m.get("max"), "max"), "text": str(m.get("text") or ""),
                     "start": _count(m.get("start"), "start"), "end": _count(m.get("end"), "end")})
    return rows


def _figure(m: dict[str, Any]) -> tuple[int, int]:
    number = m["value"] if m["value"] is not None else m["min"] if m["min"] is not None else m["max"] or 0
    return number, 1 if m["value"] is not None else 0


def summarise(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One figure per kind (kinds in MAGNITUDE_KINDS order), by the rule of the module doc."""
    best: dict[str, dict[str, Any]] = {}
    for m in rows:
        if m["kind"] not in best or _figure(m) > _figure(best[m["kind"]]):
            best[m["kind"]] = m
    return [{"kind": k, "value": best[k]["value"], "min": best[k]["min"], "max": best[k]["max"],
             "text": best[k]["text"]} for k in MAGNITUDE_KINDS if k in best]


def label(summary: list[dict[str, Any]]) -> str:
    """"killed 2, arrested 20, crowd 1000+, injured 300-400, displaced up to 500"."""
    parts = []
    for m in summary:
        if m["value"] is not None:
            parts.append(f"{m['kind']} {m['value']}")
        elif m["min"] is not None and m["max"] is not None:
            parts.append(f"{m['kind']} {m['min']}-{m['max']}")
        elif m["min"] is not None:
            parts.append(f"{m['kind']} {m['min']}+")
        elif m["max"] is not None:
            parts.append(f"{m['kind']} up to {m['max']}")
    return ", ".join(parts)


def event_magnitudes(conn: Connection, event_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each event's summarised magnitudes ([] when none was stated)."""
    from . import schema

    out: dict[int, list[dict[str, Any]]] = {i: [] for i in event_ids}
    if not event_ids:
        return out
    t = schema.magnitudes
    rows: dict[int, list[dict[str, Any]]] = {i: [] for i in event_ids}
    for r in conn.execute(select(t).where(t.c.event_id.in_(event_ids)).order_by(t.c.event_id, t.c.id)):
        rows[r.event_id].append(dict(r._mapping))
    return {i: summarise(found) for i, found in rows.items()}
