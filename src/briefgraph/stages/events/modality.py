"""Modality: whether an event is asserted, reported by someone, planned or only
hypothetical, and whether its clause is a condition ("if Israel attacks") that
did not happen. NOT_FACTS name the acts a clause says did not happen (denied,
not allowed): `facts` drops them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .sections import dateline_source, quote_at
from .syntax import counterfactual, in_list

if TYPE_CHECKING:
    from .context import Context
    from .drafts import Draft

CONDITIONAL_FUTURE_AUX = ("would", "could")  # "would meet": an intent, not a plan
PAST_FUTURE_AUX = "would"  # "said they would meet": the future seen from the past
FACT_MODES = ("asserted", "reported")  # modalities of an act told as done (not planned, hypothetical)


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


def done_jointly(ctx: Context, verb: Token) -> bool:
    """A verb done "jointly"/"together" or as a "joint" activity (clauses.txt `joint_words`)."""
    words = ctx.clause_words("joint_words")
    if any(c.dep_ == "advmod" and c.lower_ in words for c in verb.children):
        return True
    return any(m.dep_ == "amod" and m.lower_ in words for o in verb.children if o.dep_ == "dobj" for m in o.children)


def agreed_jointly(ctx: Context, verb: Token) -> bool:
    """"Chile and Peru agreed to hold joint naval exercises", "agreed ... to mount joint patrols":
    the complement (or a complement's conjunct) of a verb of joint decision (clauses.txt
    `joint_plan_verbs`) done jointly is the sides' planned cooperation itself, not only their
    intent: it keeps its own type and is no mere content of the agreement."""
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in ctx.clause_words("joint_plan_verbs") \
        and done_jointly(ctx, verb)


def states_an_intent(ctx: Context, verb: Token) -> bool:
    """A planned event that is its actor's stated intent (CAMEO 03x): the
    complement of a plan verb or adjective ("agreed to send", "willing to
    contribute"), or what a speaker says it will or would do ("said it would allow"). A
    bare future ("Canada will give aid", "Britain would fund X, a minister said")
    is the event itself, planned."""
    if verb.dep_ == "xcomp":
        head = verb.head
        if head.lower_ in ctx.clause_words("plan_adjectives"):
            return True  # "would be prepared to release": an offer, whatever verb the adjective comes from
        if head.lemma_.lower() in ctx.clause_words("schedule_verbs"):
            return False  # "is expected to meet": the meeting itself, planned
        if head.lemma_.lower() in ctx.clause_words("plan_verbs"):
            return True
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    head = verb
    while head.dep_ in ("conj", "xcomp") and head.head.i != head.i:
        head = head.head
    future = auxiliaries & (ctx.shared_words("future_aux") | {PAST_FUTURE_AUX})
    return bool(future) and (is_reported(ctx, verb) and head.head.i < head.i or speaks_for_itself(ctx, verb))


def speaks_for_itself(ctx: Context, verb: Token) -> bool:
    """"“We will give shelter to civilians,” the minister said": what a speaker says, in a
    direct quote, that "we" or "I" will do is a stated intent."""
    quote = quote_at(ctx, verb.idx)
    if quote is None or quote.kind == "partial":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("we", "i") for c in verb.children)


def modality(ctx: Context, verb: Token) -> str:
    """asserted | reported | planned | hypothetical, for a trigger (or its anchor verb)."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    reported = is_reported(ctx, verb)
    if counterfactual(verb):
        return "hypothetical"  # "would have stormed parliament had police not ...": a counterfactual past
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


# ---- acts the clause says did not happen: what is denied or not allowed ----

NotFact = Callable[["Context", "Draft"], "str | None"]
COMPLEMENT_DEPS = ("xcomp", "ccomp", "dobj", "pcomp", "prep")


def governing(ctx: Context, token: Token, words: str) -> Token | None:
    """The nearest verb of clauses.txt list `words` before the token that the token is the
    complement of, through complements only ("denied paying": "paying" is in what "denied"
    governs; in "accused police of torture, a claim police denied" the parser may hang the
    accusation on the later "denied", which denies it, not the accusation)."""
    node = token
    while node.head.i != node.i and node.dep_ in COMPLEMENT_DEPS:
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in ctx.clause_words(words):
            return node if node.i < token.i else None
    return None


def denied(ctx: Context, draft: Draft) -> str | None:
    """"Rome denied paying a ransom", "Moscow denied that its troops attacked": what the
    actor denies is a statement of its own, not an act (clauses.txt `denial_verbs`)."""
    if governing(ctx, draft.anchor, "denial_verbs") is not None:
        return "what its actor denies (\"denied paying a ransom\")"
    return None


def withheld(ctx: Context, draft: Draft) -> str | None:
    """"Iran has not allowed consular officials to visit the sailors": what a refused
    permission is for did not happen (clauses.txt `permission_verbs`)."""
    verb = governing(ctx, draft.anchor, "permission_verbs")
    if verb is not None and any(c.dep_ == "neg" for c in verb.children):
        return "the act a withheld permission is for (\"has not allowed officials to visit\")"
    return None


def describes_its_patient(ctx: Context, draft: Draft) -> str | None:
    """"insurgents linked to the Islamic State attacked ...", "a party allied to Moscow": a
    participle with a weak pattern (one that needs a target) tells what the noun it describes
    is, not an act: it has no auxiliary, subject or agent of its own, or the parser made it the
    main verb of the noun and hung the sentence's own verb on it with no subject."""
    verb = draft.trigger
    if draft.kind != "verb" or verb.tag_ not in ("VBN", "VBD") or not draft.coding.weak:
        return None
    deps = {c.dep_ for c in verb.children}
    if deps & {"aux", "auxpass", "agent"}:
        return None
    bare = (verb.tag_ == "VBN" or verb.dep_ == "acl") and not deps & {"nsubj", "nsubjpass"}
    if bare or any(_main_verb_hung_on(verb, c) for c in verb.children):
        return "a participle telling what its noun is (\"insurgents linked to X\")"
    return None


def _main_verb_hung_on(verb: Token, child: Token) -> bool:
    """"Insurgents linked to X attacked a village": the parser hangs the sentence's verb
    ("attacked") on the participle as a clause or a conjunct with no subject, mark or "and"."""
    if child.dep_ not in ("advcl", "conj") or child.tag_ != "VBD" or child.i < verb.i:
        return False
    if any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in child.children):
        return False
    return not any(c.dep_ == "cc" and verb.i < c.i < child.i for c in verb.children)


def standing_relation(ctx: Context, draft: Draft) -> str | None:
    """"Turkey, which backs Azerbaijan, ...", "Hezbollah, which Iran arms": a relative clause
    in the simple present, with no auxiliary, tells what its noun is to someone (a standing
    relation), not an act done at a time."""
    verb = draft.trigger
    if draft.kind != "verb" or verb.dep_ != "relcl" or verb.tag_ not in ("VBZ", "VBP"):
        return None
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return None
    return "a relative clause in the present telling a standing relation (\"Turkey, which backs X\")"


def habitual(ctx: Context, draft: Draft) -> str | None:
    """"Rights groups routinely criticise Egypt", "Aid agencies have long warned that ...": an adverb of
    habit (clauses.txt `habitual_adverbs`; `habitual_perfect_adverbs` with a perfect "have") on the
    verb tells a habit or a state of affairs, not an act done at a time; on the light verb of an event noun too
    ("Al-Shabaab regularly carries out bombings")."""
    verb = draft.trigger if draft.kind == "verb" else draft.anchor
    if draft.kind != "verb" and not (draft.kind == "noun" and in_list(verb, ctx.clause_words("light_verbs"))):
        return None
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    if adverbs & ctx.clause_words("habitual_adverbs"):
        return "a habit, no act at a time (\"routinely criticise\")"
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    if perfect and adverbs & ctx.clause_words("habitual_perfect_adverbs"):
        return "a state of affairs (\"have long warned\")"
    return None


NOT_FACTS: tuple[NotFact, ...] = (denied, withheld, describes_its_patient, standing_relation, habitual,
                                  dateline_source)


def facts(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """The drafts of acts the text tells as done: without those of NOT_FACTS."""
    return [d for d in drafts if not any(rule(ctx, d) for rule in NOT_FACTS)]
