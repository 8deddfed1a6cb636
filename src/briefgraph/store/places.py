"""Where stored events happened: the place columns of `events` (migration 3) and the
`--country` / `--near LAT,LON --km N` filters of the timeline and the network.

A near filter keeps events within `km` of a point: a bounding box in SQL first (it
uses plain comparisons, so any database can), then the exact great-circle distance
in Python.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Connection, String, inspect, text

from ..places import bounding_box, haversine_km, parse_point

PLACE_COLUMNS = (("location_admin1", String(200)), ("location_kind", String(20)), ("location_how", String(20)))
# The DDL of migration 3, written out: no SQL is built from strings at run time.
ADD_PLACE_COLUMN = {
    "location_admin1": "ALTER TABLE events ADD COLUMN location_admin1 VARCHAR(200)",
    "location_kind": "ALTER TABLE events ADD COLUMN location_kind VARCHAR(20)",
    "location_how": "ALTER TABLE events ADD COLUMN location_how VARCHAR(20)",
}


def add_place_columns(conn: Connection) -> None:
    """Migration 3: events gain the place's first-level region, kind and how it was found
    (a store created by this version has them from migration 1 already)."""
    have = {c["name"] for c in inspect(conn).get_columns("events")}
    for name, _kind in PLACE_COLUMNS:
        if name not in have:
            conn.execute(text(ADD_PLACE_COLUMN[name]))


def place_columns() -> list[Column]:
    """The Column objects schema.events carries for PLACE_COLUMNS."""
    return [Column(name, kind) for name, kind in PLACE_COLUMNS]


def place_values(location: dict[str, Any]) -> dict[str, Any]:
    """The extra event columns of a record's `location`."""
    return {"location_admin1": location.get("admin1"), "location_kind": location.get("kind"),
            "location_how": location.get("how")}


class NearFilter:
    """`near` ("LAT,LON" or a pair) and `km` as a SQL prefilter and an exact check."""

    def __init__(self, near: str | tuple[float, float], km: float):
        from ..query import QueryError

        try:
            self.lat, self.lon = parse_point(near) if isinstance(near, str) else (float(near[0]), float(near[1]))
        except (ValueError, TypeError, IndexError) as exc:
            raise QueryError(f"near: {exc}") from None
        if isinstance(km, bool) or not isinstance(km, (int, float)) or km <= 0:
            raise QueryError(f"km: {km!r} is not a positive distance")
        self.km = float(km)

    def where(self, lat: Any, lon: Any) -> list[Any]:
        min_lat, max_lat, min_lon, max_lon = bounding_box(self.lat, self.lon, self.km)
        return [lat.is_not(None), lon.is_not(None), lat >= min_lat, lat <= max_lat, lon >= min_lon, lon <= max_lon]

    def keeps(self, lat: float | None, lon: float | None) -> bool:
        return lat is not None and lon is not None and haversine_km(self.lat, self.lon, lat, lon) <= self.km


def country_condition(column: Any, country: str) -> Any:
    from ..query import QueryError

    code = (country or "").strip().upper()
    if not code:
        raise QueryError("country: an empty country code")
    if len(code) != 3 or not code.isalpha():
        from ..places import gazetteer

        states = [p for p in gazetteer().lookup(country) if p.kind == "country"]
        if not states:
            raise QueryError(f"country: {country!r} is neither an ISO alpha-3 code nor a country name")
        code = states[0].country or code
    return column == code


__all__ = ["NearFilter", "add_place_columns", "country_condition", "place_columns", "place_values"]


def place_conditions(store: Any, country: str | None = None, near: str | tuple[float, float] | None = None,
                     km: float | None = None) -> list[Any]:
    """Conditions on `events` for `--country` (ISO3 or a country's name) and `--near LAT,LON --km N`."""
    from sqlalchemy import select

    from ..query import QueryError
    from . import schema

    e = schema.events
    conditions = []
    if country is not None:
        conditions.append(country_condition(e.c.location_country, country))
    if near is not None or km is not None:
        if near is None or km is None:
            raise QueryError("near: give both near (LAT,LON) and km")
        within = NearFilter(near, km)
        with store.connect() as conn:
            rows = conn.execute(select(e.c.id, e.c.lat, e.c.lon).where(*within.where(e.c.lat, e.c.lon))).all()
        conditions.append(e.c.id.in_([r.id for r in rows if within.keeps(r.lat, r.lon)]))
    return conditions
