"""An act's place named more sharply by a later re-mention: "Insurgents attacked a fishing village
in Cabo Delgado province ... The attack on Quirimba was the deadliest" gives the attack Quirimba
as its target (`sharpen_places`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .arguments import actor_of
from .coding import is_event_noun, noun_coding, plover_type
from .syntax import children, coordinated, determined_by
from .targets import PLACE_TYPES

if TYPE_CHECKING:
    from ...records import Actor
    from .context import Context
    from .drafts import Draft


# Prepositions by which an event noun names the place it was done to ("the attack on Quirimba").
AIMED_AT_PREPS = ("on", "against")


def named_place(ctx: Context, noun: Token) -> Actor | None:
    """"The attack on Quirimba": the place with no state code an event noun names as what it was
    done to."""
    for obj in (o for p in children(noun, "prep") if p.lower_ in AIMED_AT_PREPS
                for o in coordinated(children(p, "pobj"))):
        actor = actor_of(ctx, obj, target=True)
        if actor is not None and actor.type in PLACE_TYPES and not actor.code:
            return actor
    return None


def sharper_place(ctx: Context, noun: Token, drafts: list[Draft]) -> tuple[Draft, Actor] | None:
    """"Insurgents attacked a fishing village in Cabo Delgado province ... The attack on Quirimba was
    the deadliest": an event noun with a definite determiner (clauses.txt `definite_determiners`)
    naming the place it was done to ("on": a place with no state code) names the place of the
    latest act of its PLOVER type told in an earlier sentence more sharply, when that act's target
    is none or another such place (the region around it): (that act, the place)."""
    if not is_event_noun(ctx.know.patterns, noun) or not determined_by(noun, ctx.clause_words("definite_determiners")):
        return None
    coding = noun_coding(ctx.know.patterns, noun)
    codes = ctx.know.patterns.codes
    kind = plover_type(codes, coding) if coding is not None else None
    place = named_place(ctx, noun) if kind not in (None, "none") else None
    if place is None:
        return None
    act = next((d for d in sorted(drafts, key=lambda d: d.trigger.i, reverse=True)
                if d.kind != "quote" and d.trigger.sent.start < noun.sent.start and d.trigger.i < noun.i
                and plover_type(codes, d.coding) == kind), None)
    if act is None or act.source.id == place.id:
        return None
    target = act.target
    if target is not None and (target.type not in PLACE_TYPES or target.code or target.id == place.id):
        return None
    return act, place


def sharpen_places(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """The drafts, an act whose place a later definite re-mention names more sharply given that
    place as its target (`sharper_place`)."""
    sharper: dict[int, Actor] = {}
    taken = {d.trigger.i for d in drafts}
    for noun in ctx.nlp:
        if noun.pos_ != "NOUN" or noun.i in taken:
            continue
        found = sharper_place(ctx, noun, drafts)
        if found is not None:
            sharper.setdefault(id(found[0]), found[1])
    return [replace(d, target=sharper[id(d)]) if id(d) in sharper else d for d in drafts]
