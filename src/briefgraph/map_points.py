"""Where the stored events happened, as points for a map (the web UI's map, issue 15).

    map_points(store, actor="Russia", start="2024-01", country="UKR", near="48.5,35", km=300)

One point per located event with coordinates, under the same filters as the timeline:
`actor` (and `other`), `type`, `start`/`end` (events overlapping the period; without
a period, undated events are kept too), `country` and `near`/`km`. A separate module
from `query` so the timeline's rows stay that module's own.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, or_, select

from . import query
from .store import Store
from .store import schema as s
from .store.places import place_conditions

MAX_POINTS = 5000


def _filtered(store: Store, actor: str | None, other: str | None, type: str | None, start: str | None,
              end: str | None, country: str | None, near: Any, km: float | None) -> Any:
    e = s.events
    src, tgt = s.actors.alias("src"), s.actors.alias("tgt")
    stmt = (select(e.c.id, e.c.date, e.c.date_start, e.c.plover, e.c.cameo, e.c.negated, e.c.goldstein,
                   e.c.location_name, e.c.location_country, e.c.location_kind, e.c.lat, e.c.lon,
                   src.c.name.label("source"), tgt.c.name.label("target"))
            .outerjoin(src, src.c.id == e.c.source_id).outerjoin(tgt, tgt.c.id == e.c.target_id)
            .where(e.c.lat.is_not(None), e.c.lon.is_not(None)))
    if other and not actor:
        actor, other = other, None
    if actor:
        ids = query.actor_ids(store, actor)
        if other:
            others = query.actor_ids(store, other)
            stmt = stmt.where(or_(and_(e.c.source_id.in_(ids), e.c.target_id.in_(others)),
                                  and_(e.c.source_id.in_(others), e.c.target_id.in_(ids))))
        else:
            stmt = stmt.where(or_(e.c.source_id.in_(ids), e.c.target_id.in_(ids)))
    condition = query._type_filter(type)
    if condition is not None:
        stmt = stmt.where(condition)
    first, last = query._bounds(start, end)
    if first:
        stmt = stmt.where(e.c.date_end >= first)
    if last:
        stmt = stmt.where(e.c.date_start <= last)
    return stmt.where(*place_conditions(store, country, near, km)).order_by(e.c.date_start, e.c.id)


def _first_reports(store: Store, event_ids: list[int]) -> dict[int, Any]:
    ev = s.evidence
    out: dict[int, Any] = {}
    with store.connect() as conn:
        for r in conn.execute(select(ev.c.event_id, ev.c.document_id, ev.c.start, ev.c.end)
                              .where(ev.c.event_id.in_(event_ids)).order_by(ev.c.event_id, ev.c.id)):
            out.setdefault(r.event_id, r)
    return out


def label(point: dict[str, Any]) -> str:
    """The point's tooltip: "2024-02-26 · ASSAULT · Russia → Ukraine · Kharkiv (UKR)"."""
    kind = ("not " if point["negated"] else "") + str(point["type"] or "event")
    actors = " → ".join(a for a in (point["source"] or "?", point["target"]) if a)
    place = point["place"] + (f" ({point['country']})" if point["country"] else "")
    return " · ".join(p for p in (point["date"] or "undated", kind, actors, place) if p)


def map_points(store: Store, actor: str | None = None, other: str | None = None, type: str | None = None,
               start: str | None = None, end: str | None = None, country: str | None = None,
               near: str | tuple[float, float] | None = None, km: float | None = None,
               limit: int | None = MAX_POINTS) -> list[dict[str, Any]]:
    """Located events as map points: id, lat, lon, date, type, actors, place, a link to the evidence."""
    query._check_text(type=type, start=start, end=end)
    stmt = _filtered(store, actor, other, type, start, end, country, near, km)
    if limit is not None:
        stmt = stmt.limit(limit)
    with store.connect() as conn:
        rows = conn.execute(stmt).all()
    reports = _first_reports(store, [r.id for r in rows])
    points = []
    for r in rows:
        report = reports.get(r.id)
        point = {"id": r.id, "lat": r.lat, "lon": r.lon, "date": r.date, "type": r.plover or r.cameo,
                 "negated": bool(r.negated), "goldstein": r.goldstein, "source": r.source, "target": r.target,
                 "place": r.location_name or "", "country": r.location_country, "kind": r.location_kind,
                 "document_id": report.document_id if report else None,
                 "href": f"/ui/reader/{report.document_id}#span-{report.start}-{report.end}" if report else None}
        point["label"] = label(point)
        points.append(point)
    return points


def view_box(points: list[dict[str, Any]], pad: float = 8.0) -> tuple[float, float, float, float]:
    """The part of the world map (x=lon, y=-lat, degrees) that shows every point with a
    margin, at least 60 by 30 degrees and in the map's 2:1 shape; the whole world without points."""
    if not points:
        return (-180.0, -90.0, 360.0, 180.0)
    xs, ys = [p["lon"] for p in points], [-p["lat"] for p in points]
    width = max(60.0, max(xs) - min(xs) + 2 * pad)
    height = max(30.0, max(ys) - min(ys) + 2 * pad)
    width, height = max(width, 2 * height), max(height, width / 2)
    width, height = min(width, 360.0), min(height, 180.0)
    x = min(max((min(xs) + max(xs)) / 2 - width / 2, -180.0), 180.0 - width)
    y = min(max((min(ys) + max(ys)) / 2 - height / 2, -90.0), 90.0 - height)
    return (round(x, 2), round(y, 2), round(width, 2), round(height, 2))
