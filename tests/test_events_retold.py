"""stages/events/retold.py: an event an earlier sentence told is not told twice."""

from __future__ import annotations

from briefgraph.stages.events import retold
from events_fixtures import analysed, events_of, every_rule_test, extra_actors, pipeline_events

RULE_TUPLES = {"RE_MENTIONS": retold.RE_MENTIONS}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def test_told_again():
    doc = analysed("Hamas attacked Israel on Monday. The next day, Hezbollah claimed the attack in a video.")
    found = events_of(doc)
    assert [e for e in found if e[1] == "ASSAULT"] == [e for e in found if e[0] == "Hamas" and e[1] == "ASSAULT"], \
        f"'claimed the attack' names Monday's attack again, no second attack: {found}"


def test_an_event_noun_told_first_is_an_event():
    found = events_of(analysed("Hezbollah claimed the attack on Israel in a video."))
    assert [e for e in found if e[1] == "ASSAULT"], f"no earlier attack: the noun is the event: {found}"


def test_told_again_by_its_noun():
    found = pipeline_events("Kenya and Ethiopia agreed on Tuesday to set up a joint border force. The agreement "
                            "was reached during a visit to Addis Ababa by a Kenyan delegation.")
    agreements = [e for e in found if e[1] == "AGREE"]
    assert agreements and not [e for e in agreements if e[2] == "Addis Ababa"], \
        f"'The agreement was reached' tells Tuesday's agreement again: {found}"
    found = pipeline_events("Kenya and Ethiopia agreed on Tuesday to set up a joint border force. "
                            "Ethiopia reached an agreement with Somalia on Friday.")
    assert ("Ethiopia", "AGREE", "Somalia") in found, f"a new agreement stays: {found}"


def test_protest_told_again():
    with extra_actors(**{"hundreds of hawkers": ("GROUP", []), "The traders": ("GROUP", [])}):
        doc = analysed("Hundreds of hawkers marched through Nairobi on Monday to protest against new fees. "
                       "The traders set up barricades near the Hilton roundabout.")
        found = events_of(doc)
    protests = [e for e in found if e[1] == "PROTEST"]
    assert len(protests) <= 1, f"the barricades are the same protest told in more detail: {found}"
