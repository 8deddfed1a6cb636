"""Map points of stored events (briefgraph.map_points) and `GET /map/points` (issue 15)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

import store_fixtures as fx
from briefgraph import query
from briefgraph.map_points import label, map_points, view_box
from briefgraph.web import Settings, create_app

empty_store = fx.empty_store
loaded_store = fx.loaded_store


def test_points_are_the_located_events_with_their_links(loaded_store):
    points = map_points(loaded_store)
    located = [e for e in query.timeline(loaded_store, undated=True) if e["lat"] is not None]
    assert points and len(points) == len(located), "one point per located event"
    for point in points:
        assert point["place"] == "Moscow" and point["country"] == "RUS"
        assert (point["lat"], point["lon"]) == (55.75, 37.62)
        assert point["href"].startswith(f"/ui/reader/{point['document_id']}#span-")
        assert "CONSULT" in point["label"] and "Moscow (RUS)" in point["label"]


def test_points_honour_the_timeline_filters(loaded_store):
    every = len(map_points(loaded_store))
    assert len(map_points(loaded_store, country="RUS")) == every
    assert len(map_points(loaded_store, country="Russia")) == every
    assert map_points(loaded_store, country="UKR") == []
    assert len(map_points(loaded_store, near="55.7,37.6", km=50)) == every
    assert map_points(loaded_store, near="48.5,35.0", km=50) == []
    assert map_points(loaded_store, start="1999", end="1999") == []
    hamas = {e["id"] for e in query.timeline(loaded_store, actor="Hamas", undated=True) if e["lat"] is not None}
    assert {p["id"] for p in map_points(loaded_store, actor="Hamas")} == hamas


def test_bad_filters_are_query_errors(loaded_store):
    with pytest.raises(query.QueryError, match="give both near"):
        map_points(loaded_store, near="55.7,37.6")
    with pytest.raises(query.QueryError, match="not a date"):
        map_points(loaded_store, start="soon")


def test_view_box_holds_the_points_in_the_map_shape():
    assert view_box([]) == (-180.0, -90.0, 360.0, 180.0)
    points = [{"lat": 55.75, "lon": 37.62}, {"lat": 31.5, "lon": 34.47}]
    x, y, width, height = view_box(points)
    assert width == 2 * height and width >= 60
    for p in points:
        assert x <= p["lon"] <= x + width and y <= -p["lat"] <= y + height
    x, y, width, height = view_box([{"lat": 89.0, "lon": 179.0}])
    assert x + width <= 180 and y >= -90, "the box stays on the map"


def test_label_reads_as_a_tooltip():
    point = {"date": "2024-02-26", "type": "ASSAULT", "negated": True, "source": "Russia", "target": "Ukraine",
             "place": "Kharkiv", "country": "UKR"}
    assert label(point) == "2024-02-26 · not ASSAULT · Russia → Ukraine · Kharkiv (UKR)"
    assert label({**point, "date": None, "target": None, "country": None, "negated": False}) == \
        "undated · ASSAULT · Russia · Kharkiv"


def test_map_points_endpoint(loaded_store):
    client = TestClient(create_app(Settings(store=loaded_store)))
    answer = client.get("/map/points", params={"country": "RUS"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["count"] == len(body["items"]) == len(map_points(loaded_store)) > 0
    assert len(body["view_box"]) == 4
    assert client.get("/map/points", params={"country": "UKR"}).json()["count"] == 0
    assert client.get("/map/points", params={"near": "55.7,37.6"}).status_code == 400
    assert client.get("/map/points", params={"near": "55.7,37.6", "km": -1}).status_code == 422
    page = client.get("/ui/map", params={"country": "RUS"})
    assert page.status_code == 200 and page.text.count('class="map-point') == body["count"]
    assert 'href="/static/world-110m.svg"' in page.text
