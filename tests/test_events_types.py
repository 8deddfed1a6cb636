"""Issue 11: the less frequent PLOVER types (MOBILIZE, SANCTION, REQUEST, AID, COOPERATE,
CONCEDE, RETREAT) and the shapes that carry them, on sentences written for them, through the
real parse."""

from __future__ import annotations

import pytest

from briefgraph.stages.events.coding import by_code, code_table
from events_fixtures import analysed, context_of, events_of, find, plover_of


@pytest.mark.parametrize("text, word, plover", [
    ("Ankara sent two warships to the disputed waters.", "sent", "MOBILIZE"),
    ("The ministry rushed reinforcements to the northern border.", "rushed", "MOBILIZE"),
    ("Cairo ordered the expulsion of two Ethiopian diplomats.", "ordered", "SANCTION"),
    ("Khartoum ordered the embassy staff out of the country.", "ordered", "SANCTION"),
    ("Khartoum ordered the ambassador to leave within a day.", "ordered", "SANCTION"),
    ("The governor ordered residents to leave the flooded valley.", "ordered", "COERCE"),
])
def test_forces_sent_mobilise_and_envoys_ordered_out_are_expelled(text, word, plover):
    assert plover_of(text, word) == plover, text


@pytest.mark.parametrize("text, plover", [
    ("The navy staged war games off the coast on Sunday.", "MOBILIZE"),
    ("The two navies held joint war games off the coast.", "COOPERATE"),
])
def test_war_games_alone_show_force_and_with_a_partner_cooperate(text, plover):
    assert plover_of(text, "games", "noun") == plover, text


def test_war_games_of_two_coordinated_actors_are_their_cooperation():
    found = events_of(analysed("Egypt and Turkey launched war games in the eastern Mediterranean."))
    assert find(found, "Egypt", "COOPERATE"), found
    assert not [e for e in found if e[1] == "MOBILIZE"], f"a joint show of force is cooperation: {found}"
    found = events_of(analysed("Turkey launched war games in the eastern Mediterranean."))
    assert find(found, "Turkey", "MOBILIZE"), found


def test_a_renewed_call_for_another_is_a_request():
    assert plover_of("Egypt renewed its call for a ceasefire in the region.", "call", "noun") == "REQUEST"


def test_aid_received_from_a_giver_is_the_givers_aid_to_the_receiver():
    found = events_of(analysed("Sudan received a shipment of vaccines from Qatar on Monday."))
    assert find(found, "Qatar", "AID")[3] == "Sudan", found
    assert not [e for e in found if e[0] == "Sudan"], f"the receiver gives nothing: {found}"
    # a visit received stays the host's act
    found = events_of(analysed("Egypt received a visit from Turkey's foreign minister."))
    assert not [e for e in found if e[1] == "AID"], found


@pytest.mark.parametrize("text, word, plover", [
    ("Lisbon and Madrid exchanged intelligence on the network.", "exchanged", "COOPERATE"),
    ("Spanish officers trained their Moroccan counterparts in Rabat.", "trained", "COOPERATE"),
    ("The council agreed to the demands of the striking nurses.", "agreed", "CONCEDE"),
    ("The ministry received 40 tonnes of medicine from the donors.", "received", "AID"),
])
def test_intelligence_training_and_demands_agreed_to(text, word, plover):
    assert plover_of(text, word) == plover, text


def test_refusal_and_threat_codes_are_read_from_the_knowledge_file():
    ctx = context_of("Egypt will not release them.")

    refusals = code_table(ctx.clause_words("refusal_codes"))
    assert by_code(refusals, "0841") == "1243", "releasing refused is CAMEO 1243 (longest prefix first)"
    assert by_code(refusals, "070") == "122", "aid refused is CAMEO 122 (by the root)"
    assert by_code(code_table(ctx.clause_words("threat_codes")), "163") == "1312"


@pytest.mark.parametrize("text, word, plover", [
    ("The rebels declared a ceasefire on Friday.", "declared", "RETREAT"),
    ("The island switched recognition to Beijing.", "switched", "SUPPORT"),
    ("The ministry eased restrictions on religious processions.", "eased", "CONCEDE"),
    ("The cabinet lifted its ban on opposition rallies.", "lifted", "CONCEDE"),
    ("Brussels eased sanctions on the central bank.", "eased", "RETREAT"),
])
def test_ceasefires_recognition_and_restrictions_eased(text, word, plover):
    assert plover_of(text, word) == plover, text


def test_a_ceasefire_two_sides_declare_is_each_ones_with_the_other():
    found = events_of(analysed("Egypt and Sudan declared a ceasefire on the border."))
    assert find(found, "Egypt", "RETREAT")[3] == "Sudan", found
    assert not [e for e in found if e[0] == "Sudan" and e[1] == "RETREAT"], \
        f"a lone sentence tells the ceasefire once, the first-named's with the second: {found}"


@pytest.mark.parametrize("text, word, plover", [
    ("Cairo withdrew its ambassador from Ankara.", "withdrew", "SANCTION"),
    ("Cairo withdrew its troops from the border zone.", "withdrew", "RETREAT"),
    ("The navy repatriated 30 detained fishermen.", "repatriated", "RETREAT"),
    ("The coast guard handed back the seized trawler.", "handed", "RETREAT"),
])
def test_envoys_withdrawn_are_recalled_and_captives_or_property_returned_retreat(text, word, plover):
    assert plover_of(text, word) == plover, text
