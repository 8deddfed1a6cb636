"""stages/events/pairs.py: an act aimed at "both sides" is aimed at the state the document
is most about (documents written for these tests)."""

from __future__ import annotations

import sys

from briefgraph.stages.events import pairs
from events_fixtures import draft_by, pipeline_events, rules_without_tests

RULE_TUPLES = {"PAIR_FINDERS": pairs.PAIR_FINDERS}


def test_every_rule_has_a_test():
    missing = rules_without_tests(sys.modules[__name__], RULE_TUPLES)
    assert not missing, f"rules without a test_<rule name> in {__name__}: {missing}"


_draft = draft_by


def _events(text: str) -> list[tuple]:
    return pipeline_events(text, cameo=False)


def test_pair_object():
    ctx, draft = _draft("Qatar urged both sides to show restraint.", "urged")
    assert pairs.pair_object(ctx, draft).text == "sides"
    ctx, draft = _draft("Qatar urged its citizens to show restraint.", "urged")
    assert pairs.pair_object(ctx, draft) is None


def test_pair_members():
    events = _events("Egypt extradited two suspects to Sudan on Monday. Egypt thanked Sudan for its help. "
                     "Officials from both countries will meet in Cairo next week.")
    meetings = [e for e in events if e[0] == "Officials"]
    assert meetings and meetings[0][2] in ("Egypt", "Sudan"), events


def test_an_appeal_to_all_sides_is_aimed_at_the_main_state():
    text = ("Police in Peru detained 30 protesters in Lima on Monday. Peru's government rejected their demands. "
            "The European Union urged all sides to show restraint.")
    events = _events(text)
    assert ("European Union", "REQUEST", "Peru") in events, events


def test_no_pair_phrase_leaves_no_target():
    events = _events("Police in Peru detained 30 protesters in Lima on Monday. "
                     "The European Union urged restraint.")
    assert all(not (s == "European Union" and t is not None) for s, _, t in events), events
