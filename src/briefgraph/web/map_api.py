"""`GET /map/points`: the located events as map points (JSON), under the timeline's
filters plus `country` (ISO3 or a name) and `near=LAT,LON&km=N`; the web UI's map
(`/ui/map`, and the timeline, home and network pages) draws the same points."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from ..map_points import MAX_POINTS, map_points, view_box
from .api import Day, EventType, Name, read_access

router = APIRouter(dependencies=[Depends(read_access)])

Country = Annotated[str | None, Query(min_length=2, max_length=100, description="ISO alpha-3 code or a name.")]
Near = Annotated[str | None, Query(min_length=3, max_length=60, description="LAT,LON (with km).")]
Km = Annotated[float | None, Query(gt=0, le=20100, description="Radius around `near`, in kilometres.")]


@router.get("/map/points", tags=["queries"])
def points(request: Request, actor: Name = None, other: Name = None, type: EventType = None,
           start: Day = None, end: Day = None, country: Country = None, near: Near = None, km: Km = None,
           limit: Annotated[int, Query(ge=1, le=MAX_POINTS)] = MAX_POINTS) -> dict[str, Any]:
    """Located events (lat, lon, date, type, actors, place, link to the evidence) and the
    part of the world map (x=lon, y=-lat) that holds them."""
    found = map_points(request.app.state.store, actor=actor, other=other, type=type, start=start, end=end,
                       country=country, near=near, km=km, limit=limit)
    return {"items": found, "view_box": view_box(found), "count": len(found)}
