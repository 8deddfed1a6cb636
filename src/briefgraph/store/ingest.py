"""Writing one extraction record into the store, merging its actors and events
with what earlier documents said. Called inside one transaction per document
(`Store.ingest_record`), so a document is either wholly in or not at all."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, select, text

from ..errors import StoreError
from ..records import ACTOR_TYPES, record_from_json, text_id
from . import dedup, merge, schema, search
from .magnitudes import actor_values, magnitude_rows
from .places import place_values
from .weights import goldstein

INGEST_LOCK = 7_310_443  # PostgreSQL advisory lock that serialises ingest transactions


@dataclass
class IngestResult:
    """What happened to one record: `stored`, `unchanged` (same text already in) or
    `near-duplicate` (recorded and linked to `duplicate_of`, its facts not stored again)."""

    status: str
    document_id: int
    content_hash: str
    source: str
    title: str | None = None
    duplicate_of: int | None = None
    similarity: float | None = None
    actors: int = 0
    events: int = 0
    merged_events: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _insert_ignore(conn: Connection, table: Any, rows: list[dict[str, Any]], keys: list[str]) -> None:
    """Insert rows, skipping those that already exist under the unique `keys`."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        conn.execute(postgresql.insert(table).on_conflict_do_nothing(index_elements=keys), rows)
    else:
        from sqlalchemy.dialects import sqlite

        conn.execute(sqlite.insert(table).on_conflict_do_nothing(index_elements=keys), rows)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise StoreError(f"{what} is {value!r}, not a character offset")
    return value


def _check(record: Any) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise StoreError(f"a record is a JSON object, not {type(record).__name__}")
    try:
        record_from_json(record)
    except ValueError as exc:
        raise StoreError(str(exc)) from None
    if not isinstance(record["text"], str) or not isinstance(record["document"], dict):
        raise StoreError("record has no text or no document object")
    for key in ("actors", "quotes", "times", "events"):
        if not isinstance(record[key], list):
            raise StoreError(f"record's {key!r} is not a list")
    if not isinstance(record.get("incidents", []), list):
        raise StoreError("record's 'incidents' is not a list")
    if "\x00" in record["text"]:
        raise StoreError("text contains NUL characters (binary data?)")
    return record


def content_hash(record: dict[str, Any]) -> str:
    """The record's document id (sha256 of its normalised text), computed when absent."""
    return str(record["document"].get("id") or text_id(record["text"]))


def ingest_record(conn: Connection, record: dict[str, Any],
                  threshold: float = dedup.DEFAULT_THRESHOLD) -> IngestResult:
    """Store one record inside the caller's transaction."""
    record = _check(record)
    if conn.dialect.name == "postgresql":
        # one writer at a time, as on SQLite: merging reads what earlier documents wrote
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": INGEST_LOCK})
    doc = record["document"]
    digest = content_hash(record)
    source = str(doc.get("source") or doc.get("url") or "<record>")
    existing = conn.execute(select(schema.documents.c.id, schema.documents.c.duplicate_of)
                            .where(schema.documents.c.content_hash == digest)).first()
    if existing is not None:
        return IngestResult("unchanged", existing.id, digest, source, doc.get("title"),
                            duplicate_of=existing.duplicate_of)

    sig = dedup.signature(record["text"])
    original, similarity = _near_duplicate(conn, sig, threshold) if sig is not None else (None, None)
    row = {
        "content_hash": digest, "source": source, "url": doc.get("url"), "input_id": doc.get("input_id"),
        "title": doc.get("title"), "published": doc.get("published"), "genre": doc.get("genre"),
        "format": doc.get("format"), "ingested_at": _now(),
        "minhash": dedup.to_hex(sig) if sig is not None else None,
    }
    if original is not None and similarity is not None:
        row.update(duplicate_of=original, similarity=round(similarity, 4))
        document_id = conn.execute(schema.documents.insert().values(**row)
                                   .returning(schema.documents.c.id)).scalar_one()
        return IngestResult("near-duplicate", document_id, digest, source, doc.get("title"),
                            duplicate_of=original, similarity=round(similarity, 4))

    row.update(text=record["text"], record=json.dumps(record, ensure_ascii=False, sort_keys=True))
    document_id = conn.execute(schema.documents.insert().values(**row).returning(schema.documents.c.id)).scalar_one()
    if sig is not None:
        conn.execute(schema.document_bands.insert(),
                     [{"document_id": document_id, "band": band, "bucket": bucket}
                      for band, bucket in dedup.bands(sig)])
    _store_structure(conn, document_id, doc)
    search.index_document(conn, document_id, doc.get("title"), record["text"])
    local = _store_actors(conn, document_id, record)
    _store_quotes_and_times(conn, document_id, record, local)
    new, merged = _store_events(conn, document_id, record, local)
    return IngestResult("stored", document_id, digest, source, doc.get("title"),
                        actors=len(set(local.values())), events=new, merged_events=merged)


def _near_duplicate(conn: Connection, sig: Any, threshold: float) -> tuple[int | None, float | None]:
    """The stored original this text nearly repeats, with the estimated similarity."""
    d, b = schema.documents, schema.document_bands
    buckets = dedup.bands(sig)
    condition: ColumnElement[bool] | None = None
    for band, bucket in buckets:
        clause = (b.c.band == band) & (b.c.bucket == bucket)
        condition = clause if condition is None else condition | clause
    if condition is None:
        return None, None
    rows = conn.execute(select(d.c.id, d.c.minhash, d.c.duplicate_of).join(b, b.c.document_id == d.c.id)
                        .where(condition).distinct().order_by(d.c.id)).all()
    best, best_score = None, 0.0
    for row in rows:
        if not row.minhash:
            continue
        score = dedup.similarity(sig, dedup.from_hex(row.minhash))
        if score >= threshold and score > best_score:
            best, best_score = (row.duplicate_of or row.id), score
    return (best, best_score) if best is not None else (None, None)


def _store_structure(conn: Connection, document_id: int, doc: dict[str, Any]) -> None:
    sections = [{"document_id": document_id, "position": i, "heading": s.get("heading"), "kind": s.get("kind"),
                 "start": _int(s.get("start"), "section start"), "end": _int(s.get("end"), "section end")}
                for i, s in enumerate(doc.get("sections") or [])]
    if sections:
        conn.execute(schema.sections.insert(), sections)
    tags = sorted({str(t).strip() for t in doc.get("tags") or [] if str(t).strip()})
    _insert_ignore(conn, schema.tags, [{"document_id": document_id, "tag": t} for t in tags], ["document_id", "tag"])
    related = [{"document_id": document_id, "position": i, "title": str(r.get("title") or ""),
                "author": r.get("author"), "url": r.get("url")}
               for i, r in enumerate(doc.get("related") or []) if isinstance(r, dict)]
    if related:
        conn.execute(schema.related.insert(), related)


def _store_actors(conn: Connection, document_id: int, record: dict[str, Any]) -> dict[str, int]:
    """Merge the record's actors into the store's; returns record actor id -> store actor id."""
    local: dict[str, int] = {}
    names, roles, links, mentions = [], [], [], []
    for actor in record["actors"]:
        if not isinstance(actor, dict) or not actor.get("name") or not actor.get("id"):
            raise StoreError(f"actor {actor!r} has no id or name")
        kind = str(actor.get("type") or "").upper()
        if kind not in ACTOR_TYPES:
            raise StoreError(f"actor {actor['name']!r} has type {actor.get('type')!r}, not one of {ACTOR_TYPES}")
        values = {"name": actor["name"], "type": kind, "country": (actor.get("country") or None),
                  "code": actor.get("code"), "kb_id": actor.get("kb_id") or None,
                  "lat": actor.get("lat"), "lon": actor.get("lon"), **actor_values(actor)}
        row = _merge_actor(conn, actor, values)
        local[str(actor["id"])] = row.id
        for name in {actor["name"], *(actor.get("aliases") or [])}:
            if str(name).strip():
                names.append({"actor_id": row.id, "name": str(name).strip()})
        for role in actor.get("roles") or []:
            if str(role).strip():
                roles.append({"actor_id": row.id, "document_id": document_id, "role": str(role).strip()})
        links.append({"document_id": document_id, "local_id": str(actor["id"]), "actor_id": row.id,
                      "name": actor["name"], "affiliation": actor.get("affiliation")})
        for mention in actor.get("mentions") or []:
            start, end = mention[0], mention[1]
            mentions.append({"document_id": document_id, "actor_id": row.id,
                             "start": _int(start, "mention start"), "end": _int(end, "mention end")})
    _insert_ignore(conn, schema.actor_names, names, ["actor_id", "name"])
    _insert_ignore(conn, schema.actor_roles, roles, ["actor_id", "document_id", "role"])
    for link in links:
        link["affiliation_id"] = local.get(str(link.pop("affiliation"))) if link.get("affiliation") else None
        link.pop("affiliation", None)
    _insert_ignore(conn, schema.document_actors, links, ["document_id", "local_id"])
    if mentions:
        conn.execute(schema.mentions.insert(), mentions)
    return local


@cache
def _statements(dialect: str) -> dict[str, Any]:
    """The statements ingest runs per actor and per event, built once with bound parameters:
    building a statement costs more than running it on an index, so they are not rebuilt
    for every fact (SQLAlchemy then reuses their compiled form too)."""
    a, e = schema.actors, schema.events
    from sqlalchemy.dialects import postgresql, sqlite

    new_actor = (postgresql.insert(a) if dialect == "postgresql" else sqlite.insert(a)
                 ).on_conflict_do_nothing(index_elements=["identity"])
    out: dict[str, Any] = {
        "actor": select(a).where(a.c.identity == bindparam("p_identity")),
        "actor_by_key": select(a).where(a.c.name_key == bindparam("p_key")).order_by(a.c.id).limit(1),
        "actor_by_key_without_kb": select(a).where(a.c.name_key == bindparam("p_key"), a.c.kb_id.is_(None))
                                            .order_by(a.c.id).limit(1),
        "actor_gains_kb_id": a.update().where(a.c.id == bindparam("p_id")).values(identity=bindparam("p_identity")),
        "new_actor": new_actor,
        "new_event": e.insert().returning(e.c.id),
        "event_count": e.update().where(e.c.id == bindparam("p_id")).values(source_count=bindparam("p_count")),
    }
    for no_source in (False, True):
        for no_target in (False, True):
            # keyed equality (or IS NULL), never IS NOT DISTINCT FROM, which PostgreSQL cannot
            # answer from an index: the lookup must not scan the stored events
            source = e.c.source_id.is_(None) if no_source else e.c.source_id == bindparam("p_source")
            target = e.c.target_id.is_(None) if no_target else e.c.target_id == bindparam("p_target")
            out[f"event:{no_source}:{no_target}"] = select(e).where(
                source, target, e.c.kind == bindparam("p_kind"), e.c.negated == bindparam("p_negated"),
                e.c.date_start <= bindparam("p_end"), e.c.date_end >= bindparam("p_start"),
            ).order_by(e.c.id).limit(1)
    return out


def _merge_actor(conn: Connection, actor: dict[str, Any], values: dict[str, Any]) -> Any:
    """The stored actor this record's actor is (created when new), with blanks filled."""
    a = schema.actors
    sql = _statements(conn.dialect.name)
    key = merge.name_key(actor)
    identity = merge.actor_identity(actor)
    row = conn.execute(sql["actor"], {"p_identity": identity}).first()
    if row is None and values["kb_id"]:  # known by name so far: it gains the knowledge-base id
        row = conn.execute(sql["actor_by_key_without_kb"], {"p_key": key}).first()
        if row is not None:
            conn.execute(sql["actor_gains_kb_id"], {"p_id": row.id, "p_identity": identity})
    elif row is None:  # known by knowledge-base id under the same name
        row = conn.execute(sql["actor_by_key"], {"p_key": key}).first()
    if row is None:
        conn.execute(sql["new_actor"], {"identity": identity, "name_key": key, **values})
        return conn.execute(sql["actor"], {"p_identity": identity}).one()
    blanks = {k: v for k, v in values.items() if k in ("code", "kb_id", "lat", "lon", "category", "country_from")
              and v is not None and getattr(row, k) is None}
    if blanks:
        conn.execute(a.update().where(a.c.id == row.id).values(**blanks))
    return row


def _store_quotes_and_times(conn: Connection, document_id: int, record: dict[str, Any],
                            local: dict[str, int]) -> None:
    quotes = [{"document_id": document_id, "position": i, "speaker_id": local.get(str(q.get("speaker"))),
               "text": str(q.get("text") or ""), "kind": q.get("kind"), "cue": q.get("cue"),
               "start": _int(q.get("start"), "quote start"), "end": _int(q.get("end"), "quote end")}
              for i, q in enumerate(record["quotes"])]
    if quotes:
        conn.execute(schema.quotes.insert(), quotes)
    times = [{"document_id": document_id, "position": i, "text": str(t.get("text") or ""),
              "value": t.get("value"), "anchor": t.get("anchor"),
              "start": _int(t.get("start"), "time start"), "end": _int(t.get("end"), "time end")}
             for i, t in enumerate(record["times"])]
    if times:
        conn.execute(schema.times.insert(), times)


def _event_rows(event: dict[str, Any], document_id: int, body: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """An event's evidence row (without its event id) and the values of its event row."""
    evidence = event.get("evidence") or {}
    ev_start, ev_end = _int(evidence.get("start"), "evidence start"), _int(evidence.get("end"), "evidence end")
    ev_row = {"document_id": document_id, "local_id": event.get("id"), "start": ev_start, "end": ev_end,
              "text": evidence.get("text") or body[ev_start:ev_end], "trigger": event.get("trigger"),
              "date": event.get("date"), "modality": event.get("modality")}
    location = event.get("location") or {}
    weight = event.get("goldstein")
    if weight is None:
        weight = goldstein(event.get("cameo"))
    values = {"plover": event.get("plover"), "cameo": event.get("cameo"), "modality": event.get("modality"),
              "location_name": location.get("name"), "location_country": location.get("country"),
              "lat": location.get("lat"), "lon": location.get("lon"), "goldstein": weight,
              "trigger": event.get("trigger"), **place_values(location)}
    return ev_row, values


def _store_events(conn: Connection, document_id: int, record: dict[str, Any],
                  local: dict[str, int]) -> tuple[int, int]:
    """Each event joins the stored one it reports again, or becomes a new one; returns (new, merged)."""
    e = schema.events
    sql = _statements(conn.dialect.name)
    new = merged = 0
    body = record["text"]
    reports: list[dict[str, Any]] = []
    numbers: list[dict[str, Any]] = []  # every report's magnitudes; store/magnitudes.py reads them merged
    reported: set[int] = set()  # stored events this (new) document has reported so far
    for event in [*record["events"], *record.get("incidents", [])]:  # an incident: an event with no source
        if not isinstance(event, dict):
            raise StoreError(f"event {event!r} is not an object")
        source_id = local.get(str(event.get("source"))) if event.get("source") else None
        target_id = local.get(str(event.get("target"))) if event.get("target") else None
        kind = merge.event_kind(event)
        negated = bool(event.get("negated"))
        start, end = merge.date_range(event.get("date"))
        ev_row, values = _event_rows(event, document_id, body)
        match = None
        if start is not None and (source_id is not None or target_id is not None):
            match = conn.execute(sql[f"event:{source_id is None}:{target_id is None}"], {
                "p_source": source_id, "p_target": target_id, "p_kind": kind, "p_negated": negated,
                "p_start": start, "p_end": end}).first()
        if match is None:
            event_id = conn.execute(sql["new_event"], {
                "source_id": source_id, "target_id": target_id, "kind": kind, "negated": negated,
                "date": event.get("date"), "date_start": start, "date_end": end, "source_count": 1,
                **values}).scalar_one()
            reports.append({"event_id": event_id, **ev_row})
            numbers.extend(magnitude_rows(event, event_id, document_id))
            reported.add(event_id)
            new += 1
            continue
        reports.append({"event_id": match.id, **ev_row})
        numbers.extend(magnitude_rows(event, match.id, document_id))
        # one more source unless this document reported the event already: the document is
        # new, so its reports are the ones made here (no count over every report of the event)
        update: dict[str, Any] = {"source_count": match.source_count + (0 if match.id in reported else 1)}
        reported.add(match.id)
        if merge.refines(match.date, start, end, match.date_start, match.date_end):
            update.update(date=event.get("date"), date_start=start, date_end=end)
        for key, value in values.items():
            if value is not None and getattr(match, key) is None:
                update[key] = value
        if len(update) == 1:  # the usual merge: one more source, nothing else learnt
            conn.execute(sql["event_count"], {"p_id": match.id, "p_count": update["source_count"]})
        else:
            conn.execute(e.update().where(e.c.id == match.id).values(**update))
        merged += 1
    if reports:
        conn.execute(schema.evidence.insert(), reports)
    if numbers:
        conn.execute(schema.magnitudes.insert(), numbers)
    return new, merged
