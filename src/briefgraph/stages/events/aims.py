"""Whom a protest or a mobilization is aimed at: the state whose mission it is held at, the targets
of its purpose clause and the doers of the act it answers, before the site it is held at or the
forces it raises; whom a concession or a refusal answers: the maker of the demand the clause names
(triggers.verb_found)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .arguments import actor_of
from .coding import plover_type, root, verb_coding
from .syntax import acl_agents, children, coordinated, is_purpose
from .targets import Candidate, Late, pressure_makers, state_mission, verb_targets

if TYPE_CHECKING:
    from ...knowledge.patterns import Coding
    from .context import Context


def aims(ctx: Context, verb: Token) -> list[Candidate]:
    """Whom a protest or a mobilization (clauses.txt `purpose_aimed_types`) is against, before the
    site it is held at or the forces it raises: the targets of its purpose clause ("blockaded a
    harbour in Jaffna to protest incursions by Indian trawlers"), then the doers of the act it
    answers (`answered_doers`). A state's mission it is held at comes first ("rallied outside the
    Russian embassy to demand protection for Karabakh": Russia, whom the protest is addressed to,
    not those it speaks for). Only an actor with a name of its own (a protest's target is what the
    text names as an actor, annotation rule 8), or whom forces are raised to fight (clauses.txt
    `mobilization_aim_roots`: "called up volunteers to fight jihadists")."""
    out: list[Candidate] = [t for t in state_mission(ctx, verb, True) if not isinstance(t, Late)]
    for clause_verb in (c for c in children(verb, "advcl") if is_purpose(c)):
        coding = verb_coding(ctx.know.patterns, clause_verb)
        fight = coding is not None and root(coding) in ctx.clause_words("mobilization_aim_roots")
        out += [t for t in verb_targets(ctx, clause_verb, False)
                if not isinstance(t, Late) and (fight or has_own_name(ctx, t))]
        out += [t for t in opposed_makers(ctx, clause_verb) if has_own_name(ctx, t)]
    out += [t for t in opposed_makers(ctx, verb) if has_own_name(ctx, t)]
    return out + [t for t in answered_doers(ctx, verb) if has_own_name(ctx, t)]


def opposed_makers(ctx: Context, verb: Token) -> list[Token]:
    """"marched against new taxes introduced by the county government", "protested over the
    ministry's fee rise", "rallied to protest the health ministry's pay freeze": who made or owns
    what a protest is against (clauses.txt `opposed_preps`, or the object of a protest verb): the
    possessor of that thing, or the agent of a participle hung on it."""
    things = [p for prep in children(verb, "prep") if prep.lower_ in ctx.clause_words("opposed_preps")
              for p in coordinated(children(prep, "pobj"))]
    if verb.lemma_.lower() in ctx.clause_words("opposing_verbs"):
        things += coordinated(children(verb, "dobj"))
    return [t for thing in things for t in (*children(thing, "poss"), *acl_agents(thing))]


def has_own_name(ctx: Context, token: Token) -> bool:
    """The token stands for an actor with a name of its own: a state, an organisation, a person, a
    known group ("Indian trawlers" for India; not "students")."""
    actor = actor_of(ctx, token, target=True)
    return actor is not None and (actor.type != "GROUP" or actor.kb_id is not None)


def answered_doers(ctx: Context, verb: Token) -> list[Token]:
    """"put missile units on standby as Chinese warplanes circled the island": the doer of the act
    that a clause of time (clauses.txt `answer_marks`) tells it answers, on the verb or, where the
    parser hangs it, on the last verb joined to it."""
    marks = ctx.clause_words("answer_marks")
    heads = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return [t for h in heads for c in children(h, "advcl") if any(m.dep_ == "mark" and m.lower_ in marks
                                                                    for m in c.children)
            for t in coordinated(children(c, "nsubj"))]


def demand_makers(ctx: Context, verb: Token, coding: Coding) -> list[Candidate]:
    """"agreed to hand power to a civilian council, a key demand of the protest movement", "rejected
    early elections, the main demand of the opposition": a concession or refusal (clauses.txt
    `demand_answer_types`) whose clause names what it grants or refuses as a demand (a noun of
    `acts_REQUEST` in apposition) answers the maker of that demand (by/from/of), before what it
    grants or whom it is given to."""
    if (plover_type(ctx.know.patterns.codes, coding) or "").lower() not in ctx.clause_words("demand_answer_types"):
        return []
    demands = ctx.clause_words("acts_REQUEST")
    return [t for noun in verb.subtree if noun.dep_ == "appos" and noun.lower_ in demands
            for t in pressure_makers(noun, 1)]
