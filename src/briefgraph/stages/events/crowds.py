"""Crowd violence: what rioters, protesters or a crowd of civilians destroy, or attack
with nobody named, is a riot (CAMEO 145, PROTEST), as conflict data code mob violence
("a mob set fire to a police station", "protesters smashed the windows of a bank");
what they do to people stays ASSAULT ("a mob beat a man to death"), unless those people
are a crowd too ("counter-protesters and demonstrators clashed": a riot). A strike of theirs
aimed at nobody is a labour strike (CAMEO 143, PROTEST), not a military one. The place a riot
happened in is its location, not its target. Word lists: knowledge/events/clauses.txt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...knowledge.patterns import Coding
from ...records import Actor
from .targets import PLACE_TYPES

if TYPE_CHECKING:
    from .context import Context

RIOT = "145"
LABOUR_STRIKE = "143"
FORCE_ROOTS = ("18", "19")


def crowd_coding(ctx: Context, source: Actor, target: Actor | None, coding: Coding) -> Coding | None:
    """The riot coding of a crowd's violent act, or None when it keeps its own."""
    category = source.category or ""
    if category in ctx.clause_words("crowd_categories"):
        codes = ctx.clause_words("crowd_riot_codes")
    elif category in ctx.clause_words("property_categories"):
        codes = ctx.clause_words("property_codes")
    else:
        return None
    if coding.cameo not in codes:
        return None
    on_people = target is not None and target.type not in PLACE_TYPES and not is_property(ctx, coding) \
        and (target.category or "") not in ctx.clause_words("crowd_categories")
    return None if on_people else Coding(RIOT, None, coding.source)


def strike_coding(ctx: Context, source: Actor, target: Actor | None, trigger: Token,
                  coding: Coding) -> Coding | None:
    """"Nurses began their strike", "teachers struck": a strike coded as force, by protesters
    or civilians and aimed at nobody, is a labour strike (CAMEO 143)."""
    if trigger.lower_ not in ctx.clause_words("strike_words") or coding.cameo[:2] not in FORCE_ROOTS:
        return None
    if (source.category or "") not in ctx.clause_words("strike_categories"):
        return None
    if target is not None and target.type not in PLACE_TYPES:
        return None
    return Coding(LABOUR_STRIKE, None, coding.source)


def is_property(ctx: Context, coding: Coding) -> bool:
    """A coding of damage to property (set fire, torch, loot)."""
    return coding.cameo in ctx.clause_words("property_codes")


def riot_target(target: Actor | None) -> Actor | None:
    """A riot's target: a group or institution, never the place it happened in."""
    return None if target is not None and target.type in PLACE_TYPES else target
