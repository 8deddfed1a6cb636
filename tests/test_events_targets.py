"""stages/events/targets.py: whom an act is aimed at (sentences written for these tests)."""

from __future__ import annotations

from events_fixtures import pipeline_events


def test_site_state():
    events = pipeline_events("Vilnius closed its consulate in Kaliningrad and ordered Russian consular staff out.")
    assert ("Lithuania", "SANCTION", "Russia") in events and not [e for e in events if e[2] == "Kaliningrad"], \
        f"a consulate closed in another state's city is aimed at that state: {events}"
    events = pipeline_events("Israeli troops shelled Rafah, Egypt said.")
    assert ("Israel", "ASSAULT", "Rafah") in events, f"force keeps the place it hit (rule 9): {events}"
