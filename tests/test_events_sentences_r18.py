"""Round 18 (r18-ev): aid, concessions, shows of force and reduced relations by their CAMEO
descriptions; one act of coordinated doers in a lone sentence; an act done in protest or
retaliation aimed at the doer it answers; relative objects; how a rejection was done.
Sentences written for each, through the whole pipeline."""

from __future__ import annotations

import pytest

from events_fixtures import pipeline_events


def events(text: str) -> list[tuple]:
    return pipeline_events(text, cameo=False)


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan sent 500 tonnes of rice to North Korea.", ("Japan", "AID", "North Korea")),
    ("Turkey sent rescue teams to Morocco after the earthquake.", ("Turkey", "AID", "Morocco")),
    ("Russia supplied fighter jets to Iran.", ("Russia", "AID", "Iran")),
    ("India extended a credit line of $500 million to Sri Lanka.", ("India", "AID", "Sri Lanka")),
    ("Canada trained Ukrainian soldiers in Britain.", ("Canada", "AID", "Ukraine")),
    ("The United States sold F-16 jets to Turkey.", ("United States", "COOPERATE", "Turkey")),
])
def test_aid_by_its_cameo_description(text: str, expected: tuple) -> None:
    found = events(text)
    assert expected in found, f"{text}: {found}"


def test_policies_withdrawn_are_concessions() -> None:
    found = events("Hungary withdrew the bill after protests.")
    assert any(e[:2] == ("Hungary", "CONCEDE") for e in found), found


def test_people_sent_to_help_are_no_target() -> None:
    found = events("Brazil will send 30 firefighters to help Bolivia battle forest fires.")
    assert not any(e[2] == "30 firefighters" for e in found), f"the people sent are not the aided: {found}"


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia withdrew from the Black Sea grain deal.", ("Russia", "SANCTION")),
    ("The United States pulled out of the nuclear deal with Iran.", ("United States", "SANCTION")),
    ("Niger revoked its military agreements with France.", ("Niger", "SANCTION")),
    ("The United States cancelled military exercises with South Korea.", ("United States", "SANCTION")),
    ("The EU froze payments to Hungary.", ("EU", "SANCTION")),
    ("North Korea held a military parade in Pyongyang.", ("North Korea", "MOBILIZE")),
])
def test_reduced_relations_and_shows_of_force(text: str, expected: tuple) -> None:
    found = events(text)
    assert any(e[:2] == expected for e in found), f"{text}: {found}"


def test_one_act_of_coordinated_doers_in_a_lone_sentence() -> None:
    found = events("Greek and Cypriot ministers jointly appealed to the EU to suspend arms sales to Turkey.")
    assert [e[:2] for e in found if e[1] == "REQUEST"] == [("Greece", "REQUEST")], \
        f"one appeal, the first-named's (sentences README rule 6): {found}"
    found = events("Trade ministers from Mexico, Canada and the United States gathered in Monterrey.")
    assert [e for e in found if e[1] == "CONSULT"] == [("Mexico", "CONSULT", "Canada")], found


def test_an_act_in_protest_is_aimed_at_the_doer_it_answers() -> None:
    found = events("Talks on the Grand Ethiopian Renaissance Dam were suspended by Sudan in protest at "
                   "Addis Ababa's unilateral filling.")
    assert found == [("Sudan", "SANCTION", "Addis Ababa")], f"no protest of its own; aimed at Addis Ababa: {found}"
    found = events("Russia expelled two diplomats in retaliation for Britain's expulsion of Russian envoys.")
    assert ("Russia", "SANCTION", "United Kingdom") in found, found


def test_a_protest_the_act_was_done_in_stays_its_doers() -> None:
    found = events("Farmers dumped tomatoes on the highway in protest at low prices.")
    assert any(e[1] == "PROTEST" for e in found), found


def test_a_relative_object_is_the_verbs_object() -> None:
    found = events("The agreement, which Bangladesh and Myanmar signed in Naypyitaw, sets out a timetable.")
    assert ("Bangladesh", "SUPPORT", "Myanmar") in found, found


def test_an_answer_by_force_said_of_the_future_is_a_threat() -> None:
    found = events("Pakistan would respond with full force to any Indian strike, its army spokesman warned.")
    assert ("Pakistan", "THREATEN", "India") in found, found


def test_willingness_signalled_is_an_intent() -> None:
    found = events("Brazil and Argentina signalled their willingness to revive the stalled talks.")
    assert ("Brazil", "AGREE", "Argentina") in found, found


def test_a_threat_by_a_named_doer() -> None:
    found = events("A threat by Kosovo's premier to ban Serbian-plated cars was condemned by Belgrade.")
    assert ("Kosovo", "THREATEN", "Serbia") in found, found
    assert not any(e[1] == "THREATEN" for e in events("Japan takes the North Korean threat seriously."))


def test_how_a_rejection_was_done_happened() -> None:
    found = events("Syrian government forces violated the Idlib ceasefire by shelling Maarat al-Numan.")
    assert ("Syria", "ASSAULT", "Maarat al-Numan") in found, f"the shelling is told as done: {found}"
