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


def test_an_investigation_launched_is_no_attack():
    found = events("Colombian prosecutors launched an investigation into Governor Luis Pérez of Antioquia.")
    assert found and all(e[1] == "ACCUSE" for e in found), f"an inquiry opened is an investigation (09): {found}"


def test_a_joint_investigation_is_cooperation():
    found = events("Kenya and Tanzania launched a joint investigation into the smuggling ring.")
    assert ("Kenya", "COOPERATE", "Tanzania") in found, f"a joint inquiry by two states is cooperation: {found}"


def test_equipment_given_is_aid():
    for text in ("Japan gave the Philippines five patrol boats.", "The United States handed Ecuador six helicopters.",
                 "India supplied Sri Lanka with two surveillance aircraft."):
        found = events(text)
        assert found and found[0][1] == "AID", f"equipment handed over is aid: {text!r} -> {found}"


def test_patrols_and_readiness_increased_are_a_mobilisation():
    for text in ("Police in Nairobi stepped up patrols around the parliament.",
                 "Serbia raised the combat readiness of its army near Kosovo.",
                 "Egypt reinforced its military presence in Sinai."):
        found = events(text)
        assert found and found[0][1] == "MOBILIZE", f"more patrols, presence or readiness: {text!r} -> {found}"



def test_a_resignation_under_protest_concedes():
    found = events("Sri Lanka's president resigned amid mass protests.")
    assert found and found[0][1] == "CONCEDE", f"resigning under protest accedes to a demand (0831 CONCEDE): {found}"
    found = events("Joseph Kabila resigned to allow free elections to take place.")
    assert found and found[0][1] == "RETREAT", f"a resignation with no protest or pressure stays RETREAT: {found}"
