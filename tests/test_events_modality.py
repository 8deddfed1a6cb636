"""stages/events/modality.py NOT_FACTS: acts the clause says did not happen (denied, not
allowed) are no events."""

from __future__ import annotations

from briefgraph.stages.events import modality
from events_fixtures import (
    analysed,
    context_of,
    draft_by,
    events_of,
    every_rule_test,
    extra_actors,
    pipeline_events,
    token,
)

RULE_TUPLES = {"NOT_FACTS": modality.NOT_FACTS}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def test_denied():
    ctx, draft = draft_by("Egypt denied that Egyptian troops had attacked Sudan.", "attacked")
    assert modality.denied(ctx, draft), "what Egypt denies is no attack"
    ctx, draft = draft_by("Egypt said that Egyptian troops had attacked Sudan.", "attacked")
    assert modality.denied(ctx, draft) is None, "what Egypt says it did is reported, not denied"
    ctx, draft = draft_by("Egypt accused Sudan of attacking Israel, a claim Sudan denied.", "accused")
    assert modality.denied(ctx, draft) is None, "the accusation is told as done; Sudan denies what it says"


def test_withheld():
    ctx, draft = draft_by("Egypt has not allowed Israeli officials to visit Sudan.", "visit")
    assert modality.withheld(ctx, draft), "a withheld permission: the visit did not happen"
    ctx, draft = draft_by("Egypt allowed Israeli officials to visit Sudan.", "visit")
    assert modality.withheld(ctx, draft) is None, "a permission given: the visit is told as done"


def test_a_denied_act_is_no_event():
    found = events_of(analysed("Egypt denied attacking Sudan."))
    assert not [e for e in found if e[1] == "ASSAULT"], found


def test_describes_its_patient():
    with extra_actors(Gunmen=("GROUP", [])):
        ctx, draft = draft_by("Gunmen linked to Hamas attacked Israel.", "linked")
    assert modality.describes_its_patient(ctx, draft), "'gunmen linked to Hamas': what the gunmen are, no act"
    ctx, draft = draft_by("Egypt has linked Hamas to the attack on Israel.", "linked")
    assert modality.describes_its_patient(ctx, draft) is None, "a finite verb with its auxiliary is an act"



def test_standing_relation():
    ctx, draft = draft_by("Turkey, which backs Azerbaijan, sent observers to the talks.", "backs")
    assert modality.standing_relation(ctx, draft), "'Turkey, which backs Azerbaijan': what Turkey is to it, no act"
    ctx, draft = draft_by("Egypt, which mediated the talks last year, hosted the delegations of Israel.", "mediated")
    assert modality.standing_relation(ctx, draft) is None, "a relative clause in the past tells an act"
    ctx, draft = draft_by("Turkey backs Azerbaijan.", "backs")
    assert modality.standing_relation(ctx, draft) is None, "a main clause is not a description of its noun"


def test_a_standing_relation_is_no_event_but_the_sentences_act_is():
    found = events_of(analysed("Hezbollah, which Iran arms, fired rockets at Israel on Monday."))
    assert not [e for e in found if e[1] == "AID"], f"'which Iran arms' is no AID event: {found}"
    assert [e for e in found if e[1] == "ASSAULT"], f"the rockets fired are an event: {found}"


HABIT_CASES = (  # (sentence, trigger, a habit?, why)
    ("Egypt routinely criticises Israel.", "criticises", True, "'routinely criticises': a habit, no act at a time"),
    ("Egypt has long accused Israel of stalling.", "accused", True, "'has long accused': a state of affairs"),
    ("Egypt accused Israel of stalling on Monday.", "accused", False, "an act told at a time"),
    ("Egypt has accused Israel of stalling for long enough.", "accused", False, "'long' that is no adverb of the verb"),
)


def test_habitual():
    for text, word, habit, why in HABIT_CASES:
        ctx, draft = draft_by(text, word)
        assert bool(modality.habitual(ctx, draft)) is habit, why


def test_a_habit_is_no_event():
    found = events_of(analysed("Egypt often accuses Israel of stalling the talks."))
    assert not [e for e in found if e[1] == "ACCUSE"], found


def test_a_habit_told_by_a_light_verbs_noun_is_no_event():
    found = events_of(analysed("Hamas regularly carries out attacks on Israel."))
    assert not [e for e in found if e[1] == "ASSAULT"], f"an adverb of habit on the light verb: a habit: {found}"
    found = events_of(analysed("Hamas carried out an attack on Israel on Tuesday."))
    assert [e for e in found if e[1] == "ASSAULT"], f"the light verb's noun told at a time is an act: {found}"


def test_dateline_source():
    from dataclasses import replace

    ctx, draft = draft_by("Cairo, 14 May 2024 – The Hamas delegation attacked Israel on Monday.", "attacked")
    assert modality.dateline_source(ctx, draft) is None, "Hamas is named outside the dateline: it acts"
    egypt = next(a for a in ctx.actors if a.name == "Egypt")
    assert modality.dateline_source(ctx, replace(draft, source=egypt)), \
        "Egypt is named in this sentence only by the dateline's Cairo: it filed the story, it did not act"


def test_prepared_to_is_a_stated_intent():
    ctx = context_of("Egypt would be prepared to release the sailors if Sudan pays.")
    assert modality.states_an_intent(ctx, token(ctx, "release")), \
        "'would be prepared to release': an offer, though 'prepare' schedules other acts"
    ctx = context_of("Egypt is preparing to host the talks.")
    assert not modality.states_an_intent(ctx, token(ctx, "host")), "'is preparing to host': the hosting, planned"


def test_a_speakers_own_future_in_a_quote_is_a_stated_intent():
    text = "Shoukry spoke in Cairo on Monday. “We will give shelter to civilians from Sudan,” Shoukry said."
    start = text.index("We will")
    ctx = context_of(text, quotes=[(text[start:text.index(",”")], "Sameh Shoukry", "direct")])
    give = next(t for t in ctx.nlp if t.text == "give")
    assert modality.speaks_for_itself(ctx, give), "what 'we' will do, in the speaker's own quote"
    assert modality.states_an_intent(ctx, give), "a stated intent (CAMEO 03x)"


def test_a_scheduled_meeting_keeps_its_type():
    from events_fixtures import pipeline_events
    events = pipeline_events("Germany's chancellor is not planning to meet the Chinese premier, a spokesperson said.",
                             cameo=True)
    assert ("Germany", "CONSULT", "040", "China") in events, \
        f"a plan verb that only schedules the act (schedule_verbs) is no stated intent (036 AGREE): {events}"
    events = pipeline_events("Japan agreed to meet South Korea next week.", cameo=True)
    assert [p for _, p, _, _ in events] == ["AGREE"], f"agreeing to meet stays an intent: {events}"


def test_a_counterfactual_past_is_hypothetical_and_no_threat():
    from events_fixtures import pipeline_events
    text = "Demonstrators in Tbilisi would have stormed parliament had police not formed a cordon, witnesses said."
    events = pipeline_events(text, cameo=True)
    assert [p for _, p, _, _ in events] == ["PROTEST"], \
        f"'would have stormed' is a counterfactual past (hypothetical), not a threat (138): {events}"


def test_agreed_jointly():
    ctx = context_of("Ghana and Togo agreed on Monday to carry out joint patrols along their border.")
    assert modality.agreed_jointly(ctx, token(ctx, "carry")), "a joint activity the sides agreed to do"
    ctx = context_of("Ghana and Togo agreed on Monday to reopen their border.")
    assert not modality.agreed_jointly(ctx, token(ctx, "reopen")), "nothing done jointly: the agreement's content"
    ctx = context_of("Ghana promised Togo that Accra would expand joint patrols.")
    assert not modality.agreed_jointly(ctx, token(ctx, "expand")), "a promise's clause, no joint decision"
    events = pipeline_events("Ghanaian and Togolese defence ministers agreed in Lome on Monday to carry out joint "
                             "patrols along their border.")
    assert ("Ghana", "COOPERATE", "Togo") in events and ("Ghana", "AGREE", "Togo") in events, \
        f"the agreement and the planned joint patrols: {events}"
