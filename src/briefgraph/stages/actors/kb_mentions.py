"""Mentions of knowledge-base names and metonyms found by scanning the text: the
longest name (up to eight tokens, on one line) starting at each token, written
with a name's capitals ("US", not "us")."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Token

from ...knowledge.kb import name_key
from .context import POSSESSIVE, Context
from .model import Mention

LOWER_NAME_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|an|at|az)-", re.IGNORECASE)
MAX_NAME_TOKENS = 8


class Found(NamedTuple):
    last: int  # index of the name's last token
    start: int
    end: int
    kind: str  # "name" | "metonym"
    key: str


def kb_mentions(ctx: Context) -> list[Mention]:
    out: list[Mention] = []
    tokens = [t for t in ctx.nlp if not t.is_space]
    i = 0
    while i < len(tokens):
        first = name_key(tokens[i].text)
        found = _longest_name(ctx, tokens, i) if first and first.split()[0] in ctx.kb.first_words else None
        if found is None:
            i += 1
            continue
        s, e = ctx.clean_span(found.start, found.end)
        entry = ctx.kb.by_name.get(found.key) if found.kind == "name" else ctx.kb.by_metonym.get(found.key)
        if entry is not None and e > s:
            out.append(Mention(s, e, ctx.text[s:e], entry.type or "ORG", found.kind, ctx.zone_at(s), entry=entry,
                               cue=ctx.cue_around(s, e)))
        i = found.last + 1
    return out


def _longest_name(ctx: Context, tokens: list[Token], i: int) -> Found | None:
    for j in range(min(len(tokens), i + MAX_NAME_TOKENS) - 1, i - 1, -1):
        if tokens[j].text in POSSESSIVE or "\n" in ctx.text[tokens[i].idx:tokens[j].idx]:
            continue
        s, e = tokens[i].idx, tokens[j].idx + len(tokens[j].text)
        surface = ctx.text[s:e]
        key = name_key(surface)
        kind = ctx.kb.searchable.get(key)
        if kind and case_ok(ctx, surface, key):
            return Found(j, s, e, kind, key)
    return None


def case_ok(ctx: Context, surface: str, key: str) -> bool:
    """A knowledge-base name in the text is capitalised as a name ("US", not "us")."""
    letters = [c for c in surface if c.isalpha()]
    if not letters:
        return False
    if not (surface[0].isupper() or surface[0].isdigit() or LOWER_NAME_PREFIX.match(surface)):
        return False
    forms = _forms(ctx, key)
    if forms and all(f.replace(".", "").isupper() for f in forms):
        return surface.replace(".", "").replace(" ", "").isupper()
    if surface.isupper() and len(letters) > 6 and not any(f.isupper() for f in forms):
        return shouted_name(ctx, key)  # a headline or wire slug in capitals: a shouted word, or a name
    return True


SHOUTED_TYPES = ("GPE", "NORP")


def shouted_name(ctx: Context, key: str) -> bool:
    """A name in capitals is the knowledge base's name when it has several words ("NORTH KOREA")
    or names a state or people ("PAKISTAN"): no common word is one; a single other word
    ("ATTACKS", "MISSION") is a shouted word, a capital in capitals ("WASHINGTON -") a dateline.
    A capital of several words is the city ("MEXICO CITY (AP) —", not "MEXICO" and "CITY")."""
    entry = ctx.kb.by_name.get(key)
    if entry is not None:
        return " " in key or entry.type in SHOUTED_TYPES
    return " " in key and key in ctx.kb.by_metonym


def _forms(ctx: Context, key: str) -> list[str]:
    entry = ctx.kb.by_name.get(key) or ctx.kb.by_metonym.get(key)
    if entry is None:
        return []
    return [n for n in [*entry.names(), *entry.metonyms] if name_key(n) == key]
