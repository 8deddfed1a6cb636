"""What a pronoun stands for (arguments.pronoun_antecedent): the last compatible actor
mentioned before it in its sentence or the one before, subjects and objects preferred; never
the subject of its own clause, a name that only modifies another, or the place where
something happened; "we" in a quote is its speaker; the subject of a reported clause ("Rwanda's government said it
would deploy") is whoever reports it.

PRONOUN_RULES each give the actor a pronoun stands for, in order, before the nearest mention.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...records import Actor, actor_at
from .sections import quote_at
from .syntax import children, end_char, window_start

if TYPE_CHECKING:
    from .context import Context

MENTION_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "ROOT", "conj")  # antecedents preferred


def quote_speaker(ctx: Context, pronoun: Token) -> Actor | None:
    """"we" in a quote: its speaker."""
    if pronoun.lower_ not in ctx.shared_words("speaker_pronouns"):
        return None
    quote = quote_at(ctx, pronoun.idx)
    return ctx.by_id.get(quote.speaker) if quote and quote.speaker else None


def reporter(ctx: Context, pronoun: Token) -> Actor | None:
    """"Rwanda's government said it would deploy 500 soldiers", "the ministry said they had
    arrested": the subject of a clause a report verb (clauses.txt `report_verbs`) governs stands
    for the reporter, the actor named in the report verb's subject (a person for he or she, none
    for "it"), not for the last mention before it."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" \
            or clause.head.lemma_.lower() not in ctx.clause_words("report_verbs"):
        return None
    for subject in children(clause.head, "nsubj"):
        start, end = subject.left_edge.idx, end_char(subject.right_edge)
        named = [a for s, e, a in ctx.mentions if start <= s and e <= end]
        if len({a.id for a in named}) == 1 and agrees(ctx, pronoun, named[0]):
            return named[0]
    return None


def agrees(ctx: Context, pronoun: Token, actor: Actor) -> bool:
    """The actor can be what the pronoun stands for: a person for he or she, none for the others;
    no group for "it"."""
    person = pronoun.lower_ in ctx.shared_words("person_pronouns")
    singular = pronoun.lower_ in ("it", "its")
    return person == (actor.type == "PERSON") and not (singular and actor.type == "GROUP")


PRONOUN_RULES = (quote_speaker, reporter)


def antecedent(ctx: Context, pronoun: Token) -> Actor | None:
    """The actor a pronoun stands for: the one a PRONOUN_RULES rule finds, else the last
    compatible actor mentioned before it in this or the previous sentence, preferring subjects
    and objects."""
    if pronoun.lower_ in ctx.shared_words("speaker_pronouns"):
        return quote_speaker(ctx, pronoun)
    told = reporter(ctx, pronoun)
    if told is not None:
        return told
    start = window_start(pronoun, 1)
    # "the citizens it captured": the relative clause's own noun is not what "it" stands for
    modified = pronoun.head.head if pronoun.head.dep_ == "relcl" else None
    own_subject = clause_subject(pronoun)
    best, best_rank = None, None
    for m_start, m_end, actor in ctx.mentions:
        if m_start < start or m_end > pronoun.idx:
            continue
        if not agrees(ctx, pronoun, actor):
            continue
        if modified is not None and m_start <= modified.idx < m_end:
            continue
        if own_subject is not None and m_start <= own_subject.idx < m_end:
            continue  # "police arrested 19 of them": not the police
        span = pronoun.doc.char_span(m_start, m_end, alignment_mode="expand")
        head_dep = span.root.dep_ if span is not None else ""
        rank = (head_dep in MENTION_DEPS and not (span is not None and (
            modifies_mention(ctx, span.root) or where_it_happened(ctx, span.root, actor))), m_start)
        if best_rank is None or rank > best_rank:
            best, best_rank = actor, rank
    return best


def clause_subject(pronoun: Token) -> Token | None:
    """The subject of the verb an object pronoun belongs to (a pronoun that is not
    reflexive does not stand for it)."""
    if pronoun.dep_ not in ("dobj", "pobj", "dative"):
        return None
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("prep", "pobj", "dobj", "nummod", "appos") \
            and verb.head.i != verb.i:
        verb = verb.head
    subjects = children(verb, "nsubj") if verb.pos_ in ("VERB", "AUX") else []
    return subjects[0] if subjects else None


def where_it_happened(ctx: Context, token: Token, actor: Actor) -> bool:
    """"staged a rally in Jayapura, and police arrested 19 of them": a place after in/at/near
    is where something happened, not who "they" are."""
    return actor.type in ("GPE", "LOC") and token.dep_ == "pobj" \
        and token.head.lower_ in ctx.shared_words("locative_preps")


def modifies_mention(ctx: Context, token: Token) -> bool:
    """"Police in Lagos said they ...": a name in a prepositional phrase on another
    actor's mention describes that actor; the pronoun stands for the actor."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = prep.head
    return actor_at(ctx.actors, noun.idx, end_char(noun)) is not None
