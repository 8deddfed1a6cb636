"""Draft filters: which drafted events of a sentence did not happen as a fact.

Each filter returns why a draft is no event (the content of a demand or plan, a
condition, an opinion quoted, the errand of someone who went somewhere, what its own
holder ended, a noun its own verb's event tells again, a kind of event under "any"), or
None; DRAFT_FILTERS run in order over a sentence's drafts (`not_a_fact`:
triggers.sentence_events, agentless.py, gatherings.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .coding import COOPERATE_ROOT, EMBEDDING_ROOTS, YIELD_ROOT, plover_type, root
from .drafts import Draft
from .modality import agreed_jointly, in_condition
from .sections import is_expert_quote, names_an_expert, quote_at
from .syntax import complement_of, determined_by, in_list, is_means, is_purpose

if TYPE_CHECKING:
    from .context import Context

DraftFilter = Callable[["Context", Draft, list[Draft]], "str | None"]


def embedded_in_another(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    """What is demanded, offered, promised, rejected or threatened did not happen; how a rejection
    was done did ("violated the ceasefire by shelling X": the shelling, `is_means`)."""
    anchor = draft.anchor
    if root(draft.coding) == COOPERATE_ROOT and agreed_jointly(ctx, anchor):
        return None  # "agreed to mount joint patrols": the planned cooperation is an event of its own
    means = is_means(anchor)
    if any(e is not draft and e.trigger.i not in (anchor.i, draft.trigger.i) and root(e.coding) in EMBEDDING_ROOTS
           and complement_of(anchor, e.trigger) and not (means and anchor.head.head.i == e.trigger.i)
           for e in drafts):
        return "the content of another event (\"demanded that Israel withdraw\")"
    nouns = ctx.clause_words("embedding_nouns")
    if any(a.lemma_.lower() in nouns and a.pos_ == "NOUN" for a in anchor.ancestors if a.sent == anchor.sent):
        return "the content of a demand or plan noun (\"its demand that Israel ease\")"
    return None


def told_by_its_means(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    """"violated the Idlib ceasefire by shelling Maarat al-Numan": a violation (clauses.txt
    `means_told_codes`) told through the act it was done by, which has a draft of the same doer, is
    that act's description: the act is the event."""
    if not draft.coding.cameo.startswith(tuple(ctx.clause_words("means_told_codes"))):
        return None
    means = [t for p in draft.trigger.children if p.dep_ == "prep" and p.lower_ == "by"
             for t in p.children if t.dep_ == "pcomp" and is_means(t)]
    if any(e is not draft and e.trigger.i in {t.i for t in means} and e.source.id == draft.source.id for e in drafts):
        return "a violation told through the act it was done by (\"violated the truce by shelling X\")"
    return None


def in_a_condition(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    if in_condition(ctx, draft.anchor):
        return "a condition (\"if Hamas runs\", \"until Israel ends the war\")"
    return None


def in_an_opinion_quote(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    quote = quote_at(ctx, draft.trigger.idx)
    if quote is not None and (is_expert_quote(ctx, quote) or quote.kind == "partial"):
        return "an opinion, or a characterisation quoted inside reported speech"
    return None


def an_experts_guess(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    """"Analysts warned that al-Shabaab could retake more towns", "Experts said Russia would retaliate",
    "Analysts expect China to hold drills", "According to analysts, Russia could cut gas supplies": what an expert
    (words.txt `expert_roles` in the speaker's phrase) says may or will happen is a view, as an expert's quote is
    (sections.is_expert_quote); what an expert tells as done stays ("Analysts said Israel struck a depot")."""
    path = [draft.anchor, *draft.anchor.ancestors]
    views = (ctx.clause_words("report_verbs") | ctx.clause_words("threat_report_verbs")
             | ctx.clause_words("opinion_verbs"))
    head = next((t for t in path[1:] if in_list(t, views)), None)
    below = path[:path.index(head)] if head is not None else path
    speakers = [c for c in head.children if c.dep_ == "nsubj"] if head is not None else []
    speakers += [p for t in below for a in t.children if a.lower_ == "according"
                 for to in a.children for p in to.children if p.dep_ == "pobj"]
    if not any(names_an_expert(ctx, " ".join(t.text for t in s.subtree)) for s in speakers):
        return None
    if head is not None and in_list(head, ctx.clause_words("guess_verbs")) or _guessed(ctx, below):
        return "an expert's guess of what may happen (\"analysts warned X could retake\")"
    return None


def _guessed(ctx: Context, clause: list[Token]) -> bool:
    """A modal ("could retake", "will attack") or a word of likelihood ("is likely to retaliate") in the clause."""
    modals = ctx.shared_words("hypothetical_aux") | ctx.shared_words("future_aux")
    likely = ctx.clause_words("likelihood_words")
    return any(t.lower_ in likely or any(c.dep_ == "aux" and c.lower_ in modals or c.lower_ in likely
                                        for c in t.children) for t in clause)


def errand_of_who_went(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    """"a police team that had gone to arrest a suspect was attacked": the errand of those a
    relative clause says went somewhere is what they meant to do, not what happened."""
    trigger = draft.trigger
    if draft.kind != "verb" or not is_purpose(trigger):
        return None
    went = trigger.head
    if went.dep_ == "relcl" and in_list(went, ctx.clause_words("travel_verbs")):
        return "the errand of someone described as going there (\"officers who had come to arrest him\")"
    return None


def ended_by_its_holder(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    """"Students ended a two-day occupation", "nurses called off their strike": what its own
    holders end is the yielding event (CAMEO 08), not a protest of its own ("did not end
    their blockade": the blockade goes on)."""
    noun = draft.trigger
    if draft.kind != "noun" or noun.dep_ != "dobj":
        return None
    if any(e.trigger.i == noun.head.i and root(e.coding) == YIELD_ROOT and e.source.id == draft.source.id
           and not e.negated for e in drafts):
        return "ended by the one who held it (\"called off their strike\")"
    return None


def told_by_its_verb(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    """"Striking miners vowed to continue their strike": an event noun under a verb whose own
    event, by the same actor, is of the same PLOVER type is that verb's event told again (the
    pattern "vow * continue * strike" codes the verb), not a second one ("began their strike",
    a verb with no event of its own, leaves the noun its event)."""
    noun = draft.trigger
    if draft.kind != "noun":
        return None
    codes = ctx.know.patterns.codes
    kind = plover_type(codes, draft.coding)
    above = {a.i for a in noun.ancestors}
    if kind is not None and any(
            e is not draft and e.kind == "verb" and e.trigger.i in above and e.source.id == draft.source.id
            and e.negated == draft.negated and plover_type(codes, e.coding) == kind for e in drafts):
        return "its verb's own event told again (\"vowed to continue their strike\")"
    return None


def any_such_event(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    """"would respond to any Indian strike", "rejected any prisoner exchange": an event
    noun under "any" (clauses.txt `any_determiners`) names a kind of event, not one that happened."""
    if draft.kind == "noun" and determined_by(draft.trigger, ctx.clause_words("any_determiners")):
        return "a kind of event, not one that happened (\"any attack\")"
    return None


DRAFT_FILTERS: tuple[DraftFilter, ...] = (embedded_in_another, told_by_its_means, in_a_condition, in_an_opinion_quote,
                                          an_experts_guess, errand_of_who_went, ended_by_its_holder, told_by_its_verb,
                                          any_such_event)


def not_a_fact(ctx: Context, draft: Draft, drafts: list[Draft]) -> bool:
    """Whether a DRAFT_FILTERS rule drops `draft` among the sentence's `drafts` (it among them)."""
    return any(rule(ctx, draft, drafts) for rule in DRAFT_FILTERS)
