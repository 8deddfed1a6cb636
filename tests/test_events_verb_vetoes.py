"""stages/events/verb_vetoes.py: each rule of VERB_VETOES on its own, a verb it vetoes and
one it leaves to be a trigger (sentences written for these tests)."""

from __future__ import annotations

from briefgraph.stages.events import triggers, verb_vetoes
from events_fixtures import coded, context_of, drafts_of, every_rule_test, token

RULE_TUPLES = {"VERB_VETOES": verb_vetoes.VERB_VETOES}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def test_coded_by_head():
    ctx = context_of("Egypt agreed to release the prisoners.")
    assert verb_vetoes.coded_by_head(ctx, token(ctx, "release"), coded(ctx, "release")), \
        "'agreed to release': the head's pattern codes the xcomp, it is no trigger of its own"
    assert verb_vetoes.coded_by_head(ctx, token(ctx, "agreed"), coded(ctx, "agreed")) is None, \
        "the head verb itself is not vetoed"


def test_describes_event_noun():
    ctx = context_of("The strikes targeting Hezbollah continued.")
    assert verb_vetoes.describes_event_noun(ctx, token(ctx, "targeting"), None), \
        "'strikes targeting X': the participle describes the noun's event"
    assert verb_vetoes.describes_event_noun(ctx, token(ctx, "continued"), None) is None


def test_light_verb_of_event():
    ctx = context_of("Egypt held talks with Ethiopia.")
    assert verb_vetoes.light_verb_of_event(ctx, token(ctx, "held"), coded(ctx, "held")), \
        "'held talks': the light verb gives way to its event noun"
    ctx = context_of("Egypt condemned Israel.")
    assert verb_vetoes.light_verb_of_event(ctx, token(ctx, "condemned"), coded(ctx, "condemned")) is None
    ctx = context_of("The attack on the border post was carried out by Hamas.")
    assert verb_vetoes.light_verb_of_event(ctx, token(ctx, "carried"), coded(ctx, "carried")), \
        "'the attack was carried out by X': a passive light verb gives way to its subject"
    found = [(d.kind, d.coding.cameo[:2], d.source.name) for d in drafts_of(ctx, triggers.noun_events)]
    assert found == [("noun", "19", "Hamas")], f"the attack is done by the light verb's agent: {found}"


def test_aim_of_a_protest():
    ctx = context_of("Egyptian students staged demonstrations in Cairo to demand reforms from Egypt.")
    assert verb_vetoes.aim_of_a_protest(ctx, token(ctx, "demand"), coded(ctx, "demand")), \
        "'staged demonstrations to demand': the demand is the protest's aim, one event"
    ctx = context_of("Egypt sent envoys to Khartoum to demand the release of the prisoners.")
    assert verb_vetoes.aim_of_a_protest(ctx, token(ctx, "demand"), coded(ctx, "demand")) is None, \
        "the purpose of no protest stays a demand"


def test_not_in_dictionary():
    ctx = context_of("Egypt condemned Israel.")
    verb = token(ctx, "condemned")
    assert verb_vetoes.not_in_dictionary(ctx, verb, None), "a verb no pattern codes is no trigger"
    assert verb_vetoes.not_in_dictionary(ctx, verb, coded(ctx, "condemned")) is None, "'condemn' is in the dictionary"


def test_restates_purpose_head():
    ctx = context_of("Egypt met Sudan in Cairo on Monday to discuss the border.")
    assert verb_vetoes.restates_purpose_head(ctx, token(ctx, "discuss"), coded(ctx, "discuss")), \
        "'met ... to discuss' is one consultation: the purpose is vetoed"
    ctx = context_of("Egypt sent observers to Sudan on Monday to investigate the killings.")
    assert verb_vetoes.restates_purpose_head(ctx, token(ctx, "investigate"), coded(ctx, "investigate")) is None, \
        "a purpose of another type than its head is an event of its own"


def test_permitted_by_head():
    ctx = context_of("Egypt opened the Rafah crossing on Monday to allow aid trucks into Gaza.")
    assert verb_vetoes.permitted_by_head(ctx, token(ctx, "allow"), coded(ctx, "allow")), \
        "'opened the crossing to allow trucks': the permission is what the opening lets happen, one event"
    ctx = context_of("Israel allowed aid trucks into Gaza on Monday.")
    assert verb_vetoes.permitted_by_head(ctx, token(ctx, "allowed"), coded(ctx, "allowed")) is None, \
        "a permission that is no purpose is an event of its own"


def test_aim_of_a_mobilization():
    ctx = context_of("Egypt called up 20,000 reservists to fight Hamas.")
    assert verb_vetoes.aim_of_a_mobilization(ctx, token(ctx, "fight"), coded(ctx, "fight")), \
        "'called up reservists to fight': the fight is the call-up's aim, no attack told"
    ctx = context_of("Egypt crossed the border to fight Hamas.")
    assert verb_vetoes.aim_of_a_mobilization(ctx, token(ctx, "fight"), coded(ctx, "fight")) is None, \
        "the purpose of an act that is no mobilization stays its own event"


def test_hedges_its_subject():
    ctx = context_of("Gunmen suspected to be bandits kidnapped 20 passengers in Zamfara.")
    assert verb_vetoes.hedges_its_subject(ctx, token(ctx, "suspected"), coded(ctx, "suspected")), \
        "'gunmen suspected to be bandits': a hedge of what the gunmen are, no accusation"
    ctx = context_of("Police suspected the driver of smuggling.")
    assert verb_vetoes.hedges_its_subject(ctx, token(ctx, "suspected"), coded(ctx, "suspected")) is None, \
        "a suspicion with an object is no hedge"


def test_received_from_no_one():
    ctx = context_of("Israel drew condemnation over the strikes on Rafah.")
    assert verb_vetoes.received_from_no_one(ctx, token(ctx, "drew"), coded(ctx, "drew")), \
        "criticism drawn from no one named is no act of the receiver's"
    ctx = context_of("Israel drew condemnation from Egypt over the strikes on Rafah.")
    assert verb_vetoes.received_from_no_one(ctx, token(ctx, "drew"), coded(ctx, "drew")) is None, \
        "criticism drawn from Egypt is Egypt's"
    ctx = context_of("Sudan received aid on Monday.")
    assert verb_vetoes.received_from_no_one(ctx, token(ctx, "received"), coded(ctx, "received")) is None, \
        "aid received from no one named stays (the receiver's own)"


def test_describes_a_weapon():
    ctx = context_of("Two students were wounded by rubber bullets fired by soldiers at the campus.")
    assert verb_vetoes.describes_a_weapon(ctx, token(ctx, "fired"), coded(ctx, "fired")), \
        "'bullets fired by soldiers' names the weapon of the wounding, no second event"
    ctx = context_of("Soldiers fired rubber bullets at students on the campus.")
    assert verb_vetoes.describes_a_weapon(ctx, token(ctx, "fired"), coded(ctx, "fired")) is None, "the main verb"


def test_leaving_by_a_deadline():
    ctx = context_of("Chile gave the Venezuelan envoys a week to leave Santiago.")
    assert verb_vetoes.leaving_by_a_deadline(ctx, token(ctx, "leave"), coded(ctx, "leave")), \
        "the leaving a time is given for is the giver's expulsion, no act of its own"
    ctx = context_of("The Venezuelan envoys decided to leave Santiago.")
    assert verb_vetoes.leaving_by_a_deadline(ctx, token(ctx, "leave"), coded(ctx, "leave")) is None


def test_ordered_event_nouns():
    ctx = context_of("Egypt ordered the release of 400 detainees.")
    assert [t.text for t in verb_vetoes.ordered_event_nouns(ctx, token(ctx, "ordered"))] == ["release"], \
        "'ordered the release': the release is the ordered act"
    found = [(d.kind, d.coding.cameo[:2], d.source.name) for d in drafts_of(ctx, triggers.noun_events)]
    assert found == [("noun", "08", "Egypt")], f"the release is the orderer's act: {found}"
    ctx = context_of("Egypt ordered the withdrawal of its troops from the border with Sudan.")
    assert [t.text for t in verb_vetoes.ordered_event_nouns(ctx, token(ctx, "ordered"))] == ["withdrawal"]
    ctx = context_of("Egypt ordered the expulsion of the UN peacekeeping mission.")
    assert verb_vetoes.ordered_event_nouns(ctx, token(ctx, "ordered")) == [], \
        "'ordered the expulsion': the verb's own pattern codes it (166), no noun event"
    ctx = context_of("Egypt ordered new uniforms for its troops.")
    assert verb_vetoes.ordered_event_nouns(ctx, token(ctx, "ordered")) == [], "no event noun ordered"


def test_lies_among_land():
    ctx = context_of("Madha is surrounded by Emirati territory and is administered by Oman.")
    assert verb_vetoes.lies_among_land(ctx, token(ctx, "surrounded"), coded(ctx, "surrounded")), \
        "'surrounded by Emirati territory': land tells where the place lies, no siege"
    ctx = context_of("Sudanese troops surrounded the town of El Fasher.")
    assert verb_vetoes.lies_among_land(ctx, token(ctx, "surrounded"), coded(ctx, "surrounded")) is None, \
        "troops surrounding a town do act"
