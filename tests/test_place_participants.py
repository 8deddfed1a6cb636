"""stages/place_participants.py: places hung on an event's participants, one test per rule,
on texts written for these tests."""

from __future__ import annotations

from conftest import analyse_text


def places(text: str) -> dict:
    doc = analyse_text(text, published="2024-05-01")
    return {e.trigger: e.location and (e.location.name, e.location.country, e.location.how) for e in doc.events}


def test_place_of_argument_a_place_below_the_events_object():
    found = places("Gunmen shot dead a nurse guarding a vaccination team in Kisumu on Sunday.")
    assert found.get("shot") and found["shot"][:2] == ("Kisumu", "KEN"), found


def test_place_of_argument_a_place_below_the_events_subject():
    found = places("Students occupying a library in Nairobi refused on Monday to leave the building.")
    assert found.get("refused") and found["refused"][:2] == ("Nairobi", "KEN"), found


def test_local_speaker_a_reported_event_takes_the_place_of_local_people_who_report_it():
    found = places("Villagers in Kisumu said soldiers had beaten two fishermen on Friday.")
    assert found.get("beaten") and found["beaten"][:2] == ("Kisumu", "KEN"), found


def test_place_of_argument_a_place_below_a_prepositional_participant():
    found = places("Riot police used tear gas against students outside parliament in Nairobi on Monday.")
    assert found.get("used") and found["used"][:2] == ("Nairobi", "KEN"), found


def test_place_of_argument_climbs_through_a_relative_clause_of_a_participant():
    found = places("Police fired tear gas at traders who had blocked a road in Kisumu on Monday.")
    assert found.get("fired") and found["fired"][:2] == ("Kisumu", "KEN"), found


def test_noun_of_place_a_place_of_a_participants_participle():
    found = places("Border guards detained six men trying to cross into Uganda illegally near Kisumu on Monday.")
    assert found.get("detained") and found["detained"][:2] == ("Kisumu", "KEN"), found


def test_participle_on_the_subject_shares_the_main_verbs_place():
    found = places("Two Turkish military planes carrying food and medical supplies landed in Benghazi on Thursday.")
    assert found.get("carrying") and found["carrying"][:2] == ("Benghazi", "LBY"), found
