"""stages/events/attributions.py: each rule of ATTRIBUTION_RULES on its own, on a sentence written
for it, through the real structure and parse stages."""

from __future__ import annotations

import sys

from briefgraph.stages.events import attributions
from events_fixtures import context_of, rules_without_tests, token

RULE_TUPLES = {
    "ATTRIBUTION_RULES": attributions.ATTRIBUTION_RULES,
}


def test_every_rule_has_a_test():
    missing = rules_without_tests(sys.modules[__name__], RULE_TUPLES)
    assert not missing, f"rules without a test_<rule name> in {__name__}: {missing}"


def test_claimed_responsibility():
    ctx = context_of("Islamic State claimed responsibility for the bombing of a mosque in Peshawar.")
    doers = attributions.claimed_responsibility(ctx, token(ctx, "bombing"))
    assert [t.text for t in doers] == ["State"], f"who claims the bombing did it: {doers}"
    ctx = context_of("Kenya blamed Islamic State for the bombing of a mosque in Mandera.")
    assert attributions.claimed_responsibility(ctx, token(ctx, "bombing")) == [], \
        "blame laid by another is an accusation, not the act"
