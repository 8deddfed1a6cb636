"""stages/events/referents.py: a reaction to an earlier act is done to whoever did it."""

from __future__ import annotations

from dataclasses import replace

from briefgraph.stages.events import referents, target_choice
from events_fixtures import analysed, coded_events, draft_by, events_of, every_rule_test, find, pipeline_events

RULE_TUPLES = {"REFERENT_FINDERS": referents.REFERENT_FINDERS, "DOER_FINDERS": referents.DOER_FINDERS}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


_draft = draft_by


def test_object_noun():
    ctx, draft = _draft("Ethiopia welcomed the move.", "welcomed")
    assert referents.object_noun(ctx, draft).text == "move"


def test_described_noun():
    ctx, draft = _draft("Qatar expelled the Sudanese ambassador, a decision praised by Egypt.", "praised")
    assert referents.described_noun(ctx, draft).text == "decision"


def test_passive_subject_noun():
    ctx, draft = _draft("The decision was welcomed by Egypt.", "welcomed")
    assert referents.passive_subject_noun(ctx, draft).text == "decision"


def test_a_reaction_to_a_move_targets_the_actor_who_made_it():
    found = events_of(analysed("Egypt reopened its border crossing with Sudan on Monday. Ethiopia welcomed the move."))
    assert find(found, "Ethiopia", "SUPPORT")[3] == "Egypt", found


def test_a_typed_act_noun_skips_acts_of_other_types():
    text = ("Hamas attacked an Israeli patrol near the fence. Qatar called for calm. "
            "Turkey condemned the killings.")
    found = events_of(analysed(text))
    assert find(found, "Turkey", "ACCUSE")[3] == "Hamas", "the killings are Hamas's attack, not Qatar's appeal"


def test_a_crackdown_or_an_incident_is_the_earlier_force():
    found = pipeline_events("Riot police fired tear gas at students in Kampala on Monday. "
                            "Amnesty International condemned the crackdown.")
    assert ("Amnesty International", "ACCUSE", "Riot police") in found, "a crackdown is the police's force"
    found = pipeline_events("Venezuelan troops fired on a Guyanese patrol boat on Friday. "
                            "Brazil condemned the incident.")
    assert ("Brazil", "ACCUSE", "Venezuela") in found, "an incident is any earlier act"


def _antecedent_of_object(text: str, reaction: str, earlier: str, noun_text: str):
    """The earlier draft (of the word `earlier`) the reaction's object noun refers to, or None."""
    ctx, draft = _draft(text, reaction)
    _, before = _draft(text, earlier)
    noun = referents.object_noun(ctx, draft)
    assert noun is not None and noun.text == noun_text, noun
    return referents.antecedent(ctx, draft, noun, [before])


def test_no_earlier_act_of_the_type_leaves_no_target():
    text = "Qatar called for calm. Turkey condemned the killings."
    assert _antecedent_of_object(text, "condemned", "called", "killings") is None, "an appeal is no killing"
    found = events_of(analysed(text))
    assert not any(e[0] == "Turkey" and e[3] == "Qatar" for e in found), found


def test_a_noun_that_names_no_act_is_no_reference():
    text = "Egypt reopened its border crossing with Sudan. Ethiopia condemned the weather."
    assert _antecedent_of_object(text, "condemned", "reopened", "weather") is None, "the weather names no act"


def test_a_demand_to_release_is_aimed_at_the_one_who_took_them():
    text = "Turkish forces seized an Egyptian tanker and its crew on Monday. Cairo demanded the release of the crew."
    found = events_of(analysed(text))
    assert find(found, "Egypt", "REQUEST")[3] == "Turkey", f"the holder, not the held: {found}"


def test_a_demand_with_no_earlier_seizure_keeps_its_target():
    found = events_of(analysed("Turkey called for calm. Cairo demanded the release of the crew."))
    assert find(found, "Egypt", "REQUEST")[3] != "Turkey", "an appeal took nobody: no holder"


def test_a_judged_act_is_aimed_at_the_doer_it_names():
    found = events_of(analysed("Egypt condemned the abduction of two Sudanese traders by Hezbollah."))
    assert find(found, "Egypt", "ACCUSE")[3] == "Hezbollah", \
        f"condemning an act whose doer is named ('by') accuses the doer, not its victims: {found}"
    found = events_of(analysed("Qatar welcomed the release of the Egyptian hostages by Hamas."))
    assert find(found, "Qatar", "SUPPORT")[3] == "Hamas", f"praise of an act goes to its doer: {found}"


def test_complement_subject_noun():
    ctx, draft = _draft("Turkey warned that the seizure would not go unanswered.", "warned")
    assert referents.complement_subject_noun(ctx, draft).text == "seizure"
    ctx, draft = _draft("Turkey welcomed the talks.", "welcomed")
    assert referents.complement_subject_noun(ctx, draft) is None, "praise has no complement clause to look in"


def test_a_threat_about_an_earlier_seizure_targets_its_doer():
    text = ("On May 5, Egypt seized a Turkish cargo ship in the Red Sea. "
            "The next day, Turkey warned that the seizure would not go unanswered.")
    found = events_of(analysed(text))
    assert find(found, "Turkey", "THREATEN")[3] == "Egypt", found


def test_a_rejection_of_a_demand_targets_who_made_it():
    text = ("On May 2, Hamas demanded the release of 40 of its fighters held in Israeli prisons. "
            "Two days later, Israel rejected any prisoner exchange.")
    found = events_of(analysed(text))
    assert find(found, "Israel", "REJECT")[3] == "Hamas", found


def test_doer_named():
    ctx, draft = _draft("Egypt condemned the abduction of two Sudanese traders by Hezbollah.", "condemned")
    doer = referents.doer_named(ctx, draft)
    assert doer is not None and doer.name == "Hezbollah", f"the 'by' phrase names the doer: {doer}"


def test_maker_named():
    ctx, draft = _draft("Ethiopia refused to attend a summit that Egypt proposed for June.", "refused")
    maker = referents.maker_named(ctx, replace(draft, target=None))
    assert maker is not None and maker.name == "Egypt", f"the summit Egypt proposed is Egypt's: {maker}"
    ctx, draft = _draft("Sudan did not attend a meeting Qatar had called for Saturday.", "attend")
    maker = referents.maker_named(ctx, replace(draft, target=None))
    assert maker is not None and maker.name == "Qatar", f"the meeting Qatar called is Qatar's: {maker}"


def test_receiver_of_judgement():
    ctx, draft = _draft("Egypt's signing of the accord with Sudan drew praise from Qatar.", "drew")
    receiver = referents.receiver_of_judgement(ctx, replace(draft, target=None))
    assert receiver is not None and receiver.name == "Egypt", f"the signing is Egypt's: {receiver}"
    ctx, draft = _draft("Israel's arrest of the editor faced criticism from Turkey.", "faced")
    receiver = referents.receiver_of_judgement(ctx, replace(draft, target=None))
    assert receiver is not None and receiver.name == "Israel", f"the arrest is Israel's: {receiver}"
    ctx, draft = _draft("Qatar praised Egypt's signing of the accord.", "praised")
    assert referents.receiver_of_judgement(ctx, replace(draft, target=None)) is None, "no praise received"


def test_doer_of_judged_act():
    events = pipeline_events("Iran's detention of Swedish diplomats was condemned by Norway.")
    assert ("Norway", "ACCUSE", "Iran") in events, f"the detention is Iran's: {events}"
    events = pipeline_events("The detention of the Swedish diplomat was condemned by Norway.")
    assert not [e for e in events if e[:2] == ("Norway", "ACCUSE") and e[2] == "Iran"], "no possessor, no doer"


def test_a_thing_made_by_nobody_named_leaves_no_target():
    ctx, draft = _draft("Ethiopia refused to attend a summit that was proposed in June.", "refused")
    assert referents.maker_named(ctx, draft) is None, "no actor made the summit"


SEIZURE = "Gunmen abducted an Italian engineer in Kidal in May. "


def _demand_target(text: str):
    events = pipeline_events(text)
    demands = [t for s, p, t in events if s == "JNIM" and p == "REQUEST"]
    assert demands, f"no REQUEST by JNIM in {events}"
    return demands[0]


def test_holder_named():
    target = _demand_target(SEIZURE + "JNIM demanded the release of 12 of its fighters held by Mali.")
    assert target == "Mali", f"'held by Mali' names the holder, not the gunmen of the seizure: {target}"


def test_a_demand_is_aimed_at_the_state_whose_prisons_hold_them():
    target = _demand_target("Mali's military government rejected talks. " + SEIZURE
                            + "On September 30, JNIM demanded the release of 12 of its fighters held in Malian prisons.")
    assert target == "Mali", f"prisoners held in Malian prisons are held by Mali: {target}"


def test_a_place_of_holding_is_no_holder():
    target = _demand_target(SEIZURE + "JNIM demanded the release of 12 fighters held in Gao.")
    assert target != "Gao", "held in a town: the town holds no one"


def test_a_reaction_welcomes_an_act_done_before_one_planned():
    text = ("Egypt and Qatar agreed on Monday to host talks between Sudan and Hamas. "
            "Turkey plans to send observers to the talks. Israel welcomed the initiative.")
    found = events_of(analysed(text))
    assert find(found, "Israel", "SUPPORT")[3] in ("Egypt", "Qatar"), \
        f"the initiative is what Egypt and Qatar did, not what Turkey plans: {found}"


def test_a_planned_act_is_welcomed_when_no_act_was_done():
    found = events_of(analysed("Egypt will reopen its border crossing with Sudan next week. Ethiopia welcomed the move."))
    assert find(found, "Ethiopia", "SUPPORT")[3] == "Egypt", found


def test_accused_state():
    """target_choice.accused_state (first of DOER_FINDERS)."""
    events = pipeline_events("Nepal's foreign minister accused India of a breach of the border treaty and demanded "
                             "the return of the seized lorries.")
    assert [e for e in events if e[1] == "REQUEST" and e[2] == "India"], \
        f"a demand told with an accusation of a state is made of that state: {events}"
    assert target_choice.ACCUSATION_ROOT == "11", "the accusation is read by its CAMEO root"


def test_yielded_noun():
    ctx, draft = _draft("Turkey will not yield to the pressure.", "yield")
    assert referents.yielded_noun(ctx, draft).text == "pressure", "a refusal's 'to' object is what it does not yield to"
    ctx, draft = _draft("Turkey sent aid to the flood victims.", "sent")
    assert referents.yielded_noun(ctx, draft) is None, "only a refusal's 'to' object"
    found = pipeline_events("Bolivia warned that it would close the border. Lima would not yield to the pressure.")
    assert ("Peru", "REJECT", "Bolivia") in found, f"pressure not yielded to is the last warner's: {found}"
    ctx, draft = _draft("Turkey refused to give in to the pressure.", "refused")
    assert referents.yielded_noun(ctx, draft).text == "pressure", "the 'to' object of the yielding refused"
    found = pipeline_events("Russia warned Finland over its NATO bid. Helsinki refused to give in to the threats.")
    assert ("Finland", "REJECT", "Russia") in found, f"threats not given in to are the last warner's: {found}"


def test_asker_refused():
    found = pipeline_events("Chile asked Bolivia to reopen the crossing, but La Paz refused.")
    assert ("Bolivia", "REJECT", "Chile") in found, f"a bare refusal answers the last request made of it: {found}"
    found = pipeline_events("Chile asked Peru to reopen the crossing. Bolivia refused on Monday.")
    assert ("Bolivia", "REJECT", "Chile") not in found, f"a request made of another is not refused: {found}"


def test_asked_of():
    found = pipeline_events("Israel asked Egypt's foreign ministry to reopen the Rafah crossing. Cairo refused.")
    assert ("Egypt", "REJECT", "Israel") in found, f"a state refuses what was asked of its bodies: {found}"
    found = pipeline_events("Germany asked the Polish army to join the exercise, but Warsaw refused.")
    assert any(e[1] == "REJECT" and e[2] == "Germany" for e in found), f"and refuses it: {found}"


def test_conceded_to():
    found = coded_events("After weeks of protests by farmers, India repealed the farm laws.")
    assert ("India", "CONCEDE", "0832", "farmers") in found, \
        f"a concession with no target is made to whom the pressure came from (concessions.py): {found}"
    found = coded_events("After protests by students, the police arrested twenty people in Lima.")
    assert not any(f[3] == "students" for f in found), f"only a concession takes its pressers: {found}"


def test_patient_of_act():
    found = pipeline_events("Soldiers in Bamako detained three journalists on Monday. Amnesty International condemned "
                            "the arrests of the journalists.")
    assert ("Amnesty International", "ACCUSE", "Soldiers") in found, \
        f"the blame of an act is aimed at its doer, not at whom it was done to: {found}"
    found = pipeline_events("Police in Colombo fired tear gas at students on Tuesday. The teachers' union condemned "
                            "the attack on the students.")
    assert ("teachers' union", "ACCUSE", "Police") in found, found


def test_patient_of_act_keeps_the_victim_when_no_act_was_told():
    found = pipeline_events("Kenya condemned the attack on Somalia.")
    assert found == [("Kenya", "ACCUSE", "Somalia")], f"no earlier act to refer to: the target stays: {found}"
