"""Where quotes can be speech, and which quotes are opinion."""

from __future__ import annotations

from collections.abc import Iterable

from ...records import Analysis, Quote, section_at
from ..sections import NO_BODY_SECTIONS, is_opinion_section
from .marks import MarkedSpan

HEADLINE_WORDS = 16  # a short first line is the headline: its quotes are titles, not speech


def in_quotable_section(doc: Analysis, span: MarkedSpan) -> bool:
    """Headers, titles, related reading and tag lists quote titles, never speech."""
    section = section_at(doc.document, span.start)
    if section is not None and section.kind in NO_BODY_SECTIONS:
        return False
    line = doc.text[span.line_start:span.line_end].strip()
    title = doc.document.title if doc.document is not None else None
    if title and line == title.strip():
        return False
    first = doc.text.lstrip()
    is_first_line = span.line_start == len(doc.text) - len(first)
    return not (is_first_line and len(line.split()) <= HEADLINE_WORDS and span.line_end < len(doc.text.rstrip()))


def is_opinion_quote(doc: Analysis, quote: Quote, opinion_headings: Iterable[str]) -> bool:
    """True for an expert's commentary (a block quote, or any quote in an "Expert
    Analysis"-like section; knowledge.words["opinion_headings"]): its words are
    opinion, not a statement event."""
    return quote.kind == "block" or is_opinion_section(section_at(doc.document, quote.start), opinion_headings)
