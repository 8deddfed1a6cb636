"""Issue 11: the less frequent PLOVER types (MOBILIZE, SANCTION, REQUEST, AID, COOPERATE,
CONCEDE, RETREAT) and the shapes that carry them, on sentences written for them, through the
real parse."""

from __future__ import annotations

import pytest

from briefgraph.stages.events.coding import by_code, code_table
from events_fixtures import analysed, context_of, events_of, find, pipeline_events, plover_of


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
    assert by_code(refusals, "030") == by_code(refusals, "057") == "120", "an agreement or support refused is 120"
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


def test_a_crossing_reopened_to_trucks_is_aimed_at_their_state():
    found = pipeline_events("Pakistan reopened the Torkham crossing to Afghan trucks after a ten-day closure.")
    assert ("Pakistan", "RETREAT", "Afghanistan") in found, f"whom the crossing is opened for, not the crossing: {found}"


def test_a_bridge_opened_for_deliveries_is_aimed_at_their_destination():
    found = pipeline_events("Uzbekistan opened the Termez bridge on Monday to allow the delivery of grain to Afghanistan.")
    assert ("Uzbekistan", "RETREAT", "Afghanistan") in found, f"the purpose's target before the bridge: {found}"


def test_asylum_sought_in_a_state_asks_that_state():
    found = pipeline_events("Hundreds of Iraqi Kurds sought asylum in Germany last year.")
    assert any(e[1] == "REQUEST" and e[2] == "Germany" for e in found), f"asylum is asked of Germany: {found}"


def test_an_investigation_launched_is_no_attack():
    found = pipeline_events("Colombian prosecutors launched an investigation into Governor Luis Pérez of Antioquia.")
    assert found and all(e[1] == "ACCUSE" for e in found), f"an inquiry opened is an investigation (09): {found}"


def test_a_joint_investigation_is_cooperation():
    found = pipeline_events("Kenya and Tanzania launched a joint investigation into the smuggling ring.")
    assert ("Kenya", "COOPERATE", "Tanzania") in found, f"a joint inquiry by two states is cooperation: {found}"


def test_equipment_given_is_aid():
    for text in ("Japan gave the Philippines five patrol boats.", "The United States handed Ecuador six helicopters.",
                 "India supplied Sri Lanka with two surveillance aircraft."):
        found = pipeline_events(text)
        assert found and found[0][1] == "AID", f"equipment handed over is aid: {text!r} -> {found}"


def test_patrols_and_readiness_increased_are_a_mobilisation():
    for text in ("Police in Nairobi stepped up patrols around the parliament.",
                 "Serbia raised the combat readiness of its army near Kosovo.",
                 "Egypt reinforced its military presence in Sinai."):
        found = pipeline_events(text)
        assert found and found[0][1] == "MOBILIZE", f"more patrols, presence or readiness: {text!r} -> {found}"


def test_a_resignation_under_protest_concedes():
    found = pipeline_events("Sri Lanka's president resigned amid mass protests.")
    assert found and found[0][1] == "CONCEDE", f"resigning under protest accedes to a demand (0831 CONCEDE): {found}"
    found = pipeline_events("Joseph Kabila resigned to allow free elections to take place.")
    assert found and found[0][1] == "RETREAT", f"a resignation with no protest or pressure stays RETREAT: {found}"


def test_a_permission_that_is_an_acts_purpose_is_no_event_of_its_own():
    for text in ("Niger's junta resigned on Monday to allow elections to take place in March.",
                 "Washington lifted the ban on Cuban imports to allow Havana to sell nickel abroad."):
        found = pipeline_events(text)
        assert found and not any(e[1] == "CONCEDE" and e[2] in ("Cuba", None) and "allow" in text for e in found[1:]), \
            f"'to allow' is what the act lets happen, not a concession of its own: {text!r} -> {found}"
        assert len(found) == 1, f"one event, the act itself: {text!r} -> {found}"


def test_the_object_of_a_permission_is_read_by_the_patterns():
    found = pipeline_events("Houthi fighters allowed a food convoy to enter Taiz on Sunday.")
    assert found and found[0][1] == "RETREAT", f"'allow * convoy' lets aid through (0863 RETREAT): {found}"


def test_a_verdict_of_guilt_is_an_accusation():
    for text in ("Kenya's High Court found the former minister Amos Wako guilty of fraud.",
                 "A Belgian court found the Rwandan businessman Felix Kamanzi guilty of war crimes."):
        found = pipeline_events(text)
        assert found and all(e[1] == "ACCUSE" for e in found), f"found guilty is CAMEO 116 (ACCUSE): {text!r} -> {found}"


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan sent 500 tonnes of rice to North Korea.", ("Japan", "AID", "North Korea")),
    ("Turkey sent rescue teams to Morocco after the earthquake.", ("Turkey", "AID", "Morocco")),
    ("Russia supplied fighter jets to Iran.", ("Russia", "AID", "Iran")),
    ("India extended a credit line of $500 million to Sri Lanka.", ("India", "AID", "Sri Lanka")),
    ("Canada trained Ukrainian soldiers in Britain.", ("Canada", "AID", "Ukraine")),
    ("The United States sold F-16 jets to Turkey.", ("United States", "COOPERATE", "Turkey")),
])
def test_aid_by_its_cameo_description(text: str, expected: tuple) -> None:
    found = pipeline_events(text)
    assert expected in found, f"{text}: {found}"


def test_policies_withdrawn_are_concessions() -> None:
    found = pipeline_events("Hungary withdrew the bill after protests.")
    assert any(e[:2] == ("Hungary", "CONCEDE") for e in found), found


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia withdrew from the Black Sea grain deal.", ("Russia", "SANCTION")),
    ("The United States pulled out of the nuclear deal with Iran.", ("United States", "SANCTION")),
    ("Niger revoked its military agreements with France.", ("Niger", "SANCTION")),
    ("The United States cancelled military exercises with South Korea.", ("United States", "SANCTION")),
    ("The EU froze payments to Hungary.", ("EU", "SANCTION")),
    ("North Korea held a military parade in Pyongyang.", ("North Korea", "MOBILIZE")),
])
def test_reduced_relations_and_shows_of_force(text: str, expected: tuple) -> None:
    found = pipeline_events(text)
    assert any(e[:2] == expected for e in found), f"{text}: {found}"


def test_an_answer_by_force_said_of_the_future_is_a_threat() -> None:
    found = pipeline_events("Pakistan would respond with full force to any Indian strike, its army spokesman warned.")
    assert ("Pakistan", "THREATEN", "India") in found, found


def test_willingness_signalled_is_an_intent() -> None:
    found = pipeline_events("Brazil and Argentina signalled their willingness to revive the stalled talks.")
    assert ("Brazil", "AGREE", "Argentina") in found, found


def test_a_threat_by_a_named_doer() -> None:
    found = pipeline_events("A threat by Kosovo's premier to ban Serbian-plated cars was condemned by Belgrade.")
    assert ("Kosovo", "THREATEN", "Serbia") in found, found
    assert not any(e[1] == "THREATEN" for e in pipeline_events("Japan takes the North Korean threat seriously."))


def test_how_a_rejection_was_done_happened() -> None:
    found = pipeline_events("Syrian government forces violated the Idlib ceasefire by shelling Maarat al-Numan.")
    assert ("Syria", "ASSAULT", "Maarat al-Numan") in found, f"the shelling is told as done: {found}"


def test_of_types_reads_a_plover_type_list_of_clauses_txt():
    from briefgraph.knowledge.patterns import Coding
    from briefgraph.stages.events.coding import of_types
    ctx = context_of("Police arrested ten traders.")
    assert of_types(ctx, Coding("173", None, "test"), "holding_types"), "an arrest leaves someone held"
    assert of_types(ctx, Coding("190", "ASSAULT", "test"), "holding_types"), "so does an attack"
    assert not of_types(ctx, Coding("042", None, "test"), "holding_types"), "a visit does not"


@pytest.mark.parametrize("text, word, plover", [
    ("Turkey closed the Kapikule crossing to all traffic on Monday.", "closed", "SANCTION"),
    ("Kenya shut the Namanga post to vehicles after the clashes.", "shut", "SANCTION"),
    ("The Chilean police closed two dirt roads into the town to motorists.", "closed", "SANCTION"),
    ("The Nigerian army closed the road to protest the delays.", "closed", "COERCE"),
])
def test_a_place_closed_to_traffic_is_a_closed_passage(text, word, plover):
    assert plover_of(text, word) == plover


def test_a_place_closed_to_traffic_is_aimed_at_the_neighbour_across_it():
    found = pipeline_events("Kenya and Tanzania traded accusations over the border on Monday. "
                            "The next day, Kenya shut Namanga to all traffic.")
    assert ("Kenya", "SANCTION", "Tanzania") in found, f"the state across the passage, not the place: {found}"
