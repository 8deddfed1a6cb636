"""stages/events/draft_filters.py: each rule of DRAFT_FILTERS on its own, on a sentence written for
it, through the real structure and parse stages."""

from __future__ import annotations

from briefgraph.stages.events import draft_filters, triggers
from events_fixtures import context_of, drafts_of, every_rule_test, texts, token

RULE_TUPLES = {
    "DRAFT_FILTERS": draft_filters.DRAFT_FILTERS,
}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def _draft(drafts, trigger):
    hits = [d for d in drafts if d.trigger.text == trigger]
    assert hits, f"no draft triggered by {trigger!r}: {[d.trigger.text for d in drafts]}"
    return hits[0]


def test_embedded_in_another():
    ctx = context_of("Egypt demanded that Israel withdraw its troops.")
    drafts = drafts_of(ctx)
    assert draft_filters.embedded_in_another(ctx, _draft(drafts, "withdraw"), drafts), \
        "what Egypt demands did not happen"
    assert draft_filters.embedded_in_another(ctx, _draft(drafts, "demanded"), drafts) is None, "the demand did"
    from events_fixtures import pipeline_events
    events = pipeline_events("Israel's refusal to allow inspectors angered the UN.")
    assert ("Israel", "CONCEDE") not in [e[:2] for e in events], \
        f"what a refusal names did not happen (clauses.txt embedding_nouns): {events}"


def test_told_by_its_means():
    from events_fixtures import pipeline_events
    events = pipeline_events("Syrian government forces violated the Idlib ceasefire by shelling Maarat al-Numan.")
    assert [p for _, p, _ in events] == ["ASSAULT"], \
        f"a violation told through the shelling it was done by is that shelling's description: {events}"
    events = pipeline_events("Turkey violated the ceasefire.")
    assert [p for _, p, _ in events] == ["REJECT"], f"a violation told alone stays: {events}"


def test_in_a_condition():
    ctx = context_of("Turkey threatened to expel Israeli diplomats if Israel attacked Hamas again.")
    drafts = drafts_of(ctx)
    assert draft_filters.in_a_condition(ctx, _draft(drafts, "attacked"), drafts), "an 'if' clause did not happen"
    assert draft_filters.in_a_condition(ctx, _draft(drafts, "threatened"), drafts) is None, "the threat did"


def test_errand_of_who_went():
    ctx = context_of("Egyptian envoys who had gone to Khartoum to condemn Hamas were turned back.")
    drafts = drafts_of(ctx)
    errand = [d for d in drafts if d.trigger.text == "condemn"]
    assert errand and draft_filters.errand_of_who_went(ctx, errand[0], drafts), \
        "the errand of envoys described as going is no fact"
    ctx = context_of("Egypt sent observers to Sudan on Monday to investigate the killings.")
    drafts = drafts_of(ctx)
    assert not any(draft_filters.errand_of_who_went(ctx, d, drafts) for d in drafts), "a purpose of a main verb stays"


def test_ended_by_its_holder():
    ctx = context_of("Egypt ended its strike on Monday.")
    drafts = drafts_of(ctx, triggers.noun_events) + drafts_of(ctx)
    strike = [d for d in drafts if d.trigger.text == "strike"]
    assert strike and draft_filters.ended_by_its_holder(ctx, strike[0], drafts), "what its holder ends is no event"
    ctx = context_of("Egypt did not end its strike.")
    drafts = drafts_of(ctx, triggers.noun_events) + drafts_of(ctx)
    assert not any(draft_filters.ended_by_its_holder(ctx, d, drafts) for d in drafts), "a strike not ended goes on"


def test_told_by_its_verb():
    ctx = context_of("Egypt vowed to continue its protests on Monday.")
    drafts = drafts_of(ctx, triggers.noun_events) + drafts_of(ctx)
    assert draft_filters.told_by_its_verb(ctx, _draft(drafts, "protests"), drafts), \
        "the protests the vow's own PROTEST tells are no second event"
    ctx = context_of("Egypt began its protests on Monday.")
    drafts = drafts_of(ctx, triggers.noun_events) + drafts_of(ctx)
    assert draft_filters.told_by_its_verb(ctx, _draft(drafts, "protests"), drafts) is None, \
        "a verb with no event of its own leaves the noun its event"


def test_holder_on():
    ctx = context_of("Egyptian doctors on strike marched in Cairo.")
    assert texts(triggers.holder_on(ctx, token(ctx, "strike"))) == ["doctors"], "'doctors on strike': the doctors"
    assert triggers.holder_on(ctx, token(ctx, "Cairo")) == [], "not after 'on'"
    ctx = context_of("Bus drivers in Harare have been on strike since Monday.")
    assert texts(triggers.holder_on(ctx, token(ctx, "strike"))) == ["drivers"], "'have been on strike': the subject"


def test_protest_manner():
    ctx = context_of("Egyptian farmers dumped tomatoes on a highway near Cairo on Monday in protest at low prices.")
    assert texts(triggers.protest_manner(ctx, token(ctx, "protest"))) == ["farmers"], \
        "a protest the act was done in is its doer's"
    ctx = context_of("Egyptian farmers blocked roads near Cairo on Monday in a strike against low prices.")
    assert triggers.protest_manner(ctx, token(ctx, "strike")) == [], "a protest verb is the same event"
    ctx = context_of("Algeria recalled its ambassador from France in protest at the French decision.")
    assert triggers.protest_manner(ctx, token(ctx, "protest")) == [], "reduced relations are the protest itself"


def test_in_an_opinion_quote():
    text = "Egypt said that Israel had “attacked Sudan without cause” on Monday."
    ctx = context_of(text, quotes=[("attacked Sudan without cause", "Egypt", "partial")])
    drafts = drafts_of(ctx)
    assert draft_filters.in_an_opinion_quote(ctx, _draft(drafts, "attacked"), drafts), \
        "a characterisation quoted inside reported speech is not coded"
    ctx = context_of(text)
    drafts = drafts_of(ctx)
    assert draft_filters.in_an_opinion_quote(ctx, _draft(drafts, "attacked"), drafts) is None, "no quote, no veto"


def test_any_such_event():
    ctx = context_of("Egypt would answer any Israeli attack with force.")
    drafts = drafts_of(ctx, triggers.noun_events)
    attack = [d for d in drafts if d.trigger.text == "attack"]
    assert attack and draft_filters.any_such_event(ctx, attack[0], drafts), "'any attack' names a kind of event"
    ctx = context_of("Egypt condemned the Israeli attack.")
    drafts = drafts_of(ctx, triggers.noun_events)
    assert drafts and not any(draft_filters.any_such_event(ctx, d, drafts) for d in drafts), "'the attack' happened"


def test_an_experts_guess():
    """An expert's (words.txt expert_roles) guess of what may happen is a view; a fact an expert tells stays, and an
    official's warning stays (clauses.txt opinion_verbs, guess_verbs)."""
    from events_fixtures import pipeline_events
    for text in ("Analysts warned that Russia could attack Ukraine.",
                 "Ayesha Siddiqa, a defence analyst in London, said India may strike Pakistan.",
                 "Analysts expect China to hold drills near Taiwan.",
                 "Experts said Russia would probably retaliate against Ukraine.",
                 "According to analysts, Russia could cut gas supplies to Moldova.",
                 "Iran is likely to retaliate against Israel, experts warned."):
        assert pipeline_events(text) == [], f"an expert's guess is no event: {text!r} -> {pipeline_events(text)}"
    for text, trigger in (("Analysts said Israel struck a Hezbollah depot near Tyre.", "struck"),
                          ("Russian officials hinted that Moscow could cut gas supplies to Moldova.", "cut")):
        ctx = context_of(text)
        drafts = drafts_of(ctx)
        assert draft_filters.an_experts_guess(ctx, _draft(drafts, trigger), drafts) is None, \
            f"a fact told by an expert, or an official's warning, stays: {text!r}"
    events = pipeline_events("According to the researchers, Ethiopian troops killed 40 civilians in Amhara.")
    assert [p for _, p, _ in events] == ["ASSAULT"], f"a fact told on experts' word stays: {events}"
