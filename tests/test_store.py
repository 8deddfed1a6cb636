"""The store on SQLite and PostgreSQL: migrations, ingest, merging, duplicates, atomicity.

Hand-built records (tests/store_fixtures.py) exercise merging; records from real
pipeline runs exercise the store with whatever the stages produce today.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import select

import store_fixtures as fx
from briefgraph.errors import StoreError
from briefgraph.pipeline import analyse
from briefgraph.readers import read_inputs
from briefgraph.records import Analysis
from briefgraph.store import Store, migrations, resolve_url
from briefgraph.store import schema as s
from store_fixtures import corpus, postgres_store, record_a, record_b

empty_store = fx.empty_store
loaded_store = fx.loaded_store  # fixtures shared with the other store tests

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "eval" / "dev" / "russia-to-host-palestinian-unity-talks.txt"


def _events(store: Store) -> list:
    with store.connect() as conn:
        return conn.execute(select(s.events).order_by(s.events.c.id)).all()


def _actor(store: Store, name: str):
    with store.connect() as conn:
        rows = conn.execute(select(s.actors).where(s.actors.c.name == name)).all()
    assert len(rows) == 1, f"{name} should be one stored actor, found {len(rows)}"
    return rows[0]


@pytest.fixture(scope="module")
def pipeline_records() -> list[dict]:
    """Records of the annotated test documents (and the bundled samples, when there are any),
    as the pipeline makes them today: their content does not matter here."""
    paths = [str(ROOT / "tests" / "data")]
    if any(p.is_file() for p in (ROOT / "samples").glob("*")):
        paths.append(str(ROOT / "samples"))
    records = [r.to_record() for r in analyse(read_inputs(paths)) if isinstance(r, Analysis)]
    assert len(records) >= 3, "expected the pipeline to read at least three test documents"
    return records


def test_first_use_creates_the_schema_and_records_its_migrations(empty_store):
    assert empty_store.versions() == [m.version for m in migrations.MIGRATIONS]
    assert migrations.migrate(empty_store.engine) == [], "a second migrate applied migrations again"
    assert all(count == 0 for count in empty_store.counts().values())


def test_sqlite_store_is_a_wal_file_at_the_given_path(tmp_path):
    path = tmp_path / "sub" / "analyst.db"
    with Store(str(path)) as store:
        with store.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert store.url == f"sqlite:///{path}"
    assert path.exists()


def test_urls_resolve_paths_and_postgres_scheme(monkeypatch):
    monkeypatch.setenv("BRIEFGRAPH_DB", "/tmp/x.db")
    assert resolve_url(None) == f"sqlite:///{Path('briefgraph.db').resolve()}", "the library never reads the env"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("/tmp/x.db") == "sqlite:////tmp/x.db"


def test_unreachable_database_is_a_store_error():
    with pytest.raises(StoreError, match="cannot open the store"):
        Store("postgresql://nobody@127.0.0.1:1/none")


def test_pipeline_records_ingested_twice_leave_the_same_counts(empty_store, pipeline_records):
    first = [r.status for r in empty_store.ingest(pipeline_records)]
    assert first.count("stored") >= 3, f"expected the test documents stored, got {first}"
    counts = empty_store.counts()
    again = [r.status for r in empty_store.ingest(pipeline_records)]
    assert set(again) == {"unchanged"}, f"re-ingesting the same texts should change nothing: {again}"
    assert empty_store.counts() == counts


def test_hand_built_corpus_ingested_twice_leaves_the_same_counts(empty_store):
    statuses = [r.status for r in empty_store.ingest(corpus())]
    assert statuses == ["stored", "stored", "near-duplicate"]
    counts = empty_store.counts()
    assert [r.status for r in empty_store.ingest(corpus())] == ["unchanged"] * 3
    assert empty_store.counts() == counts


def test_same_actor_from_two_documents_is_one_actor(loaded_store):
    hamas = _actor(loaded_store, "Hamas")
    with loaded_store.connect() as conn:
        docs = set(conn.scalars(select(s.mentions.c.document_id).where(s.mentions.c.actor_id == hamas.id)))
        names = set(conn.scalars(select(s.actor_names.c.name).where(s.actor_names.c.actor_id == hamas.id)))
    assert len(docs) == 2, "Hamas is mentioned by both stories"
    assert names == {"Hamas", "Hamas delegation"}
    assert _actor(loaded_store, "Russia").code == "RUS"


def test_actor_with_knowledge_base_id_joins_the_one_known_by_name(empty_store):
    without_id = record_b()
    with_id = record_a()
    list(empty_store.ingest([without_id]))
    extra = copy.deepcopy(with_id)
    for actor in extra["actors"]:
        if actor["name"] == "Russia":
            actor["kb_id"] = "Q159"
    list(empty_store.ingest([extra]))
    russia = _actor(empty_store, "Russia")
    assert russia.kb_id == "Q159", "the knowledge-base id should be added to the actor known by name"


def test_same_event_reported_twice_is_one_event_with_both_evidence(loaded_store):
    hamas, israel = _actor(loaded_store, "Hamas"), _actor(loaded_store, "Israel")
    assaults = [e for e in _events(loaded_store) if e.source_id == hamas.id and e.target_id == israel.id]
    assert len(assaults) == 1, f"the October 7 attack should be one event, found {len(assaults)}"
    event = assaults[0]
    assert event.source_count == 2
    assert event.date == "2023-10-07", "the day should win over the other report's month"
    with loaded_store.connect() as conn:
        evidence = conn.execute(select(s.evidence).where(s.evidence.c.event_id == event.id)).all()
    assert sorted(e.date for e in evidence) == ["2023-10", "2023-10-07"]
    assert all("attack" in e.text for e in evidence)


def test_a_day_report_refines_a_month_but_not_an_interval(empty_store):
    list(empty_store.ingest([record_b(), record_a()]))  # the month-dated report first
    events = {(e.plover, e.date) for e in _events(empty_store)}
    assert ("ASSAULT", "2023-10-07") in events
    assert ("CONSULT", "2024-02-29") in events, "B's day came first; A's interval is not more precise"
    empty = Store("sqlite:///:memory:")
    list(empty.ingest([record_a(), record_b()]))
    assert ("CONSULT", "2024-02-29/2024-03-02") in {(e.plover, e.date) for e in _events(empty)}


def test_events_on_dates_that_do_not_overlap_stay_apart(empty_store):
    later = record_b()
    for event in later["events"]:
        if event["plover"] == "ASSAULT":
            event["date"] = "2023-11-02"
    list(empty_store.ingest([record_a(), later]))
    hamas, israel = _actor(empty_store, "Hamas"), _actor(empty_store, "Israel")
    dates = sorted(e.date for e in _events(empty_store) if e.source_id == hamas.id and e.target_id == israel.id)
    assert dates == ["2023-10-07", "2023-11-02"]


def test_undated_reports_are_not_merged(empty_store):
    twice = record_b()
    twice["events"].append(copy.deepcopy(twice["events"][-1]) | {"id": "e9"})
    list(empty_store.ingest([twice]))
    support = [e for e in _events(empty_store) if e.plover == "SUPPORT"]
    assert len(support) == 2 and all(e.date is None for e in support)


def test_near_duplicate_is_recorded_and_linked_not_stored_twice(loaded_store):
    with loaded_store.connect() as conn:
        docs = {r.title: r for r in conn.execute(select(s.documents))}
        republished = docs["Russia Invites Palestinian Factions to Moscow"]
        original = docs["Moscow Hosts Palestinian Factions for Unity Talks"]
        facts = conn.execute(select(s.mentions).where(s.mentions.c.document_id == republished.id)).all()
    assert republished.duplicate_of == original.id
    assert 0.8 <= republished.similarity < 1.0
    assert republished.text is None and not facts, "a near-duplicate's facts should not be stored again"
    assert loaded_store.counts()["near_duplicates"] == 1


def test_a_different_story_is_not_a_near_duplicate(empty_store):
    results = list(empty_store.ingest([record_a(), record_b()]))
    assert [r.duplicate_of for r in results] == [None, None]


def test_a_bad_record_leaves_nothing_behind(empty_store):
    broken = record_a()
    broken["events"][-1]["evidence"]["start"] = "seven"  # fails after the document, actors, quotes are written
    with pytest.raises(StoreError, match="evidence start"):
        empty_store.ingest_record(broken)
    assert all(count == 0 for count in empty_store.counts().values()), "a failed document was partly stored"
    assert empty_store.ingest_record(record_a()).status == "stored"


@pytest.mark.parametrize("record, message", [
    ({"text": "x"}, "no 'document'"),
    ({"document": {}, "text": "x", "actors": [{"id": "a1", "name": "X", "type": "ALIEN"}], "quotes": [],
      "times": [], "events": []}, "type 'ALIEN'"),
    ("not a record", "JSON object"),
])
def test_malformed_records_are_refused_with_the_reason(empty_store, record, message):
    with pytest.raises(StoreError, match=message):
        empty_store.ingest_record(record)


def test_each_test_run_has_its_own_postgres_schema():
    first, second = postgres_store(), postgres_store()
    try:
        assert first.schema != second.schema
        first.ingest_record(record_a())
        assert second.counts()["documents"] == 0, "two stores in different schemas share tables"
    finally:
        for store in (first, second):
            store.drop()
            store.close()


@pytest.mark.skipif(not SEED.exists(), reason="the development seed (../shared/eval/dev) is not beside the checkout")
def test_seed_timeline_for_hamas_runs_in_date_order_with_evidence(tmp_path):
    from briefgraph import query

    records = [r.to_record() for r in analyse(read_inputs([str(SEED)])) if isinstance(r, Analysis)]
    with Store(str(tmp_path / "seed.db")) as store:
        list(store.ingest(records))
        counts = store.counts()
        list(store.ingest(records))
        assert store.counts() == counts
        events = query.timeline(store, actor="Hamas")
    dates = [e["date"] for e in events]
    assert dates == sorted(dates, key=lambda d: d.split("/")[0]), f"timeline out of date order: {dates}"
    assert all(e["evidence"] and e["document"] for e in events), "every event should carry its evidence"
    assert dates and dates[0].startswith("2023-10-07") and dates[-1].startswith("2024-02-29"), dates


def test_hand_built_timeline_for_hamas_runs_in_date_order_with_evidence(loaded_store):
    from briefgraph import query

    events = query.timeline(loaded_store, actor="Hamas")
    assert [e["date"] for e in events] == ["2023-10-07", "2023-10-26", "2023-10-28", "2024-02-29/2024-03-02"]
    assert all(e["evidence"] and e["document"] for e in events)
    assert [e["source_count"] for e in events] == [2, 1, 1, 2]


def test_ci_requires_postgres():
    """Under CI=true the PostgreSQL half of the suite must run, never skip."""
    if os.environ.get("CI") != "true":
        pytest.skip("only meaningful under CI=true")
    store = postgres_store()  # fails (not skips) when the server is unreachable under CI
    store.drop()
    store.close()


STORY_ONE = ("Japanese and South Korean trade ministers met in Seoul on Thursday to discuss export controls "
             "on semiconductor materials, according to a statement from the Korean trade ministry.")
STORY_TWO = ("Chilean police detained 40 protesters in Santiago on Saturday after a march against pension "
             "reform turned violent, the interior ministry said.")


def _cli(*args: str):
    from typer.testing import CliRunner

    from briefgraph.cli import app
    return CliRunner().invoke(app, list(args))


def test_cli_ingest_reports_bad_inputs_and_goes_on(write, tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEFGRAPH_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    write("in/one.txt", STORY_ONE)
    write("in/two.txt", STORY_TWO)
    write("in/broken.txt", b"\x00\x01\x02binary\x00" * 50)
    result = _cli("ingest", str(tmp_path / "in"))
    assert result.exit_code == 1, result.output
    assert "broken.txt" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "2 stored, 0 unchanged" in result.stdout
    assert (tmp_path / "briefgraph.db").exists(), "the default store is ./briefgraph.db"
    again = _cli("ingest", str(tmp_path / "in" / "one.txt"), str(tmp_path / "in" / "two.txt"))
    assert again.exit_code == 0 and "0 stored, 2 unchanged" in again.stdout
    only_bad = _cli("ingest", str(tmp_path / "in" / "broken.txt"))
    assert only_bad.exit_code == 2


def test_cli_ingest_into_postgres(write):
    pg = postgres_store()  # makes the schema (or skips/fails as the server allows)
    try:
        path = write("story.txt", STORY_ONE)
        url = pg.url.replace("postgresql+psycopg://", "postgresql://") + f"?schema={pg.schema}"
        result = _cli("ingest", str(path), "--db", url)
        assert result.exit_code == 0, result.output
        assert pg.counts()["documents"] == 1
        stats = _cli("stats", "--db", url, "--format", "json")
        assert {"table": "documents", "rows": 1} in json.loads(stats.stdout)
    finally:
        pg.drop()
        pg.close()


def test_cli_reports_an_unusable_store(tmp_path):
    result = _cli("docs", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert result.exit_code == 2 and "cannot open the store" in result.output


@pytest.mark.parametrize("value, expected", [
    ("2023-10-07", ("2023-10-07", "2023-10-07")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2023", ("2023-01-01", "2023-12-31")),
    ("2024-02-29/2024-03-02", ("2024-02-29", "2024-03-02")),
    ("2024-03-02/2024-02-29", (None, None)),
    ("2023-02-30", (None, None)),
    ("last spring", (None, None)),
    (None, (None, None)),
])
def test_event_dates_become_day_ranges(value, expected):
    from briefgraph.store.merge import date_range
    assert date_range(value) == expected


def test_events_without_a_weight_take_the_cameo_codes_goldstein():
    from briefgraph.store import weights

    assert weights.goldstein("190") == -10.0
    assert weights.goldstein("0841") == weights.goldstein("084"), "a 4-digit code falls back on its parent"
    assert weights.goldstein(None) is None and weights.goldstein("99") is None


def test_minhash_tells_a_republication_from_another_story():
    from briefgraph.store import dedup
    from store_fixtures import TEXT_A, TEXT_A_REPUBLISHED, TEXT_B

    original = dedup.signature(TEXT_A)
    assert dedup.similarity(original, dedup.signature(TEXT_A_REPUBLISHED)) >= dedup.DEFAULT_THRESHOLD
    assert dedup.similarity(original, dedup.signature(TEXT_B)) < 0.3
    assert dedup.to_hex(original) == dedup.to_hex(dedup.signature(TEXT_A)), "signatures must be deterministic"
    assert (dedup.from_hex(dedup.to_hex(original)) == original).all()
    assert dedup.signature("") is None and dedup.signature("!!!") is None


def test_concurrent_ingests_merge_as_if_one_after_another(empty_store):
    """Writers from several threads (as the HTTP API has) still make one actor and one event."""
    import threading

    records = [record_a(), record_b()] * 3
    errors: list[BaseException] = []

    def work(record: dict) -> None:
        try:
            empty_store.ingest_record(record)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(r,)) for r in records]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, f"concurrent ingest failed: {errors}"
    counts = empty_store.counts()
    assert counts["documents"] == 2
    hamas, israel = _actor(empty_store, "Hamas"), _actor(empty_store, "Israel")
    assert len([e for e in _events(empty_store) if e.source_id == hamas.id and e.target_id == israel.id]) == 1
