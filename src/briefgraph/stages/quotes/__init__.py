"""Quotes stage: every stretch of quoted speech, its kind, its reporting verb and
its speaker (annotation.md, "Quotes").

It works in three steps, so that each can be checked on its own:
1. spans (`marks`): quotation marks paired paragraph by paragraph; quotes in
   headers, titles and lists are left out (`sections`), and names of things,
   titles of works and scare quotes are dropped (`assemble.is_speech`). A quote
   that runs over several paragraphs (an opening mark on each, a closing one on
   the last) is one Quote per paragraph, all with the same speaker, as the gold
   files annotate it; `start`/`end` bound the text inside the marks;
2. the speaker's mention (`speakers.SPEAKER_RULES`, tried in order): a
   transcript's "NAME:" label, the subject of the reporting verb that governs
   the quote or stands next to it ("X said", "said X", "according to X"), the
   name on a block quote's attribution line, a "X continued:" introduction, the
   previous quote's speaker for a quote that goes on, the subject of the
   sentence before or the quoted paragraph before. A pronoun is resolved to the
   nearest fitting earlier person or body, a statement ("the statement said")
   to the body that issued it (`context`); reporting words are in `cues`;
3. the actor (`assemble.speaker_id`): `records.actor_at` over that mention (its
   head word first); a role noun ("the minister said") goes to the actor holding
   that role, a description with no such actor ("the leader", "the military")
   to the nearest earlier person or body, a bare label ("PENCE:") to the actor
   with that surname. No actor, no speaker: ids are never invented.

All words come from the `Knowledge` the stage is built with: knowledge/quotes/
(reporting verbs, statement nouns, naming cues, attribution dashes, speaker
nouns) and knowledge/words.txt (pronouns, opinion headings).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...knowledge import Knowledge
from ...records import Analysis, Quote
from .assemble import is_speech, quote_kind, speaker_id
from .context import Attribution, QuoteContext
from .marks import MarkedSpan, find_marked_spans, quoted_stretches
from .sections import in_quotable_section, is_opinion_quote
from .speakers import SPEAKER_RULES, Found, attribute

__all__ = ["Attribution", "MarkedSpan", "SPEAKER_RULES", "attributed_quotes", "build", "find_marked_spans",
           "find_quotes", "is_opinion_quote", "quoted_stretches"]


def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, Any]]:
    """The quotes stage for this knowledge."""
    return lambda doc: find_quotes(doc, knowledge)


def find_quotes(doc: Analysis, knowledge: Knowledge) -> dict[str, Any]:
    """The quotes of one document as `records.Quote` items, in text order."""
    return {"quotes": [quote for quote, _ in attributed_quotes(doc, knowledge)]}


def attributed_quotes(doc: Analysis, knowledge: Knowledge) -> list[tuple[Quote, Attribution]]:
    """Each quote with how its speaker was found (the speaker's mention span, the rule):
    for tests and for stages that want the mention even when no actor covers it."""
    if doc.nlp is None or not doc.text:
        return []
    text = doc.analysed_text if doc.analysed_text is not None else doc.text
    spans = [s for s in find_marked_spans(text) if in_quotable_section(doc, s)]
    ctx = QuoteContext.of(doc, text, spans, knowledge)
    found: list[Found] = []
    for index, span in enumerate(spans):
        attribution = attribute(ctx, index, found)
        kind = quote_kind(ctx, span, attribution)
        if kind != "block" and not is_speech(text, span, attribution, knowledge.quotes):
            continue
        found.append(Found(span, kind, attribution))
    return [(Quote(text=doc.text[f.span.start:f.span.end], kind=f.kind, cue=f.attribution.cue,
                   speaker=speaker_id(doc.nlp, doc.text, doc.actors, f.attribution, ctx.descriptions),
                   start=f.span.start, end=f.span.end), f.attribution) for f in found]
