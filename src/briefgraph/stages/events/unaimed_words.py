"""Words inside a phrase that name no one an act is aimed at: the maker of a thing ("the
Russian-made helicopter") and the place a thing was bound for ("an aid flotilla bound for Gaza").
Each returns the token indexes to leave out of the phrase's target candidates (targets.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .syntax import children

if TYPE_CHECKING:
    from .context import Context


def made_by(ctx: Context, top: Token) -> set[int]:
    """"attacked the Russian-made helicopter", "the Chinese-built port was attacked": the words under a
    maker participle (clauses.txt `maker_participles`) inside the phrase `top` heads name who made, backed
    or funded the thing, not whom the act is done to. The sentence's participles are found once
    (`ctx.makers`), not once per verb: tests/test_hostile_inputs.py's long sentence."""
    sent = top.sent
    if sent.start not in ctx.makers:
        words = ctx.clause_words("maker_participles")
        ctx.makers[sent.start] = [t for t in sent if t.dep_ == "amod" and t.tag_ == "VBN" and t.lemma_.lower() in words]
    return {t.i for m in ctx.makers[sent.start] if m.i != top.i and top.left_edge.i <= m.i <= top.right_edge.i
            and top in m.ancestors for t in m.subtree}


def destinations(ctx: Context, noun: Token) -> set[int]:
    """"an aid flotilla bound for Gaza": the words of the participles naming where it went."""
    words = ctx.clause_words("destination_participles")
    return {t.i for c in children(noun, "acl") if c.lower_ in words or c.lemma_.lower() in words for t in c.subtree}
