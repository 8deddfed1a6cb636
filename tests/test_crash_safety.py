"""Crash safety (issue 14): `briefgraph ingest` killed with SIGKILL mid-run, on SQLite
and on PostgreSQL, at deterministic points (cli/killpoints.py):

- `statement:K`: at an INSERT inside a document's transaction (rows half written);
- `before-commit:N`: with the N-th document's rows all written, before COMMIT;
- `after-stored:N`: just after the N-th document committed.

Then the store opens, passes the database's own checks (integrity_check and
foreign_key_check on SQLite; validated constraints and no orphan rows on
PostgreSQL), holds no half-stored document, and running the same ingest again
stores exactly the rest.
"""

from __future__ import annotations

import signal

import pytest

from briefgraph.store import Store
from store_checks import cli_env, documents, half_stored, integrity, run_ingest, summary, write_jsonl
from store_fixtures import postgres_store

TOTAL = 6
KILL_POINTS = ["statement:25", "before-commit:3", "after-stored:4"]

pytestmark = pytest.mark.slow


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        path = tmp_path / "crash.db"
        Store(str(path)).close()  # created and migrated: every commit of the run is a document's
        yield str(path)
        return
    pg = postgres_store()
    yield pg.url.replace("postgresql+psycopg://", "postgresql://") + f"?schema={pg.schema}"
    pg.drop()
    pg.close()


@pytest.mark.parametrize("point", KILL_POINTS)
def test_sigkill_mid_ingest_loses_nothing(tmp_path, store_url, point):
    path = write_jsonl(tmp_path / "docs.jsonl", documents(TOTAL, salt=point.split(":")[0]))
    killed = run_ingest(path, store_url, env=cli_env(BRIEFGRAPH_TEST_KILL_POINT=point))
    assert killed.returncode == -signal.SIGKILL, (killed.returncode, killed.stderr[-2000:])

    with Store(store_url) as store:  # opens (and would say so if it could not)
        assert integrity(store) == []
        assert half_stored(store) == []
        before = store.counts()["documents"]
    assert 0 <= before < TOTAL
    if point.startswith("after-stored"):
        assert before == int(point.split(":")[1])
    if point.startswith("before-commit"):
        assert before == int(point.split(":")[1]) - 1

    again = run_ingest(path, store_url)
    assert again.returncode == 0, again.stderr[-2000:]
    assert summary(again.stdout) == {"stored": TOTAL - before, "unchanged": before, "near-duplicates": 0,
                                     "failed": 0}
    with Store(store_url) as store:
        assert integrity(store) == [] and half_stored(store) == []
        assert store.counts()["documents"] == TOTAL
