"""Exports of a store: events as GDELT-like CSV or Parquet rows, records as JSON Lines.

Event rows come from the same query as the timeline (every event, undated ones
last), one row per merged event with the evidence and URL of its first report.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

from sqlalchemy import select

from . import query
from .store import Store
from .store import schema as s

EVENT_COLUMNS = ("date", "actor1_name", "actor1_code", "event_code", "plover_type", "actor2_name", "actor2_code",
                 "goldstein", "location", "lat", "lon", "source_url", "evidence", "num_sources", "negated",
                 "event_id")
"""CSV/Parquet columns, after GDELT's event table: who (actor1) did what (CAMEO
event code, PLOVER type) to whom (actor2), its Goldstein weight, where, and the
source that says so."""

_PAGE = 1000


def event_rows(store: Store, **filters: Any) -> Iterator[dict[str, Any]]:
    """One export row per stored event, in timeline order; `filters` are `query.timeline`'s."""
    offset = 0
    filters.setdefault("undated", True)
    while True:
        page = query.timeline(store, limit=_PAGE, offset=offset, **filters)
        for event in page:
            yield {"date": event["date"], "actor1_name": event["source"], "actor1_code": event["source_code"],
                   "event_code": event["cameo"], "plover_type": event["plover"], "actor2_name": event["target"],
                   "actor2_code": event["target_code"], "goldstein": event["goldstein"],
                   "location": event["location"], "lat": event["lat"], "lon": event["lon"],
                   "source_url": event["url"], "evidence": event["evidence"], "num_sources": event["source_count"],
                   "negated": event["negated"], "event_id": event["id"]}
        if len(page) < _PAGE:
            return
        offset += _PAGE


def write_events_csv(store: Store, out: TextIO, **filters: Any) -> int:
    """Events as CSV with a header line; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in event_rows(store, **filters):
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
        count += 1
    return count


def write_events_parquet(store: Store, out: str | Path | BinaryIO, **filters: Any) -> int:
    """Events as one Parquet table (pyarrow); returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"goldstein": pa.float64(), "lat": pa.float64(), "lon": pa.float64(), "num_sources": pa.int64(),
             "negated": pa.bool_(), "event_id": pa.int64()}
    schema = pa.schema([(name, types.get(name, pa.string())) for name in EVENT_COLUMNS])
    rows = list(event_rows(store, **filters))
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out)
    return len(rows)


def write_records_jsonl(store: Store, out: IO[str], duplicates: bool = False) -> int:
    """Every stored record as ingested, one JSON object a line, in ingest order.
    Near-duplicates have no record of their own; with `duplicates` they appear as
    `{"document": {...}, "duplicate_of": id}` lines."""
    d = s.documents
    count = 0
    last_id = 0
    while True:
        with store.connect() as conn:
            rows = conn.execute(select(d.c.id, d.c.record, d.c.duplicate_of, d.c.content_hash, d.c.source,
                                       d.c.title, d.c.published, d.c.url)
                                .where(d.c.id > last_id).order_by(d.c.id).limit(_PAGE)).all()
        for row in rows:
            last_id = row.id
            if row.record:
                out.write(row.record + "\n")
            elif duplicates:
                out.write(json.dumps({"document": {"id": row.content_hash, "source": row.source, "title": row.title,
                                                   "published": row.published, "url": row.url},
                                      "duplicate_of": row.duplicate_of}, ensure_ascii=False, sort_keys=True) + "\n")
            else:
                continue
            count += 1
        if len(rows) < _PAGE:
            return count
