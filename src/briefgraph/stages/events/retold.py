"""Events told again: an act an earlier sentence of the document already told, named once more
("The next day, JNIM claimed the kidnapping") or told in more detail (the protest's barricades).
Each rule of RE_MENTIONS says whether a draft is such a re-mention; `without_re_mentions` drops
them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coding import plover_type
from .referents import named_types
from .syntax import children, determined_by

if TYPE_CHECKING:
    from .context import Context
    from .drafts import Draft


def told_again(ctx: Context, draft: Draft, earlier: list[Draft]) -> bool:
    """"The next day, JNIM claimed the kidnapping", "the attack on Quirimba was the deadliest":
    an event noun with a definite determiner (clauses.txt `definite_determiners`) after an event
    of its PLOVER type in an earlier sentence names that event again, whoever the clause
    gives as its doer."""
    noun = draft.trigger
    if draft.kind != "noun" or not determined_by(noun, ctx.clause_words("definite_determiners")):
        return False
    codes = ctx.know.patterns.codes
    kind = plover_type(codes, draft.coding)
    return kind not in (None, "none") and any(
        d.kind != "quote" and d.trigger.sent.start < noun.sent.start and plover_type(codes, d.coding) == kind
        for d in earlier)


def told_again_by_its_noun(ctx: Context, draft: Draft, earlier: list[Draft]) -> bool:
    """"Kenya and Ethiopia agreed on Tuesday to set up a joint force. The agreement was reached
    during a visit to Addis Ababa": a verb whose subject or object is a definite event noun
    (clauses.txt `definite_determiners`) of the verb's own PLOVER type (an `acts_<TYPE>` word), after an event of that
    type in an earlier sentence, tells that event again ("the agreement" is the one told)."""
    verb = draft.trigger
    if draft.kind != "verb":
        return False
    codes = ctx.know.patterns.codes
    kind = plover_type(codes, draft.coding)
    if kind in (None, "none") or not any(
            d.kind != "quote" and d.trigger.sent.start < verb.sent.start and plover_type(codes, d.coding) == kind
            for d in earlier):
        return False
    definite = ctx.clause_words("definite_determiners")
    return any(determined_by(noun, definite) and kind in named_types(ctx, noun)
               for noun in children(verb, "nsubjpass", "dobj"))


PROTEST = "PROTEST"


def protest_told_again(ctx: Context, draft: Draft, earlier: list[Draft]) -> bool:
    """"Hawkers blocked Moi Avenue to protest against new fees. The traders, who had marched from
    Gikomba Market, set up barricades near the Hilton": a protest by a group with no coded
    target (none, or a place, a street, a building) after a group's protest in an earlier
    sentence is the same protest told in more detail."""
    codes = ctx.know.patterns.codes
    if draft.source.type != "GROUP" or plover_type(codes, draft.coding) != PROTEST:
        return False
    if draft.target is not None and draft.target.code is not None:
        return False
    start = draft.trigger.sent.start
    return any(d.source.type == "GROUP" and plover_type(codes, d.coding) == PROTEST
               and d.trigger.sent.start < start for d in earlier)


RE_MENTIONS = (told_again, told_again_by_its_noun, protest_told_again)


def without_re_mentions(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """The drafts without those that tell an event told before (RE_MENTIONS)."""
    kept = []
    for draft in drafts:
        earlier = [e for e in drafts if e.trigger.i < draft.trigger.i]
        if not any(rule(ctx, draft, earlier) for rule in RE_MENTIONS):
            kept.append(draft)
    return kept
