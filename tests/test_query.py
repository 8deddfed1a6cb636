"""Queries over the hand-built corpus on both databases, and their CLI commands."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

import store_fixtures as fx
from briefgraph import query
from briefgraph.cli import app
from briefgraph.store import Store
from store_fixtures import corpus, record_a

empty_store = fx.empty_store
loaded_store = fx.loaded_store  # fixtures shared with the other store tests


def _summary(events):
    return [(e["date"], e["source"], e["plover"], e["target"]) for e in events]


def test_timeline_of_a_pair_in_either_direction(loaded_store):
    events = query.timeline(loaded_store, actor="Hamas", other="Russia", undated=True)
    assert _summary(events) == [
        ("2023-10-28", "Hamas", "CONCEDE", "Russia"),
        ("2024-02-29/2024-03-02", "Russia", "CONSULT", "Hamas"),
        (None, "Hamas", "SUPPORT", "Russia"),
    ], "undated events come last, and only with undated=True"


def test_timeline_by_type_plover_or_cameo_prefix(loaded_store):
    by_plover = _summary(query.timeline(loaded_store, type="accuse"))
    assert by_plover == [("2023-10-07", "Maria Zakharova", "ACCUSE", "United Nations"),
                         ("2023-10-08", "Sergei Lavrov", "ACCUSE", "United States")]
    assert _summary(query.timeline(loaded_store, type="11")) == by_plover


def test_timeline_date_range_keeps_overlapping_events(loaded_store):
    events = query.timeline(loaded_store, start="2023-10-08", end="2023-10")
    assert [e["date"] for e in events] == ["2023-10-08", "2023-10-26", "2023-10-28"]
    assert [e["date"] for e in query.timeline(loaded_store, start="2024-03-02")] == ["2024-02-29/2024-03-02"]


def test_timeline_event_carries_all_its_evidence_and_documents(loaded_store):
    (attack,) = query.timeline(loaded_store, actor="Israel")
    assert attack["source_count"] == 2 and len(attack["reports"]) == 2
    assert {r["document"] for r in attack["reports"]} == {"Moscow Hosts Palestinian Factions for Unity Talks",
                                                          "Palestinian Groups Open Talks in Moscow"}
    assert attack["document"] == "Moscow Hosts Palestinian Factions for Unity Talks"
    assert "attacked southern Israel" in attack["evidence"]
    assert attack["url"] == "https://news.example.org/moscow-talks"
    assert attack["goldstein"] == -10.0, "a CAMEO 190 event without its own weight takes the table's"


def test_actors_are_found_by_alias_and_code(loaded_store):
    assert _summary(query.timeline(loaded_store, actor="bogdanov")) == [
        ("2023-10-26", "Mikhail Bogdanov", "CONSULT", "Hamas")]
    sources = {e["source"] for e in query.timeline(loaded_store, actor="RUSGOV")}
    assert sources == {"Mikhail Bogdanov", "Maria Zakharova", "Sergei Lavrov"}


def test_a_group_speaks_for_its_members(empty_store):
    record = record_a()
    start = record["text"].index("Palestinian factions")
    group = {"id": "a99", "name": "Palestinian factions", "type": "GROUP", "aliases": [], "roles": [],
             "affiliation": None, "country": "PSE", "code": None, "mentions": [[start, start + len("Palestinian factions")]], "kb_id": None}
    record["actors"].append(group)
    hamas = next(a for a in record["actors"] if a["name"] == "Hamas")
    hamas["affiliation"] = "a99"
    talks = record["events"][0]
    assert talks["date"] == "2024-02-29/2024-03-02"
    talks["target"] = "a99"
    empty_store.ingest_record(record)
    dates = [e["date"] for e in query.timeline(empty_store, actor="Hamas")]
    assert dates[-1] == "2024-02-29/2024-03-02", "the talks with the factions Hamas belongs to are in its timeline"


@pytest.mark.parametrize("params, error", [
    ({"actor": "Atlantis"}, query.NotFound),
    ({"start": "2023-13-01"}, query.QueryError),
    ({"start": "2024", "end": "2023"}, query.QueryError),
    ({"type": "PARLEY"}, query.QueryError),
    ({"limit": 0}, query.QueryError),
    ({"offset": -1}, query.QueryError),
])
def test_bad_timeline_parameters_raise_query_errors(loaded_store, params, error):
    with pytest.raises(error):
        query.timeline(loaded_store, **params)


def test_pages_are_slices_of_the_whole(loaded_store):
    whole = query.timeline(loaded_store, undated=True)
    assert [e["id"] for e in query.timeline(loaded_store, undated=True, limit=2, offset=1)] == \
        [e["id"] for e in whole[1:3]]
    assert len(whole) == 7


def test_network_counts_and_weighs_pairs_over_a_period(loaded_store):
    pairs = {(p["source"], p["target"]): p for p in query.network(loaded_store)}
    hamas_russia = pairs[("Hamas", "Russia")]
    assert (hamas_russia["events"], hamas_russia["goldstein"]) == (2, 10.4), "CONCEDE 0841 (7.0) + SUPPORT 051 (3.4)"
    assert pairs[("Hamas", "Israel")]["reports"] == 2
    dated = {(p["source"], p["target"]): p for p in query.network(loaded_store, start="2023", end="2024")}
    assert dated[("Hamas", "Russia")]["events"] == 1, "an undated event is outside any period"
    assert [p["target"] for p in query.network(loaded_store, actor="Lavrov")] == ["United States"]
    assert query.network(loaded_store, min_events=2) == [pairs[("Hamas", "Russia")]]


def test_quotes_by_speaker_and_text(loaded_store):
    (lavrov,) = query.quotes(loaded_store, speaker="Lavrov")
    assert lavrov["text"].startswith("Washington bears responsibility") and lavrov["speaker"] == "Sergei Lavrov"
    assert [q["speaker"] for q in query.quotes(loaded_store, text="ONLY CAPITAL")] == ["Anna Kovacs"]
    assert query.quotes(loaded_store, text="100%") == [], "% is a literal, not a wildcard"
    assert [q["published"] for q in query.quotes(loaded_store)] == ["2024-02-26", "2024-03-01"]


def test_full_text_search_with_snippets(loaded_store):
    hits = query.search(loaded_store, "hostages citizenship")
    assert [h["title"] for h in hits] == ["Moscow Hosts Palestinian Factions for Unity Talks"]
    assert "[hostages]" in hits[0]["snippet"]
    phrase = query.search(loaded_store, '"open talks"')
    assert [h["title"] for h in phrase] == ["Palestinian Groups Open Talks in Moscow"]
    assert query.search(loaded_store, 'AND " ( * NEAR') == [], "query syntax characters are plain text"
    assert query.search(loaded_store, "zeppelin") == []


def test_actors_with_counts_roles_and_codes(loaded_store):
    listed = query.actors(loaded_store)
    assert listed[0]["name"] == "Russia", "most mentioned first"
    (bogdanov,) = query.actors(loaded_store, name="bogdan")
    assert bogdanov["roles"] == ["Deputy Foreign Minister"] and bogdanov["code"] == "RUSGOV"
    assert bogdanov["aliases"] == ["Bogdanov"] and bogdanov["mentions"] == 2 and bogdanov["events"] == 1
    assert {a["name"] for a in query.actors(loaded_store, type="gpe")} == {"Russia", "Israel", "United States"}
    with pytest.raises(query.QueryError):
        query.actors(loaded_store, type="ROBOT")


def test_docs_by_date_with_duplicates_linked(loaded_store):
    listed = query.docs(loaded_store)
    assert [d["published"] for d in listed] == ["2024-02-26", "2024-02-27", "2024-03-01"]
    assert listed[1]["duplicate_of"] == listed[0]["id"]
    assert len(query.docs(loaded_store, duplicates=False)) == 2
    assert [d["title"] for d in query.docs(loaded_store, tag="palestinian politics")] == [listed[0]["title"]]
    assert query.document(loaded_store, listed[0]["id"])["record"]["text"].startswith("Moscow Hosts")
    with pytest.raises(query.NotFound):
        query.document(loaded_store, 10_000)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    with Store(str(path)) as store:
        list(store.ingest(corpus()))
    return str(path)


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_cli_timeline_json_has_the_event_fields(db_path):
    result = _run("timeline", "Hamas", "--db", db_path, "--format", "json")
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert isinstance(events, list) and len(events) == 4
    for key in ("date", "source", "target", "plover", "cameo", "evidence", "document"):
        assert key in events[0], f"timeline JSON objects lack {key!r}"


def test_cli_csv_and_table_formats(db_path):
    result = _run("network", "--db", db_path, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0 and {"source", "target", "events", "goldstein"} <= set(rows[0])
    table = _run("quotes", "--speaker", "Lavrov", "--db", db_path)
    assert table.exit_code == 0 and "Washington bears responsibility" in table.stdout
    search = _run("search", "hostages", "--db", db_path, "-f", "json")
    assert json.loads(search.stdout)[0]["title"].startswith("Moscow Hosts")
    assert "Russia" in _run("actors", "--db", db_path).stdout
    assert len(json.loads(_run("docs", "--db", db_path, "-f", "json").stdout)) == 3


def test_cli_network_graphml(db_path):
    result = _run("network", "--db", db_path, "--format", "graphml")
    assert result.exit_code == 0
    assert ET.fromstring(result.stdout).tag.endswith("graphml")


def test_cli_errors_are_one_line_with_an_exit_code(db_path):
    unknown = _run("timeline", "Atlantis", "--db", db_path)
    assert unknown.exit_code == 1 and "no actor called 'Atlantis'" in unknown.output
    bad = _run("timeline", "--from", "yesterday", "--db", db_path)
    assert bad.exit_code == 2 and "not a date" in bad.output
    bracketed = _run("timeline", "[bold]Atlantis[/bold]", "--db", db_path)
    assert "no actor called '[bold]Atlantis[/bold]'" in bracketed.output, (
        f"the actor's brackets were read as terminal markup: {bracketed.output!r}")
