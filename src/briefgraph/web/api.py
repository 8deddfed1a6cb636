"""The JSON API: the library's queries with pagination, and ingest.

Lists answer `{"items": [...], "limit": n, "offset": k, "next_offset": k+n or null}`.
Reads are open unless the server is configured to protect them; `POST /documents`
always needs the bearer token.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .. import query
from ..errors import StoreError
from ..exports.network import network_graphml
from ..ingest import ingest_documents
from ..readers.dates import published_date
from ..records import Failure, RawDocument
from ..store import Store, StoreUnavailable
from .auth import read_access, write_access

MAX_PAGE = 1000
MAX_BATCH = 100

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Items to skip.")]
Name = Annotated[str | None, Query(min_length=1, max_length=300)]
Day = Annotated[str | None, Query(min_length=4, max_length=40, description="YYYY-MM-DD, YYYY-MM or YYYY.")]
EventType = Annotated[str | None, Query(min_length=1, max_length=20, description="PLOVER type or CAMEO code prefix.")]


router = APIRouter()
reads = APIRouter(dependencies=[Depends(read_access)])


def _store(request: Request) -> Store:
    return request.app.state.store


def _page(fn: Callable[..., list[dict[str, Any]]], store: Store, limit: int, offset: int,
          **params: Any) -> dict[str, Any]:
    items = fn(store, limit=limit + 1, offset=offset, **params)
    more = len(items) > limit
    return {"items": items[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None}


@router.get("/health", tags=["meta"])
def health(request: Request) -> dict[str, Any]:
    """The server answers and its store is reachable."""
    return {"status": "ok", "store": _store(request).dialect}


@reads.get("/stats", tags=["meta"])
def stats(request: Request) -> dict[str, int]:
    """Rows per table of the store."""
    return _store(request).counts()


@reads.get("/timeline", tags=["queries"])
def timeline(request: Request, actor: Name = None, other: Name = None, type: EventType = None,
             start: Day = None, end: Day = None, undated: bool = False,
             limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Events in the order of their dates, each with its evidence and source documents."""
    return _page(query.timeline, _store(request), limit, offset, actor=actor, other=other, type=type,
                 start=start, end=end, undated=undated)


class NetworkFormat(StrEnum):
    json = "json"
    graphml = "graphml"


@reads.get("/network", tags=["queries"], response_model=None)
def network(request: Request, start: Day = None, end: Day = None, actor: Name = None, type: EventType = None,
            min_events: Annotated[int, Query(ge=1, le=10**6)] = 1, format: NetworkFormat = NetworkFormat.json,
            limit: Limit = 100, offset: Offset = 0) -> dict[str, Any] | Response:
    """Actor pairs with event counts and summed Goldstein weight over a period (JSON or GraphML)."""
    params: dict[str, Any] = {"start": start, "end": end, "actor": actor, "type": type, "min_events": min_events}
    if format is NetworkFormat.graphml:
        pairs = query.network(_store(request), limit=limit, offset=offset, **params)
        return Response(network_graphml(pairs), media_type="application/graphml+xml")
    return _page(query.network, _store(request), limit, offset, **params)


@reads.get("/quotes", tags=["queries"])
def quotes(request: Request, speaker: Name = None, text: Name = None,
           limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Quotes by speaker and/or containing a text."""
    return _page(query.quotes, _store(request), limit, offset, speaker=speaker, text=text)


@reads.get("/search", tags=["queries"])
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500, description="Words and "
                                                     '"quoted phrases", all of which must match.')],
           limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Full-text search over the stored documents, with snippets."""
    return _page(query.search, _store(request), limit, offset, query=q)


@reads.get("/actors", tags=["queries"])
def actors(request: Request, name: Name = None, type: Annotated[str | None, Query(max_length=10)] = None,
           country: Annotated[str | None, Query(min_length=3, max_length=3)] = None,
           limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Actors with mention counts, roles and codes."""
    return _page(query.actors, _store(request), limit, offset, name=name, type=type, country=country)


@reads.get("/documents", tags=["documents"])
def documents(request: Request, tag: Name = None, genre: Name = None, start: Day = None, end: Day = None,
              duplicates: bool = True, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Stored documents by publication date."""
    return _page(query.docs, _store(request), limit, offset, tag=tag, genre=genre, start=start, end=end,
                 duplicates=duplicates)


@reads.get("/documents/{document_id}", tags=["documents"])
def document(request: Request, document_id: Annotated[int, Path(ge=1, le=2**31 - 1)]) -> dict[str, Any]:
    """One document with its record as ingested."""
    return query.document(_store(request), document_id)


class DocumentIn(BaseModel):
    """A document to analyse (`text`, with optional metadata) or an extracted `record` to store."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, min_length=1)
    record: dict[str, Any] | None = None
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    url: str | None = Field(None, max_length=4000)
    source: str | None = Field(None, max_length=2000)
    id: str | None = Field(None, max_length=500)

    @field_validator("published")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        if value is not None and published_date(value) != value:
            raise ValueError(f"{value!r} is not a date")
        return value

    @model_validator(mode="after")
    def _text_or_record(self) -> DocumentIn:
        if (self.text is None) == (self.record is None):
            raise ValueError("give either text or record")
        return self


class DocumentsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[DocumentIn] = Field(min_length=1, max_length=MAX_BATCH)


@router.post("/documents", tags=["documents"], status_code=201, dependencies=[Depends(write_access)],
             response_model=None)
def ingest(request: Request, payload: Annotated[DocumentIn | DocumentsIn, Body()]) -> dict[str, Any] | JSONResponse:
    """Analyse and store documents (bearer token required). Answers what happened to each:
    `stored`, `unchanged` or `near-duplicate`; documents that could not be read are listed in
    `failures`. 201 when at least one was stored, 422 when none could be."""
    store = _store(request)
    items = payload.documents if isinstance(payload, DocumentsIn) else [payload]
    results: list[dict[str, Any]] = []
    failures: list[dict[str, str]] = []
    raws = []
    for number, item in enumerate(items, 1):
        source = item.source or item.url or f"POST /documents [{number}]"
        if item.record is not None:
            try:
                results.append(store.ingest_record(item.record).to_dict())
            except StoreUnavailable:
                raise
            except StoreError as exc:
                failures.append({"source": source, "reason": str(exc)})
            continue
        raws.append(RawDocument(text=item.text or "", source=source, title=item.title, published=item.published,
                                url=item.url, input_id=item.id))
    for result in ingest_documents(store, raws):
        if isinstance(result, Failure):
            failures.append({"source": result.source, "reason": result.reason})
        else:
            results.append(result.to_dict())
    body = {"results": results, "failures": failures}
    if not results:
        return JSONResponse({"error": "no document could be stored", "status": 422, **body}, status_code=422)
    return body


router.include_router(reads)
