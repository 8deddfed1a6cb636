"""Hostile HTTP requests (issue 14), against the real app:

- document text with <script> (title, actor names, quotes, evidence, tags) escaped in
  every page, and query parameters reflected escaped;
- security headers on pages: a Content-Security-Policy without inline scripts,
  X-Content-Type-Options;
- no file served from outside the static folder (path traversal, raw and encoded);
- the token: writes need it, reads when configured, compared in constant time,
  odd Authorization headers answered 401/403, never 500;
- parameters and bodies validated with 4xx JSON answers, never a 500 or a traceback
  (hypothesis over every endpoint's parameters, SQL-looking strings, bad percent
  encoding, deep JSON, oversized bodies);
- no SQL built from strings in the package (an AST scan of every query call).
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import json
import warnings
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefgraph
from briefgraph.store import Store
from briefgraph.web import Settings, auth, create_app
from hostile import FRAGMENTS
from store_fixtures import corpus

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "hostile-token-2b9c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SCRIPT = '<script>alert("xss")</script>'
IMG = "<img src=x onerror=alert(2)>"

HOSTILE_TEXT = (f"Hostile {SCRIPT} Corp condemned {IMG} Land on March 3, 2024, in a statement.\n\n"
                f"\u201c{SCRIPT} We will respond,\u201d said Evil <b>Name</b> on Monday.")
A1, A2, A3 = f"Hostile {SCRIPT} Corp", f"{IMG} Land", "Evil <b>Name</b>"


def _span(needle: str) -> list[int]:
    start = HOSTILE_TEXT.index(needle)
    return [start, start + len(needle)]


def hostile_record() -> dict[str, Any]:
    first = HOSTILE_TEXT.split("\n")[0]
    quote_text = f"{SCRIPT} We will respond,"
    return {
        "document": {"id": None, "source": f"http://example.org/{SCRIPT}", "url": f"javascript:alert(1)//{SCRIPT}",
                     "title": f"{SCRIPT} Report", "published": "2024-03-04", "genre": f"<i>{SCRIPT}</i>",
                     "sections": [{"heading": f"{SCRIPT} Section", "start": 0, "end": len(HOSTILE_TEXT)}],
                     "tags": [SCRIPT], "related": [{"title": SCRIPT, "author": IMG, "url": "javascript:alert(3)"}]},
        "text": HOSTILE_TEXT,
        "actors": [
            {"id": "a1", "name": A1, "type": "ORG", "aliases": [], "roles": [SCRIPT], "mentions": [_span(A1)]},
            {"id": "a2", "name": A2, "type": "GPE", "aliases": [], "roles": [], "country": "XSS", "mentions": [_span(A2)]},
            {"id": "a3", "name": A3, "type": "PERSON", "aliases": [], "roles": [], "mentions": [_span(A3)]},
        ],
        "quotes": [{"text": quote_text, "speaker": "a3", "kind": "direct", "cue": "said",
                    "start": _span(quote_text)[0], "end": _span(quote_text)[1]}],
        "times": [{"text": "March 3, 2024", "value": "2024-03-03", "anchor": None,
                   "start": _span("March 3, 2024")[0], "end": _span("March 3, 2024")[1]}],
        "events": [{"id": "e1", "source": "a1", "target": "a2", "plover": "ACCUSE", "cameo": "112", "negated": False,
                    "modality": "asserted", "date": "2024-03-03", "location": {"name": SCRIPT}, "trigger": "condemned",
                    "evidence": {"start": 0, "end": len(first)}},
                   {"id": "e2", "source": "a3", "target": "a1", "plover": "THREATEN", "cameo": "138",
                    "negated": False, "modality": "planned", "date": "2024-03-04", "trigger": "respond",
                    "evidence": {"start": _span(quote_text)[0], "end": len(HOSTILE_TEXT)}}],
    }


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(str(tmp_path_factory.mktemp("hostile") / "hostile.db")) as store:
        list(store.ingest(corpus()))
        result = store.ingest_record(hostile_record())
        assert result.status == "stored"
        store.hostile_id = result.document_id  # type: ignore[attr-defined]
        yield store


@pytest.fixture(scope="module")
def app(store):
    return create_app(Settings(store=store, token=TOKEN, max_body_bytes=32 * 1024))


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app, raise_server_exceptions=False)


def pages(store) -> list[str]:
    q = quote
    return ["/ui/", f"/ui/reader/{store.hostile_id}", f"/ui/timeline?actor={q(A1)}", f"/ui/timeline?actor={q(A3)}",
            "/ui/network", "/ui/quotes", f"/ui/quotes?speaker={q(A3)}", "/ui/search?q=respond",
            f"/ui/brief?actor={q(A1)}", f"/ui/brief?actor={q(A3)}&actor={q(A2)}",
            f"/ui/search?q={q(SCRIPT)}", f"/ui/timeline?actor={q(SCRIPT)}&other={q(IMG)}&start={q(SCRIPT)}",
            f"/ui/quotes?text={q(SCRIPT)}", f"/ui/network?actor={q(SCRIPT)}", f"/ui/brief?actor={q(SCRIPT)}"]


class _Tags(HTMLParser):
    """The tags and attributes a browser would build from a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def live_markup(html: str) -> list[str]:
    """What in a page could run or inject: scripts not from /static, event handler
    attributes, javascript: URLs, and the hostile document's own tags."""
    parser = _Tags()
    parser.feed(html)
    problems = []
    for tag, attrs in parser.tags:
        if tag == "script" and not str(attrs.get("src") or "").startswith("/static/"):
            problems.append(f"inline script {attrs}")
        problems += [f"<{tag} {name}=...>" for name in attrs if name.startswith("on")]
        problems += [f"<{tag} {name}={value}>" for name, value in attrs.items()
                     if str(value or "").strip().lower().startswith("javascript:")]
        if (tag == "img" and attrs.get("src") == "x") or (tag == "b" and not attrs):
            problems.append(f"the document's <{tag}> is live")
    return problems


def _no_live_markup(html: str) -> None:
    assert live_markup(html) == []


def test_document_text_is_escaped_in_every_page(client, store):
    for path in pages(store):
        response = client.get(path)
        assert response.status_code in (200, 400, 404), (path, response.status_code)
        assert response.headers["content-type"].startswith("text/html"), path
        _no_live_markup(response.text)
    reader = client.get(f"/ui/reader/{store.hostile_id}").text
    assert "&lt;script&gt;alert(" in reader and "Evil &lt;b&gt;Name&lt;/b&gt;" in reader


def test_the_hostile_document_is_really_on_the_pages(client, store):
    """The escaping test means something: the hostile names do reach these pages."""
    assert "Hostile &lt;script&gt;" in client.get(f"/ui/timeline?actor={quote(A1)}").text
    assert "Evil &lt;b&gt;Name" in client.get("/ui/quotes").text
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt; Report" in client.get("/ui/").text


def test_security_headers_on_pages_and_answers(client, store):
    for path in [*pages(store)[:6], "/timeline", "/static/app.css", "/nowhere"]:
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff", path
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp, path
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert client.post("/documents", content=b"x" * 40_000,
                       headers={**AUTH, "content-type": "application/json"}).headers["x-content-type-options"]


def test_the_markup_check_finds_live_markup():
    assert live_markup('<p>a</p><script>alert(1)</script><a href="javascript:x" onclick="y">z</a><img src=x>') == [
        "inline script {}", "<a onclick=...>", "<a href=javascript:x>", "the document's <img> is live"]
    assert live_markup('<script src="/static/app.js" defer></script><p>&lt;script&gt; onerror=x</p>') == []


# ---- path traversal: raw requests straight to the ASGI app (no client normalises them) ----

def raw_get(app, raw_path: str, method: str = "GET", headers: tuple[tuple[bytes, bytes], ...] = (),
            body: bytes = b"") -> tuple[int, bytes]:
    """One request as a server would hand it to the app: the path neither normalised
    nor re-encoded, headers as raw bytes."""
    path, _, query = raw_path.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": unquote(path), "raw_path": path.encode("latin-1"), "query_string": query.encode("latin-1"),
             "root_path": "", "headers": [(b"host", b"127.0.0.1"), *headers], "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 80)}
    out: dict[str, Any] = {"body": b""}
    sent = [False]

    async def receive() -> dict[str, Any]:
        if not sent[0]:
            sent[0] = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()  # the client stays connected (the app cancels this when done)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
        elif message["type"] == "http.response.body":
            out["body"] += message.get("body", b"")

    asyncio.run(app(scope, receive, send))
    return out["status"], out["body"]


TRAVERSALS = ["/static/../app.py", "/static/../../web/settings.py", "/static/..%2fapp.py", "/static/%2e%2e/app.py",
              "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static/../../../../../../etc/passwd",
              "/static//etc/passwd", "/static/%252e%252e/app.py", "/static/..\\app.py", "/static/....//app.py",
              "/static/app.js%00.css", "/static/../templates/base.html", "/static/./../__init__.py",
              "/static/%c0%ae%c0%ae/app.py", "/ui/../static/../app.py", "/static/~/.bashrc", "/static/"]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_file_from_outside_the_static_folder(app, path):
    status, body = raw_get(app, path)
    assert status in (400, 404, 405), (path, status, body[:200])
    assert b"import " not in body and b"root:" not in body and b"<!doctype" not in body.lower()


def test_static_files_are_served(app):
    status, body = raw_get(app, "/static/app.js")
    assert status == 200 and body


# ---- the token ---------------------------------------------------------------------------

def test_token_is_compared_in_constant_time():
    source = inspect.getsource(auth.check_token)
    assert "hmac.compare_digest" in source and "==" not in source.split("compare_digest")[1].split("\n")[0]


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer ", "Basic " + TOKEN, "bearer wrong", f"Bearer {TOKEN}x",
                                    f"Bearer {TOKEN[:-1]}", "Bearer " + "a" * 10_000, f"Token {TOKEN}",
                                    f"Bearer  {TOKEN} extra"])
def test_writes_need_the_token(client, header):
    headers = {} if header is None else {"Authorization": header}
    response = client.post("/documents", json={"text": "Russia condemned Ukraine."}, headers=headers)
    assert response.status_code in (401, 403), (header, response.status_code)
    assert response.json()["status"] == response.status_code


@pytest.mark.parametrize("value", ["Bearer \u00e9\u00e8".encode(), b"Bearer \xff\xfe", b"Bearer \x00" + TOKEN.encode(),
                                   TOKEN.encode() + b"\r\n", "Bearer \u00e9".encode("latin-1")])
def test_odd_authorization_bytes_are_refused_not_crashed(app, value):
    status, body = raw_get(app, "/documents", "POST", ((b"authorization", value),
                                                       (b"content-type", b"application/json")), b'{"text": "x"}')
    assert status in (401, 403), (value, status, body[:200])


def test_reads_need_the_token_when_configured(store):
    protected = TestClient(create_app(Settings(store=store, token=TOKEN, protect_reads=True)),
                           raise_server_exceptions=False)
    for path in ["/timeline", "/network", "/quotes", "/search?q=talks", "/actors", "/documents", "/documents/1",
                 "/stats", "/ui/", f"/ui/reader/{store.hostile_id}", "/ui/timeline", "/brief?actor=Russia"]:
        assert protected.get(path).status_code == 401, path
        assert protected.get(path, headers={"Authorization": "Bearer nope"}).status_code == 403, path
        assert protected.get(path, headers=AUTH).status_code in (200, 404), path
    assert protected.get("/health").status_code == 200


# ---- parameters and bodies ---------------------------------------------------------------

SQLISH = ["' OR '1'='1", "'; DROP TABLE documents; --", '" OR 1=1 --', "1; SELECT * FROM actors", "%' --",
          "\\", "%", "_", "*", "NEAR(a b)", '"unbalanced', "a AND OR NOT", "title:x", "^x", "(((", "!!", "&", "|",
          "<->", ":*", "\x00", "1e309", "-1", "99999999999999999999999", "2024-02-30", "2024-13", "0000", "NaN"]
ENDPOINTS = {
    "/timeline": ["actor", "other", "type", "start", "end", "undated", "limit", "offset"],
    "/network": ["start", "end", "actor", "type", "min_events", "format", "limit", "offset"],
    "/quotes": ["speaker", "text", "limit", "offset"],
    "/search": ["q", "limit", "offset"],
    "/actors": ["name", "type", "country", "limit", "offset"],
    "/documents": ["tag", "genre", "start", "end", "duplicates", "limit", "offset"],
    "/brief": ["actor", "topic", "start", "end", "format"],
    "/ui/timeline": ["actor", "other", "start", "end"],
    "/ui/quotes": ["speaker", "text"],
    "/ui/search": ["q"],
    "/ui/brief": ["actor", "topic", "start", "end"],
    "/ui/network": ["actor", "start", "end"],
}
value = st.one_of(st.sampled_from(SQLISH + FRAGMENTS), st.text(max_size=40), st.integers().map(str),
                  st.text(max_size=2000))


def _check_answer(path: str, response: Any) -> None:
    assert response.status_code < 500, (path, response.status_code, response.text[:300])
    assert "Traceback" not in response.text and 'File "' not in response.text
    if not path.startswith("/ui/") and response.status_code >= 400:
        body = response.json()
        assert body["status"] == response.status_code and isinstance(body["error"], str)


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(sorted(ENDPOINTS)), st.data())
def test_any_parameters_get_an_answer_never_a_500(client, path, data):
    names = data.draw(st.lists(st.sampled_from(ENDPOINTS[path]), max_size=4))
    params = [(name, data.draw(value)) for name in names]
    _check_answer(path, client.get(path, params=params))


@pytest.mark.parametrize("path", ["/documents/0", "/documents/-1", "/documents/abc", "/documents/99999999999999999",
                                  "/documents/1e3", "/ui/reader/abc", "/ui/reader/-5", "/ui/reader/99999999999999",
                                  "/timeline?limit=%ff", "/search?q=%ff%fe", "/search?q=%00", "/actors?name=%",
                                  "/timeline?" + "&".join(f"actor={i}" for i in range(2000)),
                                  "/timeline?actor=" + "x" * 100_000, "/nowhere", "/ui/nowhere"])
def test_odd_urls_get_an_answer_never_a_500(app, path):
    status, body = raw_get(app, path)
    assert status < 500, (path, status, body[:300])
    assert b"Traceback" not in body


def test_sql_looking_input_changes_nothing(client, store):
    before = store.counts()
    for text in SQLISH:
        for path in ["/timeline?actor=", "/search?q=", "/quotes?text=", "/actors?name=", "/documents?tag="]:
            _check_answer(path, client.get(path + quote(text)))
    assert store.counts() == before


@pytest.mark.parametrize("body", [
    b"", b"{", b"null", b"[]", b'"text"', b"{" * 100_000, b"[" * 20_000 + b"]" * 20_000,
    b'{"text": "' + b"\xff\xfe" + b'"}', b'{"text": null}', b'{"text": 5}', b'{"record": []}',
    b'{"record": {"document": 1, "text": 2, "actors": 3, "quotes": 4, "times": 5, "events": 6}}',
    b'{"documents": []}', b'{"documents": [' + b'{"text": "a"},' * 101 + b'{"text": "a"}]}',
    b'{"text": "x", "published": "2024-02-30"}', b'{"text": "x", "evil": 1}', b'{"text": "\\u0000"}',
])
def test_bad_bodies_get_a_4xx_json_answer(client, body):
    response = client.post("/documents", content=body, headers={**AUTH, "content-type": "application/json"})
    assert 400 <= response.status_code < 500, (body[:60], response.status_code, response.text[:300])
    assert response.json()["status"] == response.status_code


def test_bodies_over_the_limit_are_413(client):
    big = json.dumps({"text": "word " * 10_000}).encode()
    assert client.post("/documents", content=big, headers={**AUTH, "content-type": "application/json"}
                       ).status_code == 413

    def chunks():
        for _ in range(40):
            yield b"x" * 1024
    response = client.post("/documents", content=chunks(), headers={**AUTH, "content-type": "application/json"})
    assert response.status_code == 413 and response.json()["status"] == 413


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_405(client, method):
    response = client.request(method, "/documents")
    assert response.status_code == 405 and response.json()["status"] == 405


# ---- no SQL built from strings -------------------------------------------------------------

# Interpolated names allowed in SQL text: module constants, and a schema name the store
# checks against ^[A-Za-z_][A-Za-z0-9_]{0,62}$ before it gets here.
SAFE_NAMES = {"SQLITE_TABLE", "POSTGRES_TEXT_LIMIT", "schema", "self.schema", "pragma", "SNIPPET_START",
              "SNIPPET_END"}
SQL_CALLS = {"text", "exec_driver_sql", "execute", "executemany", "exec"}


def _dynamic_parts(node: ast.AST) -> list[str]:
    if isinstance(node, ast.JoinedStr):
        return [ast.unparse(v.value) for v in node.values if isinstance(v, ast.FormattedValue)]
    if isinstance(node, ast.BinOp):
        return ["<string arithmetic>"] if any(isinstance(n, ast.Name | ast.Call | ast.Attribute)
                                              for n in (node.left, node.right)) else []
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return ["<.format()>"]
    return []


def test_no_sql_is_built_from_strings():
    found = []
    for path in Path(briefgraph.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in SQL_CALLS:
                continue
            unsafe = [p for p in _dynamic_parts(node.args[0]) if p not in SAFE_NAMES]
            if unsafe:
                found.append(f"{path.name}:{node.lineno}: {unsafe}")
    assert found == []
