"""stages/events/triggers.py: how a trigger's doer and target are found (sentences written for these tests)."""

from __future__ import annotations

from events_fixtures import pipeline_events


def test_undergone_found():
    events = pipeline_events("The convoy came under attack from Houthi rebels near Hodeidah.")
    assert [(s, p) for s, p, _ in events] == [("Houthi rebels", "ASSAULT")], \
        f"an attack the convoy came under is done by the 'from' phrase's actor: {events}"
    events = pipeline_events("The village came under attack from unknown gunmen.")
    assert not events, f"an attacker with no name of its own makes no event: {events}"
