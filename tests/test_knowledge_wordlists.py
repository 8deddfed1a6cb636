"""The word-list files of the knowledge (knowledge/wordlists.py): one line a list, one list a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgraph.errors import KnowledgeError
from briefgraph.knowledge.files import data_path
from briefgraph.knowledge.wordlists import WordLists, read_word_lists


def test_lists_are_read_by_name_in_lower_case(tmp_path: Path):
    path = tmp_path / "words.txt"
    path.write_text("# a comment\nforce_words: Troops tanks\nphrases: opened fire | Tear gas\n", encoding="utf-8")
    lists = WordLists("words.txt", read_word_lists(path))
    assert lists["force_words"] == {"troops", "tanks"}
    assert lists["phrases"] == {"opened fire", "tear gas"}


@pytest.mark.parametrize("text, says", [
    ("force_words: troops\nforce_words: tanks\n", "given twice"),
    ("force words: troops\n", "expected 'NAME: word word ...'"),
])
def test_a_list_given_twice_or_without_a_name_is_an_error_naming_the_file(tmp_path: Path, text: str, says: str):
    path = tmp_path / "words.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=says) as raised:
        read_word_lists(path)
    assert str(path) in str(raised.value), "the error names the file"


@pytest.mark.parametrize("name", ["events/clauses.txt", "places/cues.txt", "words.txt"])
def test_the_shipped_word_lists_read_cleanly(name: str):
    assert read_word_lists(data_path(name)), f"{name} holds no list"


def test_the_locative_prepositions_are_one_list_read_by_actors_and_events():
    """words.txt `locative_preps` ("in Dhaka", "near Kaffrine") is the one list of the
    prepositions that say where: the actors stage and the events stage read it, and the
    events' clauses.txt keeps no copy of its own."""
    from briefgraph.knowledge import Knowledge
    know = Knowledge.default()
    preps = know.words["locative_preps"]
    assert {"in", "at", "near", "outside"} <= preps, f"locative_preps lost its core words: {sorted(preps)}"
    assert know.actors.locative_preps == preps, "the actors stage reads a locative list other than words.txt's"
    assert "location_preps" not in know.clauses, "clauses.txt keeps a second list of locative prepositions"


def test_the_actors_stage_reads_the_place_cues_of_the_places_stage():
    """The town nouns and the region words that are also common words ("state") are lists of
    places/cues.txt, which the actors stage reads too; the ambiguous region words are a list of
    their own, not `region_words` (those make a place after any place name)."""
    from briefgraph.knowledge import Knowledge
    know = Knowledge.default()
    assert know.actors.place_cues["town_nouns"] == know.place_cues["town_nouns"]
    ambiguous = know.place_cues["ambiguous_region_words"]
    assert "state" in ambiguous and ambiguous < know.place_cues["region_words"], sorted(ambiguous)
