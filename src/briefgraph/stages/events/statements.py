"""Statement events: a quote is its speaker's statement (CAMEO 010), one per
speaker and sentence, unless an event of that speaker already covers it
("criticized X for “...”")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..sections import NO_BODY_SECTIONS
from .coding import STATEMENT
from .drafts import Draft
from .sections import section_kind

if TYPE_CHECKING:
    from .context import Context


def statement_events(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    done: set[tuple[str, int]] = set()
    for quote in ctx.quotes:
        speaker = ctx.by_id.get(quote.speaker or "")
        if speaker is None or section_kind(ctx, quote.start)[0] in NO_BODY_SECTIONS:
            continue
        span = ctx.nlp.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        sent = span[0].sent
        if (speaker.id, sent.start) in done:
            continue
        if any(d.source.id == speaker.id and d.trigger.sent.start == sent.start for d in drafts):
            continue  # the quote is part of an event of its speaker ("criticized X for “...”")
        done.add((speaker.id, sent.start))
        cue = next((t for t in sent if t.lower_ == (quote.cue or "").lower()), None)
        trigger = cue if cue is not None else sent.root
        clause = list(ctx.nlp[sent.start:span.end])
        out.append(Draft(speaker, None, STATEMENT, trigger, "quote", clause, trigger, False, "asserted", None,
                         sent.start_char, max(quote.end, sent.end_char)))
    return out
