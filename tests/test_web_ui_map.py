"""The web UI's map in a real browser (issue 15): the map page draws one point per
located stored event over the shipped outlines, each with a tooltip and a link to its
evidence, and the page asks nothing of any host but the app's own (127.0.0.1)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from test_web_ui import CHROMIUM, SHOTS, browser, server  # noqa: F401  the same served store and browser

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (make test installs it)")


@pytest.fixture
def page(browser, server):  # noqa: F811
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(10_000)
    page = ctx.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.requested = requested
    page.base = server
    yield page
    ctx.close()
    assert not errors, f"the page logged errors: {errors}"


def _outside(urls: list[str]) -> list[str]:
    return [u for u in urls if urlparse(u).scheme not in ("data", "about") and urlparse(u).hostname != "127.0.0.1"]


def test_map_page_draws_the_stored_events_offline(page):
    stored = page.request.get(page.base + "/map/points").json()
    assert stored["count"] >= 5, f"the samples should give located events, the store has {stored['count']}"
    page.goto(page.base + "/ui/map")
    page.wait_for_load_state("networkidle")
    points = page.locator("#event-map a.map-point circle")
    assert points.count() == stored["count"], "one point per located event with coordinates"
    assert page.evaluate("document.querySelector('#event-map image').getBBox().width") > 0
    first = stored["items"][0]
    tooltip = page.locator(f"#event-map a.map-point[data-event='{first['id']}'] title").text_content()
    assert first["place"] in tooltip and str(first["type"]) in tooltip, tooltip
    assert "/static/world-110m.svg" in " ".join(page.requested), "the outlines come from the app's static files"
    assert _outside(page.requested) == [], f"requests outside 127.0.0.1: {_outside(page.requested)}"
    page.screenshot(path=str(SHOTS / "map.png"))


def test_map_filters_and_point_links(page):
    ukraine = page.request.get(page.base + "/map/points?country=UKR").json()["count"]
    page.goto(page.base + "/ui/map?country=UKR")
    assert page.locator("#event-map a.map-point").count() == ukraine
    page.goto(page.base + "/ui/map?near=31.5,34.47&km=150")
    near = page.request.get(page.base + "/map/points?near=31.5,34.47&km=150").json()["count"]
    assert page.locator("#event-map a.map-point").count() == near
    page.goto(page.base + "/ui/timeline?actor=Russia")
    timeline_points = page.locator("#event-map a.map-point")
    assert timeline_points.count() >= 1, "the timeline shows the map of its located events"
    timeline_points.last.click()  # the last drawn point lies on top (points at one place overlap)
    page.wait_for_selector("#doc-text")
    assert _outside(page.requested) == [], f"requests outside 127.0.0.1: {_outside(page.requested)}"
