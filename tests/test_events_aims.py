"""Whom an act is aimed at (stages/events/aims.py, targets.py): a protest's or a mobilization's
purpose, an act done in protest or retaliation, an order to stand trial, people sent to help.
Sentences written for each, through the whole pipeline."""

from __future__ import annotations

from events_fixtures import pipeline_events


def test_a_protests_purpose_names_whom_it_is_against_before_the_site():
    found = pipeline_events("Farmers in Ghana blocked a road near Tamale to protest cheap imports by Nigerian firms.")
    assert any(e[1] == "PROTEST" and e[2] == "Nigeria" for e in found), \
        f"the purpose's target, not the road's town: {found}"


def test_a_mobilizations_purpose_names_whom_the_forces_are_raised_against():
    found = pipeline_events("Niger called up 20,000 reservists to fight bandits in the west.")
    assert ("Niger", "MOBILIZE", "bandits") in found, f"aimed at whom they fight, not the reservists: {found}"
    assert not any(e[1] == "ASSAULT" for e in found), f"the fight is the call-up's aim, no attack told: {found}"


def test_a_fight_that_is_no_mobilizations_purpose_stays_an_event():
    found = pipeline_events("Nigerian soldiers crossed the river to attack the bandits.")
    assert not any(e[1] == "MOBILIZE" for e in found), f"crossing is no mobilization: {found}"


def test_a_mobilization_is_aimed_at_the_doer_of_the_act_it_answers():
    found = pipeline_events("Greece put its navy on alert as Turkish warships sailed toward Crete.")
    assert ("Greece", "MOBILIZE", "Turkey") in found, f"the alert answers Turkey's warships: {found}"


def test_a_protests_purpose_aims_it_only_at_an_actor_with_a_name():
    found = pipeline_events("Angry traders blocked a road in Kano to protest harassment by customs officers.")
    assert any(e[1] == "PROTEST" and e[2] == "Kano" for e in found), \
        f"a protest is aimed at what the text names as an actor (annotation rule 8), not a description: {found}"


def test_an_order_to_stand_trial_is_done_to_the_one_ordered():
    found = pipeline_events("A Kazakh court ordered the journalist Daniyar Seitkali to stand trial on Monday.", cameo=False)
    assert ("Kazakhstan", "COERCE", "Daniyar Seitkali") in found, f"the court's order is aimed at the blogger: {found}"


def test_people_sent_to_help_are_no_target() -> None:
    found = pipeline_events("Brazil will send 30 firefighters to help Bolivia battle forest fires.")
    assert not any(e[2] == "30 firefighters" for e in found), f"the people sent are not the aided: {found}"


def test_an_act_in_protest_is_aimed_at_the_doer_it_answers() -> None:
    found = pipeline_events("Talks on the Grand Ethiopian Renaissance Dam were suspended by Sudan in protest at "
                   "Addis Ababa's unilateral filling.")
    assert found == [("Sudan", "SANCTION", "Addis Ababa")], f"no protest of its own; aimed at Addis Ababa: {found}"
    found = pipeline_events("Russia expelled two diplomats in retaliation for Britain's expulsion of Russian envoys.")
    assert ("Russia", "SANCTION", "United Kingdom") in found, found


def test_a_protest_the_act_was_done_in_stays_its_doers() -> None:
    found = pipeline_events("Farmers dumped tomatoes on the highway in protest at low prices.")
    assert any(e[1] == "PROTEST" for e in found), found


def test_a_protest_at_a_states_mission_is_aimed_at_that_state_before_its_purpose():
    for text, state in (("Hundreds of Armenians rallied outside the Russian embassy in Yerevan to demand protection "
                         "for Nagorno-Karabakh.", "Russia"),
                        ("Dozens of Ukrainians demonstrated outside the Hungarian embassy in Kyiv to demand support "
                         "for Ukraine.", "Hungary")):
        found = pipeline_events(text)
        assert any(e[1] == "PROTEST" and e[2] == state for e in found), \
            f"addressed to the mission's state, not those its purpose speaks for: {found}"


def test_demand_makers():
    found = pipeline_events("Sudan's military leaders agreed to hand power to a civilian-led council, a key demand of "
                            "the protest movement.")
    assert any(e[1] == "CONCEDE" and e[2] == "protest movement" for e in found), \
        f"a concession is made to the maker of the demand it meets: {found}"
    found = pipeline_events("Serbia rejected direct talks with Pristina, the main demand of the European Union.")
    assert ("Serbia", "REJECT", "European Union") in found, f"a refusal answers the demand's maker: {found}"
    found = pipeline_events("The Malian junta freed the detained opposition leader, a long-standing demand of ECOWAS.")
    assert any(e[1] == "RETREAT" and e[2] == "detained opposition leader" for e in found), \
        f"a release stays aimed at the released: {found}"


def test_a_protest_is_aimed_at_the_maker_of_what_it_opposes() -> None:
    found = pipeline_events("Traders in Uganda marched on Monday to protest against new taxes introduced by the government.")
    assert ("Traders in Uganda", "PROTEST", "Uganda") in found, f"the taxes' maker, the government of Uganda: {found}"
    found = pipeline_events("Students in Chile marched over the Education Ministry's decision to raise fees.")
    assert ("Students in Chile", "PROTEST", "Education Ministry") in found, f"the decision's owner: {found}"


def test_a_protest_against_a_thing_nobody_made_has_no_target() -> None:
    found = pipeline_events("Thousands of workers in Peru protested against rising prices.")
    assert [e[2] for e in found if e[1] == "PROTEST"] == [None], f"rising prices are nobody's act: {found}"
