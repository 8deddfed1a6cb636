"""Issue 11, round 14: less frequent types (MOBILIZE, SANCTION, REQUEST) and the shapes
that carry them, on sentences written for them, through the real parse."""

from __future__ import annotations

import pytest

from briefgraph.stages.events.coding import noun_coding, verb_coding
from events_fixtures import analysed, context_of, events_of, find, token


def plover_of(text: str, word: str, kind: str = "verb") -> str | None:
    ctx = context_of(text)
    lookup = verb_coding if kind == "verb" else noun_coding
    code = lookup(ctx.know.patterns, token(ctx, word))
    return None if code is None else code.plover or ctx.know.patterns.codes.plover_of(code.cameo)


@pytest.mark.parametrize("text, word, plover", [
    ("Ankara sent two warships to the disputed waters.", "sent", "MOBILIZE"),
    ("The ministry rushed reinforcements to the northern border.", "rushed", "MOBILIZE"),
    ("Cairo ordered the expulsion of two Ethiopian diplomats.", "ordered", "SANCTION"),
    ("Khartoum ordered the embassy staff out of the country.", "ordered", "SANCTION"),
    ("Khartoum ordered the ambassador to leave within a day.", "ordered", "SANCTION"),
    ("The governor ordered residents to leave the flooded valley.", "ordered", "COERCE"),
])
def test_forces_sent_mobilise_and_envoys_ordered_out_are_expelled(text, word, plover):
    assert plover_of(text, word) == plover, text


@pytest.mark.parametrize("text, plover", [
    ("The navy staged war games off the coast on Sunday.", "MOBILIZE"),
    ("The two navies held joint war games off the coast.", "COOPERATE"),
])
def test_war_games_alone_show_force_and_with_a_partner_cooperate(text, plover):
    assert plover_of(text, "games", "noun") == plover, text


def test_war_games_of_two_coordinated_actors_are_their_cooperation():
    found = events_of(analysed("Egypt and Turkey launched war games in the eastern Mediterranean."))
    assert find(found, "Egypt", "COOPERATE"), found
    assert not [e for e in found if e[1] == "MOBILIZE"], f"a joint show of force is cooperation: {found}"
    found = events_of(analysed("Turkey launched war games in the eastern Mediterranean."))
    assert find(found, "Turkey", "MOBILIZE"), found


def test_wanting_another_to_act_is_a_request_of_it():
    found = events_of(analysed("Egypt wants Ethiopia to stop filling the reservoir."))
    assert find(found, "Egypt", "REQUEST")[3] == "Ethiopia", found
    assert not [e for e in found if e[0] == "Ethiopia"], f"what is wanted did not happen: {found}"
    found = events_of(analysed("Egypt wants to join the talks on the reservoir."))
    assert not [e for e in found if e[1] == "REQUEST"], f"wanting to act oneself asks nothing: {found}"


def test_a_renewed_call_for_another_is_a_request():
    assert plover_of("Egypt renewed its call for a ceasefire in the region.", "call", "noun") == "REQUEST"
