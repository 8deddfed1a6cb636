"""The extraction record keeps the contract of spec/record.md on real documents:
every field present and typed, every offset inside the text and pointing at what
it claims, every id reference resolvable, every code in its vocabulary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefgraph.pipeline import analyse
from briefgraph.readers import read_inputs
from briefgraph.records import ACTOR_TYPES, MODALITIES, PLOVER_TYPES, QUOTE_KINDS, Analysis

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted(p for p in (ROOT / "tests" / "data").iterdir()
                   if p.suffix in {".txt", ".md", ".html", ".xml"} and p.name != "README.md")
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    out = {}
    for result in analyse(read_inputs([str(p) for p in DOCUMENTS])):
        assert isinstance(result, Analysis), f"analysis failed: {result}"
        out[Path(result.raw.source).name if "://" not in result.raw.source else result.raw.source] = \
            json.loads(json.dumps(result.to_record()))
    assert len(out) == len(DOCUMENTS), sorted(out)
    return out


def test_document_fields(records):
    for name, rec in records.items():
        doc = rec["document"]
        for key in ("id", "source", "title", "published", "genre", "sections", "tags", "related"):
            assert key in doc, f"{name}: document has no {key!r}"
        assert re.fullmatch(r"[0-9a-f]{64}", doc["id"]), name
        assert doc["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc["published"]), name
        for s in doc["sections"]:
            assert 0 <= s["start"] <= s["end"] <= len(rec["text"]), f"{name}: section out of text {s}"
        for r in doc["related"]:
            assert set(r) >= {"title", "author", "url"}, f"{name}: related item {r}"


def test_actors(records):
    for name, rec in records.items():
        text, ids = rec["text"], [a["id"] for a in rec["actors"]]
        assert len(ids) == len(set(ids)), f"{name}: duplicate actor ids"
        for a in rec["actors"]:
            assert a["type"] in ACTOR_TYPES, f"{name}: {a['name']} has type {a['type']}"
            assert a["name"], f"{name}: actor {a['id']} has no name"
            assert a["mentions"], f"{name}: actor {a['name']} has no mention"
            for start, end in a["mentions"]:
                assert 0 <= start < end <= len(text), f"{name}: mention {start}-{end} of {a['name']} out of text"
            assert a["affiliation"] is None or a["affiliation"] in ids, f"{name}: {a['name']} affiliation"


def test_quotes(records):
    for name, rec in records.items():
        ids = {a["id"] for a in rec["actors"]}
        for q in rec["quotes"]:
            assert q["kind"] in QUOTE_KINDS, f"{name}: quote kind {q['kind']}"
            assert rec["text"][q["start"]:q["end"]] == q["text"], f"{name}: quote text is not text[start:end]: {q}"
            assert q["speaker"] is None or q["speaker"] in ids, f"{name}: quote speaker {q['speaker']} unknown"


def test_times(records):
    for name, rec in records.items():
        for i, t in enumerate(rec["times"]):
            assert rec["text"][t["start"]:t["end"]] == t["text"], f"{name}: time text is not text[start:end]: {t}"
            assert t["value"] is None or DATE_VALUE.match(t["value"]), f"{name}: time value {t['value']!r}"
            anchor = t["anchor"]
            assert anchor in (None, "published") or re.fullmatch(r"t\d+", anchor), f"{name}: anchor {anchor!r}"
            if anchor and anchor.startswith("t"):
                assert int(anchor[1:]) < len(rec["times"]) and int(anchor[1:]) != i, f"{name}: anchor {anchor}"


def test_events(records):
    for name, rec in records.items():
        ids = {a["id"] for a in rec["actors"]}
        for e in rec["events"]:
            assert e["source"] is None or e["source"] in ids, f"{name}: event source {e['source']} unknown"
            assert e["target"] is None or e["target"] in ids, f"{name}: event target {e['target']} unknown"
            assert e["plover"] is None or e["plover"] in PLOVER_TYPES, f"{name}: plover {e['plover']}"
            assert e["cameo"] is None or re.fullmatch(r"\d{2,4}", e["cameo"]), f"{name}: cameo {e['cameo']}"
            if e["cameo"]:
                assert 1 <= int(e["cameo"][:2]) <= 20, f"{name}: cameo root of {e['cameo']}"
            assert isinstance(e["negated"], bool) and e["modality"] in MODALITIES, f"{name}: {e}"
            assert e["date"] is None or DATE_VALUE.match(e["date"]), f"{name}: event date {e['date']!r}"
            ev = e["evidence"]
            assert 0 <= ev["start"] < ev["end"] <= len(rec["text"]), f"{name}: evidence out of text {ev}"
            assert e["trigger"], f"{name}: event {e['id']} has no trigger"
