"""stages/events/attributions.py: each rule of ATTRIBUTION_RULES on its own, on a sentence written
for it, through the real structure and parse stages."""

from __future__ import annotations

from briefgraph.stages.events import attributions
from events_fixtures import context_of, every_rule_test, token

RULE_TUPLES = {
    "ATTRIBUTION_RULES": attributions.ATTRIBUTION_RULES,
}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def test_claimed_responsibility():
    ctx = context_of("Islamic State claimed responsibility for the bombing of a mosque in Peshawar.")
    doers = attributions.claimed_responsibility(ctx, token(ctx, "bombing"))
    assert [t.text for t in doers] == ["State"], f"who claims the bombing did it: {doers}"
    ctx = context_of("Kenya blamed Islamic State for the bombing of a mosque in Mandera.")
    assert attributions.claimed_responsibility(ctx, token(ctx, "bombing")) == [], \
        "blame laid by another is an accusation, not the act"
