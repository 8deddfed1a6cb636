"""events/concessions.py: a concession with no target of its own is made to who pressed for it."""

from __future__ import annotations

import pytest

from events_fixtures import coded_events


@pytest.mark.parametrize("text, expected, why", [
    ("After weeks of protests by farmers, India repealed the farm laws.",
     ("India", "CONCEDE", "0832", "farmers"), "the protesters of 'weeks of protests by' are whom it yields to"),
    ("Following protests by teachers, the Moroccan government scrapped the reform.",
     ("Morocco", "CONCEDE", "080", "teachers"), "'following protests by' names whom it yields to"),
    ("Responding to the demands of the unions, Nigeria's government reversed the fuel price hike.",
     ("Nigeria", "CONCEDE", "0832", "unions"), "a participle answering demands names who made them"),
])
def test_conceded_to_the_pressers(text: str, expected: tuple, why: str) -> None:
    assert expected in coded_events(text), f"{why}: {coded_events(text)}"


def test_a_concession_with_a_target_keeps_it():
    found = coded_events("The Sri Lankan government gave in to the demands of the Buddhist monks.")
    assert ("Sri Lanka", "CONCEDE", "080", "Buddhist monks") in found, f"its own 'to' target stays: {found}"


def test_no_pressure_phrase_no_target():
    found = coded_events("Facing a parliamentary revolt, the Czech government dropped the pension cuts.")
    assert all(f[3] is None for f in found if f[1] == "CONCEDE"), f"no presser named, no target: {found}"
