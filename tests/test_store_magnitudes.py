"""Magnitudes and generic-actor fields (issue 17) in the store, on SQLite and PostgreSQL:
migration 5, ingest, the merge rule of store/magnitudes.py, the timeline (query, CLI,
HTTP API) and the exports (PLOVER JSON Lines, actors CSV/Parquet, GDELT still 61 columns).

The two records are hand-built from texts written for these tests: two outlets report
one fictional police shooting, with different death tolls.
"""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select, text
from typer.testing import CliRunner

import store_fixtures as fx
from briefgraph import exports, query
from briefgraph.cli import app
from briefgraph.errors import StoreError
from briefgraph.exports.gdelt import GDELT_COLUMNS
from briefgraph.records import text_id
from briefgraph.store import Store, migrations
from briefgraph.store import schema as s
from briefgraph.store.magnitudes import label, summarise

empty_store = fx.empty_store
SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "plover-event.schema.json"

TEXT_1 = ("Riot police fired on protesters in Vadodara on Friday, killing two people and wounding at least 12. "
          "Police said they had arrested 20 people.")
TEXT_2 = "Police in Vadodara opened fire on a crowd of protesters on Friday, killing three people, officials said."


def _span(body: str, needle: str) -> tuple[int, int]:
    start = body.index(needle)
    return start, start + len(needle)


def _magnitude(body: str, kind: str, phrase: str, value: int | None = None, low: int | None = None) -> dict:
    start, end = _span(body, phrase)
    return {"kind": kind, "value": value, "min": low, "max": None, "text": phrase, "start": start, "end": end}


def _actor(body: str, local: str, name: str, code: str, category: str) -> dict[str, Any]:
    start, end = _span(body, name)
    return {"id": local, "name": name, "type": "GROUP", "aliases": [], "roles": [], "affiliation": None,
            "country": "IND", "code": code, "mentions": [[start, end]], "kb_id": None, "lat": None, "lon": None,
            "category": category, "country_from": "location"}


def _event(body: str, local: str, plover: str, cameo: str, trigger: str, magnitudes: list[dict],
           target: str | None = "a2") -> dict[str, Any]:
    start = body.rfind(". ", 0, body.index(trigger)) + 2 if ". " in body[:body.index(trigger)] else 0
    end = body.index(".", body.index(trigger)) + 1
    return {"id": local, "source": "a1", "target": target, "plover": plover, "cameo": cameo, "negated": False,
            "modality": "asserted", "date": "2025-03-07", "location": None, "trigger": trigger,
            "evidence": {"start": start, "end": end, "text": body[start:end]}, "magnitudes": magnitudes}


def _record(body: str, source: str, events: list[dict]) -> dict[str, Any]:
    return {"document": {"id": text_id(body), "source": source, "title": source, "published": "2025-03-08"},
            "text": body, "quotes": [], "times": [], "events": events,
            "actors": [_actor(body, "a1", "police" if "police" in body else "Police", "INDCOP", "state forces"),
                       _actor(body, "a2", "protesters", "INDOPP", "protesters")]}


def record_1() -> dict[str, Any]:
    body = TEXT_1
    record = _record(body, "outlet-1", [
        _event(body, "e1", "ASSAULT", "175", "fired", [_magnitude(body, "killed", "two people", 2),
                                                       _magnitude(body, "injured", "at least 12", low=12)]),
        _event(body, "e2", "COERCE", "173", "arrested", [_magnitude(body, "arrested", "20 people", 20)], None)])
    record["actors"][0]["name"] = "police"  # one actor for both outlets ("police" / "Police")
    return record


def record_2() -> dict[str, Any]:
    body = TEXT_2
    record = _record(body, "outlet-2", [
        _event(body, "e1", "ASSAULT", "175", "opened", [_magnitude(body, "killed", "three people", 3)])])
    record["actors"][0]["name"] = "police"
    return record


def _timeline(store: Store) -> dict[str, dict[str, Any]]:
    return {row["plover"]: row for row in query.timeline(store)}


def test_magnitudes_are_kept_per_report_and_read_merged(empty_store):
    results = list(empty_store.ingest([record_1(), record_2()]))
    assert [r.status for r in results] == ["stored", "stored"]
    with empty_store.connect() as conn:
        rows = conn.execute(select(s.magnitudes).order_by(s.magnitudes.c.id)).all()
    assert [(r.kind, r.value, r.min) for r in rows] == [("killed", 2, None), ("injured", None, 12),
                                                        ("arrested", 20, None), ("killed", 3, None)]
    assert TEXT_1[rows[0].start:rows[0].end] == "two people", "a magnitude's offsets should point into its text"
    events = _timeline(empty_store)
    assert events["ASSAULT"]["source_count"] == 2, "the two reports should be one event"
    assert [(m["kind"], m["value"], m["min"]) for m in events["ASSAULT"]["magnitudes"]] == \
        [("killed", 3, None), ("injured", None, 12)], "the highest stated toll of a kind should win"
    assert events["ASSAULT"]["magnitude"] == "killed 3, injured 12+"
    assert events["COERCE"]["magnitude"] == "arrested 20"
    assert empty_store.counts()["magnitudes"] == 4


def test_actor_category_and_country_source_are_stored_and_exported(empty_store, tmp_path):
    list(empty_store.ingest([record_1()]))
    actors = {a["name"]: a for a in query.actors(empty_store)}
    assert actors["protesters"]["category"] == "protesters"
    assert actors["police"]["category"] == "state forces" and actors["police"]["country_from"] == "location"
    out = io.StringIO()
    exports.write_actors(empty_store, out)
    header, *lines = out.getvalue().splitlines()
    assert header.endswith(",category,country_from")
    assert any(line.endswith(",state forces,location") for line in lines)
    import pyarrow.parquet as pq
    exports.write_actors(empty_store, tmp_path / "actors.parquet", "parquet")
    table = pq.read_table(tmp_path / "actors.parquet").to_pylist()
    assert {r["category"] for r in table} == {"state forces", "protesters"}


def test_a_record_without_the_new_fields_stores_nulls(empty_store):
    record = record_1()
    for actor in record["actors"]:
        del actor["category"], actor["country_from"]
    for event in record["events"]:
        del event["magnitudes"]
    list(empty_store.ingest([record]))
    assert {a["category"] for a in query.actors(empty_store)} == {None}
    assert all(row["magnitudes"] == [] and row["magnitude"] == "" for row in query.timeline(empty_store))


@pytest.mark.parametrize("bad, message", [
    ({"kind": "eaten", "value": 2}, "no kind"),
    ({"kind": "killed", "value": "two"}, "not a count"),
    ({"kind": "killed", "value": -3}, "not a count"),
])
def test_a_bad_magnitude_is_refused_and_leaves_nothing(empty_store, bad, message):
    record = record_1()
    record["events"][0]["magnitudes"] = [bad]
    with pytest.raises(StoreError, match=message):
        list(empty_store.ingest([record]))
    assert empty_store.counts()["documents"] == 0, "a refused record should leave no document behind"


def test_migration_5_upgrades_a_version_4_store(empty_store):
    with empty_store.engine.begin() as conn:  # make it the store version 4 left behind
        conn.execute(text("DROP TABLE magnitudes"))
        conn.execute(text("ALTER TABLE actors DROP COLUMN category"))
        conn.execute(text("ALTER TABLE actors DROP COLUMN country_from"))
        conn.execute(s.schema_migrations.delete().where(s.schema_migrations.c.version == 5))
    assert migrations.migrate(empty_store.engine) == [5]
    with empty_store.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("actors")}
        assert {"category", "country_from"} <= columns
        assert inspect(conn).has_table("magnitudes")
    list(empty_store.ingest([record_1()]))
    assert _timeline(empty_store)["COERCE"]["magnitude"] == "arrested 20"


def test_plover_lines_carry_magnitudes_and_fatalities(empty_store):
    jsonschema = pytest.importorskip("jsonschema")
    list(empty_store.ingest([record_1(), record_2()]))
    out = io.StringIO()
    exports.write_plover(empty_store, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    schema = json.loads(SCHEMA.read_text())
    for line in lines:
        jsonschema.validate(line, schema)
    assault = next(line for line in lines if line["event_type"] == "ASSAULT")
    assert assault["fatalities"] == 3
    assert {"kind": "injured", "value": None, "min": 12, "max": None, "text": "at least 12"} in assault["magnitudes"]
    coerce = next(line for line in lines if line["event_type"] == "COERCE")
    assert coerce["fatalities"] is None and coerce["magnitudes"][0]["value"] == 20


def test_gdelt_stays_61_columns_with_magnitudes(empty_store):
    list(empty_store.ingest([record_1(), record_2()]))
    out = io.StringIO()
    assert exports.write_gdelt(empty_store, out) == 2
    assert len(GDELT_COLUMNS) == 61 and all(len(line.split("\t")) == 61 for line in out.getvalue().splitlines())


def test_timeline_cli_and_api_show_magnitudes(tmp_path):
    db = str(tmp_path / "store.db")
    with Store(db) as store:
        list(store.ingest([record_1(), record_2()]))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient
        from briefgraph.web import Settings, create_app
        items = TestClient(create_app(Settings(store=store, token=None))).get("/timeline").json()["items"]
    assert {i["plover"]: i["magnitude"] for i in items} == {"ASSAULT": "killed 3, injured 12+",
                                                           "COERCE": "arrested 20"}
    assert items[0]["magnitudes"] and set(items[0]["magnitudes"][0]) == {"kind", "value", "min", "max", "text"}
    result = CliRunner().invoke(app, ["timeline", "--db", db])
    assert result.exit_code == 0, result.output
    assert "killed 3, injured 12+" in result.stdout and "arrested 20" in result.stdout
    result = CliRunner().invoke(app, ["timeline", "--db", db, "--format", "csv"])
    assert "magnitudes" in result.stdout.splitlines()[0] and "arrested 20" in result.stdout


def test_summary_takes_the_highest_figure_of_a_kind_and_prefers_exact_on_a_tie():
    rows = [{"kind": "killed", "value": 2, "min": None, "max": None, "text": "two soldiers", "document_id": 1},
            {"kind": "killed", "value": 5, "min": None, "max": None, "text": "five people", "document_id": 1},
            {"kind": "killed", "value": None, "min": 5, "max": None, "text": "at least five", "document_id": 2},
            {"kind": "killed", "value": 5, "min": None, "max": None, "text": "five people", "document_id": 1},
            {"kind": "crowd", "value": None, "min": 300, "max": 400, "text": "300 to 400", "document_id": 2}]
    summary = summarise(rows)
    assert [(m["kind"], m["value"], m["min"]) for m in summary] == [("killed", 5, None), ("crowd", None, 300)], \
        "a repeated toll should not be added up, and an exact five should win over 'at least five'"
    assert label(summary) == "killed 5, crowd 300-400"
    assert label([{"kind": "crowd", "value": None, "min": None, "max": 1000, "text": ""}]) == "crowd up to 1000"
