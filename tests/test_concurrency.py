"""Concurrent use (issue 14): two `briefgraph ingest` processes into the same SQLite
file, and into the same PostgreSQL database, at once. Both finish (they wait for
each other: busy timeout, BEGIN IMMEDIATE or the advisory lock, and retries; never
"database is locked"), every document both send is stored once, and the store
passes its integrity checks.
"""

from __future__ import annotations

import pytest

from briefgraph.store import Store
from store_checks import documents, half_stored, integrity, start_ingest, summary, write_jsonl
from store_fixtures import postgres_store

pytestmark = pytest.mark.slow
SHARED, OWN = 8, 2


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request, tmp_path):
    """A store that does not exist yet: both processes race to create it too (SQLite)."""
    if request.param == "sqlite":
        yield str(tmp_path / "shared.db")
        return
    pg = postgres_store()
    yield pg.url.replace("postgresql+psycopg://", "postgresql://") + f"?schema={pg.schema}"
    pg.drop()
    pg.close()


def test_two_ingests_at_once_both_finish_and_store_each_document_once(tmp_path, fresh_url):
    shared = documents(SHARED, salt="shared")
    first = write_jsonl(tmp_path / "first.jsonl", shared + documents(OWN, salt="first", start=SHARED))
    second = write_jsonl(tmp_path / "second.jsonl", list(reversed(shared)) + documents(OWN, salt="second", start=SHARED + OWN))
    procs = [start_ingest(first, fresh_url), start_ingest(second, fresh_url)]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err[-2000:]
        assert "locked" not in err and "error" not in err, err[-2000:]
    counts = [summary(out) for out, _ in outputs]
    assert all(c["failed"] == 0 and c["near-duplicates"] == 0 for c in counts), counts
    assert sum(c["stored"] for c in counts) == SHARED + 2 * OWN
    assert sum(c["unchanged"] for c in counts) == SHARED
    assert all(c["failed"] == 0 and c["near-duplicates"] == 0 for c in counts)
    with Store(fresh_url) as store:
        assert store.counts()["documents"] == SHARED + 2 * OWN
        assert integrity(store) == [] and half_stored(store) == []


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_many_writers_on_the_same_records(tmp_path, dialect):
    """Six writers (each its own Store: its own connections) store the same records at
    once: each text is stored once, the others see it unchanged, nobody fails."""
    from concurrent.futures import ThreadPoolExecutor

    from store_fixtures import corpus

    pg = postgres_store() if dialect == "postgresql" else None
    url = str(tmp_path / "many.db") if pg is None else pg.url + f"?schema={pg.schema}"
    try:
        def write(_: int) -> list[str]:
            with Store(url) as store:
                return [store.ingest_record(r).status for r in corpus()]

        with ThreadPoolExecutor(6) as pool:
            statuses = [s for run in pool.map(write, range(6)) for s in run]
        assert statuses.count("stored") + statuses.count("near-duplicate") == len(corpus())
        assert statuses.count("unchanged") == 5 * len(corpus())
        with Store(url) as store:
            assert store.counts()["documents"] == len(corpus())
            assert integrity(store) == [] and half_stored(store) == []
    finally:
        if pg is not None:
            pg.drop()
            pg.close()


def test_a_new_sqlite_file_held_by_another_writer_is_opened_once_it_is_free(tmp_path):
    """Switching a new SQLite file to WAL needs the file alone and fails at once
    ("database is locked", no busy timeout) while another process creates it: the
    store retries the opening instead of failing the run (the race of two ingests
    on a store that does not exist yet)."""
    import sqlite3
    import threading

    path = tmp_path / "new.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE other_writer (x)")
    release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        with Store(str(path)) as store:
            assert store.versions(), "the store opened but was not migrated"
            assert store.counts()["documents"] == 0
    finally:
        release.join()
        holder.close()
