"""To whom a concession with no target of its own is made: the party whose pressure it answers.

"After weeks of protests by farmers, India repealed the farm laws", "Serbia eased its visa rules after
pressure from Brussels", "In response to demands from the IMF, Egypt scrapped the subsidies",
"Sweden lifted the ban after Turkey threatened to block the deal": a concession (PLOVER CONCEDE) that
names no target is aimed at who made the pressure, demand or protest it follows or answers
(clauses.txt `pressure_nouns` after `pressure_preps`, down their by/from/of phrases and possessors),
or at the subject of a pressing act it follows (`pressing_verbs` in an "after" clause). Only actors
the document already has are taken: no new actor is made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .arguments import actor_of
from .coding import plover_type
from .syntax import children, coordinated, prep_objects
from .targets import pressure_makers

if TYPE_CHECKING:
    from ...records import Actor
    from .context import Context
    from .drafts import Draft

CONCEDE = "CONCEDE"


def conceded_to(ctx: Context, draft: Draft) -> Actor | None:
    """The first actor other than the source who made the pressure the concession answers."""
    if draft.kind != "verb" or draft.target is not None \
            or plover_type(ctx.know.patterns.codes, draft.coding) != CONCEDE:
        return None
    for token in pressers(ctx, draft.trigger):
        actor = actor_of(ctx, token, target=True)
        if actor is not None and actor.id != draft.source.id:
            return actor
    return None


def pressers(ctx: Context, verb: Token) -> list[Token]:
    """Who pressed: makers of the pressure nouns the verb's phrases name ("at the urging of X": X
    itself), then subjects of a pressing act in a clause hung on it."""
    nouns = ctx.clause_words("pressure_nouns")
    phrases = [t for n in pressure_phrases(ctx, verb) for t in (n, *prep_objects(n, ("of",)))]  # "weeks of protests"
    found = [n for n in phrases if n.lemma_.lower() in nouns or n.lower_ in nouns]
    out = [t for n in found for t in (*coordinated(children(n, "poss")), *pressure_makers(n))]
    out += [t for n in prep_objects(verb, ("in", "at")) if n.lemma_.lower() in ctx.clause_words("answer_nouns")
            for t in prep_objects(n, ("of",))]
    pressing = ctx.clause_words("pressing_verbs")
    marks = ctx.clause_words("pressure_preps")
    for clause in children(verb, "advcl"):
        if clause.lemma_.lower() in pressing and any(m.lower_ in marks for m in children(clause, "mark")):
            out.extend(coordinated(children(clause, "nsubj")))
    return out


def pressure_phrases(ctx: Context, verb: Token) -> list[Token]:
    """The objects of the verb's `pressure_preps` ("after pressure", "amid protests"), of "in
    response to" / "at the urging of", and of a "facing"/"responding to" participle."""
    out = prep_objects(verb, ctx.clause_words("pressure_preps"))
    for noun in prep_objects(verb, ("in", "at")):
        if noun.lemma_.lower() in ctx.clause_words("answer_nouns"):
            out += prep_objects(noun, ("to",))
    return out + facing_objects(ctx, verb)


def facing_objects(ctx: Context, verb: Token) -> list[Token]:
    """"Facing pressure from the EU, Serbia ...", "Responding to the unions' demands, ...": what a
    participle of `facing_verbs` hung on the verb faces or answers."""
    out: list[Token] = []
    for clause in children(verb, "advcl"):
        if clause.tag_ == "VBG" and clause.lemma_.lower() in ctx.clause_words("facing_verbs"):
            out += [*children(clause, "dobj"), *prep_objects(clause, ("to",))]
    return out
