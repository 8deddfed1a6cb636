"""stages/events/complaints.py: a state's protest is an official complaint (CAMEO 114, ACCUSE),
aimed, when it names no target, at whoever last acted against that state (documents written for
these tests)."""

from __future__ import annotations

from briefgraph.stages.events import complaints
from events_fixtures import coded_events, every_rule_test

RULE_TUPLES = {"COMPLAINT_TARGETS": complaints.COMPLAINT_TARGETS}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def test_a_state_protest_is_a_complaint():
    events = coded_events("Serbia protested to Croatia on Monday after its diplomat was expelled.")
    assert ("Serbia", "ACCUSE", "114", "Croatia") in events, f"a state's protest complains officially: {events}"
    assert not [e for e in events if e[1] == "PROTEST"], f"a state does not demonstrate: {events}"


def test_last_act_against():
    events = coded_events("On Monday, a Venezuelan coast guard vessel detained a Guyanese fishing boat and its crew. "
                     "The crew was released on Friday after Guyana protested through diplomatic channels.")
    assert ("Guyana", "ACCUSE", "114", "Venezuela") in events, \
        f"a state's protest with no target is aimed at whoever acted against it: {events}"


def test_a_crowd_protest_stays_a_protest():
    events = coded_events("Thousands of Georgians protested in Tbilisi on Sunday against the foreign agents law.")
    assert [e for e in events if e[1] == "PROTEST"], f"people who protest demonstrate: {events}"
    assert not [e for e in events if e[1] == "ACCUSE"], f"no complaint by a crowd: {events}"


def test_a_riot_handed_to_a_state_stays_dissent():
    events = coded_events("Palestinian riots broke out against the Israeli military in Hebron on Friday.")
    assert not [e for e in events if e[1] == "ACCUSE"], \
        f"only the word 'protest' is a state's complaint, not a riot the parser gives the state: {events}"
