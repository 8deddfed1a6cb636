"""`GET /brief`: the same draft as `briefgraph brief`, as JSON, Markdown, text or HTML."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from ..brief import draft_brief, render
from .api import Day, Name, read_access

router = APIRouter(dependencies=[Depends(read_access)])


class BriefFormat(StrEnum):
    json = "json"
    md = "md"
    text = "text"
    html = "html"


MEDIA = {"json": "application/json", "md": "text/markdown; charset=utf-8", "text": "text/plain; charset=utf-8",
         "html": "text/html; charset=utf-8"}


@router.get("/brief", tags=["queries"], response_model=None)
def brief(request: Request, actor: Annotated[list[str], Query(min_length=1, max_length=10)],
          topic: Name = None, start: Day = None, end: Day = None, format: BriefFormat = BriefFormat.json,
          download: bool = False) -> Response:
    """Draft a Flash Brief on the actors (repeat `actor`); 404 when the store knows nothing about them."""
    drafted = draft_brief(request.app.state.store, actor, topic=topic, start=start, end=end)
    headers = {}
    if download:
        suffix = {"json": "json", "md": "md", "text": "txt", "html": "html"}[format.value]
        name = "-".join("".join(c for c in a.lower() if c.isalnum()) or "actor" for a in actor)
        headers["Content-Disposition"] = f'attachment; filename="brief-{name}.{suffix}"'
    return Response(render(drafted, format.value), media_type=MEDIA[format.value], headers=headers)
