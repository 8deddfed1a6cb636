"""What the reader and timeline pages show: a document's text cut into segments
with the annotations covering each, the coding of each annotation, and the
timeline chart's geometry (server-side SVG, Goldstein up for cooperation)."""

from __future__ import annotations

from datetime import date
from typing import Any


def annotate(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The text as consecutive segments, each with the ids of the annotations covering it:
    {"text", "ids": ["e1", "q0", ...], "classes": "m-event m-actor"}."""
    text = record.get("text") or ""
    spans: list[tuple[int, int, str, str]] = []
    for actor in record.get("actors", []):
        for start, end in actor.get("mentions", []):
            spans.append((start, end, actor["id"], "actor"))
    for i, quote in enumerate(record.get("quotes", [])):
        spans.append((quote["start"], quote["end"], f"q{i}", "quote"))
    for i, time in enumerate(record.get("times", [])):
        spans.append((time["start"], time["end"], f"t{i}", "time"))
    for event in all_events(record):
        ev = event.get("evidence") or {}
        if "start" in ev:
            spans.append((ev["start"], ev["end"], event["id"], "event"))
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    segments = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s[0] <= a and b <= s[1]]
        # the narrowest annotation first: a click selects the most specific one
        covering.sort(key=lambda s: (s[1] - s[0], s[3]))
        segments.append({"text": text[a:b], "start": a, "ids": [s[2] for s in covering],
                         "classes": " ".join(sorted({"m-" + s[3] for s in covering}))})
    return segments


NO_DOER = "none named (an incident)"


def all_events(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's events, then its incidents (events with no doer named)."""
    return [*record.get("events", []), *record.get("incidents", [])]


def _anchor(record: dict[str, Any], value: str | None) -> str:
    if not value:
        return "no anchor (an absolute date)"
    if value == "published":
        published = (record.get("document") or {}).get("published")
        return f"the publication date ({published})" if published else "the publication date"
    if value.startswith("t") and value[1:].isdigit():
        times = record.get("times", [])
        index = int(value[1:])
        if index < len(times):
            return f"“{times[index]['text']}” ({times[index]['value']})"
    return value


def coding(record: dict[str, Any]) -> list[dict[str, Any]]:
    """One panel per annotation: its kind, a title and (label, value) rows."""
    text = record.get("text") or ""
    actors = {a["id"]: a for a in record.get("actors", [])}
    times = record.get("times", [])
    name = lambda i: actors[i]["name"] if i in actors else "—"  # noqa: E731
    out = []
    for event in all_events(record):
        ev = event.get("evidence") or {}
        start, end = ev.get("start", 0), ev.get("end", 0)
        inside = [t for t in times if start <= t["start"] < end]
        date_how = "; ".join(f"“{t['text']}” → {t['value']}, anchored on {_anchor(record, t.get('anchor'))}"
                             for t in inside) or "no date expression in the evidence (the narrative date)"
        location = event.get("location") or {}
        out.append({"id": event["id"], "kind": "event", "anchor": f"span-{start}-{end}",
                    "title": f"{'not ' if event.get('negated') else ''}{event.get('plover') or 'uncoded'}",
                    "rows": [("PLOVER", event.get("plover") or "—"), ("CAMEO", event.get("cameo") or "—"),
                             ("Source", name(event["source"]) if event.get("source") else NO_DOER),
                             ("Target", name(event.get("target"))),
                             ("Date", event.get("date") or "undated"), ("Anchored", date_how),
                             ("Negated", "yes" if event.get("negated") else "no"),
                             ("Modality", event.get("modality") or "—"),
                             ("Goldstein", event.get("goldstein") if event.get("goldstein") is not None else "—"),
                             ("Location", location.get("name") or "—"), ("Trigger", event.get("trigger") or "—"),
                             ("Evidence", text[start:end])]})
    for i, time in enumerate(times):
        out.append({"id": f"t{i}", "kind": "time", "title": f"Time: {time['text']}",
                    "rows": [("Value", time.get("value") or "unknown"),
                             ("Anchored on", _anchor(record, time.get("anchor")))]})
    for i, quote in enumerate(record.get("quotes", [])):
        out.append({"id": f"q{i}", "kind": "quote", "title": "Quote", "anchor": f"span-{quote['start']}-{quote['end']}",
                    "rows": [("Speaker", name(quote.get("speaker"))), ("Kind", quote.get("kind") or "—"),
                             ("Cue", quote.get("cue") or "—"), ("Text", quote["text"])]})
    for actor in actors.values():
        out.append({"id": actor["id"], "kind": "actor", "title": actor["name"],
                    "rows": [("Type", actor.get("type")), ("Code", actor.get("code") or "—"),
                             ("Country", actor.get("country") or "—"),
                             ("Roles", "; ".join(actor.get("roles") or []) or "—"),
                             ("Aliases", "; ".join(actor.get("aliases") or []) or "—"),
                             ("Mentions", len(actor.get("mentions") or []))]})
    return out


WIDTH, HEIGHT, PAD = 900, 320, 40


def _day(value: str | None) -> date | None:
    if not value:
        return None
    first = value.split("/")[0]
    first += {4: "-01-01", 7: "-01"}.get(len(first), "")
    try:
        return date.fromisoformat(first[:10])
    except ValueError:
        return None


def timeline_chart(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Points of the timeline SVG: x by date, y by Goldstein (cooperation up, conflict down)."""
    dated = [(d, e) for e in events if (d := _day(e.get("date")))]
    if not dated:
        return {"points": [], "ticks": [], "width": WIDTH, "height": HEIGHT, "axis": HEIGHT / 2}
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((last - first).days, 1)
    axis = HEIGHT / 2
    scale = (HEIGHT / 2 - PAD) / 10

    def x(d: date) -> float:
        return round(PAD + (WIDTH - 2 * PAD) * ((d - first).days / span if last != first else 0.5), 1)

    points = []
    for d, e in dated:
        g = e.get("goldstein") or 0.0
        if e.get("negated"):
            g = 0.0
        report = (e.get("reports") or [{}])[0]
        points.append({"x": x(d), "y": round(axis - g * scale, 1), "g": g, "id": e["id"],
                       "kind": "coop" if g > 0 else "conflict" if g < 0 else "neutral",
                       "label": f"{e['date']}: {e['source'] or '?'} {'not ' if e['negated'] else ''}"
                                f"{e['plover'] or e['cameo']} {e['target'] or ''} (Goldstein {g:+.1f})",
                       "href": f"/ui/reader/{report.get('document_id')}#{_event_anchor(e)}"})
    ticks = []
    months = sorted({(d.year, d.month) for d, _ in dated})
    step = max(1, len(months) // 6)
    for year, month in months[::step]:
        d = date(year, month, 1)
        if d < first:
            d = first
        ticks.append({"x": x(d), "label": d.strftime("%b %Y")})
    return {"points": points, "ticks": ticks, "width": WIDTH, "height": HEIGHT, "axis": axis,
            "top": PAD, "bottom": HEIGHT - PAD}


def _event_anchor(event: dict[str, Any]) -> str:
    report = (event.get("reports") or [{}])[0]
    return f"span-{report.get('start')}-{report.get('end')}"
