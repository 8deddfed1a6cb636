"""arguments.speaks_for: a capital named apart as a city that speaks for its state (the
actors stage makes the state its affiliation) acts as the state in events."""

from __future__ import annotations

from conftest import analyse_text


def test_a_capital_speaking_for_a_state_named_by_demonym_acts_as_the_state():
    doc = analyse_text("Peruvian officials warned that Lima could cut gas supplies to Bolivia this winter.",
                       published="2024-05-01")
    names = {a.id: a.name for a in doc.actors}
    lima = next(a for a in doc.actors if a.name == "Lima")
    assert names.get(lima.affiliation) == "Peru", [(a.name, a.affiliation) for a in doc.actors]
    found = [(names.get(e.source), names.get(e.target)) for e in doc.events]
    assert found and all("Lima" not in pair for pair in found), found
