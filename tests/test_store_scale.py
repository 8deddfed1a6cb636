"""Ingest cost must not grow with the store: every lookup that ingesting a document makes
(content hash, MinHash LSH buckets, actor keys, event merge keys) is answered from an
index, never by scanning a stored table. Checked on the query plans of both databases,
not with timings (`make bench` measures those)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

import store_fixtures as fx
from store_fixtures import record_a, record_b

empty_store = fx.empty_store


def _ingest_statements(store: Any, record: dict) -> list[tuple[str, Any]]:
    """The SELECT statements (with their parameters) that ingesting `record` runs."""
    seen: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        if statement.lstrip().upper().startswith("SELECT") and not executemany:
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        store.ingest_record(record)
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    return seen


def _plan(store: Any, statement: str, parameters: Any) -> list[str]:
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if store.dialect == "postgresql":
            cursor.execute("SET enable_seqscan = off")  # tiny tables: only a scan with no index left counts
            cursor.execute("EXPLAIN " + statement, parameters)
            lines = [row[0] for row in cursor.fetchall()]
            cursor.execute("RESET enable_seqscan")
            return lines
        cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
        return [row[-1] for row in cursor.fetchall()]
    finally:
        raw.close()


def test_ingest_lookups_use_indexes_never_a_scan_of_stored_rows(empty_store):
    empty_store.ingest_record(record_a())
    statements = _ingest_statements(empty_store, record_b())  # merges actors and events with record_a
    assert any("FROM events" in s for s, _ in statements), "expected an event merge lookup"
    assert any("document_bands" in s for s, _ in statements), "expected a MinHash bucket lookup"
    for statement, parameters in statements:
        plan = _plan(empty_store, statement, parameters)
        if empty_store.dialect == "postgresql":
            scans = [line for line in plan if "Seq Scan" in line]
        else:
            scans = [line for line in plan if line.startswith("SCAN ")]
        assert not scans, f"ingest scans stored rows:\n{statement}\n{plan}"
        if "FROM events" in statement:  # an actor of the key is searched, not filtered after a scan by type
            searched = [line for line in plan if "Index Cond" in line or line.startswith("SEARCH")]
            assert any("source_id" in line or "target_id" in line for line in searched), \
                f"the event merge lookup does not search by its key:\n{statement}\n{plan}"


def test_source_count_counts_each_reporting_document_once(empty_store):
    first, second = record_a(), record_b()
    empty_store.ingest_record(first)
    empty_store.ingest_record(second)
    from sqlalchemy import func, select

    from briefgraph.store import schema as s

    with empty_store.connect() as conn:
        counted = dict(conn.execute(select(s.evidence.c.event_id, func.count(func.distinct(s.evidence.c.document_id)))
                                    .group_by(s.evidence.c.event_id)).all())
        stored = dict(conn.execute(select(s.events.c.id, s.events.c.source_count)).all())
    assert stored == counted
    assert max(stored.values()) == 2, "expected an event reported by both documents"
