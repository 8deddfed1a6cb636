"""Events as PLOVER / POLECAT-style JSON Lines: one event a line with its type, mode
and context (from the PLOVER manual's CAMEO table), actor and recipient with their
names, codes and countries, date, location with coordinates, the evidence sentence and
its source, and the numbers the text states (`magnitudes`: killed, injured, arrested,
abducted, displaced, crowd) with an ACLED-style `fatalities` count (the stated number of
killed, the lower bound for "at least 12" or "dozens", null when none was stated).
schemas/plover-event.schema.json describes a line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, TextIO

from ..knowledge import data_path, read_data_lines

_PAGE = 1000


@lru_cache(maxsize=1)
def plover_modes() -> dict[str, tuple[str, list[str]]]:
    """CAMEO code -> (PLOVER mode, contexts), from knowledge/exports/plover-modes.tsv."""
    out = {}
    for line in read_data_lines(data_path("exports/plover-modes.tsv")):
        code, _, rest = line.partition("\t")
        mode, _, context = rest.partition("\t")
        out[code] = (mode.strip(), [c for c in context.strip().split(",") if c])
    return out


def mode_and_context(cameo: str | None) -> tuple[str | None, list[str]]:
    """The mode and contexts of the most specific CAMEO prefix the table has."""
    table = plover_modes()
    code = cameo or ""
    while code:
        if code in table:
            mode, contexts = table[code]
            return mode or None, contexts
        code = code[:-1]
    return None, []


def _actor(name: str | None, code: str | None) -> dict[str, Any] | None:
    if not name:
        return None
    country = code[:3] if code and len(code) >= 3 and code[:3].isalpha() and code[:3].isupper() else None
    return {"name": name, "code": code, "country": country}


def fatalities(magnitudes: list[dict[str, Any]]) -> int | None:
    """The stated number of killed (its value, else its lower bound), or None."""
    for m in magnitudes:
        if m["kind"] == "killed":
            return m["value"] if m["value"] is not None else m["min"]
    return None


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """One timeline row as a PLOVER event record."""
    mode, contexts = mode_and_context(event.get("cameo"))
    reports = event.get("reports") or []
    first = reports[0] if reports else {}
    location = None
    if event.get("location"):
        location = {"name": event["location"], "country": event.get("location_country"),
                    "admin1": event.get("location_admin1"), "kind": event.get("location_kind"),
                    "lat": event.get("lat"), "lon": event.get("lon"), "how": event.get("location_how")}
    return {
        "event_id": f"briefgraph-{event['id']}",
        "event_type": event.get("plover"),
        "event_mode": mode,
        "event_context": contexts,
        "cameo": event.get("cameo"),
        "goldstein": event.get("goldstein"),
        "negated": bool(event.get("negated")),
        "modality": event.get("modality"),
        "actor": _actor(event.get("source"), event.get("source_code")),
        "recipient": _actor(event.get("target"), event.get("target_code")),
        "date": event.get("date"),
        "location": location,
        "evidence": event.get("evidence"),
        "source": {"document": first.get("document"), "url": event.get("url"), "published": first.get("published")},
        "num_sources": event.get("source_count") or 1,
        "magnitudes": [{k: m[k] for k in ("kind", "value", "min", "max", "text")}
                       for m in event.get("magnitudes") or []],
        "fatalities": fatalities(event.get("magnitudes") or []),
    }


def plover_records(store: Any, **filters: Any) -> Iterator[dict[str, Any]]:
    """PLOVER records of the stored events that PLOVER codes (timeline order, undated last)."""
    from .. import query

    for event in query.timeline_events(store, page=_PAGE, **filters):
        if event.get("plover"):
            yield plover_record(event)


def write_plover(store: Any, out: TextIO, **filters: Any) -> int:
    count = 0
    for record in plover_records(store, **filters):
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
