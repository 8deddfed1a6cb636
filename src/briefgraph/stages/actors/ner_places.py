"""Actors stage: spaCy's persons that are places the gazetteer knows by that very name, where
the sentence puts a place ("off Svalbard", "near Al Buraimi")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ...places.gazetteer import Place, gazetteer, place_key, spelling_key
from .context import Context
from .keys import place_moved_to_or_from
from .model import Entity, Mention

# the labels spaCy gives a place it misreads as a name of someone ("off Svalbard"); not ORG: a region
# typed ORG ("a base in Norte de Santander") already keeps an event off it, and as a place it would let
# the event take a generic group no gold lists (tests/data colombia-eln-talks-resume, round 29)
NAME_LABELS = frozenset({"PERSON"})


# a town under this many people gone to may be a person one sends something to ("sent an envoy to Ortega")
BIG_TOWN_GONE_TO = 100_000


def in_place_slot(token: Token, place: Place, ctx: Context) -> bool:
    """The object of a locative preposition ("off Svalbard", "near Al Buraimi") or of a place
    gone to or left ("sent a ship to the Falklands", "withdrew from Kidal"; a town there only
    when it is a big one)."""
    if token.dep_ != "pobj":
        return False
    if token.head.lower_ in ctx.place_cues["locative_preps"]:  # places/cues.txt: "in", "near", "off" ...
        return True
    return place_moved_to_or_from(token, ctx) and (place.kind != "city" or place.population >= BIG_TOWN_GONE_TO)


def place_named_so(name: str) -> Place | None:
    """The place the gazetteer knows by this very name, one of its aliases, or its spelling
    ("Al Buraimi" for "Al Buraymī"); a city only by its own name (a loose match of a short
    name, "Hamas" for Hamm, is none)."""
    key = place_key(name)
    for place in gazetteer().lookup(name):
        own = place_key(place.name)
        if own == key or spelling_key(own) == spelling_key(key) or place.kind != "city":
            return place
    return None


def place_typed_name(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"off Svalbard", "near Al Buraimi" typed PERSON: a name in a place slot (`in_place_slot`)
    that the gazetteer knows by that name (`place_named_so`), no known actor (an untyped
    knowledge-base name such as "Falklands" may be), no title word or person right before it,
    and none of its words in another person's name of the text or used alone elsewhere (a
    surname: "a reply to Kim" beside "Kim Jong Un"), is the place."""
    tokens = ent.tokens
    entry, place = ctx.kb.lookup(ent.text), place_named_so(ent.text)
    if ent.label not in NAME_LABELS or not tokens or place is None or not in_place_slot(tokens[-1], place, ctx) \
            or (entry is not None and (entry.core or entry.type)):
        return None
    before = tokens[0].doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if before is not None and (ctx.is_title_word(before.text) or before.ent_type_ == "PERSON"):
        return None
    if any(word_in_a_person(ctx, ent, t.text) or word_alone_elsewhere(ctx, ent, t.text) for t in tokens if t.is_alpha):
        return None
    return [Mention(ent.start, ent.end, ent.text, "GPE", "ner", ent.zone, cue="place")]


def word_in_a_person(ctx: Context, ent: Entity, word: str) -> bool:
    """Another of spaCy's persons in the text holds the word ("Kim Jong Un" for "Kim")."""
    return any(e.label_ == "PERSON" and e.start_char != ent.start and word in e.text.split() for e in ctx.nlp.ents)


def word_alone_elsewhere(ctx: Context, ent: Entity, word: str) -> bool:
    """The word stands alone elsewhere in the text, outside a longer capitalised run (a surname)."""
    return any(not (ent.start <= m.start() < ent.end) and not in_same_name(ctx, m.start(), m.end())
               for m in re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", ctx.text))


def in_same_name(ctx: Context, start: int, end: int) -> bool:
    """The word is part of a longer capitalised run (the name written again, "Bandar Abbas")."""
    before = re.search(r"[A-Z][\w’'-]* \Z", ctx.text[max(0, start - 30):start])
    after = re.match(r" [A-Z]", ctx.text[end:end + 2])
    return before is not None or after is not None
