"""Actors stage, ner_places.py: spaCy's persons and organisations that are places in a place slot."""

from __future__ import annotations

from briefgraph.stages.actors import ner_places
from test_actors_rules import context, entity, got


def test_place_typed_name_after_a_locative_preposition_is_the_place():
    ctx = context("Norwegian coast guard vessels detained a Russian trawler off Svalbard on Tuesday.")
    out = ner_places.place_typed_name(ctx, entity(ctx, "Svalbard", "PERSON"))
    assert got(out) == [("Svalbard", "GPE", "ner")], f"a region after 'off' typed PERSON is the place: {got(out)}"
    ctx = context("Pakistani traders reopened the market at Landi Kotal on Monday.")
    out = ner_places.place_typed_name(ctx, entity(ctx, "Landi Kotal", "ORG"))
    assert got(out) == [("Landi Kotal", "GPE", "ner")], f"a town after 'at' typed ORG is the town: {got(out)}"


def test_place_typed_name_gone_to_is_the_place_but_a_small_town_is_not():
    ctx = context("Britain sent a patrol ship to the Falklands after Argentina renewed its claim.")
    out = ner_places.place_typed_name(ctx, entity(ctx, "Falklands", "ORG"))
    assert got(out) == [("Falklands", "GPE", "ner")], f"islands a ship is sent to are the place: {got(out)}"
    ctx = context("Seoul sent a special envoy to Ortega on Monday, officials said.")
    assert ner_places.place_typed_name(ctx, entity(ctx, "Ortega", "PERSON")) is None, \
        "a small town's name one sends someone to may be a person's: not this rule's"


def test_place_typed_name_spares_persons():
    ctx = context("The minister handed a note to Blinken near Geneva, and Blinken thanked him.")
    assert ner_places.place_typed_name(ctx, entity(ctx, "Blinken", "PERSON")) is None, "no place of that name"
    ctx = context("Kim Jong Un received the envoy; later troops paraded near Kim in the square.")
    assert ner_places.place_typed_name(ctx, entity(ctx, "Kim", "PERSON")) is None, \
        "a word of another person's name in the text is that person"
    ctx = context("Protesters gathered at Hamas headquarters near Gaza.")
    assert ner_places.place_named_so("Hamas") is None, "a loose match of a short name (Hamm) is no place of that name"
    assert ner_places.place_named_so("Al Buraimi") is not None, "a transliteration of the gazetteer's name is the place"
