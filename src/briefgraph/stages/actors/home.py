"""The document's home state, and the bare "the government" that stands for it.

News says "the government" for the government of the state a story is about ("MP
Gideon Maelasi accused the government of ..." in a story from Honiara). That state is
the country of the wire dateline when the document names it, else the state the body
names most often, when no other state is named as often; otherwise there is none and
"the government" stays no actor: never a guess."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from ...knowledge.kb import KBEntry
from ...places import dateline_country
from .context import BODY_ZONES, Context
from .model import Mention

STATE_KINDS = frozenset({"name", "metonym", "organ", "demonym", "ner"})


def home_state(mentions: list[Mention], ctx: Context) -> KBEntry | None:
    """The state the document is about (module docstring), among the states it names."""
    states = [m.entry for m in mentions
              if m.entry is not None and m.kind in STATE_KINDS and m.entry.country and m.entry.kb_id == m.entry.country]
    if not states:
        return None
    by_id = {e.kb_id: e for e in states}
    info = ctx.doc.document
    dateline = dateline_country(ctx.text, info.datelines) if info is not None else None
    if dateline in by_id:
        return by_id[dateline]
    counts = Counter(m.entry.kb_id for m in mentions if m.entry is not None and m.entry.kb_id in by_id
                     and m.zone in BODY_ZONES)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return by_id[ranked[0][0]]


def bare_government_mentions(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """"the government", "the administration" alone (a state organ of sector GOV, in
    lower case, singular, with "the" and no other modifier): a mention of the home state,
    of kind "reference": a common noun, so never one of its names."""
    organ = ctx.nouns.get("organ", {})
    words = {w for w, noun in organ.items() if noun.sector == "GOV"}
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    home: KBEntry | None = None
    for tok in ctx.nlp:
        if not _bare(tok, words):
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if any(s < end and start < e for s, e in taken):
            continue
        home = home or home_state(mentions, ctx)
        if home is None:
            return []
        out.append(Mention(start, end, tok.text, home.type or "GPE", "reference", ctx.zone_at(start),
                           entry=home, sector="GOV"))
    return out


def _bare(tok: Token, words: set[str]) -> bool:
    """"the government" heading its phrase: no other modifier, no "of" after it."""
    if tok.lower_ not in words or not tok.text.islower() or tok.tag_ != "NN" or tok.dep_ in {"compound", "amod"}:
        return False
    before = [c.lower_ for c in tok.children if c.i < tok.i]
    return before == ["the"] and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
