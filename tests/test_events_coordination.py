"""stages/events/drafts.py and nationals.coordinated_nationals: a phrase whose nationality
words are coordinated ("Indonesian and Malaysian navies") stands for each of those states in
a symmetric act, told once, first-named to second (corpus/sentences/README.md choice 6); and
nominal acts on people ("the abduction of X by Y": triggers.agent_on_patient, clauses.txt
noun_of_patient), and attacks claimed by their doer (attributions.py)."""

from __future__ import annotations

from events_fixtures import pipeline_events


def test_coordinated_nationalities_act_together_once():
    events = pipeline_events("Chilean and Argentine coast guards held joint drills off Valparaiso on Monday, "
                     "Chile and Argentina said.")
    drills = [e for e in events if {e[0], e[2]} == {"Chile", "Argentina"}]
    assert drills == [("Chile", "COOPERATE", "Argentina")], \
        f"one joint act of the first-named state with the second, not the place or a mirror: {events}"


def test_a_single_nationality_keeps_its_phrase_actor():
    events = pipeline_events("Chile and Argentina said that Chilean coast guards held joint drills with the navy.")
    assert not any(e[0] == "Argentina" and e[2] == "Chile" and e[1] == "COOPERATE" for e in events[1:]), events


def test_a_nominal_act_on_people_has_its_doer_and_its_patient():
    events = pipeline_events("The abduction of 20 pupils by gunmen in Kaduna shocked the country.")
    assert ("gunmen", "ASSAULT", "20 pupils") in events, \
        f"'the abduction of X by Y' (the parser hangs 'by' on X): Y abducts X; got {events}"
    events = pipeline_events("Russia's expulsion of two Estonian diplomats angered Tallinn.")
    # envoys expelled reduce ties (CAMEO 166, SANCTION; sentences README rule 1)
    assert ("Russia", "SANCTION", "Estonia") in events, f"'R's expulsion of E's diplomats': R expels E's; got {events}"


def test_claiming_an_attack_is_the_attack():
    events = pipeline_events("Islamic State claimed responsibility for the bombing of a mosque in Peshawar.")
    assert [e for e in events if e[0] == "Islamic State"] and all(e[1] == "ASSAULT" for e in events), \
        f"who claims a bombing did it (ASSAULT), and accuses nobody: {events}"


def test_coordinated_parties_of_a_clash_fight_once():
    events = pipeline_events("Soldiers and rebel fighters clashed near Kidal on Monday, leaving five dead.")
    fights = [e for e in events if e[1] == "ASSAULT"]
    assert fights == [("Soldiers", "ASSAULT", "rebel fighters")], \
        f"one reciprocal clash, first-named party to the second: {events}"
    events = pipeline_events("Clashes between herders and farmers in Jos left 15 people dead on Monday.")
    assert [e for e in events if e[1] == "ASSAULT"] == [("herders", "ASSAULT", "farmers")], events


def test_coordinated_parties_of_a_symmetric_act_target_each_other_not_their_own_forces():
    found = pipeline_events("The Egyptian and Sudanese sides agreed to pull back troops from the border.")
    agreements = [e for e in found if e[1] == "AGREE"]
    assert agreements and all(e[2] in ("Egypt", "Sudan") for e in agreements), \
        f"the parties agree with each other, not with the troops they pull back: {found}"


def test_parties_that_sign_exchange_or_trade_do_it_with_each_other():
    found = pipeline_events("Egypt and Qatar signed a trade agreement in Doha.")
    assert ("Egypt", "SUPPORT", "Qatar") in found, f"signing an accord is done with each other: {found}"
    found = pipeline_events("Egypt and Sudan traded accusations over the dam.")
    assert ("Egypt", "ACCUSE", "Sudan") in found, f"traded accusations: each accuses the other: {found}"


def test_the_north_in_the_possessive_is_the_north_named_before():
    found = pipeline_events("North Korea fired a missile on Monday. Japan condemned the North's launch.")
    assert ("Japan", "ACCUSE", "North Korea") in found, f"'the North's launch': North Korea's: {found}"


def test_an_act_done_separately_to_coordinated_targets_is_one_event_each():
    found = pipeline_events("Egypt met separately with Qatar and Israel on Monday.")
    assert ("Egypt", "CONSULT", "Qatar") in found and ("Egypt", "CONSULT", "Israel") in found, \
        f"'separately': one meeting with each: {found}"
    found = pipeline_events("Egypt met with Qatar and Israel on Monday.")
    assert len([e for e in found if e[1] == "CONSULT"]) == 1, f"one meeting with both: {found}"


def test_a_source_under_any_is_nobody_in_particular():
    found = pipeline_events("The Sudanese junta is not recognised by any Arab state, Egypt said.")
    assert not any(e[1] == "SUPPORT" for e in found), f"'by any state': no one in particular acts: {found}"


def test_without_mirrors():
    from briefgraph.stages.events.drafts import without_mirrors
    from briefgraph.stages.events.triggers import sentence_events
    from events_fixtures import context_of

    ctx = context_of("Egypt and Sudan held talks in Cairo.")
    drafts = [d for sent in ctx.nlp.sents for d in sentence_events(ctx, sent)]
    assert len(drafts) == 2, f"both sides are drafted, so that the rules see a two-sided act: {drafts}"
    kept = without_mirrors(ctx, drafts)
    assert [(d.source.name, d.target.name) for d in kept] == [("Egypt", "Sudan")], \
        f"the second-named's copy is dropped in a lone sentence: {kept}"


def test_a_symmetric_act_of_coordinated_parties_is_told_once_in_a_lone_sentence():
    found = pipeline_events("Ghana and Togo held talks in Accra on Thursday.")
    assert found == [("Ghana", "CONSULT", "Togo")], f"one act, the first-named's with the second: {found}"


def test_each_sides_part_of_a_symmetric_act_is_told_in_a_story():
    found = pipeline_events("Ghana and Togo held talks in Accra on Thursday. The talks covered the border. "
                   "Officials said a second round would follow in Lome next month.")
    assert ("Ghana", "CONSULT", "Togo") in found and ("Togo", "CONSULT", "Ghana") in found, \
        f"in a story each side's part is coded (as the documents' gold does): {found}"


def test_one_act_of_coordinated_doers_in_a_lone_sentence() -> None:
    found = pipeline_events("Greek and Cypriot ministers jointly appealed to the EU to suspend arms sales to Turkey.")
    assert [e[:2] for e in found if e[1] == "REQUEST"] == [("Greece", "REQUEST")], \
        f"one appeal, the first-named's (sentences README rule 6): {found}"
    found = pipeline_events("Trade ministers from Mexico, Canada and the United States gathered in Monterrey.")
    assert [e for e in found if e[1] == "CONSULT"] == [("Mexico", "CONSULT", "Canada")], found


def test_one_act_of_coordinated_doers_on_a_third_party_in_a_story() -> None:
    found = pipeline_events("The foreign ministers of Egypt and Sudan met Qatar's emir in Doha on Monday. "
                            "The talks covered the dam on the Blue Nile. A second round is due next month.")
    consults = [e for e in found if e[1] == "CONSULT" and e[2] == "Qatar"]
    assert len(consults) == 1, f"one meeting of coordinated doers with a third party, even in a story: {found}"


def test_two_word_demonyms_are_coordinated_nationals():
    events = pipeline_events("South Korean and American troops began a joint exercise near Pocheon.")
    assert events == [("South Korea", "COOPERATE", "United States")], \
        f"'South Korean' is one demonym: the first-named state's exercise with the second, not the town: {events}"


def test_coordinated_nationals_read_a_noun_modifier():
    events = pipeline_events("The Azerbaijani and Armenian officials met in Prague on Thursday.")
    assert ("Azerbaijan", "CONSULT", "Armenia") in events, \
        f"'Azerbaijani' parsed as a noun modifier is still a coordinated nationality: {events}"
