"""stages/events/noun_targets.py: each rule of NOUN_TARGET_RULES on its own, on a sentence written
for it, through the real structure and parse stages."""

from __future__ import annotations

from briefgraph.stages.events import noun_targets
from briefgraph.stages.events.noun_targets import NounUse
from events_fixtures import context_of, every_rule_test, texts, token

RULE_TUPLES = {
    "NOUN_TARGET_RULES": noun_targets.NOUN_TARGET_RULES,
}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def _noun_targets(rule, text, noun, governor=None, place=False):
    ctx = context_of(text)
    use = NounUse(token(ctx, noun), token(ctx, governor) if governor else None, place)
    return texts(rule(ctx, use))


def test_noun_recipient():
    assert _noun_targets(noun_targets.noun_recipient, "Kenya's handover of three suspects to Somalia was welcomed.",
                         "handover") == ["Somalia"], "'handover of three suspects to Somalia': who receives them"
    assert _noun_targets(noun_targets.noun_recipient, "The extradition of two bankers to Spain was delayed.",
                         "extradition") == ["Spain"], "'extradition ... to Spain'"
    assert _noun_targets(noun_targets.noun_recipient, "Peru's talks with Chile went on.", "talks") == [], \
        "no transfer noun, no recipient"


def test_noun_prep_objects():
    assert _noun_targets(noun_targets.noun_prep_objects, "Israel's strikes on Hezbollah continued.", "strikes") == \
        ["Hezbollah"], "'strikes on Hezbollah'"
    assert _noun_targets(noun_targets.noun_prep_objects, "Ghana announced the fishermen's release.", "release") == \
        ["fishermen"], "'the fishermen's release': whom the release frees"


def test_described_by_verbs():
    assert _noun_targets(noun_targets.described_by_verbs, "The strikes targeting Hezbollah continued.", "strikes") == \
        ["Hezbollah"], "'strikes targeting Hezbollah'"


def test_light_verb_objects():
    assert _noun_targets(noun_targets.light_verb_objects, "Egypt held talks unless Hamas frees the hostages.", "talks",
                         governor="held") == ["Hamas"], "the light verb's condition names the target"
    assert _noun_targets(noun_targets.light_verb_objects, "Egypt held talks unless Hamas frees the hostages.",
                         "talks") == [], "no light verb, nothing"


def test_what_it_hit():
    assert _noun_targets(noun_targets.what_it_hit, "The strikes hit Hezbollah.", "strikes") == ["Hezbollah"], \
        "'the strikes hit X': X is the target"


def test_later_in_phrase():
    assert _noun_targets(noun_targets.later_in_phrase, "Israel's strikes on Hezbollah positions continued.",
                         "strikes") == ["LATE", "Hezbollah", "positions"], "guesses: names after the noun"


def test_light_verb_late():
    found = _noun_targets(noun_targets.light_verb_late, "Egypt held talks with Hamas.", "talks", governor="held")
    assert found[:1] == ["LATE"] and "Hamas" in found, f"the light verb's guesses: {found}"
    assert _noun_targets(noun_targets.light_verb_late, "Egypt held talks with Hamas.", "talks") == []


def test_handled_by():
    assert _noun_targets(noun_targets.handled_by, "Egypt's request for fuel was discussed by Qatar on Monday.",
                         "request") == ["Qatar"], "an appeal in the passive subject is addressed to the 'by' agent"
    assert _noun_targets(noun_targets.handled_by, "Turkey's appeal for calm was ignored by Sudan.", "appeal") == \
        ["Sudan"], "'ignored by Sudan': whom the appeal was made to"
    assert _noun_targets(noun_targets.handled_by, "Israel's attack on the port was condemned by Egypt.", "attack") == \
        [], "an attack is no appeal: its condemner is no addressee"
