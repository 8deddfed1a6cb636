"""The states behind nationality words: "Iranian" -> Iran, and the states of a phrase's
coordinated nationality words ("Pakistani and Indian military officers"). Read by the
argument rules (arguments.py) and the drafts (drafts.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...records import Actor, actor_at
from .syntax import children, conjuncts, end_char

if TYPE_CHECKING:
    from .context import Context


def state_of_demonym(ctx: Context, token: Token) -> Actor | None:
    """The document's actor for the state a demonym names ("Iranian" -> Iran)."""
    before = [c for c in token.children if c.i == token.i - 1 and c.dep_ in ("amod", "compound")]
    code = ctx.know.demonyms.get(f"{before[0].lower_} {token.lower_}") if before else None  # "South Korean"
    code = code or ctx.know.demonyms.get(token.lower_)
    if code is None and token.lower_.endswith("s"):  # "Palestinians", "Israelis"
        code = ctx.know.demonyms.get(token.lower_[:-1])
    if code is None:
        return None
    states = [a for a in ctx.actors if a.country == code and a.type == "GPE"]
    states.sort(key=lambda a: (a.kb_id != code, a.id))
    return states[0] if states else None


def coordinated_nationals(ctx: Context, tokens: list[Token]) -> list[Actor]:
    """"Pakistani and Indian military officers", "Indonesian and Malaysian navies": the states
    of a phrase's coordinated nationality words, in text order (the phrase's own actor is made
    of one of them only); empty when no phrase has two. A phrase with no actor of its own
    ("Armenian and Azerbaijani delegations") is each state's (with_coordinated_modifiers)."""
    for token in tokens:
        if actor_at(ctx.actors, token.idx, end_char(token)) is None:
            continue
        for child in children(token, "amod", "compound", "nmod"):  # "The Azerbaijani and Armenian officials"
            words = conjuncts(child)
            states = [a for a in (state_of_demonym(ctx, w) for w in words) if a is not None]
            if len(words) > 1 and len(states) == len(words) and len({a.id for a in states}) > 1:
                return states
    return []

