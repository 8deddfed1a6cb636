"""Issue 11, round 15 (r15-ev): mechanisms for the less frequent PLOVER types (CONCEDE,
MOBILIZE, COOPERATE, AID, CONSULT, COERCE) and their targets, on sentences written for
each, through the whole pipeline."""

from __future__ import annotations

from events_fixtures import pipeline_events


def events(text: str) -> list[tuple]:
    return pipeline_events(text, cameo=False)


def test_a_crossing_reopened_to_trucks_is_aimed_at_their_state():
    found = events("Pakistan reopened the Torkham crossing to Afghan trucks after a ten-day closure.")
    assert ("Pakistan", "RETREAT", "Afghanistan") in found, f"whom the crossing is opened for, not the crossing: {found}"


def test_a_bridge_opened_for_deliveries_is_aimed_at_their_destination():
    found = events("Uzbekistan opened the Termez bridge on Monday to allow the delivery of grain to Afghanistan.")
    assert ("Uzbekistan", "RETREAT", "Afghanistan") in found, f"the purpose's target before the bridge: {found}"


def test_asylum_sought_in_a_state_asks_that_state():
    found = events("Hundreds of Iraqi Kurds sought asylum in Germany last year.")
    assert any(e[1] == "REQUEST" and e[2] == "Germany" for e in found), f"asylum is asked of Germany: {found}"
