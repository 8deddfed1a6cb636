"""Described targets: what an act is done to when the text names it by what it is, not by a
name ("threatened to expel the papal nuncio", "stormed parliament", "boycotted the courts",
"accepted the demand of regional governors"). When no candidate of an event stands for an actor
the document names, the first candidate that is a body or office (knowledge/actors/offices.txt)
or people (clauses.txt `people_nouns`, a generic actor phrase of knowledge/actors/agents.tsv that
is no state force) becomes the target: a new actor of its words, made by the events stage and
put in the record only when an event it drafted keeps it (`used_described`).

No new actor is made for a candidate that stands for a named actor (even the source), for a
named word, or for a source: a description is a target only when nothing named is."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...knowledge.generic_agents import STATE_FORCES
from ...nlp import NAMED_LABELS
from ...records import Actor, Event, actor_at
from .offices import OFFICE_PREPS, is_office
from .syntax import children, end_char
from .targets import Candidate, Late

if TYPE_CHECKING:
    from .context import Context

PHRASE_DEPS = frozenset({"amod", "compound", "nummod", "quantmod", "nmod", "poss"})
# a word that modifies another noun ("a civilian-led council"): no party of its own
MODIFIER_DEPS = frozenset({"amod", "compound", "npadvmod", "nmod"})
ACTOR_ID = re.compile(r"a(\d+)$")


def described_target(ctx: Context, candidates: Sequence[Candidate]) -> Actor | None:
    """The first candidate before the LATE mark, or a noun compounded with a direct object
    ("ignored a court order"), that is a described body, office or people and stands for no actor the document
    names: its actor (one per head token)."""
    for candidate in candidates:
        if isinstance(candidate, Late):
            break
        for token in (*([] if candidate.dep_ in MODIFIER_DEPS else [candidate]),
                      *(children(candidate, "compound") if candidate.dep_ == "dobj" else [])):
            if token.i in ctx.described:
                return ctx.described[token.i]
            if is_described(ctx, token) and not held(ctx, token) \
                    and actor_at(ctx.actors, token.idx, end_char(token)) is None:
                ctx.described[token.i] = described_actor(ctx, token)
                return ctx.described[token.i]
    return None


def is_described(ctx: Context, token: Token) -> bool:
    """A common noun in lower case that names a body or office or people, and names no holder:
    nothing named among its modifiers or after in/of/at ("China's envoy", "the Chinese envoy", "the
    ambassador of Montenegro" stand for the named one, never a description of their own)."""
    if token.pos_ != "NOUN" or not token.text.islower() or named(token):
        return False
    if any(named(t) for t in holder_words(token)):
        return False
    if any(rule(ctx, token) for rule in NO_PARTY_RULES):
        return False
    if is_office(ctx, token):
        return True
    agent = ctx.know.generic.get(token.lower_)
    if agent is not None:  # no state force, no gathering ("opposition rallies": gatherings.txt)
        return agent.category != STATE_FORCES \
            and token.lower_ not in ctx.know.generic.gatherings.get("gathering_nouns", frozenset())
    return token.lower_ in ctx.clause_words("people_nouns")


def taken_site(ctx: Context, token: Token) -> bool:
    """"occupied the health ministry", "blocked the rector's office", "ended an occupation of the
    council": a body or office a crowd takes or blocks (gatherings.txt `blockade_verbs`,
    `blockade_nouns`) is the building, a site, not the body it houses, nor is its owner ("the
    rector's"); "stormed parliament" is done to it."""
    site = token.head if token.dep_ == "poss" else token
    if not is_office(ctx, site):
        return False
    gatherings = ctx.know.generic.gatherings
    if site.dep_ == "dobj":
        return site.head.lemma_.lower() in gatherings.get("blockade_verbs", frozenset())
    return site.dep_ == "pobj" and site.head.lower_ == "of" and site.head.head.pos_ == "NOUN" \
        and site.head.head.lower_ in gatherings.get("blockade_nouns", frozenset())


def site_of_a_thing(ctx: Context, token: Token) -> bool:
    """"a sit-in outside the ministry", "boycott lectures at five universities", "crew members in
    the ship": after a place preposition (words.txt `locative_preps`) a body or office, or any noun
    that hangs on a noun, tells where, not whom the act is aimed at."""
    return token.dep_ == "pobj" and token.head.lower_ in ctx.shared_words("locative_preps") \
        and (token.head.head.pos_ in ("NOUN", "PROPN") or is_office(ctx, token))


def indefinite_body(ctx: Context, token: Token) -> bool:
    """"hand power to a civilian-led council", "set up an inquiry committee": a body or office
    with an indefinite article is one to be formed or any one, no party an act is aimed at."""
    return token.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) \
        and is_office(ctx, token)


# A described noun that stands for no party of the act, tried in is_described.
NO_PARTY_RULES = (taken_site, site_of_a_thing, indefinite_body)


def held(ctx: Context, token: Token) -> bool:
    """"demanded the release of the crew", "the hostages' return": the one a release or return
    (clauses.txt `holder_acts`) is of is held by the one it is asked of, not asked."""
    owner = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else \
        token.head if token.dep_ == "poss" else None
    return owner is not None and owner.lemma_.lower() in ctx.clause_words("holder_acts")


def holder_words(token: Token) -> list[Token]:
    """The words of a noun's left modifiers and of its in/of/at phrases."""
    heads = [c for c in token.children if (c.i < token.i and c.dep_ in PHRASE_DEPS)
             or (c.dep_ == "prep" and c.lower_ in OFFICE_PREPS)]
    return [t for c in heads for t in c.subtree]


def named(token: Token) -> bool:
    """A proper noun or a word of a named entity (a nationality too)."""
    return token.pos_ == "PROPN" or token.ent_type_ in NAMED_LABELS or token.ent_type_ == "NORP"


def described_actor(ctx: Context, token: Token) -> Actor:
    """The actor of a described noun: its phrase (the noun with its modifiers and a common-noun
    possessor, "the opposition party's candidate", "three factories"), a GROUP when plural, an
    ORG for a body or office; the one made before of the same words, mentioned again."""
    first = phrase_first(token)
    start, end = ctx.nlp[first].idx, end_char(token)
    name = ctx.text[start:end]
    same = next((a for a in ctx.described.values() if a.name.lower() == name.lower()), None)
    if same is not None:
        same.mentions.append((start, end))
        return same
    kind = "GROUP" if token.tag_ == "NNS" else ("ORG" if is_office(ctx, token) else "PERSON")
    return Actor(id=next_id(ctx), name=name, type=kind, mentions=[(start, end)])


def phrase_first(token: Token) -> int:
    """The first token of a described noun's phrase: its adjacent left modifiers' words, with no
    determiner first."""
    first = token.i
    for child in sorted((c for c in token.children if c.i < token.i and c.dep_ in PHRASE_DEPS), key=lambda c: -c.i):
        words = list(child.subtree)
        if words[-1].i != first - 1:
            break
        first = words[0].i
    while first < token.i and (token.doc[first].dep_ in ("det", "predet", "case", "punct")
                               or token.doc[first].pos_ == "PRON"):
        first += 1
    return first


def next_id(ctx: Context) -> str:
    """An actor id after every id of the document's actors and of the described ones made so far."""
    ids = [int(m.group(1)) for a in [*ctx.actors, *ctx.described.values()] if (m := ACTOR_ID.match(a.id))]
    return f"a{max(ids, default=0) + 1}"


def used_described(ctx: Context, events: list[Event]) -> list[Actor]:
    """The described actors that the finished events refer to, in text order."""
    used = {e.target for e in events} | {e.source for e in events}
    return sorted((a for a in ctx.described.values() if a.id in used), key=lambda a: a.mentions[0])
