"""Where a clause may be coded: not in the page's header, related links or tags,
and not in experts' opinions (an "Expert Analysis" section, a block quote, a
quote by an analyst), which are views, not facts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ...records import Quote, TimeExpr, section_at
from ..sections import NO_BODY_SECTIONS

if TYPE_CHECKING:
    from .context import Context
    from .drafts import Draft



def section_kind(ctx: Context, offset: int) -> tuple[str, bool]:
    """The kind of the section at `offset`, and whether it holds expert opinion."""
    section = section_at(ctx.document, offset)
    if section is None:
        return "body", False
    if section.kind == "header" and not ctx.has_body:
        return "body", False  # a one-sentence document is all "title": it is the text
    heading = (section.heading or "").strip().strip(":").lower()
    return section.kind, section.kind == "expert-analysis" or heading in ctx.shared_words("opinion_headings")


def codable_sentence(ctx: Context, sent: Span) -> bool:
    """A sentence of facts: in the body, not in an expert's section."""
    kind, expert = section_kind(ctx, sent.start_char)
    return kind not in NO_BODY_SECTIONS and not expert


def dates_the_narrative(nlp: Doc, time: TimeExpr) -> bool:
    """A time hung on a noun ("the agreement signed on 5/27/1998") dates that
    thing, not the story: it does not carry over to later clauses."""
    span = nlp.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return True
    return not any(node.dep_ in ("acl", "relcl", "appos") for node in span.root.ancestors)


def quote_at(ctx: Context, offset: int) -> Quote | None:
    for quote in ctx.quotes:
        if quote.start <= offset < quote.end:
            return quote
    return None


def is_expert_quote(ctx: Context, quote: Quote) -> bool:
    """A block quote, a quote in an expert's section, or one by a speaker whose
    role is an expert's ("Senior Fellow")."""
    if quote.kind == "block" or section_kind(ctx, quote.start)[1]:
        return True
    speaker = ctx.by_id.get(quote.speaker or "")
    if speaker is None:
        return False
    return names_an_expert(ctx, " ".join(speaker.roles))


def names_an_expert(ctx: Context, text: str) -> bool:
    """Whether `text` holds a word of words.txt `expert_roles` ("Senior Fellow", "analysts", "a think-tank")."""
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(w)}", lowered) for w in ctx.shared_words("expert_roles"))


def dateline_source(ctx: Context, draft: Draft) -> str | None:
    """"Geneva/Sana’a, 14 May 2024 – The ICRC facilitated ...": a source named in its sentence only
    inside the dateline filed the story, it did not act (the parser may make the dateline the
    sentence's subject)."""
    sent = draft.trigger.sent
    spans = [(s, e) for s, e in ctx.datelines if sent.start_char <= s < sent.end_char]
    if not spans:
        return None
    mentions = [(s, e) for s, e, actor in ctx.mentions
                if actor.id == draft.source.id and sent.start_char <= s < sent.end_char]
    if mentions and all(any(ds <= s < de for ds, de in spans) for s, _ in mentions):
        return "a place of the dateline, which filed the story"
    return None
