"""A state's protest is an official complaint, not a demonstration: "The crew was released after
Guyana protested through diplomatic channels", "the Foreign Ministry of Ghana protested the
detention of its citizens". PLOVER's PROTEST is civilian dissent (demonstrations, strikes,
boycotts); a government that protests complains officially (CAMEO 114, ACCUSE).

Only the word "protest" itself (`complaint_words`, clauses.txt): a riot or a walkout that the
parser hands to a state ("Palestinian riots", "Congo's opposition walked out") stays dissent.

A protest told with no target of its own is aimed at whoever last acted against the protesting
state: the doer of the latest earlier act of the document whose target is that state or one of
its own (its citizens, its boat: the same country).

COMPLAINT_TARGETS each give the target of a state's protest with none, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ...knowledge.patterns import Coding
from .coding import plover_type

if TYPE_CHECKING:
    from ...records import Actor
    from .context import Context
    from .drafts import Draft

PROTEST = "PROTEST"
# CAMEO sectors of actors that speak for a government (a state itself, its ministries, ministers,
# embassies); a state's forces (MIL, COP) that "protest" are no diplomats
GOVERNMENT_SECTORS = ("GOV",)
COMPLAINT = Coding("114", None, "state protest")  # complain officially


def speaks_for_state(actor: Actor) -> bool:
    """A state (a GPE with its actor code) or one of its government's actors."""
    code = actor.code or ""
    return (actor.type == "GPE" and bool(code)) or code[3:6] in GOVERNMENT_SECTORS


def same_side(one: Actor, other: Actor) -> bool:
    """The same actor, or an actor of the same country ("a Guyanese fishing boat" for Guyana)."""
    return one.id == other.id or (bool(one.country) and one.country == other.country)


TargetFinder = Callable[["Context", "Draft", "list[Draft]"], "Actor | None"]


def last_act_against(ctx: Context, draft: Draft, earlier: list[Draft]) -> Actor | None:
    """The doer of the latest earlier act (no quote) done by another country to the protester's."""
    for act in reversed(earlier):
        if act.kind == "quote" or act.target is None or same_side(act.source, draft.source):
            continue
        if same_side(act.target, draft.source):
            return act.source
    return None


COMPLAINT_TARGETS: tuple[TargetFinder, ...] = (last_act_against,)


def state_complaints(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """The drafts, each protest by a state or its government an official complaint (114), aimed,
    when it names no target, by COMPLAINT_TARGETS."""
    codes = ctx.know.patterns.codes
    ordered = sorted(drafts, key=lambda d: d.trigger.i)
    out = []
    for draft in drafts:
        if draft.kind == "quote" or plover_type(codes, draft.coding) != PROTEST or not speaks_for_state(draft.source) \
                or draft.trigger.lemma_.lower() not in ctx.clause_words("complaint_words"):
            out.append(draft)
            continue
        target = draft.target
        if target is None:
            earlier = [d for d in ordered if d.trigger.i < draft.trigger.i]
            target = next((t for t in (f(ctx, draft, earlier) for f in COMPLAINT_TARGETS) if t is not None), None)
        out.append(replace(draft, coding=COMPLAINT, target=target))
    return out
