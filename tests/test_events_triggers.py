"""stages/events/triggers.py: how a trigger's doer and target are found, and each rule of
VERB_VETOES and TRIGGER_FINDERS on its own (sentences written for these tests)."""

from __future__ import annotations

from briefgraph.stages.events import triggers
from events_fixtures import (
    analysed,
    coded,
    context_of,
    drafts_of,
    events_of,
    every_rule_test,
    find,
    pipeline_events,
    token,
)

RULE_TUPLES = {
    "VERB_VETOES": triggers.VERB_VETOES,
    "TRIGGER_FINDERS": triggers.TRIGGER_FINDERS,
}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def test_coded_by_head():
    ctx = context_of("Egypt agreed to release the prisoners.")
    assert triggers.coded_by_head(ctx, token(ctx, "release"), coded(ctx, "release")), \
        "'agreed to release': the head's pattern codes the xcomp, it is no trigger of its own"
    assert triggers.coded_by_head(ctx, token(ctx, "agreed"), coded(ctx, "agreed")) is None, \
        "the head verb itself is not vetoed"


def test_describes_event_noun():
    ctx = context_of("The strikes targeting Hezbollah continued.")
    assert triggers.describes_event_noun(ctx, token(ctx, "targeting"), None), \
        "'strikes targeting X': the participle describes the noun's event"
    assert triggers.describes_event_noun(ctx, token(ctx, "continued"), None) is None


def test_light_verb_of_event():
    ctx = context_of("Egypt held talks with Ethiopia.")
    assert triggers.light_verb_of_event(ctx, token(ctx, "held"), coded(ctx, "held")), \
        "'held talks': the light verb gives way to its event noun"
    ctx = context_of("Egypt condemned Israel.")
    assert triggers.light_verb_of_event(ctx, token(ctx, "condemned"), coded(ctx, "condemned")) is None
    ctx = context_of("The attack on the border post was carried out by Hamas.")
    assert triggers.light_verb_of_event(ctx, token(ctx, "carried"), coded(ctx, "carried")), \
        "'the attack was carried out by X': a passive light verb gives way to its subject"
    found = [(d.kind, d.coding.cameo[:2], d.source.name) for d in drafts_of(ctx, triggers.noun_events)]
    assert found == [("noun", "19", "Hamas")], f"the attack is done by the light verb's agent: {found}"


def test_aim_of_a_protest():
    ctx = context_of("Egyptian students staged demonstrations in Cairo to demand reforms from Egypt.")
    assert triggers.aim_of_a_protest(ctx, token(ctx, "demand"), coded(ctx, "demand")), \
        "'staged demonstrations to demand': the demand is the protest's aim, one event"
    ctx = context_of("Egypt sent envoys to Khartoum to demand the release of the prisoners.")
    assert triggers.aim_of_a_protest(ctx, token(ctx, "demand"), coded(ctx, "demand")) is None, \
        "the purpose of no protest stays a demand"


def test_not_in_dictionary():
    ctx = context_of("Egypt condemned Israel.")
    verb = token(ctx, "condemned")
    assert triggers.not_in_dictionary(ctx, verb, None), "a verb no pattern codes is no trigger"
    assert triggers.not_in_dictionary(ctx, verb, coded(ctx, "condemned")) is None, "'condemn' is in the dictionary"


def test_restates_purpose_head():
    ctx = context_of("Egypt met Sudan in Cairo on Monday to discuss the border.")
    assert triggers.restates_purpose_head(ctx, token(ctx, "discuss"), coded(ctx, "discuss")), \
        "'met ... to discuss' is one consultation: the purpose is vetoed"
    ctx = context_of("Egypt sent observers to Sudan on Monday to investigate the killings.")
    assert triggers.restates_purpose_head(ctx, token(ctx, "investigate"), coded(ctx, "investigate")) is None, \
        "a purpose of another type than its head is an event of its own"


def test_permitted_by_head():
    ctx = context_of("Egypt opened the Rafah crossing on Monday to allow aid trucks into Gaza.")
    assert triggers.permitted_by_head(ctx, token(ctx, "allow"), coded(ctx, "allow")), \
        "'opened the crossing to allow trucks': the permission is what the opening lets happen, one event"
    ctx = context_of("Israel allowed aid trucks into Gaza on Monday.")
    assert triggers.permitted_by_head(ctx, token(ctx, "allowed"), coded(ctx, "allowed")) is None, \
        "a permission that is no purpose is an event of its own"


def test_aim_of_a_mobilization():
    ctx = context_of("Egypt called up 20,000 reservists to fight Hamas.")
    assert triggers.aim_of_a_mobilization(ctx, token(ctx, "fight"), coded(ctx, "fight")), \
        "'called up reservists to fight': the fight is the call-up's aim, no attack told"
    ctx = context_of("Egypt crossed the border to fight Hamas.")
    assert triggers.aim_of_a_mobilization(ctx, token(ctx, "fight"), coded(ctx, "fight")) is None, \
        "the purpose of an act that is no mobilization stays its own event"


def test_hedges_its_subject():
    ctx = context_of("Gunmen suspected to be bandits kidnapped 20 passengers in Zamfara.")
    assert triggers.hedges_its_subject(ctx, token(ctx, "suspected"), coded(ctx, "suspected")), \
        "'gunmen suspected to be bandits': a hedge of what the gunmen are, no accusation"
    ctx = context_of("Police suspected the driver of smuggling.")
    assert triggers.hedges_its_subject(ctx, token(ctx, "suspected"), coded(ctx, "suspected")) is None, \
        "a suspicion with an object is no hedge"


def test_received_from_no_one():
    ctx = context_of("Israel drew condemnation over the strikes on Rafah.")
    assert triggers.received_from_no_one(ctx, token(ctx, "drew"), coded(ctx, "drew")), \
        "criticism drawn from no one named is no act of the receiver's"
    ctx = context_of("Israel drew condemnation from Egypt over the strikes on Rafah.")
    assert triggers.received_from_no_one(ctx, token(ctx, "drew"), coded(ctx, "drew")) is None, \
        "criticism drawn from Egypt is Egypt's"
    ctx = context_of("Sudan received aid on Monday.")
    assert triggers.received_from_no_one(ctx, token(ctx, "received"), coded(ctx, "received")) is None, \
        "aid received from no one named stays (the receiver's own)"


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


def test_describes_a_weapon():
    ctx = context_of("Two students were wounded by rubber bullets fired by soldiers at the campus.")
    assert triggers.describes_a_weapon(ctx, token(ctx, "fired"), coded(ctx, "fired")), \
        "'bullets fired by soldiers' names the weapon of the wounding, no second event"
    ctx = context_of("Soldiers fired rubber bullets at students on the campus.")
    assert triggers.describes_a_weapon(ctx, token(ctx, "fired"), coded(ctx, "fired")) is None, "the main verb"


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
