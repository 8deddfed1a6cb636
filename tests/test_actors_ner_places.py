"""Actors stage, ner_places.py: spaCy's persons that are places in a place slot."""

from __future__ import annotations

import pytest

from briefgraph.stages.actors import ner_places
from test_actors_rules import context, entity, got

# text, spaCy's name and label, the mentions the rule gives (None: not this rule's), what went wrong otherwise
CASES = [
    ("Norwegian coast guard vessels detained a Russian trawler off Svalbard on Tuesday.", "Svalbard", "PERSON",
     [("Svalbard", "GPE", "ner")], "a region after 'off' typed PERSON is the place"),
    ("Pakistani traders reopened the market at Landi Kotal on Monday.", "Landi Kotal", "PERSON",
     [("Landi Kotal", "GPE", "ner")], "a town after 'at' typed PERSON is the town"),
    ("Britain sent a patrol ship to the Falklands after Argentina renewed its claim.", "Falklands", "PERSON",
     [("Falklands", "GPE", "ner")], "islands a ship is sent to are the place"),
    ("ELN fighters attacked a military base in Norte de Santander.", "Norte de Santander", "ORG",
     None, "an organisation is not this rule's"),
    ("Seoul sent a special envoy to Ortega on Monday, officials said.", "Ortega", "PERSON",
     None, "a small town's name one sends someone to may be a person's"),
    ("The minister handed a note to Blinken near Geneva, and Blinken thanked him.", "Blinken", "PERSON",
     None, "no place of that name"),
    ("Kim Jong Un received the envoy; later troops paraded near Kim in the square.", "Kim", "PERSON",
     None, "a word of another person's name in the text is that person"),
]


@pytest.mark.parametrize(("text", "name", "label", "expected", "why"), CASES)
def test_place_typed_name(text, name, label, expected, why):
    ctx = context(text)
    out = ner_places.place_typed_name(ctx, entity(ctx, name, label))
    assert got(out) == expected, f"{why}: {got(out)}"


def test_place_named_so_wants_the_places_own_name_or_spelling():
    assert ner_places.place_named_so("Hamas") is None, "a loose match of a short name (Hamm) is no place of that name"
    assert ner_places.place_named_so("Al Buraimi") is not None, "a transliteration of the gazetteer's name is the place"
