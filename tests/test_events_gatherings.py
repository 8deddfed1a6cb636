"""stages/events/gatherings.py: a crowd coming together ("gathered", "massed", "camped")
is its demonstration (CAMEO 141, PROTEST); other people gathering keep the dictionary's reading."""

from __future__ import annotations

from briefgraph.records import Actor
from briefgraph.stages.events import gatherings
from events_fixtures import coded_events, context_of


def test_protesters_gathering_demonstrate():
    events = coded_events("Demonstrators gathered outside the assembly building in Blantyre on Friday.")
    assert [(s, p, c) for s, p, c, _ in events] == [("Demonstrators", "PROTEST", "141")], \
        f"a crowd of protesters gathering is a demonstration, not a meeting: {events}"


def test_a_verb_no_pattern_codes_is_drafted_for_a_crowd():
    events = coded_events("Opposition supporters massed outside the electoral office in Lubumbashi.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "141")], \
        f"'massed' has no pattern; with a crowd as subject it is a demonstration: {events}"


def test_a_crowd_word_gathers_as_a_demonstration():
    events = coded_events("A crowd of about 500 people gathered in front of the town hall in Tamale.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "141")], \
        f"a subject named 'crowd' gathering is a demonstration: {events}"


def test_a_gathering_told_with_its_protest_is_one_event():
    events = coded_events("Hundreds of fishermen assembled at the harbour in Kollam to protest the new fees.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "141")], \
        f"'assembled ... to protest' is one protest, not two: {events}"


def test_others_gathering_are_no_demonstration():
    events = coded_events("Foreign ministers gathered in Geneva on Monday.")
    assert all(p != "PROTEST" for _, p, _, _ in events), f"ministers meeting are no demonstration: {events}"
    events = coded_events("Troops massed near the northern border on Sunday.")
    assert all(p != "PROTEST" for _, p, _, _ in events), f"troops massing are no demonstration: {events}"


def test_people_gathering_at_a_place_meet_nobody():
    events = coded_events("Pilgrims gathered at the shrine in Ajmer on Sunday.")
    assert all(p != "CONSULT" for _, p, _, _ in events), \
        f"a group of people gathering at a place is no meeting with the place: {events}"


def test_a_crowds_demonstrative_act_is_its_demonstration():
    events = coded_events("Demonstrators chanted outside the electoral commission in Lilongwe on Monday.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "141")], \
        f"a crowd chanting is a demonstration: {events}"
    events = coded_events("Protesters shouted slogans and marched to the assembly in Kumasi.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "141")], \
        f"the chant of a crowd told marching is one protest: {events}"


def test_a_crowd_burning_property_riots():
    events = coded_events("Youths burnt a police post in Kaduna on Sunday.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "145")], \
        f"'burn' has no pattern without a context word; young people burning a post riot: {events}"
    events = coded_events("Opposition supporters burned tyres in Kinshasa.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "145")], f"supporters burning tyres riot: {events}"


def test_burning_by_armed_groups_or_of_no_property_is_no_riot():
    assert coded_events("Militants burned a school in Borno.") == [], "an armed group's burning is left to the patterns"
    assert coded_events("Farmers burned crop residue in Punjab.") == [], "burning residue destroys nobody's property"
    assert coded_events("A mob burned a man to death in Lagos.") == [], "done to a person it is no destruction of property"


def test_a_group_gathering_to_demand_demonstrates():
    events = coded_events("Residents gathered outside the town hall in Cusco on Tuesday to demand clean water.")
    assert ("PROTEST", "141") in [(p, c) for _, p, c, _ in events], \
        f"a group coming together to demand something is a demonstration: {events}"
    events = coded_events("Peasant farmers paraded through the streets of Asuncion demanding land titles.")
    assert ("PROTEST", "141") in [(p, c) for _, p, c, _ in events], f"parading while demanding: {events}"
    events = coded_events("Worshippers gathered at the mosque in Kano on Friday.")
    assert "PROTEST" not in [p for _, p, _, _ in events], f"gathering with no protest purpose: {events}"


def test_on_people_reads_the_crowd_and_property_categories():
    ctx = context_of("A mob attacked the marchers in Lagos.")
    marchers = Actor("A9", "marchers", "GROUP", category="protesters")
    residents = Actor("A8", "residents", "GROUP", category="civilians")
    soldiers = Actor("A7", "soldiers", "GROUP", category="state forces")
    assert gatherings.on_people(ctx, marchers), "a crowd (clauses.txt crowd_categories) is people"
    assert gatherings.on_people(ctx, residents), "plain civilians (property_categories) are people"
    assert not gatherings.on_people(ctx, soldiers), "state forces are no plain people"
    assert not gatherings.on_people(ctx, None), "no target, no people"


def test_a_counted_group_gathering_at_a_seat_of_power_demonstrates():
    found = coded_events("Dozens of nurses gathered in front of the health ministry in Nairobi.")
    assert any(e[1] == "PROTEST" and e[2] == "141" for e in found), f"a counted group at a ministry: {found}"
    for text in ("Hundreds of mourners gathered outside the palace in Accra to mourn the late chief.",
                 "Thousands of worshippers gathered for prayers outside the national assembly in Abuja.",
                 "Dozens of diplomats gathered at the embassy in Addis Ababa for a reception.",
                 "Dozens of journalists gathered outside the court in Tunis to cover the trial."):
        found = coded_events(text)
        assert not any(e[1] == "PROTEST" for e in found), f"{text!r}: no demonstration: {found}"


def test_a_gathering_for_a_feast_a_rite_or_a_show_is_no_demonstration():
    for text in ("Crowds gathered in Kathmandu to celebrate the New Year festival.",
                 "Crowds gathered in Kandy for the festival on Sunday.",
                 "A crowd gathered outside the hospital in Kisumu to mourn the victims."):
        found = coded_events(text)
        assert not any(e[1] == "PROTEST" for e in found), f"{text!r}: no demonstration: {found}"
    found = coded_events("A crowd gathered outside the police station in Kisumu to demand the release of a trader.")
    assert any(e[1] == "PROTEST" for e in found), f"a crowd gathering to demand demonstrates: {found}"


def test_destroyed_by_a_crowd_in_the_passive_riots():
    for text in ("Several shops were looted by rioters in Blantyre.",
                 "A police post in Kenema was burned by youths.",
                 "Rioters looted several shops."):
        found = coded_events(text)
        assert [(p, c) for _, p, c, _ in found] == [("PROTEST", "145")], f"{text!r}: a crowd's looting riots: {found}"
    found = coded_events("A police post in Kenema was burned on Sunday.")
    assert not any(e[0] for e in found), f"no doer, no riot of anyone's: {found}"


def test_a_festive_gathering_meets_nobody():
    for text in ("Mourners gathered for the funeral of the slain journalist in Gaza.",
                 "Pilgrims gathered in Karbala for the Arbaeen festival."):
        found = coded_events(text)
        assert found == [], f"{text!r}: a feast or a rite is no meeting and no demonstration: {found}"


def test_a_seat_the_parser_took_for_an_object():
    events = coded_events("Hundreds of pensioners gathered outside parliament in Bucharest on Wednesday.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "141")], \
        f"'outside' read as a modifier of parliament: still a seat of power: {events}"
    assert not coded_events("Hundreds of farmers gathered their belongings in Bucharest on Wednesday.")


def test_a_counted_group_at_a_prison_or_town_hall_demonstrates():
    for text in ("Dozens of relatives gathered outside the prison in Tehran on Monday.",
                 "Hundreds of residents gathered outside the municipality in Sfax."):
        found = coded_events(text)
        assert any(e[1] == "PROTEST" and e[2] == "141" for e in found), f"{text!r}: a seat of power: {found}"
    assert not any(e[1] == "PROTEST" for e in coded_events(
        "Dozens of inmates gathered in the prison yard for prayers in Tehran."))
