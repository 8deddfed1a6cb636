"""Exports: events as GDELT-like CSV and Parquet, records as JSON Lines (library and CLI)."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import store_fixtures as fx
from briefgraph import export
from briefgraph.cli import app
from briefgraph.store import Store
from store_fixtures import corpus

loaded_store = fx.loaded_store  # fixtures shared with the other store tests


def test_events_csv_has_gdelt_like_columns_one_row_per_merged_event(loaded_store):
    out = io.StringIO()
    assert export.write_events_csv(loaded_store, out) == 7
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == export.EVENT_COLUMNS
    attack = next(r for r in rows if r["plover_type"] == "ASSAULT")
    assert (attack["date"], attack["actor1_name"], attack["actor1_code"], attack["event_code"],
            attack["actor2_name"], attack["actor2_code"], attack["goldstein"], attack["num_sources"]) == \
        ("2023-10-07", "Hamas", "PSEREB", "190", "Israel", "ISR", "-10.0", "2")
    assert attack["source_url"] == "https://news.example.org/moscow-talks"
    assert "attacked southern Israel" in attack["evidence"]
    talks = next(r for r in rows if r["plover_type"] == "CONSULT" and r["actor1_name"] == "Russia")
    assert (talks["location"], talks["lat"], talks["lon"]) == ("Moscow", "55.75", "37.62")
    assert rows[-1]["date"] == "", "undated events come last"


def test_events_parquet_round_trips(loaded_store, tmp_path):
    path = tmp_path / "events.parquet"
    assert export.write_events_parquet(loaded_store, path) == 7
    table = pq.read_table(path)
    assert table.column_names == list(export.EVENT_COLUMNS)
    assert str(table.schema.field("goldstein").type) == "double"
    rows = table.to_pylist()
    assert rows[0]["date"] == "2023-10-07" and rows[0]["num_sources"] == 2


def test_records_jsonl_are_the_stored_records(loaded_store):
    out = io.StringIO()
    assert export.write_records_jsonl(loaded_store, out) == 2
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["document"]["title"] for r in records} == {"Moscow Hosts Palestinian Factions for Unity Talks",
                                                          "Palestinian Groups Open Talks in Moscow"}
    assert all(set(r) >= {"document", "text", "actors", "quotes", "times", "events"} for r in records)
    with_duplicates = io.StringIO()
    assert export.write_records_jsonl(loaded_store, with_duplicates, duplicates=True) == 3
    last = json.loads(with_duplicates.getvalue().splitlines()[-1])
    assert last["duplicate_of"] and last["document"]["title"] == "Russia Invites Palestinian Factions to Moscow"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "export.db"
    with Store(str(path)) as store:
        list(store.ingest(corpus()))
    return str(path)


def test_cli_exports(db_path, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["export", "events", "--format", "csv", "--db", db_path])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == ",".join(export.EVENT_COLUMNS)
    target = tmp_path / "events.parquet"
    result = runner.invoke(app, ["export", "events", "--format", "parquet", "-o", str(target), "--db", db_path])
    assert result.exit_code == 0 and pq.read_table(target).num_rows == 7
    result = runner.invoke(app, ["export", "records", "--db", db_path])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2
    wrong = runner.invoke(app, ["export", "records", "--format", "parquet", "--db", db_path])
    assert wrong.exit_code == 2 and "not a format for records" in wrong.output
