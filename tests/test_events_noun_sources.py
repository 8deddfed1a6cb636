"""stages/events/noun_sources.py: each rule of NOUN_SOURCE_RULES on its own, on a sentence
written for it, through the real structure and parse stages."""

from __future__ import annotations

from briefgraph.stages.events import noun_sources
from events_fixtures import context_of, every_rule_test, pipeline_events, texts, token

RULE_TUPLES = {
    "NOUN_SOURCE_RULES": noun_sources.NOUN_SOURCE_RULES,
}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def _noun_sources(rule, text, noun, child):
    ctx = context_of(text)
    return texts(rule(ctx, token(ctx, noun), token(ctx, child)))


def test_possessor():
    assert _noun_sources(noun_sources.possessor, "Israel's strikes on Hezbollah continued.", "strikes", "Israel") == \
        ["Israel"], "'Israel's strikes': the possessor strikes"
    assert _noun_sources(noun_sources.possessor, "Kenya demanded the journalists' release.", "release",
                         "journalists") == [], "'the journalists' release': the possessor is released"
    assert _noun_sources(noun_sources.possessor, "Chad's release of two pilots ended the row.", "release",
                         "Chad") == ["Chad"], "'Chad's release of two pilots': the possessor releases"


def test_actor_modifier():
    assert _noun_sources(noun_sources.actor_modifier, "The Israeli strikes on Hezbollah continued.", "strikes",
                         "Israeli") == ["Israeli"], "'the Israeli strikes': the modifier names the actor"
    assert _noun_sources(noun_sources.actor_modifier, "The heavy strikes on Hezbollah continued.", "strikes",
                         "heavy") == [], "a modifier that names no actor is no source"


def test_by_phrase():
    assert _noun_sources(noun_sources.by_phrase, "The strikes by Israel on Hezbollah continued.", "strikes", "by") == \
        ["Israel"], "'strikes by Israel'"
    assert _noun_sources(noun_sources.by_phrase, "The strikes of Israel on Hezbollah continued.", "strikes", "of") == \
        [], "'of' is the agent only after visit, trip, tour"



def test_moving_forces():
    events = pipeline_events("The pullout of American forces from Syria began on Monday.")
    assert [e for e in events if e[:2] == ("United States", "RETREAT")], f"the forces withdraw: {events}"
    events = pipeline_events("Students in Aceh demanded the pullout of troops on Monday.")
    assert not [e for e in events if e[1] == "RETREAT"], f"bare troops name no mover: {events}"
