"""Verb vetoes: why a verb that a pattern may code is no trigger of its own. Each rule of
VERB_VETOES returns its reason, or None; triggers.verb_events (and the agentless and incident
finders) take a verb only when none says why not: "agreed to release" is coded by its head,
"held talks" is a light verb whose object is the event, "rallied to demand" is one protest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...knowledge.patterns import Coding
from .coding import (
    DEMAND_ROOT,
    PROTEST_ROOT,
    deadline_departures,
    is_event_noun,
    noun_coding,
    plover_type,
    root,
    verb_coding,
)
from .subjects import receipt_without_giver
from .syntax import children, forms, in_list, is_hedge, is_purpose

if TYPE_CHECKING:
    from .context import Context

VerbVeto = Callable[["Context", Token, "Coding | None"], "str | None"]


def coded_by_head(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    if verb.dep_ == "xcomp":
        head_coding = verb_coding(ctx.know.patterns, verb.head)
        if head_coding is not None and not head_coding.weak:
            return "the head verb's pattern coded it (\"agreed to release\")"
    return None


def describes_event_noun(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    if verb.dep_ in ("relcl", "acl") and is_event_noun(ctx.know.patterns, verb.head):
        return "it describes an event noun, the noun's event (\"strikes that targeted X\")"
    return None


def light_verb_of_event(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    if event_objects_of_light_verb(ctx, verb):
        return "a light verb whose object is the event (\"held talks\")"
    return None


def describes_a_weapon(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    weapon = verb.head
    if verb.dep_ == "acl" and weapon.lemma_.lower() in ctx.clause_words("weapon_nouns") \
            and weapon.dep_ == "pobj" and weapon.head.dep_ == "agent":
        return "it describes the weapon of the event it is the agent of (\"injured by bullets fired by police\")"
    return None


def not_in_dictionary(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    return "no pattern codes it" if coding is None else None


def restates_purpose_head(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    if coding is not None and is_purpose(verb):
        codes = ctx.know.patterns.codes
        head_coding = verb_coding(ctx.know.patterns, verb.head)
        if head_coding is not None and plover_type(codes, head_coding) == plover_type(codes, coding):
            return "a purpose of the same type as its head, one event (\"visited Niamey to discuss\")"
    return None


def permitted_by_head(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    """"resigned to allow elections to take place", "eased sanctions to allow Chevron to resume
    pumping": a permission (clauses.txt `permission_verbs`) that is the purpose of an act is what
    the act lets happen, part of that act, not a concession of its own."""
    if coding is not None and is_purpose(verb) and in_list(verb, ctx.clause_words("permission_verbs")):
        return "the purpose of the act it hangs on, what that act lets happen (\"resigned to allow elections\")"
    return None


def aim_of_a_protest(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    """"staged demonstrations to demand reforms", "blocked roads to press their demands": a
    demand that is the purpose of a protest is what the protest is for, one event."""
    if coding is None or root(coding) != DEMAND_ROOT or not is_purpose(verb):
        return None
    head = verb.head
    head_coding = verb_coding(ctx.know.patterns, head)
    protests: list[Coding | None] = [head_coding]
    protests += [noun_coding(ctx.know.patterns, o) for o in event_objects_of_light_verb(ctx, head)]
    if any(c is not None and root(c) == PROTEST_ROOT for c in protests):
        return "the aim of the protest it is the purpose of (\"rallied to demand\")"
    return None


MOBILIZE_ROOT = "15"


def aim_of_a_mobilization(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    """"called up 50,000 volunteers to fight jihadists", "deployed troops to fight the gangs": force
    (clauses.txt `mobilization_aim_roots`) that is the purpose of a mobilization is what the forces
    are raised for, the mobilization's aim, not a fight told as done."""
    if coding is None or root(coding) not in ctx.clause_words("mobilization_aim_roots") or not is_purpose(verb):
        return None
    head_coding = verb_coding(ctx.know.patterns, verb.head)
    if head_coding is not None and root(head_coding) == MOBILIZE_ROOT:
        return "the aim of the mobilization it is the purpose of (\"called up volunteers to fight\")"
    return None


def hedges_its_subject(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    if in_list(verb, ctx.clause_words("hedge_verbs")) and is_hedge(verb):
        return "it hedges what its subject is (\"gunmen suspected to be bandits kidnapped\")"
    return None


def received_from_no_one(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    if coding is not None and receipt_without_giver(ctx, verb, coding):
        return "praise, criticism or a demand received from no one named (\"drew condemnation\")"
    return None


def leaving_by_a_deadline(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    giver = verb.head.head if verb.dep_ in ("relcl", "acl") else verb.head
    if verb.dep_ in ("advcl", "xcomp", "relcl", "acl") and verb in deadline_departures(ctx, giver):
        return "the leaving a time is given for is the expulsion of its giver (\"gave X two days to leave\")"
    return None


def lies_among_land(ctx: Context, verb: Token, coding: Coding | None) -> str | None:
    """"Madha is surrounded by Emirati territory", "Turkish waters surround the island": a verb
    whose doer (the passive's agent, else the subject) is land or water (clauses.txt `land_nouns`)
    tells where a place lies, not an act."""
    land = ctx.clause_words("land_nouns")
    doers = [p for a in children(verb, "agent") for p in children(a, "pobj")] or children(verb, "nsubj")
    if coding is not None and doers and all(in_list(d, land) for d in doers):
        return "its doer is land or water, it tells where a place lies (\"surrounded by Emirati territory\")"
    return None


VERB_VETOES: tuple[VerbVeto, ...] = (
    coded_by_head,
    describes_event_noun,
    light_verb_of_event,
    describes_a_weapon,
    not_in_dictionary,
    restates_purpose_head,
    permitted_by_head,
    aim_of_a_protest,
    aim_of_a_mobilization,
    hedges_its_subject,
    received_from_no_one,
    leaving_by_a_deadline,
    lies_among_land,
)


def event_objects_of_light_verb(ctx: Context, verb: Token) -> list[Token]:
    """Event nouns among a light verb's objects, or inside them: "launched a
    mediation effort", "launched ten days of war games"."""
    if not any(f in ctx.clause_words("light_verbs") for f in forms(verb)):
        return []
    patterns = ctx.know.patterns
    # "the attack was carried out by X": a passive light verb's subject is its object
    objects = children(verb, "dobj", "attr", "nsubjpass")
    found = [o for o in objects if is_event_noun(patterns, o)]
    for obj in objects:
        for child in obj.children:
            if child.dep_ == "compound" and is_event_noun(patterns, child):
                found.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                found.extend(p for p in children(child, "pobj") if is_event_noun(patterns, p))
    return found


def ordered_event_nouns(ctx: Context, verb: Token) -> list[Token]:
    """"The king ordered the release of 400 detainees", "ordered the withdrawal of its troops": the
    event nouns a verb of ordering (clauses.txt `order_verbs`) takes as objects, when no pattern of
    the verb itself codes it ("ordered the expulsion of the mission" is 166 by its own pattern): the
    ordered act is the orderer's, its noun read as a light verb's."""
    if verb.lemma_.lower() not in ctx.clause_words("order_verbs") \
            or verb_coding(ctx.know.patterns, verb) is not None:
        return []
    return [o for o in children(verb, "dobj") if is_event_noun(ctx.know.patterns, o)]
