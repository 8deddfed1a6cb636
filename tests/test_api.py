"""The HTTP API, through the real app (TestClient, and once over a real socket with uvicorn):
queries with pagination, ingest with its token, and every bad input answered with a 4xx JSON error."""

from __future__ import annotations

import socket
import threading
import time
import warnings

import httpx
import pytest

from briefgraph import query
from briefgraph.store import Store
from briefgraph.web import Settings, create_app
from store_fixtures import corpus, postgres_store, record_a

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "test-token-7f3a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NEW_TEXT = ("Kenyan and Somali officials met in Nairobi on Tuesday to discuss border security, "
            "the Kenyan foreign ministry said in a statement.")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(str(tmp_path_factory.mktemp("api") / "api.db")) as store:
        list(store.ingest(corpus()))
        yield store


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(Settings(store=store, token=TOKEN, max_body_bytes=64 * 1024)))


def test_openapi_is_served(client):
    spec = client.get("/openapi.json").json()
    for path in ("/timeline", "/network", "/quotes", "/search", "/actors", "/documents"):
        assert path in spec["paths"], f"{path} missing from the OpenAPI document"
    assert "post" in spec["paths"]["/documents"]


def test_timeline_pages_follow_next_offset(client, store):
    first = client.get("/timeline", params={"actor": "Hamas", "limit": 3}).json()
    assert len(first["items"]) == 3 and first["next_offset"] == 3
    rest = client.get("/timeline", params={"actor": "Hamas", "limit": 3, "offset": first["next_offset"]}).json()
    assert rest["next_offset"] is None
    dates = [e["date"] for e in first["items"] + rest["items"]]
    assert dates == [e["date"] for e in query.timeline(store, actor="Hamas")]
    assert all(e["evidence"] and e["document"] for e in first["items"])


def test_queries_answer_json(client):
    assert client.get("/network", params={"actor": "Hamas"}).json()["items"][0]["source"] == "Hamas"
    graphml = client.get("/network", params={"format": "graphml"})
    assert graphml.status_code == 200 and graphml.text.startswith("<?xml")
    assert client.get("/quotes", params={"speaker": "Lavrov"}).json()["items"][0]["speaker"] == "Sergei Lavrov"
    hit = client.get("/search", params={"q": "hostages"}).json()["items"][0]
    assert "[hostages]" in hit["snippet"]
    assert client.get("/actors", params={"limit": 1}).json()["items"][0]["name"] == "Russia"
    documents = client.get("/documents").json()["items"]
    assert client.get(f"/documents/{documents[0]['id']}").json()["record"]["document"]["title"]
    assert client.get("/stats").json()["documents"] >= 3


@pytest.mark.parametrize("path, params, status", [
    ("/timeline", {"limit": 0}, 422),
    ("/timeline", {"limit": "ten"}, 422),
    ("/timeline", {"limit": 100000}, 422),
    ("/timeline", {"offset": -1}, 422),
    ("/timeline", {"start": "2023-13"}, 400),
    ("/timeline", {"start": "2024", "end": "2023"}, 400),
    ("/timeline", {"type": "PARLEY"}, 400),
    ("/timeline", {"actor": "Atlantis"}, 404),
    ("/timeline", {"undated": "maybe"}, 422),
    ("/network", {"format": "xml"}, 422),
    ("/network", {"min_events": 0}, 422),
    ("/search", {}, 422),
    ("/search", {"q": ""}, 422),
    ("/actors", {"type": "ROBOT"}, 400),
    ("/actors", {"country": "RUSSIA"}, 422),
    ("/documents/abc", {}, 422),
    ("/documents/0", {}, 422),
    ("/documents/99999", {}, 404),
    ("/documents/99999999999999999999999", {}, 422),
    ("/documents/99999999999", {}, 422),
    ("/no-such-page", {}, 404),
    ("/timeline", {"actor": "Ha\x00mas"}, 400),
    ("/quotes", {"text": "a\x00b"}, 400),
    ("/documents", {"tag": "\x00"}, 400),
])
def test_bad_parameters_get_a_4xx_json_error(client, path, params, status):
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and body["error"], f"no JSON error for {path} {params}: {body}"


def test_wrong_method_is_a_json_405(client):
    response = client.delete("/timeline")
    assert response.status_code == 405 and response.json()["error"]


def test_ingest_needs_the_bearer_token(client):
    missing = client.post("/documents", json={"text": NEW_TEXT})
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert "bearer token" in missing.json()["error"]
    wrong = client.post("/documents", json={"text": NEW_TEXT}, headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 403
    basic = client.post("/documents", json={"text": NEW_TEXT}, headers={"Authorization": "Basic dXNlcg=="})
    assert basic.status_code == 401


def test_ingest_is_disabled_without_a_configured_token(store):
    closed = TestClient(create_app(Settings(store=store, token=None)))
    response = closed.post("/documents", json={"text": NEW_TEXT}, headers=AUTH)
    assert response.status_code == 403 and "no API token" in response.json()["error"]


def test_ingest_text_then_again_is_unchanged(client):
    first = client.post("/documents", json={"text": NEW_TEXT, "published": "2024-05-07",
                                            "url": "https://news.example.org/nairobi"}, headers=AUTH)
    assert first.status_code == 201, first.text
    (result,) = first.json()["results"]
    assert result["status"] == "stored"
    again = client.post("/documents", json={"documents": [{"text": NEW_TEXT}]}, headers=AUTH)
    assert again.status_code == 201 and again.json()["results"][0]["status"] == "unchanged"
    found = client.get("/search", params={"q": "Nairobi border"}).json()["items"]
    assert found and found[0]["document_id"] == result["document_id"]


def test_ingest_a_record_and_report_bad_ones(client):
    response = client.post("/documents", headers=AUTH, json={"documents": [
        {"record": record_a()}, {"record": {"text": "no document"}, "source": "bad.json"}]})
    assert response.status_code == 201
    body = response.json()
    assert body["results"][0]["status"] == "unchanged"
    assert body["failures"] == [{"source": "bad.json", "reason": "<record>: record has no 'document'"}]
    none_ok = client.post("/documents", headers=AUTH, json={"record": {"text": "x"}})
    assert none_ok.status_code == 422 and none_ok.json()["failures"]


@pytest.mark.parametrize("body", [
    {}, {"text": ""}, {"text": "x", "record": {}}, {"text": "x", "published": "last week"},
    {"txt": "typo"}, {"documents": []}, {"documents": [{"text": "x"}] * 101}, [1, 2], "text",
])
def test_bad_ingest_bodies_are_422(client, body):
    response = client.post("/documents", json=body, headers=AUTH)
    assert response.status_code == 422, response.text
    assert response.json()["error"]


def test_malformed_json_and_oversized_bodies(client):
    broken = client.post("/documents", content=b'{"text": ', headers={**AUTH, "Content-Type": "application/json"})
    assert broken.status_code == 422 and broken.json()["error"]
    big = client.post("/documents", json={"text": "word " * 20000}, headers=AUTH)
    assert big.status_code == 413 and "over" in big.json()["error"]

    def chunks():  # no Content-Length: the limit applies as the body streams in
        for _ in range(20):
            yield b"x" * 8192

    streamed = client.post("/documents", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert streamed.status_code == 413


def test_reads_can_be_token_protected(store):
    protected = TestClient(create_app(Settings(store=store, token=TOKEN, protect_reads=True)))
    assert protected.get("/timeline").status_code == 401
    assert protected.get("/timeline", headers=AUTH).status_code == 200
    assert protected.get("/health").status_code == 200, "the health check stays open"


def test_settings_from_the_environment(monkeypatch, tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text("from-a-file\n")
    monkeypatch.delenv("BRIEFGRAPH_API_TOKEN", raising=False)
    monkeypatch.setenv("BRIEFGRAPH_API_TOKEN_FILE", str(token_file))
    monkeypatch.setenv("BRIEFGRAPH_API_PROTECT_READS", "yes")
    settings = Settings.from_env(db="x.db")
    assert (settings.token, settings.protect_reads, settings.db) == ("from-a-file", True, "x.db")


def test_the_api_on_postgres():
    pg = postgres_store()
    try:
        list(pg.ingest(corpus()))
        client = TestClient(create_app(Settings(store=pg, token=TOKEN)))
        dates = [e["date"] for e in client.get("/timeline", params={"actor": "Hamas"}).json()["items"]]
        assert dates == ["2023-10-07", "2023-10-26", "2023-10-28", "2024-02-29/2024-03-02"]
        assert client.get("/search", params={"q": '"open talks"'}).json()["items"]
        assert client.get("/timeline", params={"start": "nope"}).status_code == 400
        assert client.get("/actors", params={"name": "\x00"}).status_code == 400
        assert client.get("/documents/2147483647").status_code == 404
        nul = client.post("/documents", headers=AUTH, json={"text": "Hamas\x00 attacked Israel on Saturday."})
        assert nul.status_code == 422 and "NUL" in nul.json()["failures"][0]["reason"]
        bad_title = record_a() | {"document": record_a()["document"] | {"title": "a\x00b", "id": "x1"}}
        refused = client.post("/documents", headers=AUTH, json={"record": bad_title})
        assert refused.status_code == 422, "a value PostgreSQL refuses is the record's fault, not a 500"
    finally:
        pg.drop()
        pg.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_over_a_real_socket(store):
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(store=store, token=TOKEN)), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):  # wait (at most ~10 s) for the server to listen
            if server.started:
                break
            time.sleep(0.1)
        assert server.started, "uvicorn did not start"
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            assert http.get("/timeline", params={"actor": "Israel"}).json()["items"][0]["source_count"] == 2
            assert http.post("/documents", json={"text": NEW_TEXT}).status_code == 401
            assert http.get("/timeline", params={"limit": "-5"}).status_code == 422
    finally:
        server.should_exit = True
        thread.join(timeout=10)
