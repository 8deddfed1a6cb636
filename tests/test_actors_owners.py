"""actors.owners: an organisation named only as the owner of one of its units is one
entity with the unit ("the U.S. Navy's Fifth Fleet"); owners named on their own, states
and knowledge-base organisations stay actors apart."""

from __future__ import annotations

from briefgraph.knowledge.kb import name_key
from briefgraph.records import Actor
from conftest import analyse_text


def names(actors: list[Actor]) -> list[list[str]]:
    return [a.names() for a in actors]


def actor_named(actors: list[Actor], name: str) -> Actor | None:
    return next((a for a in actors if name_key(name) in {name_key(n) for n in a.names()}), None)


def test_owner_named_only_as_its_units_owner_is_one_entity_with_the_unit():
    actors = analyse_text("Two days later, the U.S. Navy's Fifth Fleet sent a second destroyer to the Strait "
                          "of Hormuz.").actors
    fleet = actor_named(actors, "Fifth Fleet")
    assert fleet is not None and fleet.type == "ORG", f"no unit actor: {names(actors)}"
    assert "U.S. Navy's Fifth Fleet" in fleet.aliases, f"the owner's name is no alias of the unit: {fleet.names()}"
    assert actor_named(actors, "U.S. Navy") is None, f"the owner stayed an actor apart: {names(actors)}"
    assert len(fleet.mentions) == 2, f"the owner's span is no mention of the unit: {fleet.mentions}"


def test_owner_named_on_its_own_too_stays_apart():
    actors = analyse_text("The Pakistan Army's 11th Corps launched an operation in Khyber on Monday. The "
                          "Pakistan Army said six militants were killed.").actors
    army = actor_named(actors, "Pakistan Army")
    corps = actor_named(actors, "11th Corps")
    assert army is not None and corps is not None and army is not corps, f"{names(actors)}"


def test_knowledge_base_owner_and_state_owner_stay_apart():
    actors = analyse_text("NATO's Allied Maritime Command said its ships would escort the convoy.").actors
    assert actor_named(actors, "NATO") is not actor_named(actors, "Allied Maritime Command"), f"{names(actors)}"
    actors = analyse_text("Russia's Northern Fleet held drills in the Barents Sea.").actors
    russia = actor_named(actors, "Russia")
    assert russia is not None and russia.type == "GPE", f"the state owner is no actor: {names(actors)}"


def test_owner_of_no_unit_stays_apart():
    actors = analyse_text("The Interior Ministry's Counter-Terrorism Department arrested four suspects.").actors
    assert actor_named(actors, "Interior Ministry") is not actor_named(actors, "Counter-Terrorism Department")
