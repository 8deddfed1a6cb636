"""Drafting a Flash Brief (issue 12): templates, dates, selection, footnotes, the CLI
and HTTP forms, and the round trip through the real extractor."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefgraph import Store, ingest_documents
from briefgraph.brief import BriefError, draft_brief, render
from briefgraph.brief import dates as bdates
from briefgraph.brief.templates import clause, headline, load_templates, verb_for
from briefgraph.cli import app
from briefgraph.pipeline import analyse
from briefgraph.readers import read_inputs
from briefgraph.records import PLOVER_TYPES, RawDocument
from briefgraph.web import Settings, create_app
from conftest import SAMPLES
from store_fixtures import TEXT_A, TEXT_B, record_a, record_b


def test_every_plover_type_has_a_default_template():
    templates = load_templates()
    assert all((kind, "*") in templates for kind in PLOVER_TYPES)
    assert verb_for("CONSULT", "0431").base == "host"  # longest listed prefix
    assert verb_for("CONSULT", None).past == "held talks with"


@pytest.mark.parametrize("modality,negated,expected", [
    ("asserted", False, "Russia hosted Hamas"),
    ("planned", False, "Russia will host Hamas"),
    ("reported", False, "Russia reportedly hosted Hamas"),
    ("hypothetical", False, "Russia could host Hamas"),
    ("asserted", True, "Russia did not host Hamas"),
    ("planned", True, "Russia will not host Hamas"),
])
def test_clause_per_modality_and_negation(modality, negated, expected):
    assert clause("CONSULT", "043", "Russia", "Hamas", modality, negated) == expected


def test_clause_without_target_drops_the_dangling_preposition():
    assert clause("CONCEDE", "08", "Norway", None, "asserted", False) == "Norway made concessions"


def test_headline():
    assert headline("CONSULT", "043", "Russia", "Palestinian factions", "planned", False) == \
        "Russia to Host Palestinian Factions"
    assert headline("SUPPORT", "051", "Hamas", "Russia", "asserted", False) == "Hamas Praises Russia"


def test_date_phrases_and_relative_dates():
    assert bdates.phrase("2023-10-07") == "On October 7, 2023"
    assert bdates.phrase("2024-02-29/2024-03-02") == "From February 29 to March 2, 2024"
    assert bdates.phrase("2024-03") == "In March 2024"
    assert bdates.relative("2023-10-08", "2023-10-07") == "The next day"
    assert bdates.relative("2023-10-09", "2023-10-07") == "Two days later"
    assert bdates.relative("2023-10-07", "2023-10-07") == "That day"
    assert bdates.relative("2023-10-26", "2023-10-07") == "On October 26"
    assert bdates.relative("2024-01-02", "2023-10-07") == "On January 2, 2024"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Samples plus two reports (written for the tests) of the Moscow talks, through the real extractor."""
    db = Store(str(tmp_path_factory.mktemp("brief") / "brief.db"))
    raws = list(read_inputs([str(SAMPLES)]))
    raws += [RawDocument(text=TEXT_A, source="moscow-a.txt", published="2024-02-26"),
             RawDocument(text=TEXT_B, source="moscow-b.txt", published="2024-02-27")]
    results = list(ingest_documents(db, raws))
    assert all(getattr(r, "status", None) for r in results), results
    yield db
    db.close()


@pytest.fixture(scope="module")
def drafted(store):
    return draft_brief(store, ["Russia", "Hamas"])


def _sentences(brief):
    return [s for section in brief.sections for paragraph in section.paragraphs for s in paragraph]


def test_brief_has_the_shape_of_a_flash_brief(drafted):
    assert drafted.genre == "Flash Brief"
    assert drafted.title and drafted.date_line
    kinds = [s.kind for s in drafted.sections]
    assert kinds[0] == "latest" and "background" in kinds
    assert 1 <= kinds.count("background") <= 2
    assert drafted.related and drafted.tags


def test_every_sentence_is_footnoted_to_an_exact_span(store, drafted):
    from briefgraph import query

    sentences = _sentences(drafted)
    assert sentences and all(s.notes for s in sentences)
    numbers = {n.number: n for n in drafted.notes}
    texts = {}
    for s in sentences:
        for number in s.notes:
            note = numbers[number]
            if note.document_id not in texts:
                texts[note.document_id] = query.document(store, note.document_id)["record"]["text"]
            assert " ".join(texts[note.document_id][note.start:note.end].split()) == note.text
            assert note.document and note.published


def test_sentences_are_generated_not_copied(drafted):
    for s in _sentences(drafted):
        if s.event_id is not None:
            assert all(s.text.rstrip(".") != n.text.rstrip(".") for n in drafted.notes)


def test_an_event_reported_by_two_documents_says_so(tmp_path):
    with Store(str(tmp_path / "two.db")) as two:
        two.ingest_record(record_a())
        two.ingest_record(record_b())
        brief = draft_brief(two, ["Russia", "Hamas"])
    multi = [s for s in _sentences(brief) if len({brief.notes[n - 1].document_id for n in s.notes}) > 1]
    assert multi and all("according to two reports" in s.text for s in multi)


def test_renderings(drafted):
    md = render(drafted, "md")
    assert md.startswith(f"{drafted.date_line} | Flash Brief\n\n# {drafted.title}\n")
    assert "## Latest Developments" in md and "[^1]:" in md and "Issues: " in md
    html = render(drafted, "html")
    assert html.startswith("<!DOCTYPE html>") and 'id="fn1"' in html and "<script" not in html
    data = json.loads(render(drafted, "json"))
    assert data["title"] == drafted.title and data["notes"][0]["number"] == 1
    with pytest.raises(BriefError):
        render(drafted, "pdf")


def test_unknown_actor_is_a_one_line_error(store):
    with pytest.raises(BriefError, match="no actor called 'Narnia'"):
        draft_brief(store, ["Narnia"])
    with pytest.raises(BriefError, match="no dated events"):
        draft_brief(store, ["Russia", "Hamas"], start="2030")


def test_cli_brief(store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "brief.md"
    result = runner.invoke(app, ["brief", "--actor", "Russia", "--actor", "Hamas", "--db", store.url,
                                 "--format", "md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "## Latest Developments" in out.read_text()
    result = runner.invoke(app, ["brief", "--actor", "Narnia", "--db", store.url])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "no actor called 'Narnia'" in result.output


def test_cli_brief_opens_the_store_like_every_store_command(store, tmp_path, monkeypatch):
    """--db falls back on $BRIEFGRAPH_DB as the query commands do (not on ./briefgraph.db); an
    actor named with brackets comes back whole in the one-line error, never read as markup."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["brief", "--actor", "Russia", "--actor", "Hamas"], env={"BRIEFGRAPH_DB": store.url})
    assert result.exit_code == 0, f"brief did not open $BRIEFGRAPH_DB: {result.output}"
    assert "## Latest Developments" in result.output
    result = runner.invoke(app, ["brief", "--actor", "[bold]Narnia[/]"], env={"BRIEFGRAPH_DB": store.url})
    assert result.exit_code == 1 and "[bold]Narnia[/]" in result.output, result.output
    assert result.output.strip().count("\n") == 0, result.output


def test_http_brief(store):
    from fastapi.testclient import TestClient

    with TestClient(create_app(Settings(store=store))) as http:
        answer = http.get("/brief", params=[("actor", "Russia"), ("actor", "Hamas")])
        assert answer.status_code == 200 and answer.json()["genre"] == "Flash Brief"
        answer = http.get("/brief", params={"actor": "Hamas", "format": "md", "download": "true"})
        assert answer.status_code == 200 and "attachment" in answer.headers["content-disposition"]
        answer = http.get("/brief", params={"actor": "Narnia"})
        assert answer.status_code == 404 and "Narnia" in answer.json()["error"]


@pytest.mark.parametrize("form,suffix", [("md", "md"), ("text", "txt")])
def test_round_trip_through_the_extractor(drafted, form, suffix, tmp_path):
    """`briefgraph extract` on the brief finds its structure, quotes and events again."""
    path = tmp_path / f"brief.{suffix}"
    path.write_text(render(drafted, form), encoding="utf-8")
    (result,) = list(analyse(read_inputs([str(path)])))
    record = result.to_record()
    doc = record["document"]
    assert doc["title"] == drafted.title
    assert doc["published"] == drafted.date
    assert doc["genre"] == "Flash Brief"
    headings = [s["heading"] for s in doc["sections"]]
    for section in drafted.sections:
        assert section.heading in headings
    assert [t.lower() for t in doc["tags"]] == [t.lower() for t in drafted.tags]
    assert [r["title"] for r in doc["related"]] == [r.title for r in drafted.related]
    names = {a["id"]: a["name"] for a in record["actors"]}
    speakers = {names.get(q["speaker"]) for q in record["quotes"]}
    for s in _sentences(drafted):
        if s.speaker:
            assert s.speaker in speakers
    found = {(("not " if e["negated"] else "") + (e["plover"] or ""), e["date"]) for e in record["events"]}
    stated = [(s.plover, s.date) for s in _sentences(drafted) if s.event_id is not None]
    missing = [x for x in stated if x not in found]
    assert not missing, f"events stated but not found again: {missing}"
