"""Times stage: every date expression of a document, with its value (spec/record.md).

How a value is found, by kind of expression:
- absolute dates ("February 26, 2024", "26 Feb 2024", "2024-02-26") and months
  and years with a year ("September 2022", "in 2018") stand alone: anchor None;
- year-less dates, months and holidays ("On October 13", "in April",
  "Thanksgiving") take the year that the clause's tense makes sense of, seen
  from the publication date: past clauses look back, future ones ahead
  (anchor "published");
- ranges ("February 29 through March 2", "between May 20 and May 22",
  "March 6-10") are intervals;
- publication-relative expressions ("yesterday", "on Tuesday", "last week",
  "two months ago"; knowledge/times/relative.txt) are resolved against the
  publication date, or, inside a reported quote, against the day of the speech
  (the day its attribution gives, "...,” he said on Sunday; else the latest day
  told before the quote): the speaker's "last night";
- narrative-relative expressions ("that day", "The next day", "Two days later";
  knowledge/times/narrative.txt) against the narrative time: the latest time
  with a value before them, whose index is the anchor "t<i>". A day-relative
  expression after a time with no day ("in July 2023. Two days later") gets
  value None, unless a day was told earlier in the same paragraph (a background
  "since January" in a relative clause does not move the narrative);
- vague ones ("recently", "for years"; knowledge/times/vague.txt) are kept with
  value None, never a guessed date. Without a publication date, whatever needs
  it gets value None (a year-less date then takes its year from the latest
  full date the text gives, if any).

Expressions are found with regular expressions over `analysed_text` (page
furniture blanked), outside tag lists and related reading (`candidates`); the
spaCy parse gives the tense (`tense`); `resolve.RESOLUTION_RULES` gives each kind
of expression its value, `narrative` the narrative and speech times, `calendar`
the arithmetic. Quoted stretches come from the quotes package
(`quotes.marks.quoted_stretches`). All words come from the `Knowledge`:
knowledge/times/ (`knowledge.times`) and words.txt (future auxiliaries, opinion
headings). A value lost to calendar arithmetic leaves a note in "diagnostics".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ...knowledge import Knowledge
from ...records import Analysis, DocumentInfo
from ..quotes.marks import quoted_stretches
from .candidates import Candidate, allowed, find_candidates, header_dates
from .narrative import narrative_time_at, quote_attributions
from .resolve import RESOLUTION_RULES, Resolver
from .tense import TenseWords

__all__ = ["RESOLUTION_RULES", "build", "find_times", "narrative_time_at"]


def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, Any]]:
    """The times stage for this knowledge."""
    return lambda doc: find_times(doc, knowledge)


def find_times(doc: Analysis, knowledge: Knowledge) -> dict[str, Any]:
    """Every date expression of the document with its value and anchor."""
    text = doc.analysed_text if doc.analysed_text is not None else doc.text
    info = doc.document
    candidates = [c for c in find_candidates(text, doc.nlp, knowledge.times) if allowed(info, c.start)]
    candidates = sorted(candidates + header_dates(doc.text, info), key=lambda c: c.start)
    resolver = _resolve(doc, text, candidates, knowledge)
    out: dict[str, Any] = {"times": [item.expr for item in resolver.found]}
    if resolver.notes:
        out["diagnostics"] = resolver.notes
    return out


def _resolve(doc: Analysis, analysed: str, candidates: list[Candidate], knowledge: Knowledge) -> Resolver:
    """Resolve left to right; when the text has quotes, a second pass gives the
    deictic words inside them the speech time their attribution names."""
    resolver = resolver_for(doc, analysed, candidates, knowledge)
    for cand in candidates:
        resolver.resolve(cand)
    if resolver.quotes:
        attribution = quote_attributions(resolver.found, resolver.quotes, analysed, resolver.published)
        if attribution:
            resolver = resolver_for(doc, analysed, candidates, knowledge)
            resolver.attribution = attribution
            for cand in candidates:
                resolver.resolve(cand)
    return resolver


def resolver_for(doc: Analysis, analysed: str, candidates: list[Candidate], knowledge: Knowledge) -> Resolver:
    published = published_date(doc.document)
    # Without a publication date, a year-less date takes its year from the latest
    # full date the text gives (a text is written after what it reports).
    latest = [c.parts["date"] for c in candidates if c.kind == "full"]
    return Resolver(doc.text, analysed, published, doc.nlp, doc.document, TenseWords.of(knowledge),
                    knowledge.words["opinion_headings"], quoted_stretches(analysed),
                    year_ref=published or (max(latest) if latest else None),
                    report_verbs=knowledge.clauses["report_verbs"])


def published_date(info: DocumentInfo | None) -> date | None:
    """The publication day of the document, if it has a valid one."""
    if info is None or not info.published:
        return None
    try:
        return date.fromisoformat(info.published[:10])
    except ValueError:
        return None
