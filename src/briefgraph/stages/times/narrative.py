"""Where the story is in time: the narrative time a narrative-relative expression
("that day", "two days later") counts from, and the time of a quote's speech that
a speaker's "yesterday" counts from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from ...records import DocumentInfo, TimeExpr

QUOTE_SPEECH_WINDOW_DAYS = 7  # a quote's "yesterday" is the speaker's if they spoke this recently
Indexed = tuple[int, "Resolved"]  # a time found so far with its index (the anchor "t<i>")


@dataclass
class Resolved:
    """A time found so far, with what the resolution of later ones needs."""

    expr: TimeExpr
    day: date | None = None            # the day it denotes, if day-level
    year: int | None = None
    month: int | None = None
    header: bool = False               # the page's dateline, not part of the narrative
    attribution: bool = False          # the day of a reporting clause after a day of its own sentence


def narrative_time_at(times: list[TimeExpr], offset: int, document: DocumentInfo | None = None,
                      months: bool = False, past: bool = False) -> TimeExpr | None:
    """The narrative time at a character offset: the latest time (in text order)
    with a day-level value that ends before `offset`, or None.

    The events stage dates an event by the time inside its own clause, else by
    this one, with `months=True`: after "In January, ..." the story is in
    January (after "last week", in that week; a coming week is no time of the story), and a
    day named before it no longer holds. Pass the document to
    leave out the page's dateline (the header date, which is the publication
    date, not a time of the narrative). With `past=True` (an act told as done), a time
    after the page's date is no time of its story ("will train staff from January. The
    Minister called on ...": the call is not in January).
    """
    furniture = document.furniture if document is not None else []
    published = document.published if document is not None else None
    best = None
    for time in times:
        if time.end > offset or not (is_day(time.value) or (months and (is_month(time.value)
                                                                         or past_week(time.value, published)))):
            continue
        if any(start <= time.start < end for start, end in furniture) or is_bound(time):
            continue
        if past and after_page(time.value, published):
            continue
        if best is None or time.end >= best.end:
            best = time
    return best


BOUND_WORDS = ("by ", "before ", "until ")


def after_page(value: str | None, published: str | None) -> bool:
    """Whether a time begins after the page's date ("2027-01" on a page of 2026-11-18); a month
    or week that holds the page's date does not."""
    if not value or not published:
        return False
    first = value.split("/", 1)[0]
    return first[:len(published)] > published[:len(first)]


def is_bound(time: TimeExpr) -> bool:
    """A time told as a limit ("by the end of the month"): not a time the story is at."""
    return time.text.lower().startswith(BOUND_WORDS)


def latest_time(found: list[Resolved], analysed: str, offset: int, need_day: bool) -> Indexed | None:
    """The time the narrative is at: the latest time before `offset` with a value
    (not the page's dateline). When a day is needed and that time has none, the
    latest day told earlier in the same paragraph (the background "since
    January" of a relative clause does not move the narrative), else None:
    after "in July 2023.", "Two days later" has no value."""
    paragraph_start = analysed.rfind("\n", 0, offset) + 1
    first = None
    for index in range(len(found) - 1, -1, -1):
        item = found[index]
        if item.expr.end > offset or item.year is None or item.header or item.attribution:
            continue
        if first is None:
            first = (index, item)
            if item.day is not None or not need_day:
                return first
        if item.expr.start < paragraph_start:
            break
        if item.day is not None:
            return index, item
    return first


def recent(published: date | None, day: date) -> bool:
    """Within the speech window before publication (any day without a publication date)."""
    return published is None or 0 <= (published - day).days <= QUOTE_SPEECH_WINDOW_DAYS


def latest_day_before(found: list[Resolved], offset: int, published: date | None) -> Indexed | None:
    """The latest recent day told before `offset`: when a quote's speaker spoke, by default."""
    best: Indexed | None = None
    for index, item in enumerate(found):
        if item.day is None or item.expr.end > offset or not recent(published, item.day):
            continue
        if best is None or (best[1].day is not None and item.day >= best[1].day):
            best = (index, item)
    return best


def quote_attributions(found: list[Resolved], quotes: list[tuple[int, int]], analysed: str,
                       published: date | None) -> dict[tuple[int, int], Indexed]:
    """For each quote, the day-level time outside quotes in its paragraph nearest to it
    ("...,” he told reporters on Saturday)."""
    out: dict[tuple[int, int], Indexed] = {}
    for start, end in quotes:
        para_start = analysed.rfind("\n", 0, start) + 1
        para_end = analysed.find("\n", end)
        para_end = len(analysed) if para_end < 0 else para_end
        best, best_gap = None, None
        for index, item in enumerate(found):
            expr = item.expr
            if item.day is None or item.header or not recent(published, item.day):
                continue
            if not para_start <= expr.start < para_end or any(s <= expr.start < e for s, e in quotes):
                continue
            gap = expr.start - end if expr.start >= end else start - expr.end
            if best_gap is None or gap < best_gap:
                best, best_gap = (index, item), gap
        if best is not None:
            out[(start, end)] = best
    return out


def is_day(value: str | None) -> bool:
    return bool(value) and len(value or "") == 10 and "/" not in (value or "")


def is_month(value: str | None) -> bool:
    return bool(value) and len(value or "") == 7 and "/" not in (value or "")


WEEK_DAYS = 7


def week_start(value: str | None) -> date | None:
    """The first day of a week or weekend value ("2026-03-09/2026-03-15"), else None."""
    if not value or "/" not in value:
        return None
    first, last = value.split("/", 1)
    try:
        start, end = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        return None
    return start if 0 < (end - start).days < WEEK_DAYS else None


def attribution_day(nlp: Doc | None, start: int, end: int, report_verbs: frozenset[str],
                    earlier_days: list[int]) -> bool:
    """The day of a reporting clause told after a day of its own sentence ("Police arrested 12 men
    on Wednesday, a spokesman said Thursday"): it dates the telling, and the story stays at the
    reported act's day (Wednesday) for what follows. `earlier_days` are the starts of the days
    told before it, no later than it (a coming day told before is no day of the story)."""
    span = nlp.char_span(start, end, alignment_mode="expand") if nlp is not None else None
    if span is None or len(span) == 0:
        return False
    token = span.root
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    if token.dep_ not in ("pobj", "npadvmod") or verb.lemma_.lower() not in report_verbs:
        return False
    sent_start = span.sent.start_char
    return any(sent_start <= day < start for day in earlier_days)


def past_week(value: str | None, published: str | None) -> bool:
    """A week or a span of days shorter than one that begins no later than the page's date."""
    start = week_start(value)
    return start is not None and (not published or start.isoformat() <= published[:10])
