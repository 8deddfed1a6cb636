"""Incidents (issue 17): harm and force told in the passive with no doer ("Three schoolchildren
were wounded", "A journalist was arrested") are events with a null source, kept in the record's
`incidents` apart from `events`, with their date, place and numbers; stored, on the timeline
and in the exports. Sentences written for these tests, through the whole pipeline."""

from __future__ import annotations

import io
import json

from briefgraph import exports, query
from briefgraph.records import Analysis
from briefgraph.stages.incidents import split_incidents
from briefgraph.web.reader import all_events, coding
from conftest import analyse_text
from store_fixtures import empty_store  # noqa: F401 (fixture)


def _names(doc: Analysis, actor_id: str | None) -> str | None:
    return next((a.name for a in doc.actors if a.id == actor_id), None)


def incidents(text: str, published: str = "2025-03-05") -> list[tuple]:
    doc = analyse_text(text, published=published)
    assert all(e.source is not None for e in doc.events), f"an event without a doer left in events: {doc.events}"
    return [(i.plover, _names(doc, i.target), [(m.kind, m.value, m.min) for m in i.magnitudes],
             i.location.name if i.location else None, i.date) for i in doc.incidents]


def test_an_agentless_passive_harm_is_an_incident_with_its_toll_place_and_date():
    found = incidents("Three schoolchildren were wounded in Bujumbura on Monday when a grenade was thrown into a market.")
    assert found == [("ASSAULT", "Three schoolchildren", [("injured", 3, None)], "Bujumbura", "2025-03-03")], found


def test_an_agentless_arrest_with_no_doer_told_before_is_an_incident():
    found = incidents("A journalist covering a strike in Mombasa was arrested on Tuesday, his editor said.")
    assert [f[:2] for f in found] == [("COERCE", "journalist")], found


def test_a_participle_describing_the_people_held_is_an_incident():
    found = incidents("Relatives gathered outside a court in Accra on Friday to ask about 30 traders detained last week.")
    assert [(f[0], f[2]) for f in found] == [("COERCE", [("arrested", 30, None)])], found


def test_a_harm_whose_doer_the_sentence_tells_is_that_acts_toll_not_an_incident():
    for text in ("Four people were injured when police fired tear gas at traders in Harare on Monday.",
                 "A patrol was ambushed by gunmen near Gao on Friday, and two soldiers were killed."):
        assert incidents(text) == [], f"the sentence names who did it: {text!r}"


def test_an_arrest_lent_to_the_force_the_story_told_of_is_no_incident():
    doc = analyse_text("Riot police fired tear gas at protesters in Nairobi on Monday. "
                       "Seventeen people were arrested.", published="2025-03-05")
    assert doc.incidents == [], f"the arrests are the police's (agentless.force_of_arrest): {doc.incidents}"
    assert any(e.plover == "COERCE" for e in doc.events)


def test_plans_and_acts_with_a_doer_are_no_incidents():
    for text in ("Police in Kano arrested twelve traders on Monday.",
                 "Five activists will be detained if they march, the governor warned."):
        assert incidents(text) == [], text


def test_the_incidents_stage_moves_doerless_events_out_of_events():
    doc = analyse_text("Two priests were kidnapped in Enugu state on Sunday, the diocese said.")
    moved = split_incidents(doc)
    assert moved["events"] == doc.events and moved["incidents"] == doc.incidents, "split twice is split once"
    record = doc.to_record()
    assert record["incidents"] and all(i["source"] is None for i in record["incidents"])
    assert {e["id"] for e in record["events"]}.isdisjoint(i["id"] for i in record["incidents"]), "ids are shared"
    assert any(p["id"] == record["incidents"][0]["id"] and ("Source", "none named (an incident)") in p["rows"]
               for p in coding(record)), "the reader page should show the incident, with no doer"
    assert len(all_events(record)) == len(record["events"]) + len(record["incidents"])


def test_incidents_are_stored_on_the_timeline_and_exported(empty_store):  # noqa: F811
    doc = analyse_text("Two priests were kidnapped in Enugu state on Sunday, the diocese said.", published="2025-03-05")
    list(empty_store.ingest([json.loads(json.dumps(doc.to_record()))]))
    rows = query.timeline(empty_store)
    assert [(r["plover"], r["source"], r["target"]) for r in rows] == [("ASSAULT", None, "Two priests")], rows
    out = io.StringIO()
    exports.write_plover(empty_store, out)
    line = json.loads(out.getvalue().splitlines()[0])
    assert line["actor"] is None and line["event_type"] == "ASSAULT", line


def test_no_incident_for_a_place_property_or_a_state():
    for text in ("All property of the designated firms in the United States is blocked.",
                 "A police constable was taken to a hospital in Kisumu with a head wound.",
                 "The Red Cross visited 40 detainees held in a prison near Aden."):
        assert incidents(text) == [], f"no harm done to people as an act: {text!r}"


def test_an_incident_describing_the_people_harmed_gives_no_story_place():
    doc = analyse_text("Kenya demanded on Monday that Uganda release six fishermen who were detained near Jinja.")
    assert [(i.plover, i.location.name if i.location else None) for i in doc.incidents] == [("COERCE", "Jinja")], \
        doc.incidents
    demand = next(e for e in doc.events if e.trigger == "demanded")
    assert demand.location is None or demand.location.name != "Jinja", \
        f"the detention near Jinja is background; the demand was not made there: {demand.location}"


def test_force_told_of_things_with_no_doer_is_an_incident_with_no_target():
    found = incidents("Two nurses were abducted near Gondar on Sunday and their vehicle was set on fire.")
    assert ("ASSAULT", None, [], "Gondar", "2025-03-02") in found, f"the burnt vehicle is an incident of its own: {found}"
    assert [f[:2] for f in incidents("A curfew was imposed in Kandy on Monday evening.")] == [("COERCE", None)]
    assert [f[:2] for f in incidents("Troops were deployed in Jos on Tuesday.")] == [("MOBILIZE", None)]


def test_harm_put_down_to_a_mishap_is_no_incident():
    for text in ("More than 60 people were injured in a stampede at a shrine in Multan on Sunday.",
                 "Dozens of homes were destroyed in the floods near Sylhet last week."):
        assert incidents(text) == [], f"an accident or a disaster is no act of force: {text!r}"
