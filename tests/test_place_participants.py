"""stages/place_participants.py: places hung on an event's participants, one case per rule,
on texts written for these tests."""

from __future__ import annotations

import pytest

from conftest import analyse_text


def places(text: str) -> dict:
    doc = analyse_text(text, published="2024-05-01")
    return {e.trigger: e.location and (e.location.name, e.location.country, e.location.how) for e in doc.events}


# a text, the event's trigger, and the (name, country) of its place; the id names the rule
CASES = [
    pytest.param("Gunmen shot dead a nurse guarding a vaccination team in Kisumu on Sunday.",
                 "shot", ("Kisumu", "KEN"), id="place_of_argument_a_place_below_the_events_object"),
    pytest.param("Students occupying a library in Nairobi refused on Monday to leave the building.",
                 "refused", ("Nairobi", "KEN"), id="place_of_argument_a_place_below_the_events_subject"),
    pytest.param("Villagers in Kisumu said soldiers had beaten two fishermen on Friday.",
                 "beaten", ("Kisumu", "KEN"), id="local_speaker_a_reported_event_takes_the_place_of_local_people"),
    pytest.param("Riot police used tear gas against students outside parliament in Nairobi on Monday.",
                 "used", ("Nairobi", "KEN"), id="place_of_argument_a_place_below_a_prepositional_participant"),
    pytest.param("Police fired tear gas at traders who had blocked a road in Kisumu on Monday.",
                 "fired", ("Kisumu", "KEN"), id="place_of_argument_climbs_through_a_relative_clause"),
    pytest.param("Border guards detained six men trying to cross into Uganda illegally near Kisumu on Monday.",
                 "detained", ("Kisumu", "KEN"), id="noun_of_place_a_place_of_a_participants_participle"),
    pytest.param("Two Turkish military planes carrying food and medical supplies for Libya landed in Benghazi on Thursday.",
                 "carrying", ("Benghazi", "LBY"), id="participle_on_the_subject_shares_the_main_verbs_place"),
    pytest.param("Residents of Zzyzxbor in Kenya said soldiers had beaten two fishermen on Friday.",
                 "beaten", ("Zzyzxbor", "KEN"), id="local_speaker_a_place_the_gazetteer_lacks"),
    pytest.param("Police fired tear gas at hawkers who blocked Zzyzx Avenue in Kisumu's business district on Monday.",
                 "fired", ("Zzyzx Avenue", "KEN"), id="noun_of_place_the_place_object_of_a_participants_clause"),
]


@pytest.mark.parametrize("text, trigger, where", CASES)
def test_participant_place(text: str, trigger: str, where: tuple[str, str]) -> None:
    found = places(text)
    assert found.get(trigger) and found[trigger][:2] == where, f"{trigger!r} should be placed at {where}: {found}"
