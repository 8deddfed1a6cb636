"""Issue 11, round 13: refusals and threats told through modal verbs, on sentences
written for them, through the real parse (actors of events_fixtures.ACTOR_TYPES)."""

from __future__ import annotations

from events_fixtures import analysed, events_of, find, pipeline_events


def test_a_negated_future_of_a_release_is_a_refusal():
    found = events_of(analysed("Egypt will not release the detained Sudan nationals until talks resume, Cairo said."))
    event = find(found, "Egypt", "REJECT")
    assert event[2] == "12" and not event[4], f"a refusal (12), not a negated release: {found}"
    found = events_of(analysed("Egypt did not release the detained Sudan nationals."))
    assert not any(e[1] == "REJECT" for e in found), f"a past negation stays a negated release: {found}"


def test_a_negated_future_of_an_agreement_or_support_is_a_refusal():
    for text in ("Egypt will not accept the deal offered by Ethiopia.",
                 "Egypt said it would not recognise the vote in Sudan.",
                 "Egypt will not sign the accord with Ethiopia, Cairo said."):
        found = events_of(analysed(text))
        event = find(found, "Egypt", "REJECT")
        assert event[2] == "12" and not event[4], f"{text!r}: a refusal (12), not a negated AGREE/SUPPORT: {found}"
    found = events_of(analysed("Egypt did not accept the deal offered by Ethiopia."))
    assert not any(e[1] == "REJECT" for e in found), f"a past negation stays a negated agreement: {found}"


def test_a_hostile_act_a_speaker_says_its_side_could_do_is_a_threat():
    found = events_of(analysed("Egyptian officials hinted that Cairo could cut gas deliveries to Israel."))
    event = find(found, "Egypt", "THREATEN")
    assert event[3] == "Israel", f"the threat is aimed at Israel: {found}"
    found = events_of(analysed("Egypt could cut gas deliveries to Israel, analysts said."))
    assert not any(e[1] == "THREATEN" for e in found), f"an analyst's guess is no threat: {found}"
    found = events_of(analysed("Egypt announced it would cut gas deliveries to Israel."))
    assert not any(e[1] == "THREATEN" for e in found), f"an announced act stays the act: {found}"
    found = events_of(analysed("Egypt would cut gas deliveries to Israel if the war went on, an official warned."))
    assert find(found, "Egypt", "THREATEN")[3] == "Israel", f"a warned 'would' is a threat: {found}"


def test_a_show_of_force_a_speaker_says_its_side_could_hold_is_a_threat():
    found = events_of(analysed("An Egyptian spokesman said Cairo could hold military drills near the border if "
                               "Ethiopia fills the dam."))
    event = find(found, "Egypt", "THREATEN")
    assert event[2] == "13" and event[3] == "Ethiopia", f"drills that could be held are a threat (138): {found}"
    found = events_of(analysed("Turkey would put its forces on alert if Israel attacked Qatar, an official warned."))
    assert find(found, "Turkey", "THREATEN")[2] == "13", f"an alert a speaker warns of is a threat: {found}"
    found = events_of(analysed("Egypt held military drills near the border with Sudan."))
    assert not any(e[1] == "THREATEN" for e in found), f"drills held are a show of force: {found}"


def test_improving_and_reducing_relations_are_coded():
    found = events_of(analysed("Egypt upgraded ties with Qatar."))
    assert find(found, "Egypt", "SUPPORT")[3] == "Qatar", f"upgrading ties is diplomatic cooperation (050): {found}"
    found = events_of(analysed("Egypt downgraded relations with Qatar."))
    assert find(found, "Egypt", "SANCTION")[3] == "Qatar", f"downgrading ties reduces relations (161): {found}"


def test_a_phone_call_held_with_someone_is_a_consultation():
    found = events_of(analysed("Egypt held a phone call with Qatar on Monday."))
    assert find(found, "Egypt", "CONSULT")[3] == "Qatar", f"a phone call is a consultation (041): {found}"


def test_a_threat_reported_by_a_trailing_speaker_the_parser_hung_on_it():
    found = pipeline_events("Japan could suspend fishing licences for Russian trawlers if the talks collapse, a "
                            "fisheries official said.")
    assert any(e[1] == "THREATEN" and e[2] == "Russia" for e in found), \
        f"a hostile act a speaker says its doer could do is a threat, however the report verb is hung: {found}"
