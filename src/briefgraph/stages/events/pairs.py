"""Acts aimed at "both sides": "urged all sides to show restraint", "Officials from both
countries will meet", "talks between the two governments". A draft with no target whose
object, or whose subject's "from"/"of" phrase, is such a pair phrase (clauses.txt
`pair_nouns` with "both", "all", "two" or "the ... parties") is aimed at the state the
document is most about: the state actor mentioned most often, other than the source's own.

PAIR_FINDERS each give the pair-phrase token of a draft, in order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .syntax import children, prep_objects

if TYPE_CHECKING:
    from ...records import Actor
    from .context import Context
    from .drafts import Draft

PAIR_WORDS = ("both", "all", "two")  # "both sides", "all sides", "the two countries"
PAIR_PREPS = ("with", "between", "among", "to")
MEMBER_PREPS = ("from", "of")  # "officials from both countries"

PairFinder = Callable[["Context", "Draft"], "Token | None"]


def is_pair_phrase(ctx: Context, token: Token) -> bool:
    """"both sides", "all sides", "the two governments", "the parties"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in ctx.clause_words("pair_nouns"):
        return False
    words = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "nummod", "preconj", "amod")}
    return bool(words & set(PAIR_WORDS)) or (token.lemma_.lower() == "party" and "the" in words
                                             and token.tag_ == "NNS")


def pair_object(ctx: Context, draft: Draft) -> Token | None:
    """"urged all sides", "talks with both governments": the trigger's object."""
    objects = children(draft.trigger, "dobj") + prep_objects(draft.trigger, PAIR_PREPS)
    return next((o for o in objects if is_pair_phrase(ctx, o)), None)


def pair_members(ctx: Context, draft: Draft) -> Token | None:
    """"Officials from both countries will meet": the subject's "from"/"of" phrase."""
    subjects = children(draft.trigger, "nsubj")
    found = [o for s in subjects for o in prep_objects(s, MEMBER_PREPS)]
    return next((o for o in found if is_pair_phrase(ctx, o)), None)


PAIR_FINDERS: tuple[PairFinder, ...] = (pair_object, pair_members)


def main_state(ctx: Context, source: Actor) -> Actor | None:
    """The state actor mentioned most often, not the source nor of the source's country."""
    counts: Counter[str] = Counter(a.id for _s, _e, a in ctx.mentions if a.type == "GPE" and a.id != source.id
                                   and not (source.country and a.country == source.country))
    return ctx.by_id[counts.most_common(1)[0][0]] if counts else None


def aim_at_pairs(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """The drafts, those with no target aimed at "both sides" given the document's main state."""
    out = []
    for draft in drafts:
        pair = None
        if draft.target is None and draft.kind == "verb":
            pair = next((p for p in (f(ctx, draft) for f in PAIR_FINDERS) if p is not None), None)
        state = main_state(ctx, draft.source) if pair is not None else None
        out.append(replace(draft, target=state) if state is not None else draft)
    return out
