"""The web pages in a real browser: Playwright (Python) drives the system Chromium,
headless, against the real app served by uvicorn over a temporary SQLite store
(the samples plus documents written for these tests). One browser for all tests;
screenshots go to test-output/ui/. `make test` installs chromium when missing
(scripts/ensure_chromium.sh)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from briefgraph import Store, ingest_documents
from briefgraph.readers import read_inputs
from briefgraph.records import RawDocument
from briefgraph.web import Settings, create_app
from conftest import ROOT, SAMPLES
from store_fixtures import TEXT_A, TEXT_B

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-output" / "ui"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

# a document with markup in its text: the pages must show it as text, never run it
MARKUP_TEXT = """Ministers Trade Warnings Over <b>Border</b> Post

March 4, 2024 | Analysis

Serbia accused Kosovo on Monday of provoking unrest at the Jarinje crossing. \
A leaflet found at the post read <script>alert("x")</script> and <img src=x onerror=alert(1)>, police said."""

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (make test installs it)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    store = Store(str(tmp_path_factory.mktemp("ui") / "ui.db"))
    raws = list(read_inputs([str(SAMPLES)]))
    raws += [RawDocument(text=TEXT_A, source="moscow-a.txt", published="2024-02-26"),
             RawDocument(text=TEXT_B, source="moscow-b.txt", published="2024-02-27"),
             RawDocument(text=MARKUP_TEXT, source="markup.txt")]
    assert all(getattr(r, "status", None) for r in ingest_documents(store, raws))
    port = _free_port()
    config = uvicorn.Config(create_app(Settings(store=store)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, server):
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.base = server
    page.errors = errors
    yield page
    page.close()
    assert not errors, errors


def _no_inline_script(page):
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("[onclick], [onload], [onerror]").count() == 0


def test_reader_shows_coding_of_a_selected_event(page):
    page.goto(page.base + "/ui/")
    page.click("a.card:has-text('Moscow Hosts Palestinian Factions')")
    page.wait_for_selector("#doc-text")
    assert page.locator(".seg.m-actor").count() > 0 and page.locator(".seg.m-time").count() > 0
    assert page.locator(".seg.m-quote").count() > 0
    page.locator(".seg.m-event").first.click()
    panel = page.locator(".coding:not([hidden])")
    assert panel.count() == 1
    body = panel.inner_text()
    for label in ("PLOVER", "CAMEO", "Date", "Anchored", "Negated", "Modality", "Evidence"):
        assert label in body
    assert page.locator(".seg.selected").count() > 0
    _no_inline_script(page)
    page.screenshot(path=str(SHOTS / "reader.png"))


def test_document_text_is_escaped(page):
    page.goto(page.base + "/ui/")
    page.click("a.card:has-text('Ministers Trade Warnings')")
    text = page.inner_text("#doc-text")
    assert '<script>alert("x")</script>' in text and "<img src=x onerror=alert(1)>" in text
    assert page.locator("#doc-text script, #doc-text img, #doc-text b").count() == 0


def test_timeline_points_link_to_evidence(page):
    page.goto(page.base + "/ui/timeline")
    page.fill("input[name=actor]", "Russia")
    page.fill("input[name=other]", "Hamas")
    page.click("button[type=submit]")
    points = page.locator("#timeline-chart a.point")
    assert points.count() >= 2
    assert page.locator("#timeline-chart a.point.coop").count() >= 1
    page.screenshot(path=str(SHOTS / "timeline.png"))
    points.first.click()
    page.wait_for_selector("#doc-text")
    assert page.locator(".coding:not([hidden])").count() == 1
    assert page.locator(".seg.selected").count() > 0


def test_network_draws_a_force_layout(page):
    page.goto(page.base + "/ui/network")
    page.wait_for_selector("#network[data-ready]")
    assert page.locator("#network .node").count() > 4
    assert page.locator("#network line.edge").count() > 3
    page.screenshot(path=str(SHOTS / "network.png"))
    page.locator("#network .node[data-name='Hamas'] circle").first.click()
    page.wait_for_url("**/ui/timeline?actor=Hamas")


def test_quotes_and_search(page):
    page.goto(page.base + "/ui/quotes?speaker=Anna+Kovacs")
    assert "Moscow wants to be seen" in page.inner_text(".quotes")
    page.screenshot(path=str(SHOTS / "quotes.png"))
    page.click("nav >> text=Search")
    page.fill("input[name=q]", "Palestinian factions")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".hits li")
    assert page.locator(".hits mark").count() >= 1
    assert "Moscow" in page.inner_text(".hits")
    page.screenshot(path=str(SHOTS / "search.png"))


def test_brief_page_drafts_and_downloads(page):
    page.goto(page.base + "/ui/brief")
    page.fill("input[name=actor]", "Russia, Hamas")
    page.click("button[type=submit]")
    page.wait_for_selector("article.brief h1")
    assert page.locator("article.brief h2:has-text('Latest Developments')").count() == 1
    assert page.locator("article.brief sup a").count() >= 3
    assert page.locator(".brief-notes li").count() >= 3
    page.screenshot(path=str(SHOTS / "brief.png"))
    with page.expect_download() as info:
        page.click("#download-md")
    path = info.value.path()
    markdown = Path(path).read_text(encoding="utf-8")
    assert "| Flash Brief" in markdown.splitlines()[0] and "## Latest Developments" in markdown
    assert info.value.suggested_filename == "brief-russia-hamas.md"
    page.goto(page.base + "/ui/brief?actor=Narnia")
    assert "no actor called 'Narnia'" in page.inner_text(".error")
    page.errors[:] = [e for e in page.errors if "404" not in e]  # the page answers 404 on purpose


def test_pages_fit_a_phone(browser, server):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = ctx.new_page()
    try:
        for path in ("/ui/", "/ui/timeline?actor=Russia", "/ui/network", "/ui/search?q=talks",
                     "/ui/brief?actor=Russia&actor=Hamas", "/ui/quotes", "/ui/map"):
            page.goto(server + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 392, f"{path} is {width}px wide on a 390px screen"
        page.goto(server + "/ui/")
        page.click("a.card:has-text('Moscow Hosts Palestinian Factions')")
        page.locator(".seg.m-event").first.click()
        assert page.locator(".coding:not([hidden])").is_visible()
        page.screenshot(path=str(SHOTS / "reader-phone.png"))
    finally:
        ctx.close()
