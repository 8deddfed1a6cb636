"""stages/events/requests.py: an act done at another's request tells the asker's request of the
doer, and forces sent where another asked for them are military protection given to the asker
(documents written for these tests)."""

from __future__ import annotations

from briefgraph.stages.events import requests
from events_fixtures import coded_events, every_rule_test

RULE_TUPLES = {"REQUEST_RULES": requests.REQUEST_RULES}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def test_forces_sent():
    events = coded_events("Kenya sent 400 police officers to Haiti on Monday at the request of the Haitian government.")
    assert ("Kenya", "AID", "074", "Haiti") in events, \
        f"forces sent at the host's request are protection given to the host (AID 074): {events}"
    assert not [e for e in events if e[1] == "MOBILIZE"], f"no mobilisation aimed at the troops: {events}"


def test_forces_sent_planned_keeps_the_asker_as_target():
    events = coded_events("Rwanda said on Monday it would deploy 500 soldiers to Cabo Delgado at Mozambique's request.")
    assert ("Rwanda", "AID", "074", "Mozambique") in events, \
        f"a deployment at the asker's request (possessor) is aimed at the asker: {events}"


def test_asked_for():
    events = coded_events("Satellite images of the dam were provided to Cairo by the European Space Agency "
                     "at Egypt's request on Tuesday.")
    assert ("Egypt", "REQUEST", "100", "European Space Agency") in events, \
        f"'at Egypt's request' is Egypt's request of the doer: {events}"


def test_a_deployment_with_no_request_stays_a_mobilisation():
    events = coded_events("France deployed 2,000 troops to the Sahel on Monday.")
    assert not [e for e in events if e[1] in ("AID", "REQUEST")], f"no request told: {events}"
