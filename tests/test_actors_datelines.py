"""Actors stage, datelines.py: a dateline's place of several words written in capitals."""

from __future__ import annotations

from briefgraph.stages import actors
from briefgraph.stages.actors.context import Context
from briefgraph.stages.actors.datelines import dateline_place_mentions, piece_of_dateline_place
from briefgraph.stages.actors.model import Entity
from test_actors_acronyms import KNOWLEDGE, _parsed


def test_dateline_place_mentions_take_the_whole_run_of_capitals():
    ctx = Context(_parsed("Gangs raided\n\nSAN PEDRO SULA, Honduras, March 4, 2026 — Police arrested 12 gang "
                          "members in a raid, the security ministry said."), KNOWLEDGE.actors)
    got = [(m.text, m.label) for m in dateline_place_mentions(ctx)]
    assert got == [("SAN PEDRO SULA", "GPE")], f"the dateline's town is one place: {got}"
    ctx = Context(_parsed("Gangs raided\n\nKIRKUK, Iraq (Reuters) — Police arrested 12 men, officials said."),
                  KNOWLEDGE.actors)
    assert dateline_place_mentions(ctx) == [], "a place of one word is spaCy's"
    ctx = Context(_parsed("Gangs raided\n\nSAN PEDRO SULA is quiet. Police arrested 12 men, officials said."),
                  KNOWLEDGE.actors)
    assert dateline_place_mentions(ctx) == [], "capitals outside a dateline are no dateline place"


def test_piece_of_dateline_place_is_none():
    ctx = Context(_parsed("Refugees arrive\n\nMAE SOT, Thailand, April 12, 2024 — Thai officials said the "
                          "town braced for more arrivals."), KNOWLEDGE.actors)
    tokens = ctx.tokens_in(0, len(ctx.text))
    mae = next(t for t in tokens if t.text == "MAE")
    piece = Entity(mae.idx, mae.idx + 3, "MAE", "ORG", "body", [mae])
    assert piece_of_dateline_place(ctx, piece) == [], "a piece of the dateline's town is no actor"
    thai = next(t for t in tokens if t.text == "Thai")
    other = Entity(thai.idx, thai.idx + 4, "Thai", "NORP", "body", [thai])
    assert piece_of_dateline_place(ctx, other) is None, "names outside the run are left to the other fixes"


def test_a_dateline_town_in_capitals_is_one_place_with_its_body_mentions():
    doc = _parsed("Refugees arrive\n\nMAE SOT, Thailand, April 12, 2024 — Thai officials said Mae Sot braced "
                  "for more arrivals from Myanmar.")
    found = {a.name.lower(): a.type for a in actors.find_actors(doc, KNOWLEDGE)["actors"]}
    assert found.get("mae sot") == "GPE", f"the dateline town and the body's are one place: {found}"
    assert not {"mae", "sot"} & set(found), f"pieces of the dateline town left: {found}"
