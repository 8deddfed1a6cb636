"""The source of an event noun: its possessor, state adjective, "by" phrase or moving
forces (NOUN_SOURCE_RULES, all of them, in order); and the doer of a protest noun that
names none in its own phrase ("workers on strike", "in protest at") or of a noun whose
"by" phrase the parser hung on the verb."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .arguments import actor_of
from .coding import root, verb_coding
from .subjects import subjects
from .syntax import agents, children, coordinated, in_list, prep_objects

if TYPE_CHECKING:
    from .context import Context

NounSourceRule = Callable[["Context", Token, Token], list[Token]]


# ---- the source of an event noun: each child of the noun in turn ----

def possessor(ctx: Context, noun: Token, child: Token) -> list[Token]:
    """"Israel's strikes"; not the one an act is done to ("the traders' release", "the
    journalist's arrest": a `noun_of_patient` noun with no "of" naming its patient)."""
    if child.dep_ != "poss" or patient_possessors(ctx, noun):
        return []
    return [child]


def patient_possessors(ctx: Context, noun: Token) -> list[Token]:
    """"the traders' release": the possessors of a `noun_of_patient` noun that names no
    patient after "of" are whom the act is done to."""
    if not in_list(noun, ctx.clause_words("noun_of_patient")) or prep_objects(noun, ("of",)):
        return []
    return list(coordinated(children(noun, "poss")))


def actor_modifier(ctx: Context, noun: Token, child: Token) -> list[Token]:
    """"Israeli strikes", "the Hamas attack" (not a place: "the Africa bombings" happened there)."""
    if child.dep_ not in ("amod", "compound", "nmod") or in_list(noun, ctx.clause_words("noun_of_patient")):
        return []  # "Troubles-era killings", "Minsk arrests": an era or a place, rarely the doer
    actor = actor_of(ctx, child)
    return [child] if actor is not None and actor.type != "LOC" else []


def by_phrase(ctx: Context, noun: Token, child: Token) -> list[Token]:
    """"strikes by Israel", and for a visit "the visit of the president"."""
    if child.dep_ != "prep":
        return []
    if child.lower_ == "by" or (child.lower_ == "of" and in_list(noun, ctx.clause_words("noun_of_agent"))):
        return coordinated(children(child, "pobj"))
    return []


def moving_forces(ctx: Context, noun: Token, child: Token) -> list[Token]:
    """"the withdrawal of French troops", "the deployment of Chinese warships": a movement noun
    (clauses.txt `noun_of_mover`) is made by its "of" object when a modifier names that object's
    state or group (not bare "troops": "demanded the withdrawal of troops" names no mover)."""
    if child.dep_ != "prep" or child.lower_ != "of" or not in_list(noun, ctx.clause_words("noun_of_mover")):
        return []
    return [obj for obj in coordinated(children(child, "pobj"))
            if any(actor_modifier(ctx, obj, mod) for mod in obj.children)]


NOUN_SOURCE_RULES: tuple[NounSourceRule, ...] = (possessor, actor_modifier, by_phrase, moving_forces)


def noun_sources(ctx: Context, noun: Token) -> list[Token]:
    """The source tokens of an event noun, in the order of the noun's children."""
    return [t for child in noun.children for rule in NOUN_SOURCE_RULES for t in rule(ctx, noun, child)]


# ---- the doer of an event noun that names none in its own phrase ----

def holder_on(ctx: Context, noun: Token) -> list[Token]:
    """"three prisoners on hunger strike", "workers on strike": the noun a protest is "on"; "nurses
    have been on strike", "remained on strike": the subjects of the verb of clauses.txt
    `staying_verbs` it is "on"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "on":
        return []
    if prep.head.pos_ in ("NOUN", "PROPN"):
        return [prep.head]
    return subjects(ctx, prep.head)[0] if prep.head.lemma_.lower() in ctx.clause_words("staying_verbs") else []


def protest_manner(ctx: Context, noun: Token) -> list[Token]:
    """"farmers dumped tomatoes on the highway in protest at low prices": a protest the act
    was done "in" is its doer's, unless the verb is itself a protest ("blocked roads in a
    strike": the same event) or an act by which states protest (clauses.txt `protesting_roots`:
    "recalled its ambassador in protest at X's decision" is the recall, aimed at X)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ != "VERB":
        return []
    coding = verb_coding(ctx.know.patterns, prep.head)
    if coding is not None and root(coding) in ctx.clause_words("protesting_roots"):
        return []
    return subjects(ctx, prep.head)[0]


def misplaced_agent(noun: Token) -> list[Token]:
    """"broke up a march by students": the parser hangs the noun's "by" phrase on the
    active verb whose object the noun is; an active verb has no agent of its own."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or children(verb, "auxpass", "nsubjpass"):
        return []
    return list(coordinated(agents(verb)))
