"""A body re-mentioned by its kind: "Human Rights Watch said ... The rights group urged the
government", "Doctors Without Borders ... the aid group condemned", "the IAEA ... the watchdog":
with "the", a phrase of knowledge/actors/body_kinds.txt stands for the last organisation named
before it in the document whose CAMEO code is of that kind (NGOHRI: a rights group)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...knowledge.generic_agents import of_kind

if TYPE_CHECKING:
    from ...records import Actor
    from .arguments import Ask
    from .context import Context

KIND_MODIFIER_DEPS = ("compound", "amod")


def kind_words(token: Token) -> list[str] | None:
    """The lower-case words of a definite body phrase ending at the token ("the rights group":
    ["rights", "group"]), or None with no "the" or with a name, a number or a possessive in it."""
    kids = [c for c in token.children if c.i < token.i]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or not token.text.islower():
        return None
    mods = [c for c in kids if c.dep_ in KIND_MODIFIER_DEPS]
    if any(not c.text.islower() for c in mods) or any(c.dep_ in ("poss", "nummod") for c in kids):
        return None
    first = min((c.i for c in mods), default=token.i)
    return [t.lower_ for t in token.doc[first:token.i + 1]]


def kind_description(ctx: Context, ask: Ask) -> Actor | None:
    """The organisation a definite body phrase of body_kinds.txt stands for: the last one named
    before it in the document whose code is of that kind, or None."""
    token = ask.token
    words = kind_words(token)
    found = ctx.know.generic.kind_of(words) if words else None
    if words is None or found is None or found[0] != len(words):
        return None
    best = None
    for _start, m_end, actor in ctx.mentions:
        if m_end <= token.idx and actor.type == "ORG" and of_kind(actor.code, found[1]):
            best = actor
    return best
