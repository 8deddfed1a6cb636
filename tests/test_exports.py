"""Exports of issue 15: GDELT 2.0 rows, PLOVER JSON Lines, actors/quotes tables, GEXF,
data frames, and the place filters of timeline and network."""

from __future__ import annotations

import io
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

import store_fixtures as fx
from briefgraph import exports, query
from briefgraph.cli import app
from briefgraph.exports.gdelt import GDELT_COLUMNS
from briefgraph.query import QueryError

loaded_store = fx.loaded_store
SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "plover-event.schema.json"


def test_gdelt_has_61_columns_on_every_line(loaded_store):
    out = io.StringIO()
    count = exports.write_gdelt(loaded_store, out)
    lines = out.getvalue().splitlines()
    assert count == len(lines) > 0
    assert len(GDELT_COLUMNS) == 61
    assert all(len(line.split("\t")) == 61 for line in lines)
    located = [line.split("\t") for line in lines if line.split("\t")[GDELT_COLUMNS.index("ActionGeo_Lat")]]
    assert located and located[0][GDELT_COLUMNS.index("ActionGeo_FullName")].startswith("Moscow")


def test_gdelt_loads_with_pandas_by_column_names(loaded_store):
    pd = pytest.importorskip("pandas")
    out = io.StringIO()
    exports.write_gdelt(loaded_store, out)
    frame = pd.read_csv(io.StringIO(out.getvalue()), sep="\t", header=None, names=list(GDELT_COLUMNS),
                        dtype={"EventCode": str, "EventRootCode": str, "EventBaseCode": str})
    assert list(frame.columns) == list(GDELT_COLUMNS)
    assert frame["EventRootCode"].notna().all()
    assert set(frame["QuadClass"].dropna()) <= {1, 2, 3, 4}


def test_plover_lines_validate_against_the_schema(loaded_store):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    out = io.StringIO()
    count = exports.write_plover(loaded_store, out)
    lines = out.getvalue().splitlines()
    assert count == len(lines) > 0
    for line in lines:
        jsonschema.validate(json.loads(line), schema)
    consult = [json.loads(line) for line in lines if json.loads(line)["event_type"] == "CONSULT"]
    assert consult and consult[0]["location"]["lat"] == 55.75


def test_actors_quotes_network_exports(loaded_store, tmp_path):
    out = io.StringIO()
    assert exports.write_actors(loaded_store, out) > 0
    assert out.getvalue().startswith("id,name,type,country,code")
    out = io.StringIO()
    assert exports.write_quotes(loaded_store, out) > 0
    import pyarrow.parquet as pq
    exports.write_quotes(loaded_store, tmp_path / "quotes.parquet", "parquet")
    assert pq.read_table(tmp_path / "quotes.parquet").num_rows > 0
    out = io.StringIO()
    exports.write_gexf(loaded_store, out)
    assert "<gexf" in out.getvalue() and "<edge " in out.getvalue()


def test_cli_export_formats(loaded_store, tmp_path, monkeypatch):
    if loaded_store.dialect != "sqlite":
        pytest.skip("the CLI test runs on the SQLite store")
    db = loaded_store.url.removeprefix("sqlite:///")
    result = CliRunner().invoke(app, ["export", "events", "--format", "gdelt", "--db", db])
    assert result.exit_code == 0, result.output
    assert all(len(line.split("\t")) == 61 for line in result.stdout.splitlines())
    result = CliRunner().invoke(app, ["export", "network", "--format", "gexf", "--db", db])
    assert result.exit_code == 0 and "<gexf" in result.stdout
    result = CliRunner().invoke(app, ["timeline", "--country", "RUS", "--undated", "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) and all(r["location_country"] == "RUS" for r in json.loads(result.stdout))


def test_place_filters(loaded_store):
    moscow = query.timeline(loaded_store, undated=True, country="RUS")
    assert moscow and all(r["location"] == "Moscow" for r in moscow)
    assert query.timeline(loaded_store, undated=True, country="Russia") == moscow
    near = query.timeline(loaded_store, undated=True, near="55.0,37.0", km=150)
    assert [r["id"] for r in near] == [r["id"] for r in moscow]
    assert query.timeline(loaded_store, undated=True, near=(48.0, 2.0), km=100) == []
    assert query.network(loaded_store, near="55.75,37.62", km=10)
    with pytest.raises(QueryError):
        query.timeline(loaded_store, near="55,37")
    with pytest.raises(QueryError):
        query.timeline(loaded_store, country="Atlantis")


def test_to_dataframe(loaded_store):
    pytest.importorskip("pandas")
    frame = exports.QueryResult(query.timeline(loaded_store, undated=True)).to_pandas()
    assert len(frame) > 0 and "location" in frame.columns
    assert len(exports.to_dataframe(query.network(loaded_store))) > 0


def test_network_as_graphml(loaded_store):
    pairs = query.network(loaded_store)
    root = ET.fromstring(exports.network_graphml(pairs))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    edges = root.findall(".//g:edge", ns)
    assert len(edges) == len(pairs) == 6
    names = {d.text for d in root.findall(".//g:node/g:data[@key='name']", ns)}
    assert {"Hamas", "Russia", "Israel", "United Nations"} <= names
