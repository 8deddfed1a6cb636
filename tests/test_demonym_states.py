"""stages/demonym_states.py: a description left out of the record (it takes part in no
event) still mentions its state by its nationality word; a people is not its state."""

from __future__ import annotations

from briefgraph.knowledge import Knowledge
from briefgraph.records import Actor
from briefgraph.stages.demonym_states import state_word, states_of_dropped
from conftest import analyse_text

KB = Knowledge.default().actors.kb


def names(text: str) -> list[str]:
    return [a.name for a in analyse_text(text).actors]


def test_dropped_description_keeps_its_state():
    text = "Honduran lawmakers will restore funding to the electoral council."
    got = names(text)
    assert got == ["Honduras"], f"the nationality word mentions Honduras, got {got}"


def test_state_of_a_description_beside_a_named_actor():
    got = names("A Russian journalist fled to Germany last year.")
    assert "Russia" in got and "Germany" in got, got


def test_a_people_is_not_its_state():
    got = names("The Palestinian people marched while Palestinians waited at home.")
    assert "Palestine" not in got and "Palestinian Territories" not in got, got


def test_state_already_in_the_record_is_not_repeated():
    dropped = [Actor(id="a2", name="Kenyan officials", type="GROUP", country="KEN", mentions=[(0, 16)])]
    kept = [Actor(id="a1", name="Kenya", type="GPE", country="KEN", kb_id="KEN", mentions=[(30, 35)])]
    assert states_of_dropped("Kenyan officials said that in Kenya ...", dropped, kept, KB) == []


def test_new_state_actor_is_numbered_after_the_kept_ones():
    text = "Kenyan officials stayed at home."
    dropped = [Actor(id="a2", name="Kenyan officials", type="GROUP", country="KEN", mentions=[(0, 16)])]
    kept = [Actor(id="a1", name="Somebody", type="PERSON", mentions=[(20, 24)])]
    (state,) = states_of_dropped(text, dropped, kept, KB)
    assert (state.id, state.name, state.kb_id, state.mentions) == ("a2", "Kenya", "KEN", [(0, 6)]), state


def test_state_word_takes_a_possessive_name_without_its_s():
    text = "Kenya's police stayed home."
    assert state_word(text, (0, 14), KB.entries["KEN"], KB) == (0, 5)
    assert state_word(text, (8, 14), KB.entries["KEN"], KB) is None, "no state word in 'police'"
