"""stages/events/unaimed_words.py: the words inside a phrase that name no one an act is aimed at
(sentences written for these tests)."""

from __future__ import annotations

from briefgraph.stages.events.unaimed_words import destinations, made_by
from events_fixtures import context_of, token


def _words(ctx, indexes: set[int]) -> list[str]:
    return [ctx.nlp[i].text for i in sorted(indexes)]


def test_made_by_gives_the_words_under_a_maker_participle():
    ctx = context_of("Gunmen attacked the Russian-made helicopter near Gao.")
    found = _words(ctx, made_by(ctx, token(ctx, "helicopter")))
    assert "Russian" in found and "helicopter" not in found, f"the maker, not the thing made: {found}"
    ctx = context_of("Israel struck the Houthi-controlled port of Hodeidah.")
    assert made_by(ctx, token(ctx, "port")) == set(), "a controller is no maker"
    ctx = context_of("Militants attacked a Chinese-built port and a Turkish-made drone.")
    first = _words(ctx, made_by(ctx, token(ctx, "port")))
    assert "Chinese" in first and "Turkish" in first, f"every maker inside the phrase, found once: {first}"


def test_destinations_give_the_words_of_where_a_thing_was_bound():
    ctx = context_of("Israel intercepted an aid flotilla bound for Gaza.")
    found = _words(ctx, destinations(ctx, token(ctx, "flotilla")))
    assert "Gaza" in found, f"where the flotilla was bound: {found}"
    ctx = context_of("Israel intercepted an aid flotilla from Cyprus.")
    assert destinations(ctx, token(ctx, "flotilla")) == set(), "no participle of destination"
