"""Issue 11, round 17 (r17-ev): whom a purpose clause aims a protest or a mobilization at, and
force that is a mobilization's aim; on sentences written for each, through the whole pipeline."""

from __future__ import annotations

from events_fixtures import pipeline_events


def events(text: str) -> list[tuple]:
    return pipeline_events(text, cameo=False)


def test_a_protests_purpose_names_whom_it_is_against_before_the_site():
    found = events("Farmers in Ghana blocked a road near Tamale to protest cheap imports by Nigerian firms.")
    assert any(e[1] == "PROTEST" and e[2] == "Nigeria" for e in found), \
        f"the purpose's target, not the road's town: {found}"


def test_a_mobilizations_purpose_names_whom_the_forces_are_raised_against():
    found = events("Niger called up 20,000 reservists to fight bandits in the west.")
    assert ("Niger", "MOBILIZE", "bandits") in found, f"aimed at whom they fight, not the reservists: {found}"
    assert not any(e[1] == "ASSAULT" for e in found), f"the fight is the call-up's aim, no attack told: {found}"


def test_a_fight_that_is_no_mobilizations_purpose_stays_an_event():
    found = events("Nigerian soldiers crossed the river to attack the bandits.")
    assert not any(e[1] == "MOBILIZE" for e in found), f"crossing is no mobilization: {found}"


def test_a_mobilization_is_aimed_at_the_doer_of_the_act_it_answers():
    found = events("Greece put its navy on alert as Turkish warships sailed toward Crete.")
    assert ("Greece", "MOBILIZE", "Turkey") in found, f"the alert answers Turkey's warships: {found}"


def test_a_protests_purpose_aims_it_only_at_an_actor_with_a_name():
    found = events("Angry traders blocked a road in Kano to protest harassment by customs officers.")
    assert any(e[1] == "PROTEST" and e[2] == "Kano" for e in found), \
        f"a protest is aimed at what the text names as an actor (annotation rule 8), not a description: {found}"


def test_an_order_to_stand_trial_is_done_to_the_one_ordered():
    found = pipeline_events("A Kazakh court ordered the journalist Daniyar Seitkali to stand trial on Monday.", cameo=False)
    assert ("Kazakhstan", "COERCE", "Daniyar Seitkali") in found, f"the court's order is aimed at the blogger: {found}"


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
    found = events("Ghana and Togo held talks in Accra on Thursday.")
    assert found == [("Ghana", "CONSULT", "Togo")], f"one act, the first-named's with the second: {found}"


def test_each_sides_part_of_a_symmetric_act_is_told_in_a_story():
    found = events("Ghana and Togo held talks in Accra on Thursday. The talks covered the border. "
                   "Officials said a second round would follow in Lome next month.")
    assert ("Ghana", "CONSULT", "Togo") in found and ("Togo", "CONSULT", "Ghana") in found, \
        f"in a story each side's part is coded (as the documents' gold does): {found}"
