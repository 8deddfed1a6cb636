"""The target candidates of an event noun ("strikes on Gaza", "held talks with Hamas"):
NOUN_TARGET_RULES each add candidates, in order, in the candidate-list form of
targets.py (guesses after its LATE mark); targets.choose_target picks one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .coding import noun_coding, root
from .noun_sources import patient_possessors
from .syntax import CONTENT_POS, children, condition_subjects, coordinated, in_list, prep_objects
from .targets import LATE, Candidate, late_targets

if TYPE_CHECKING:
    from .context import Context


@dataclass(frozen=True)
class NounUse:
    """An event noun as a trigger: the light verb it is the object of ("held
    talks"), and whether its coding lets the place be the target."""

    noun: Token
    governor: Token | None
    place: bool


NounTargetRule = Callable[["Context", NounUse], list[Candidate]]


def noun_recipient(ctx: Context, use: NounUse) -> list[Candidate]:
    """"Guatemala's handover of two suspects to the United States": who receives what a transfer
    noun hands over (clauses.txt `transfer_nouns`) comes before what was handed, as for the verbs
    (targets.recipient)."""
    if not in_list(use.noun, ctx.clause_words("transfer_nouns")):
        return []
    # the parser often hangs "to" on what was handed ("of two suspects to ...")
    heads = [use.noun, *prep_objects(use.noun, ("of",))]
    found: list[Candidate] = [t for head in heads for t in prep_objects(head, ("to",))]
    return found


def noun_prep_objects(ctx: Context, use: NounUse) -> list[Candidate]:
    """"strikes on Gaza", "talks with Hamas" (not "of" after a visit: its visitor)."""
    preps = ctx.clause_words("noun_target_preps")
    if any(in_list(use.noun, ctx.clause_words(words)) for words in ("noun_of_agent", "noun_of_mover")):
        preps = preps - {"of"}
    # "the arrest of 12 activists", "the expulsion of two diplomats", "the traders' release":
    # whom the act is done to
    patients = [*prep_objects(use.noun, ("of",)), *patient_possessors(ctx, use.noun)] \
        if use.noun.lemma_.lower() in ctx.clause_words("noun_of_patient") else []
    return [*patients, *prep_objects(use.noun, preps)]


def described_by_verbs(ctx: Context, use: NounUse) -> list[Candidate]:
    """"strikes targeting Hezbollah", "the talks he held with Hamas"."""
    out: list[Candidate] = []
    for child in children(use.noun, "acl", "relcl"):
        lemma = child.lemma_.lower()
        if lemma == "target":
            out.extend(coordinated(children(child, "dobj")))
        elif lemma in ctx.clause_words("light_verbs"):
            out.extend(prep_objects(child, ctx.clause_words("noun_target_preps")))
    return out


def light_verb_objects(ctx: Context, use: NounUse) -> list[Candidate]:
    """"held talks with Hamas": the light verb's prepositional objects and condition."""
    if use.governor is None:
        return []
    return [*prep_objects(use.governor, ctx.clause_words("noun_target_preps")),
            *condition_subjects(use.governor, ctx.shared_words("conditional_marks"))]


def what_it_hit(ctx: Context, use: NounUse) -> list[Candidate]:
    """"the attacks killed X": the object of the verb the event noun is subject of."""
    noun = use.noun
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
        return list(coordinated(children(noun.head, "dobj", "dative")))
    return []


def handled_by(ctx: Context, use: NounUse) -> list[Candidate]:
    """"Ukraine's request for air defence was discussed by NATO ministers": an appeal or demand
    (clauses.txt `addressed_roots`) told as the passive subject of a verb is addressed to that
    verb's "by" agent, who handles it."""
    noun = use.noun
    if noun.dep_ != "nsubjpass" or noun.head.pos_ != "VERB":
        return []
    coding = noun_coding(ctx.know.patterns, noun)
    if coding is None or root(coding) not in ctx.clause_words("addressed_roots"):
        return []
    return [t for agent in children(noun.head, "agent") for t in coordinated(children(agent, "pobj"))]


def later_in_phrase(ctx: Context, use: NounUse) -> list[Candidate]:
    """Guesses: any name after the noun in its phrase."""
    return [LATE, *(t for t in use.noun.subtree if t.i > use.noun.i and t.pos_ in CONTENT_POS)]


def light_verb_late(ctx: Context, use: NounUse) -> list[Candidate]:
    """Guesses of the light verb ("held talks in Doha")."""
    return late_targets(ctx, use.governor, use.place) if use.governor is not None else []


NOUN_TARGET_RULES: tuple[NounTargetRule, ...] = (
    noun_recipient,
    noun_prep_objects,
    described_by_verbs,
    light_verb_objects,
    what_it_hit,
    handled_by,
    later_in_phrase,
    light_verb_late,
)


def noun_targets(ctx: Context, use: NounUse) -> list[Candidate]:
    return [t for rule in NOUN_TARGET_RULES for t in rule(ctx, use)]
