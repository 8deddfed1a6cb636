"""Modality: whether an event is asserted, reported by someone, planned or only
hypothetical, and whether its clause is a condition ("if Israel attacks") that
did not happen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .context import Context

CONDITIONAL_FUTURE_AUX = ("would", "could")  # "would meet": an intent, not a plan
PAST_FUTURE_AUX = "would"  # "said they would meet": the future seen from the past


def in_condition(ctx: Context, token: Token) -> bool:
    """Inside an "if", "unless" or "until" clause ("until Israel ends the war")."""
    for node in [token, *token.ancestors]:
        if node.dep_ == "advcl":
            marks = [m.lower_ for m in node.children if m.dep_ == "mark"]
            if any(m in ctx.shared_words("conditional_marks") for m in marks):
                return True
            if not marks and node.tag_ in ("VBN", "VBG"):
                return False  # "the war, sparked by Hamas's massacre": a description, not a condition
        if node.dep_ in ("ROOT", "ccomp", "relcl", "acl", "appos"):
            return False
    return False


def conditional_future(verb: Token) -> bool:
    return any(c.lower_ in CONDITIONAL_FUTURE_AUX for c in verb.children if c.dep_ == "aux") or (
        verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "ADJ"))


def is_reported(ctx: Context, verb: Token) -> bool:
    """The clause (or the one it is coordinated with or a complement of) is what
    someone says: "Sudan said Ethiopia attacked"."""
    head = verb
    while head.dep_ in ("conj", "xcomp") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "ccomp" and head.head.lemma_.lower() in ctx.clause_words("report_verbs")


def is_planned(ctx: Context, verb: Token, auxiliaries: set[str]) -> bool:
    """"will host", "plans to visit", "willing to withdraw", "is going to meet"."""
    if auxiliaries & ctx.shared_words("future_aux"):
        return True
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    if head.lemma_.lower() in ctx.clause_words("plan_verbs") or head.lower_ in ctx.clause_words("plan_adjectives"):
        return True
    return head.lemma_.lower() == "go" and any(c.lower_ in ctx.shared_words("future_aux") for c in head.children)


def states_an_intent(ctx: Context, verb: Token) -> bool:
    """A planned event that is its actor's stated intent (CAMEO 03x): the
    complement of a plan verb or adjective ("agreed to send", "willing to
    contribute"), or what a speaker says it will or would do ("said it would allow"). A
    bare future ("Canada will give aid", "Britain would fund X, a minister said")
    is the event itself, planned."""
    if verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_.lower() in ctx.clause_words("plan_verbs") or head.lower_ in ctx.clause_words("plan_adjectives"):
            return True
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    head = verb
    while head.dep_ in ("conj", "xcomp") and head.head.i != head.i:
        head = head.head
    future = auxiliaries & (ctx.shared_words("future_aux") | {PAST_FUTURE_AUX})
    return bool(future) and is_reported(ctx, verb) and head.head.i < head.i


def modality(ctx: Context, verb: Token) -> str:
    """asserted | reported | planned | hypothetical, for a trigger (or its anchor verb)."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    reported = is_reported(ctx, verb)
    if reported and PAST_FUTURE_AUX in auxiliaries:
        return "planned"
    if in_condition(ctx, verb) or auxiliaries & ctx.shared_words("hypothetical_aux"):
        return "hypothetical"
    if is_planned(ctx, verb, auxiliaries):
        return "planned"
    if reported or any(c.dep_ == "prep" and c.lower_ == "according" for c in verb.children):
        return "reported"
    return "asserted"


def quoted(modality_: str) -> str:
    """An asserted event inside a quote is what the speaker reports."""
    return "reported" if modality_ == "asserted" else modality_
