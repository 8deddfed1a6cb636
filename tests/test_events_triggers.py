"""stages/events/triggers.py: how a trigger's doer and target are found, and each rule of
TRIGGER_FINDERS on its own (sentences written for these tests)."""

from __future__ import annotations

from briefgraph.stages.events import triggers
from events_fixtures import (
    analysed,
    context_of,
    drafts_of,
    events_of,
    every_rule_test,
    find,
    pipeline_events,
)

RULE_TUPLES = {
    "TRIGGER_FINDERS": triggers.TRIGGER_FINDERS,
    "VERB_RECODINGS": triggers.VERB_RECODINGS,
}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def test_verb_events():
    ctx = context_of("Egypt condemned Israel on Sunday.")
    found = [(d.trigger.text, d.source.name, d.target and d.target.name) for d in drafts_of(ctx)]
    assert found == [("condemned", "Egypt", "Israel")], f"one verb event expected: {found}"


def test_noun_events():
    ctx = context_of("Israel's strikes on Hezbollah continued.")
    found = [(d.trigger.text, d.source.name, d.target and d.target.name)
             for d in drafts_of(ctx, triggers.noun_events)]
    assert ("strikes", "Israel", "Hezbollah") in found, f"the event noun with its possessor: {found}"


def test_obligation_events():
    ctx = context_of("Turkey said Israel must withdraw.")
    found = [(d.coding.cameo, d.source.name, d.target and d.target.name)
             for d in drafts_of(ctx, triggers.obligation_events)]
    assert found == [("100", "Turkey", "Israel")], f"'said Y must': a demand of Y: {found}"


def test_joint_action_events():
    ctx = context_of("Egypt and Sudan jointly built a new border post.")
    found = sorted((d.coding.cameo, d.source.name, d.target and d.target.name)
                   for d in drafts_of(ctx, triggers.joint_action_events))
    assert found == [("062", "Egypt", "Sudan"), ("062", "Sudan", "Egypt")], \
        f"an uncoded action done jointly: cooperation with each other: {found}"
    ctx = context_of("Egypt and Sudan signed a joint statement.")
    assert drafts_of(ctx, triggers.joint_action_events) == [], "a coded verb keeps its own coding"
    ctx = context_of("Officers began joint patrols in the capital.")
    assert drafts_of(ctx, triggers.joint_action_events) == [], "no partner named: nothing coded"


def test_wish_events():
    """Wanting another to act is a request of it; what is wanted did not happen."""
    found = events_of(analysed("Egypt wants Ethiopia to stop filling the reservoir."))
    assert find(found, "Egypt", "REQUEST")[3] == "Ethiopia", found
    assert not [e for e in found if e[0] == "Ethiopia"], f"what is wanted did not happen: {found}"
    found = events_of(analysed("Egypt wants to join the talks on the reservoir."))
    assert not [e for e in found if e[1] == "REQUEST"], f"wanting to act oneself asks nothing: {found}"


def test_undergone_found():
    events = pipeline_events("The convoy came under attack from Houthi rebels near Hodeidah.")
    assert [(s, p) for s, p, _ in events] == [("Houthi rebels", "ASSAULT")], \
        f"an attack the convoy came under is done by the 'from' phrase's actor: {events}"
    events = pipeline_events("The village came under attack from unknown gunmen.")
    assert not events, f"an attacker with no name of its own makes no event: {events}"


def test_joined_act():
    found = pipeline_events("Chile joined the sanctions against Nicaragua on Monday.")
    assert ("Chile", "COERCE", "Nicaragua") in found, f"sanctions joined with no imposer named are imposed: {found}"
    found = pipeline_events("Chile joined Peru's sanctions against Nicaragua.")
    assert ("Chile", "COOPERATE", "Peru") in found, f"sanctions of a named imposer joined cooperate with it: {found}"
    found = pipeline_events("Chile will not join Peru's sanctions against Nicaragua.")
    assert ("Chile", "REJECT", "Peru") in found, f"refusing to join another's sanctions rejects it: {found}"


def test_departure_deadline():
    found = pipeline_events("Bolivia gave Peruvian diplomats three days to leave the country.")
    assert found == [("Bolivia", "SANCTION", "Peru")], f"envoys given days to leave are expelled (166): {found}"
    found = pipeline_events("Ghana gave the Togolese traders 48 hours to leave the market.")
    assert [e[1] for e in found] == ["COERCE"], f"anyone else given hours to leave is expelled (174): {found}"
    found = pipeline_events("Ghana gave Togo aid to leave the crisis behind.")
    assert "SANCTION" not in [e[1] for e in found], f"no time given, no expulsion: {found}"
    found = pipeline_events("Chile gave Bolivia ten days to return the seized trucks.")
    assert ("Chile", "THREATEN", "Bolivia") in found, f"a time given to do anything else is an ultimatum (139): {found}"
