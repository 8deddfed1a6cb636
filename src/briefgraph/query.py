"""The analyst's questions to a store: timeline, network, quotes, search, actors,
documents. The CLI, the HTTP API and the exports call these and only format.

Every function takes a `Store` and returns JSON-ready dicts. Bad parameters raise
`QueryError` (an unknown actor or document: `NotFound`), whose message says what
was wrong, so that callers can answer with a usage error rather than a crash.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, and_, case, distinct, exists, func, or_, select, union_all

from .errors import BriefgraphError
from .records import PLOVER_TYPES
from .store import Store
from .store import schema as s
from .store.magnitudes import event_magnitudes
from .store.magnitudes import label as magnitude_label
from .store.merge import date_range, normalise_name
from .store.places import place_conditions
from .store.search import search_documents

__all__ = ["QueryError", "NotFound", "timeline", "network", "quotes", "search", "actors",
           "docs", "document", "actor_ids"]


class QueryError(BriefgraphError):
    """A query parameter that cannot be used; the message names it and says why."""


class NotFound(QueryError):
    """The actor or document a query names is not in the store."""


def _check_text(**params: Any) -> None:
    """Refuse text parameters no database can compare (NUL characters)."""
    for name, value in params.items():
        if isinstance(value, str) and "\x00" in value:
            raise QueryError(f"{name}: contains a NUL character")


def _page(stmt: Select, limit: int | None, offset: int) -> Select:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise QueryError(f"limit: {limit!r} is not a positive number")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise QueryError(f"offset: {offset!r} is not a number >= 0")
    if offset:
        stmt = stmt.offset(offset)
    return stmt.limit(limit) if limit is not None else stmt


def _bounds(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """User date bounds as ISO days: `start` from its first day, `end` to its last."""
    first = last = None
    if start:
        first = date_range(start)[0]
        if first is None:
            raise QueryError(f"start: {start!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    if end:
        last = date_range(end)[1]
        if last is None:
            raise QueryError(f"end: {end!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    if first and last and last < first:
        raise QueryError(f"the period {start} to {end} ends before it starts")
    return first, last


def _type_filter(kind: str | None) -> Any:
    """A PLOVER type (any case) or a CAMEO code prefix (digits) as a condition on events."""
    if not kind:
        return None
    value = kind.strip()
    if value.upper() in PLOVER_TYPES:
        return s.events.c.plover == value.upper()
    if value.isdigit() and 1 <= len(value) <= 4:
        return s.events.c.cameo.like(value + "%")
    raise QueryError(f"type: {kind!r} is neither a PLOVER type ({', '.join(PLOVER_TYPES)}) nor a CAMEO code")


def actor_ids(store: Store, name: str) -> list[int]:
    """Stored actors called `name` (name or alias, case-insensitive) or coded `name` (e.g. RUSGOV),
    with the GROUP actors that a record made one of them a member of (its `affiliation`)."""
    if not name or not name.strip():
        raise QueryError("actor: an empty name")
    _check_text(actor=name)
    wanted = normalise_name(name)
    with store.connect() as conn:
        ids = set(conn.scalars(select(s.actors.c.id).where(or_(
            func.lower(s.actors.c.name) == name.strip().lower(),
            s.actors.c.name_key.like(wanted.replace("\\", "").replace("%", "").replace("_", "\\_") + "|%",
                                     escape="\\"),
            s.actors.c.code == name.strip().upper()))))
        ids |= set(conn.scalars(select(s.actor_names.c.actor_id)
                                .where(func.lower(s.actor_names.c.name) == name.strip().lower())))
        if not ids:
            raise NotFound(f"actor: no actor called {name!r} in the store")
        # a GROUP a matched actor belongs to ("Palestinian factions" for Hamas) speaks for it too
        group = s.actors.alias("grp")
        ids |= set(conn.scalars(select(s.document_actors.c.affiliation_id)
                                .join(group, group.c.id == s.document_actors.c.affiliation_id)
                                .where(s.document_actors.c.actor_id.in_(sorted(ids)), group.c.type == "GROUP")))
    return sorted(ids)


def _evidence(store: Store, event_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {i: [] for i in event_ids}
    if not event_ids:
        return out
    d, e = s.documents, s.evidence
    with store.connect() as conn:
        rows = conn.execute(select(e, d.c.title, d.c.source, d.c.url, d.c.published)
                            .join(d, d.c.id == e.c.document_id)
                            .where(e.c.event_id.in_(event_ids)).order_by(e.c.event_id, e.c.id))
        for r in rows:
            out[r.event_id].append({"text": r.text.strip(), "document": r.title or r.source,
                                    "document_id": r.document_id, "source": r.source, "url": r.url,
                                    "published": r.published,
                                    "date": r.date, "start": r.start, "end": r.end, "trigger": r.trigger})
    return out


def _event_rows(store: Store, stmt: Select) -> list[dict[str, Any]]:
    with store.connect() as conn:
        rows = conn.execute(stmt).all()
        numbers = event_magnitudes(conn, [r.id for r in rows])
    evidence = _evidence(store, [r.id for r in rows])
    out = []
    for r in rows:
        reports = evidence[r.id]
        first = reports[0] if reports else {}
        out.append({
            "id": r.id, "date": r.date, "source": r.source_name, "source_code": r.source_code,
            "target": r.target_name, "target_code": r.target_code, "plover": r.plover, "cameo": r.cameo,
            "negated": bool(r.negated), "modality": r.modality, "goldstein": r.goldstein,
            "location": r.location_name, "lat": r.lat, "lon": r.lon, "source_count": r.source_count,
            "location_country": r.location_country, "location_admin1": r.location_admin1,
            "location_kind": r.location_kind, "location_how": r.location_how,
            "evidence": first.get("text"), "document": first.get("document"),
            "document_id": first.get("document_id"), "url": first.get("url") or first.get("source"),
            "reports": reports, "magnitudes": numbers[r.id], "magnitude": magnitude_label(numbers[r.id]),
        })
    return out


def _events_select() -> tuple[Select, Any, Any]:
    src, tgt = s.actors.alias("src"), s.actors.alias("tgt")
    stmt = (select(s.events, src.c.name.label("source_name"), src.c.code.label("source_code"),
                   tgt.c.name.label("target_name"), tgt.c.code.label("target_code"))
            .outerjoin(src, src.c.id == s.events.c.source_id)
            .outerjoin(tgt, tgt.c.id == s.events.c.target_id))
    return stmt, src, tgt


def _period(stmt: Select, first: str | None, last: str | None) -> Select:
    """Events whose dates overlap the period (undated events fall outside any bounded period)."""
    if first:
        stmt = stmt.where(s.events.c.date_end >= first)
    if last:
        stmt = stmt.where(s.events.c.date_start <= last)
    return stmt


def timeline(store: Store, actor: str | None = None, other: str | None = None, type: str | None = None,
             start: str | None = None, end: str | None = None, undated: bool = False,
             limit: int | None = None, offset: int = 0, country: str | None = None,
             near: str | tuple[float, float] | None = None, km: float | None = None) -> list[dict[str, Any]]:
    """Events in the order of their own dates, each with its evidence and source documents.

    `actor` keeps the events it is the source or target of; with `other` too, the
    events between the two (either direction). `type` is a PLOVER type or CAMEO
    prefix; `start`/`end` keep events overlapping the period. Undated events are
    left out unless `undated` (they come last)."""
    _check_text(type=type, start=start, end=end)
    stmt, _, _ = _events_select()
    e = s.events
    if other and not actor:
        actor, other = other, None
    if actor:
        ids = actor_ids(store, actor)
        if other:
            others = actor_ids(store, other)
            stmt = stmt.where(or_(and_(e.c.source_id.in_(ids), e.c.target_id.in_(others)),
                                  and_(e.c.source_id.in_(others), e.c.target_id.in_(ids))))
        else:
            stmt = stmt.where(or_(e.c.source_id.in_(ids), e.c.target_id.in_(ids)))
    condition = _type_filter(type)
    if condition is not None:
        stmt = stmt.where(condition)
    first, last = _bounds(start, end)
    stmt = _period(stmt, first, last).where(*place_conditions(store, country, near, km))
    if not undated:
        stmt = stmt.where(e.c.date_start.is_not(None))
    stmt = stmt.order_by(case((e.c.date_start.is_(None), 1), else_=0), e.c.date_start, e.c.date_end, e.c.id)
    return _event_rows(store, _page(stmt, limit, offset))


def network(store: Store, start: str | None = None, end: str | None = None, actor: str | None = None,
            type: str | None = None, min_events: int = 1, limit: int | None = None,
            offset: int = 0, country: str | None = None, near: str | tuple[float, float] | None = None,
            km: float | None = None) -> list[dict[str, Any]]:
    """Directed actor pairs (source -> target) with their event count, the reports
    behind them and summed Goldstein weight over a period; negated events do not count."""
    _check_text(type=type, start=start, end=end)
    if isinstance(min_events, bool) or not isinstance(min_events, int) or min_events < 1:
        raise QueryError(f"min_events: {min_events!r} is not a positive number")
    e = s.events
    src, tgt = s.actors.alias("src"), s.actors.alias("tgt")
    count = func.count(e.c.id)
    weight = func.coalesce(func.sum(e.c.goldstein), 0.0)
    stmt = (select(src.c.id.label("source_id"), src.c.name.label("source"), src.c.code.label("source_code"),
                   tgt.c.id.label("target_id"), tgt.c.name.label("target"), tgt.c.code.label("target_code"),
                   count.label("events"), func.sum(e.c.source_count).label("reports"),
                   weight.label("goldstein"))
            .join(src, src.c.id == e.c.source_id).join(tgt, tgt.c.id == e.c.target_id)
            .where(e.c.negated.is_(False))
            .group_by(src.c.id, src.c.name, src.c.code, tgt.c.id, tgt.c.name, tgt.c.code)
            .having(count >= min_events))
    if actor:
        ids = actor_ids(store, actor)
        stmt = stmt.where(or_(e.c.source_id.in_(ids), e.c.target_id.in_(ids)))
    condition = _type_filter(type)
    if condition is not None:
        stmt = stmt.where(condition)
    stmt = _period(stmt, *_bounds(start, end)).where(*place_conditions(store, country, near, km))
    stmt = stmt.order_by(count.desc(), src.c.name, tgt.c.name, src.c.id, tgt.c.id)
    with store.connect() as conn:
        rows = conn.execute(_page(stmt, limit, offset)).all()
    return [{"source": r.source, "source_code": r.source_code, "source_id": r.source_id, "target": r.target,
             "target_code": r.target_code, "target_id": r.target_id, "events": r.events,
             "reports": int(r.reports or 0), "goldstein": round(float(r.goldstein), 2)} for r in rows]


def timeline_events(store: Store, page: int = 1000, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every event `timeline` gives under `filters` (undated ones last), a page at a time."""
    filters.setdefault("undated", True)
    offset = 0
    while True:
        events = timeline(store, limit=page, offset=offset, **filters)
        yield from events
        if len(events) < page:
            return
        offset += page


def quotes(store: Store, speaker: str | None = None, text: str | None = None,
           limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Quotes by speaker (name, alias or code) and/or containing `text`, in document order."""
    _check_text(text=text)
    q, d, a = s.quotes, s.documents, s.actors
    stmt = (select(q, a.c.name.label("speaker_name"), a.c.code.label("speaker_code"), d.c.title, d.c.source,
                   d.c.url, d.c.published)
            .join(d, d.c.id == q.c.document_id).outerjoin(a, a.c.id == q.c.speaker_id))
    if speaker:
        stmt = stmt.where(q.c.speaker_id.in_(actor_ids(store, speaker)))
    if text is not None:
        if not text.strip():
            raise QueryError("text: an empty search text")
        stmt = stmt.where(q.c.text.icontains(text.strip(), autoescape=True))
    stmt = stmt.order_by(case((d.c.published.is_(None), 1), else_=0), d.c.published, d.c.id, q.c.position)
    with store.connect() as conn:
        rows = conn.execute(_page(stmt, limit, offset)).all()
    return [{"text": r.text, "speaker": r.speaker_name, "speaker_code": r.speaker_code, "kind": r.kind,
             "cue": r.cue, "document": r.title or r.source, "document_id": r.document_id, "published": r.published,
             "url": r.url or r.source, "start": r.start, "end": r.end} for r in rows]


def search(store: Store, query: str, limit: int | None = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Documents matching every word and "quoted phrase" of `query`, best first, with a snippet."""
    if not query or not query.strip():
        raise QueryError("query: an empty search")
    _check_text(query=query)
    _page(select(s.documents.c.id), limit, offset)  # validates limit and offset
    with store.connect() as conn:
        hits = search_documents(conn, query, limit if limit is not None else 1_000_000, offset)
        if not hits:
            return []
        d = s.documents
        meta = {r.id: r for r in conn.execute(select(d.c.id, d.c.title, d.c.source, d.c.url, d.c.published)
                                              .where(d.c.id.in_([h["id"] for h in hits])))}
    return [{"document_id": h["id"], "title": meta[h["id"]].title, "published": meta[h["id"]].published,
             "source": meta[h["id"]].source, "url": meta[h["id"]].url, "snippet": " ".join(h["snippet"].split()),
             "rank": h["rank"]}
            for h in hits]


def actors(store: Store, name: str | None = None, type: str | None = None, country: str | None = None,
           limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Actors with their mention, document and event counts, names, roles and codes, most mentioned first.
    `name` matches a part of any of an actor's names."""
    _check_text(name=name, type=type, country=country)
    a, m = s.actors, s.mentions
    mentioned = (select(m.c.actor_id, func.count().label("mentions"),
                        func.count(distinct(m.c.document_id)).label("documents"))
                 .group_by(m.c.actor_id).subquery())
    ends = union_all(select(s.events.c.source_id.label("actor_id")),
                     select(s.events.c.target_id.label("actor_id"))).subquery()
    involved = select(ends.c.actor_id, func.count().label("events")).group_by(ends.c.actor_id).subquery()
    mention_count = func.coalesce(mentioned.c.mentions, 0)
    stmt = (select(a, mention_count.label("mentions"), func.coalesce(mentioned.c.documents, 0).label("documents"),
                   func.coalesce(involved.c.events, 0).label("events"))
            .outerjoin(mentioned, mentioned.c.actor_id == a.c.id).outerjoin(involved, involved.c.actor_id == a.c.id))
    if name is not None:
        if not name.strip():
            raise QueryError("name: an empty name")
        stmt = stmt.where(or_(a.c.name.icontains(name.strip(), autoescape=True),
                              exists().where(s.actor_names.c.actor_id == a.c.id,
                                             s.actor_names.c.name.icontains(name.strip(), autoescape=True))))
    if type:
        from .records import ACTOR_TYPES
        if type.upper() not in ACTOR_TYPES:
            raise QueryError(f"type: {type!r} is not one of {', '.join(ACTOR_TYPES)}")
        stmt = stmt.where(a.c.type == type.upper())
    if country:
        stmt = stmt.where(a.c.country == country.strip().upper())
    stmt = stmt.order_by(mention_count.desc(), a.c.name, a.c.id)
    with store.connect() as conn:
        rows = conn.execute(_page(stmt, limit, offset)).all()
        ids = [r.id for r in rows]
        names: dict[int, list[str]] = {i: [] for i in ids}
        roles: dict[int, list[str]] = {i: [] for i in ids}
        if ids:
            for r in conn.execute(select(s.actor_names).where(s.actor_names.c.actor_id.in_(ids))
                                  .order_by(s.actor_names.c.name)):
                names[r.actor_id].append(r.name)
            for r in conn.execute(select(s.actor_roles.c.actor_id, s.actor_roles.c.role).distinct()
                                  .where(s.actor_roles.c.actor_id.in_(ids)).order_by(s.actor_roles.c.role)):
                roles[r.actor_id].append(r.role)
    return [{"id": r.id, "name": r.name, "type": r.type, "country": r.country, "code": r.code, "kb_id": r.kb_id,
             "category": r.category, "country_from": r.country_from,
             "aliases": [n for n in names[r.id] if n != r.name], "roles": roles[r.id], "mentions": r.mentions,
             "documents": r.documents, "events": r.events} for r in rows]


def docs(store: Store, tag: str | None = None, genre: str | None = None, start: str | None = None,
         end: str | None = None, duplicates: bool = True, limit: int | None = None,
         offset: int = 0) -> list[dict[str, Any]]:
    """Stored documents by publication date, with their counts; near-duplicates name their original."""
    _check_text(tag=tag, genre=genre, start=start, end=end)
    d = s.documents
    counts = {
        "actors": select(func.count()).where(s.document_actors.c.document_id == d.c.id),
        "quotes": select(func.count()).where(s.quotes.c.document_id == d.c.id),
        "events": select(func.count(distinct(s.evidence.c.event_id))).where(s.evidence.c.document_id == d.c.id),
    }
    stmt = select(d.c.id, d.c.content_hash, d.c.title, d.c.source, d.c.url, d.c.published, d.c.genre,
                  d.c.duplicate_of, d.c.similarity, d.c.ingested_at,
                  *(q.scalar_subquery().label(k) for k, q in counts.items()))
    if tag:
        stmt = stmt.where(exists().where(s.tags.c.document_id == d.c.id, func.lower(s.tags.c.tag) == tag.lower()))
    if genre:
        stmt = stmt.where(func.lower(d.c.genre) == genre.lower())
    first, last = _bounds(start, end)
    if first:
        stmt = stmt.where(d.c.published >= first)
    if last:
        stmt = stmt.where(func.substr(d.c.published, 1, 10) <= last)
    if not duplicates:
        stmt = stmt.where(d.c.duplicate_of.is_(None))
    stmt = stmt.order_by(case((d.c.published.is_(None), 1), else_=0), d.c.published, d.c.id)
    with store.connect() as conn:
        rows = conn.execute(_page(stmt, limit, offset)).all()
    return [{"id": r.id, "title": r.title, "published": r.published, "genre": r.genre, "source": r.source,
             "url": r.url, "content_hash": r.content_hash, "duplicate_of": r.duplicate_of,
             "similarity": r.similarity, "actors": r.actors, "quotes": r.quotes, "events": r.events,
             "ingested_at": r.ingested_at} for r in rows]


def document(store: Store, document_id: int) -> dict[str, Any]:
    """One stored document with its tags and its record as ingested (None for a near-duplicate)."""
    d = s.documents
    if isinstance(document_id, bool) or not isinstance(document_id, int) or not 1 <= document_id < 2**31:
        raise NotFound(f"document: no document {document_id!r} in the store")
    with store.connect() as conn:
        row = conn.execute(select(d).where(d.c.id == document_id)).first()
        if row is None:
            raise NotFound(f"document: no document {document_id} in the store")
        tag_list = list(conn.scalars(select(s.tags.c.tag).where(s.tags.c.document_id == document_id)
                                     .order_by(s.tags.c.tag)))
    return {"id": row.id, "title": row.title, "published": row.published, "genre": row.genre, "source": row.source,
            "url": row.url, "content_hash": row.content_hash, "duplicate_of": row.duplicate_of,
            "similarity": row.similarity, "tags": tag_list, "ingested_at": row.ingested_at,
            "record": json.loads(row.record) if row.record else None}
