"""An organisation named only as the owner of one of its units ("the U.S. Navy’s Fifth Fleet
sent a destroyer", "the Pakistan Army’s 11th Corps launched an operation"): the text names
one body, the unit, by its owner's name and its own, and our corpus lists them as one entity
("U.S. Navy’s Fifth Fleet", "Fifth Fleet", "U.S. Navy"). The owner's mentions join the unit's
actor as references (never its names: the unit keeps its own name; "the U.S. Navy’s Fifth
Fleet" stays one of its aliases). An owner the text also names on its own, a state, a
knowledge-base organisation ("Hezbollah’s Radwan Force": its own code) or the owner of no
unit (nouns.csv kind "unit": fleet, brigade, corps, command ...) stays an actor apart."""

from __future__ import annotations

import re
from dataclasses import replace

from .context import Context
from .model import Cluster, Mention

# the possessive between an owner's name and its unit's
_POSSESSIVE = re.compile(r"[’']s\s+")
# the kinds of the owner's mentions: names spaCy or the rules found, nothing else
OWNER_KINDS = frozenset({"ner", "name"})


def owners_of_units(kept: list[Cluster], ctx: Context) -> list[Cluster]:
    """The clusters with each organisation named only as its unit's owner folded into the unit's."""
    units = {m.start: (c, m) for c in kept for m in c.mentions if unit_name(m, ctx)}
    out: list[Cluster] = []
    for c in kept:
        owned = owned_units(c, units, ctx)
        if not owned or any(unit is not owned[0][0] for unit, _m in owned):
            out.append(c)
            continue
        for (_unit, unit_mention), m in zip(owned, c.mentions, strict=True):
            unit_mention.owner = unit_mention.owner or m.text  # "U.S. Navy's Fifth Fleet": one of its aliases
        owned[0][0].mentions.extend(replace(m, kind="reference") for m in c.mentions)
    return out


def unit_name(m: Mention, ctx: Context) -> bool:
    """An organisation's name of capitalised words ending in a unit noun ("Fifth Fleet",
    "11th Corps", "Atlantic Patrol Task Force")."""
    words = m.text.split()
    return m.label == "ORG" and m.entry is None and len(words) > 1 and words[-1].istitle() \
        and words[-1].lower() in ctx.nouns.get("unit", {})


def owned_units(c: Cluster, units: dict[int, tuple[Cluster, Mention]], ctx: Context) -> list[tuple[Cluster, Mention]]:
    """The unit each mention of `c` owns ("the U.S. Navy" + "’s " + "Fifth Fleet"), one for
    each mention; none when `c` is no organisation of its own name only (a knowledge-base
    entry, a place, a mention of another kind) or one mention of it owns no unit."""
    if c.entry is not None or c.city or not c.mentions \
            or any(m.kind not in OWNER_KINDS or m.label != "ORG" or m.entry is not None for m in c.mentions):
        return []
    owned: list[tuple[Cluster, Mention]] = []
    for m in c.mentions:
        after = _POSSESSIVE.match(ctx.text, m.end)
        unit = units.get(after.end()) if after is not None else None
        if unit is None or unit[0] is c:
            return []
        owned.append(unit)
    return owned
