"""The web pages (issue 12): document reader, timeline, actor network, quotes,
search and brief drafting, under `/ui/`. Each page calls the same library
functions as the JSON API; Jinja2 autoescapes every piece of document text, and
all scripts are static files (no inline script or handler), so a strict
Content-Security-Policy can be applied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from .. import query
from ..brief import draft_brief
from ..brief.render import to_html_fragment
from ..errors import BriefgraphError
from ..map_points import map_points, view_box
from .api import read_access
from .reader import annotate, coding, timeline_chart

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))

router = APIRouter(dependencies=[Depends(read_access)], include_in_schema=False)
Text = Annotated[str | None, Query(max_length=300)]


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, {"page": name.removesuffix(".html"), **context},
                                      status_code=status)


def _error(request: Request, exc: BriefgraphError, page: str) -> HTMLResponse:
    status = 404 if isinstance(exc, query.NotFound) else 400
    return _page(request, "error.html", status=status, message=str(exc), active=page)


@router.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/ui/")


def _map(request: Request, **filters: Any) -> dict[str, Any]:
    """The map of the events in view: their points and the part of the world that holds them."""
    points = map_points(request.app.state.store, **{k: v or None for k, v in filters.items()})
    return {"points": points, "view_box": " ".join(str(v) for v in view_box(points)),
            "radius": round(max(view_box(points)[2] / 220, 0.25), 2),
            "query": "&".join(f"{k}={v}" for k, v in filters.items() if v)}


@router.get("/ui/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    store = request.app.state.store
    return _page(request, "home.html", documents=query.docs(store, limit=500),
                 actors=query.actors(store, limit=12), counts=store.counts(), map=_map(request))


@router.get("/ui/map", response_class=HTMLResponse)
def world_map(request: Request, actor: Text = None, start: Text = None, end: Text = None, country: Text = None,
              near: Text = None, km: Text = None) -> HTMLResponse:
    form = {"actor": actor or "", "start": start or "", "end": end or "", "country": country or "",
            "near": near or "", "km": km or ""}
    try:
        radius = float(km) if km else None
        shown = _map(request, actor=actor, start=start, end=end, country=country, near=near, km=radius)
    except ValueError:
        return _page(request, "error.html", status=400, message=f"km: {km!r} is not a number", active="map")
    except BriefgraphError as exc:
        return _error(request, exc, "map")
    return _page(request, "map.html", 200, map=shown, **form)


@router.get("/ui/reader/{document_id}", response_class=HTMLResponse)
def reader(request: Request, document_id: int) -> HTMLResponse:
    try:
        doc = query.document(request.app.state.store, document_id)
    except BriefgraphError as exc:
        return _error(request, exc, "home")
    record = doc["record"] or {}
    return _page(request, "reader.html", doc=doc, record=record, segments=annotate(record),
                 codings=coding(record))


@router.get("/ui/timeline", response_class=HTMLResponse)
def timeline(request: Request, actor: Text = None, other: Text = None, start: Text = None,
             end: Text = None) -> HTMLResponse:
    events: list[dict[str, Any]] = []
    shown = None
    if actor:
        try:
            events = query.timeline(request.app.state.store, actor=actor, other=other or None,
                                    start=start or None, end=end or None, limit=1000)
            shown = _map(request, actor=actor, other=other, start=start, end=end)
        except BriefgraphError as exc:
            return _error(request, exc, "timeline")
    return _page(request, "timeline.html", actor=actor or "", other=other or "", start=start or "",
                 end=end or "", events=events, chart=timeline_chart(events), map=shown)


@router.get("/ui/network", response_class=HTMLResponse)
def network(request: Request, actor: Text = None, start: Text = None, end: Text = None) -> HTMLResponse:
    try:
        shown = _map(request, actor=actor, start=start, end=end)
    except BriefgraphError as exc:
        return _error(request, exc, "network")
    return _page(request, "network.html", actor=actor or "", start=start or "", end=end or "", map=shown)


@router.get("/ui/quotes", response_class=HTMLResponse)
def quotes(request: Request, speaker: Text = None, text: Text = None) -> HTMLResponse:
    try:
        rows = query.quotes(request.app.state.store, speaker=speaker or None, text=text or None, limit=300)
    except BriefgraphError as exc:
        return _error(request, exc, "quotes")
    return _page(request, "quotes.html", speaker=speaker or "", text=text or "", quotes=rows)


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) parts: the words between [ and ] are the matches."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while "[" in rest and "]" in rest.split("[", 1)[1]:
        before, after = rest.split("[", 1)
        hit, rest = after.split("]", 1)
        parts += [(before, False), (hit, True)]
    parts.append((rest, False))
    return [p for p in parts if p[0]]


@router.get("/ui/search", response_class=HTMLResponse)
def search(request: Request, q: Text = None) -> HTMLResponse:
    hits: list[dict[str, Any]] = []
    if q and q.strip():
        try:
            hits = query.search(request.app.state.store, q, limit=50)
        except BriefgraphError as exc:
            return _error(request, exc, "search")
        for hit in hits:
            hit["parts"] = snippet_parts(hit["snippet"])
    return _page(request, "search.html", q=q or "", hits=hits)


@router.get("/ui/brief", response_class=HTMLResponse)
def brief(request: Request, actor: Annotated[list[str] | None, Query(max_length=10)] = None, topic: Text = None,
          start: Text = None, end: Text = None) -> HTMLResponse:
    actors = [a.strip() for value in actor or [] for a in value.split(",") if a.strip()]
    html, error = None, None
    if actors:
        try:
            drafted = draft_brief(request.app.state.store, actors, topic=topic or None, start=start or None,
                                  end=end or None)
            html = Markup(to_html_fragment(drafted, link_documents="/ui/reader/{id}"))  # noqa: S704 - escaped
        except BriefgraphError as exc:
            error = str(exc)
    params = [("actor", a) for a in actors] + [(k, v) for k, v in (("topic", topic), ("start", start),
                                                                    ("end", end)) if v]
    return _page(request, "brief.html", status=404 if error else 200, actors=actors, topic=topic or "",
                 start=start or "", end=end or "", html=html, error=error, params=params)
