"""targets.own_capital: the capital of the source's own state, an actor apart as a city,
is never the target of the state's act."""

from __future__ import annotations

from briefgraph.records import Actor
from briefgraph.stages.events.targets import own_capital
from conftest import analyse_text


def test_the_own_capital_apart_is_no_target():
    doc = analyse_text("Peruvian officials warned that Lima could cut gas supplies to Bolivia this winter.",
                       published="2024-05-01")
    names = {a.id: a.name for a in doc.actors}
    targets = [names.get(e.target) for e in doc.events]
    assert "Lima" not in targets, [(names.get(e.source), e.plover, names.get(e.target)) for e in doc.events]


def test_own_capital_is_the_source_states_capital_only():
    state = Actor(id="a1", name="Peru", type="GPE", country="PER", kb_id="PER")
    lima = Actor(id="a2", name="Lima", type="GPE", country="PER")
    cusco = Actor(id="a3", name="Cusco", type="GPE", country="PER")
    la_paz = Actor(id="a4", name="La Paz", type="GPE", country="BOL")
    assert own_capital(lima, state)
    assert not own_capital(cusco, state) and not own_capital(la_paz, state)
