"""stages/events/place_referents.py: a later definite re-mention names an act's place more sharply."""

from __future__ import annotations

from events_fixtures import pipeline_events


def test_sharper_place():
    text = ("Gunmen attacked a farming village in Mozambique's Cabo Delgado province on Saturday, killing six "
            "civilians, officials said.\n\nThe attack on Palma was the deadliest in the province this year.")
    events = pipeline_events(text)
    attacks = [e for e in events if e[1] == "ASSAULT"]
    assert attacks and attacks[0][2] == "Palma", f"the re-mention names the village attacked: {events}"
    text = ("Gunmen attacked Mozambican troops in Cabo Delgado province on Saturday.\n\n"
            "The attack on Palma was the deadliest this year.")
    events = pipeline_events(text)
    assert not any(e[2] == "Palma" for e in events), f"a target that is no place stays: {events}"
