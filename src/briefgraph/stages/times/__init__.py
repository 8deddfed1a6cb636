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
furniture blanked), outside tag lists and related reading; the spaCy parse
gives the tense.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ...dateparse import FULL_DATE_PATTERNS, MONTH_RE, find_full_dates, match_to_date, month_number
from ...knowledge import Knowledge
from ...knowledge.timewords import WEEKDAYS, ShiftRule, count_in, count_value, vocabulary
from ...records import Analysis, DocumentInfo, TimeExpr
from .calendar import (
    interval,
    iso_month,
    nth_weekday,
    safe_date,
    shift,
    week_of,
    weekday_near,
    year_for,
)
from .tense import clause_tense

log = logging.getLogger(__name__)

SKIPPED_SECTION_KINDS = frozenset({"tags", "related"})
QUOTE_SPEECH_WINDOW_DAYS = 7   # a quote's "yesterday" is the speaker's if they spoke this recently
EXPERT_HEADING = re.compile(r"\b(?:expert|analysis|comment|opinion|view)", re.IGNORECASE)

_MONTH = r"(?<![A-Za-z])(?P<month>" + MONTH_RE + r")(?![A-Za-z])"
_FULL_MONTH = (r"(?<![A-Za-z])(?P<month>January|February|March|April|May|June|July|August|September|"
               r"October|November|December)(?![A-Za-z])")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
_DAY2 = _DAY.replace("?P<day>", "?P<day2>")
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_QUALIFIER = r"(?:(?P<q>[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater|[Mm]id)(?:\s+on\s+|\s+|-))?"
_DASH = r"\s*[-–—]\s*"
_DAY_TO = r"\s+(?:through|thru|until|till)\s+"
_FROM_TO = r"(?:(?<=\b[Ff]rom\s)(?P<from>)|(?<=\b[Bb]etween\s)(?P<between>))"
_TO_AND = r"(?:(?(from)\s+to\s+|(?!))|(?(between)\s+and\s+|(?!)))"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Tuesday (Jan 17) / Monday, Oct. 26 / Thursday, April 6
    ("date", re.compile(_QUALIFIER + _WEEKDAY + _PART_OF_DAY + r"(?:\s*\(\s*|,\s+)" + _MONTH + r"\.?\s+" + _DAY
                        + r"(?:,?\s+" + _YEAR + r")?\)?")),
    # Monday 26 February / Monday, 26 February 2024
    ("date", re.compile(_QUALIFIER + _WEEKDAY + _PART_OF_DAY + r",?\s+(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH
                        + r"(?:,?\s+" + _YEAR + r")?")),
    # March 6-10, 2023 / 6-10 March
    ("range", re.compile(_MONTH + r"\.?\s+" + _DAY + _DASH + _DAY2 + r"(?:,?\s+" + _YEAR + r")?")),
    ("range", re.compile(r"(?<!\d)" + _DAY + _DASH + _DAY2 + r"\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?")),
    # (from) 10 to 14 June / between 10 and 14 June / March 6 through 10
    ("range", re.compile(r"(?<![\d,.])" + _DAY + _DAY_TO + _DAY2 + r"\s+(?:of\s+)?" + _MONTH
                         + r"(?:,?\s+" + _YEAR + r")?")),
    ("range", re.compile(_MONTH + r"\.?\s+" + _DAY + _DAY_TO + _DAY2 + r"(?!\s*" + MONTH_RE + r")(?:,?\s+" + _YEAR
                         + r")?")),
    ("range", re.compile(_FROM_TO + _DAY + _TO_AND + _DAY2 + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?")),
    ("range", re.compile(_FROM_TO + _MONTH + r"\.?\s+" + _DAY + _TO_AND + _DAY2 + r"(?!\s*" + MONTH_RE + r")(?:,?\s+"
                         + _YEAR + r")?")),
    # October 7 / Oct. 7th / early on October 7
    ("date", re.compile(_QUALIFIER + _MONTH + r"\.?\s+" + _DAY + r"(?!,\d{3})")),
    ("date", re.compile(r"(?<![\d,.])" + _DAY + r"\s+(?:of\s+)?" + _MONTH)),
    # September 2022 / mid-October / early October this year
    ("month", re.compile(_QUALIFIER + _FULL_MONTH + r"\s+(?P<rel>this|last|next)\s+year")),
    ("month", re.compile(_QUALIFIER + _MONTH + r",?\s+(?:of\s+)?" + _YEAR)),
    ("month", re.compile(_QUALIFIER + _FULL_MONTH)),
    # the 1990s / 2018
    ("decade", re.compile(_QUALIFIER + r"(?<![\d$#,./])(?P<year>(?:1[89]|20)\d0)['’]?s(?![\w])")),
    ("year", re.compile(r"(?<![\d$#,./£€:])" + _YEAR
                        + r"(?!\d|%|,\d|\.\d|:\d|/\d| percent|\s*(?:GMT|UTC|hours|hrs|local time|[AP]\.?M\b))")),
    # last Friday / early Friday / Thursday morning
    ("weekday", re.compile(_QUALIFIER + r"(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?" + _WEEKDAY
                           + _PART_OF_DAY + r"(?:\s+(?:of\s+)?(?P<week>last|next|this)\s+week)?(?![\w])")),
)
RANGE_CONNECTOR = re.compile(r"\s*(?:(?P<always>through|thru|until|till|[-–—])|(?P<to>to)|(?P<and>and))\s*$")
RANGE_OPENER = re.compile(r"(?:\b(?P<from>from|From)|\b(?P<between>between|Between))\s+$")
QUOTE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))(?:“|\"|``)(?=\S)", re.MULTILINE)
QUOTE_CLOSE = re.compile(r"(?<=\S)(?:”|\"|'')(?=[\s,.;:!?)\]—–-]|$)", re.MULTILINE)
MAX_QUOTE_CHARS = 3000
AMBIGUOUS_MONTHS = frozenset({"May", "March"})
MONTH_CONTEXT = re.compile(r"\b(?:in|since|until|by|from|of|last|next|this|early|late|mid|before|after|during|"
                           r"through|between|and|to)\s+$")
FUTURE_PREPOSITION = re.compile(r"\b(?:until|till|by|as early as|as soon as|no later than)\s+$", re.IGNORECASE)
NON_YEAR_WORDS = frozenset({"resolution", "no", "number", "flight", "route", "code", "article", "room",
                            "highway", "model", "tower", "unit", "page", "pages"})


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    parts: dict[str, Any] = field(default_factory=dict)
    priority: int = 0


@dataclass
class Resolved:
    """A time found so far, with what the resolution of later ones needs."""

    expr: TimeExpr
    day: date | None = None            # the day it denotes, if day-level
    year: int | None = None
    month: int | None = None
    header: bool = False               # the page's dateline, not part of the narrative


def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, Any]]:
    """The times stage for this knowledge."""
    return lambda doc: find_times(doc, knowledge)


def find_times(doc: Analysis, knowledge: Knowledge | None = None) -> dict[str, Any]:
    """Every date expression of the document with its value and anchor."""
    text = doc.analysed_text if doc.analysed_text is not None else doc.text
    info = doc.document
    candidates = [c for c in _candidates(text, doc.nlp) if _allowed(info, c.start)]
    candidates = sorted(candidates + _header_dates(doc.text, info), key=lambda c: c.start)
    published = _published(info)
    return {"times": _resolve(doc.text, text, candidates, published, doc.nlp, info)}


def narrative_time_at(times: list[TimeExpr], offset: int,
                      document: DocumentInfo | None = None, months: bool = False) -> TimeExpr | None:
    """The narrative time at a character offset: the latest time (in text order)
    with a day-level value that ends before `offset`, or None.

    The events stage dates an event by the time inside its own clause, else by
    this one, with `months=True`: after "In January, ..." the story is in
    January, and a day named before it no longer holds. Pass the document to
    leave out the page's dateline (the header date, which is the publication
    date, not a time of the narrative).
    """
    furniture = document.furniture if document is not None else []
    best = None
    for time in times:
        if time.end > offset or not (_is_day(time.value) or (months and _is_month(time.value))):
            continue
        if any(start <= time.start < end for start, end in furniture):
            continue
        if best is None or time.end >= best.end:
            best = time
    return best


# -- finding candidates ------------------------------------------------------

def _candidates(text: str, nlp_doc: Any) -> list[Candidate]:
    """Non-overlapping candidate expressions, longest first, merged into ranges."""
    vocab = vocabulary()
    found: list[Candidate] = []
    for priority, (kind, pattern) in enumerate(PATTERNS):
        for m in pattern.finditer(text):
            found.append(Candidate(m.start(), m.end(), kind, m.groupdict(), priority))
    for pattern in FULL_DATE_PATTERNS:
        for m in pattern.finditer(text):
            value = match_to_date(m)
            if value:
                found.append(Candidate(m.start(), m.end(), "full", {"date": value}, -1))
    for kind, rules in (("relative", vocab.relative), ("narrative", vocab.narrative)):
        for rule in rules:
            for m in rule.pattern.finditer(text):
                found.append(Candidate(m.start(), m.end(), kind, {"rule": rule, "n": count_in(m)}, 20))
    for pattern in vocab.vague:
        for m in pattern.finditer(text):
            found.append(Candidate(m.start(), m.end(), "vague", {}, 30))
    for holiday in vocab.holidays:
        for m in holiday.pattern.finditer(text):
            found.append(Candidate(m.start(), m.end(), "holiday", {"rule": holiday}, 25))
    for period in vocab.periods:
        for m in period.pattern.finditer(text):
            found.append(Candidate(m.start(), m.end(), "period", {"value": period.value}, 25))
    blocked = [(m.start(), m.end()) for pattern in vocab.lookalikes for m in pattern.finditer(text)]
    found = [c for c in found if _plausible(c, text, nlp_doc)
             and not any(s < c.end and c.start < e for s, e in blocked)]
    found.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in found:
        if not any(s < cand.end and cand.start < e for s, e in taken):
            chosen.append(cand)
            taken.append((cand.start, cand.end))
    chosen.sort(key=lambda c: c.start)
    return _merge_ranges(text, chosen)


def _plausible(cand: Candidate, text: str, nlp_doc: Any) -> bool:
    """Reject look-alikes: the modal "may", "the march", a count of 2000 troops."""
    parts = cand.parts
    if cand.kind in ("date", "range", "month") and parts.get("month"):
        month = parts["month"]
        if month_number(month) is None:
            return False
        if cand.kind == "month" and not parts.get("year") and month in AMBIGUOUS_MONTHS:
            # "in May", "early March", but not the modal "may" or "the March for Life"
            before = text[max(0, cand.start - 12):cand.start].lower()
            if not (parts.get("q") or parts.get("rel") or MONTH_CONTEXT.search(before)):
                return False
    if cand.kind in ("date", "range") and parts.get("day"):
        day = int(parts["day"])
        if not 1 <= day <= 31 or (parts.get("day2") and not 1 <= int(parts["day2"]) <= 31):
            return False
    if cand.kind == "year":
        before = re.search(r"([A-Za-z.]+)\s*$", text[max(0, cand.start - 20):cand.start])
        if before and before.group(1).lower().rstrip(".") in NON_YEAR_WORDS:
            return False
        token = _token_at(nlp_doc, text, cand.start)
        if token is not None:
            nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if token.ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "CARDINAL") and token.ent_type_ != "DATE":
                preposition = re.search(r"\b(?:in|since|until|by|from|of|to|and|between|before|after|during|"
                                        r"early|late|mid|the|through)\s*$", text[max(0, cand.start - 12):cand.start])
                if not preposition:
                    return False
            if nxt is not None and token.text == cand.parts["year"] and nxt.tag_ == "NNS" \
                    and nxt.lower_ not in ("elections", "games", "olympics"):
                return False
    return True


def _token_at(nlp_doc: Any, text: str, offset: int) -> Any:
    if nlp_doc is None:
        return None
    span = nlp_doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _merge_ranges(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Join "X through Y", "from X to Y", "between X and Y" into one range candidate."""
    out: list[Candidate] = []
    i = 0
    while i < len(chosen):
        first = chosen[i]
        second = chosen[i + 1] if i + 1 < len(chosen) else None
        if second is not None and _rangeable(first) and _rangeable(second):
            gap = text[first.end:second.start]
            conn = RANGE_CONNECTOR.match(gap) if len(gap) <= 12 else None
            opener = RANGE_OPENER.search(text[max(0, first.start - 10):first.start])
            ok = conn and (conn["always"] or (conn["to"] and opener and opener["from"])
                           or (conn["and"] and opener and opener["between"]))
            if ok:
                out.append(Candidate(first.start, second.end, "span", {"first": first, "second": second}))
                i += 2
                continue
        out.append(first)
        i += 1
    return out


def _rangeable(cand: Candidate) -> bool:
    return cand.kind in ("date", "full")


def _header_dates(text: str, info: DocumentInfo | None) -> list[Candidate]:
    """Full dates on blanked header lines (the dateline "October 24, 2023 | Flash Brief"):
    they are date expressions of the text, but a page header printed twice counts once."""
    if info is None:
        return []
    seen: set[str] = set()
    out = []
    for start, end in info.furniture:
        line = text[start:end].strip()
        if line in seen:
            continue
        seen.add(line)
        for s, e, value in find_full_dates(text[start:end]):
            out.append(Candidate(start + s, start + e, "full", {"date": value, "header": True}, -1))
    return out


def _allowed(info: DocumentInfo | None, offset: int) -> bool:
    if info is None:
        return True
    for section in info.sections:
        if section.start <= offset < section.end:
            return section.kind not in SKIPPED_SECTION_KINDS
    return True


def _published(info: DocumentInfo | None) -> date | None:
    if info is None or not info.published:
        return None
    try:
        return date.fromisoformat(info.published[:10])
    except ValueError:
        return None


# -- resolving values --------------------------------------------------------

class _Resolver:
    def __init__(self, text: str, analysed: str, published: date | None, nlp_doc: Any,
                 info: DocumentInfo | None, candidates: list[Candidate]) -> None:
        self.text = text
        self.analysed = analysed
        self.published = published
        self.nlp = nlp_doc
        self.info = info
        self.found: list[Resolved] = []
        self.quotes = quote_spans(analysed)
        self.attribution: dict[tuple[int, int], tuple[int, Resolved]] = {}
        # Without a publication date, a year-less date takes its year from the
        # latest full date the text gives (a text is written after what it reports).
        latest = [c.parts["date"] for c in candidates if c.kind == "full"]
        self.year_ref = published or (max(latest) if latest else None)

    def tense(self, cand: Candidate) -> tuple[str | None, bool]:
        if self.nlp is None:
            return None, False
        span = self.nlp.char_span(cand.start, cand.end, alignment_mode="expand")
        return clause_tense(span)

    def add(self, cand: Candidate, value: str | None, anchor: str | None, day: date | None = None,
            year: int | None = None, month: int | None = None) -> None:
        expr = TimeExpr(self.text[cand.start:cand.end], value, anchor, cand.start, cand.end)
        if day is not None:
            year, month = day.year, day.month
        self.found.append(Resolved(expr, day, year, month, bool(cand.parts.get("header"))))

    # narrative context

    def narrative(self, offset: int, need_day: bool) -> tuple[int, Resolved] | None:
        """The time the narrative is at: the latest time before `offset` with a value
        (not the page's dateline). When a day is needed and that time has none, the
        latest day told earlier in the same paragraph (the background "since
        January" of a relative clause does not move the narrative), else None:
        after "in July 2023.", "Two days later" has no value."""
        paragraph_start = self.analysed.rfind("\n", 0, offset) + 1
        first = None
        for index in range(len(self.found) - 1, -1, -1):
            item = self.found[index]
            if item.expr.end > offset or item.year is None or item.header:
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

    def speech_time(self, cand: Candidate) -> tuple[int, Resolved] | None:
        """Inside a reported quote, the time of the speech: the day its attribution
        gives in the same paragraph ("...,” he told reporters on Saturday), else the
        latest day told before the quote, if within a week of publication."""
        quote = next(((s, e) for s, e in self.quotes if s < cand.start and cand.end <= e), None)
        if quote is None:
            return None
        if self.info is not None:
            for section in self.info.sections:
                if section.start <= cand.start < section.end and section.heading \
                        and EXPERT_HEADING.search(section.heading):
                    return None
        if quote in self.attribution:
            return self.attribution[quote]
        best: tuple[int, Resolved] | None = None
        for index, item in enumerate(self.found):
            if item.day is None or item.expr.end > cand.start or not self.recent(item.day):
                continue
            if best is None or item.day >= best[1].day:
                best = (index, item)
        return best

    def recent(self, day: date) -> bool:
        return self.published is None or 0 <= (self.published - day).days <= QUOTE_SPEECH_WINDOW_DAYS

    def attributions(self) -> dict[tuple[int, int], tuple[int, Resolved]]:
        """For each quote, the day-level time outside quotes in its paragraph nearest to it."""
        found: dict[tuple[int, int], tuple[int, Resolved]] = {}
        for start, end in self.quotes:
            para_start = self.analysed.rfind("\n", 0, start) + 1
            para_end = self.analysed.find("\n", end)
            para_end = len(self.analysed) if para_end < 0 else para_end
            best, best_gap = None, None
            for index, item in enumerate(self.found):
                expr = item.expr
                if item.day is None or item.header or not self.recent(item.day):
                    continue
                if not para_start <= expr.start < para_end or any(s <= expr.start < e for s, e in self.quotes):
                    continue
                gap = expr.start - end if expr.start >= end else start - expr.end
                if best_gap is None or gap < best_gap:
                    best, best_gap = (index, item), gap
            if best is not None:
                found[(start, end)] = best
        return found

    # year-less dates

    def year_of(self, cand: Candidate, month: int, day: int | None) -> tuple[int | None, str | None]:
        """(year, anchor) of a year-less date, month or holiday."""
        tense, direct = self.tense(cand)
        if self.year_ref is None:
            return None, None
        if tense == "past" and not direct:
            tense = None
        return year_for(month, day, self.year_ref, tense), "published" if self.published else None

    def resolve(self, cand: Candidate) -> None:
        """Add the candidate's time; calendar arithmetic that leaves the calendar
        (a count of 900 years back from year 1000) gives value None, not a crash."""
        handler = getattr(self, "_" + cand.kind)
        try:
            handler(cand)
        except (ValueError, OverflowError) as exc:
            log.warning("times: no value for %r at %d (%s)", self.text[cand.start:cand.end], cand.start, exc)
            self.add(cand, None, None)

    def _full(self, cand: Candidate) -> None:
        day = cand.parts["date"]
        self.add(cand, day.isoformat(), None, day=day)

    def _date(self, cand: Candidate) -> None:
        parts = cand.parts
        month, day_n = month_number(parts["month"]), int(parts["day"])
        if parts.get("year"):
            day = safe_date(int(parts["year"]), month, day_n)
            self.add(cand, day.isoformat() if day else None, None, day=day)
            return
        year, anchor = self.year_of(cand, month, day_n)
        day = safe_date(year, month, day_n) if year else None
        self.add(cand, day.isoformat() if day else None, anchor if day else None, day=day)

    def _month(self, cand: Candidate) -> None:
        parts = cand.parts
        month = month_number(parts["month"])
        if parts.get("year"):
            year = int(parts["year"])
            self.add(cand, iso_month(year, month), None, year=year, month=month)
            return
        if parts.get("rel"):
            ref, anchor = self.publication_ref(cand)
            if ref is None:
                self.add(cand, None, None)
                return
            year = ref.year + {"this": 0, "last": -1, "next": 1}[parts["rel"]]
            self.add(cand, iso_month(year, month), anchor, year=year, month=month)
            return
        year, anchor = self.year_of(cand, month, None)
        if year is None:
            self.add(cand, None, None)
        else:
            self.add(cand, iso_month(year, month), anchor, year=year, month=month)

    def _year(self, cand: Candidate) -> None:
        year = int(cand.parts["year"])
        self.add(cand, f"{year:04d}", None, year=year)

    def _decade(self, cand: Candidate) -> None:
        year = int(cand.parts["year"])
        if year % 100 == 0:  # "the 1900s": a decade or a century
            self.add(cand, None, None)
            return
        self.add(cand, f"{year:04d}/{year + 9:04d}", None)

    def _range(self, cand: Candidate) -> None:
        parts = cand.parts
        month = month_number(parts["month"])
        first_n, last_n = int(parts["day"]), int(parts["day2"])
        if last_n <= first_n:
            self.add(cand, None, None)
            return
        if parts.get("year"):
            year, anchor = int(parts["year"]), None
        else:
            year, anchor = self.year_of(cand, month, first_n)
        first = safe_date(year, month, first_n) if year else None
        last = safe_date(year, month, last_n) if year else None
        if first is None or last is None:
            self.add(cand, None, None)
            return
        self.add(cand, interval(first, last), anchor, year=year, month=month)

    def _span(self, cand: Candidate) -> None:
        """Two days joined by "through", "from ... to", "between ... and": an interval.
        (Years and months joined so stay two times, as TimeML annotates them.)"""
        first, second = cand.parts["first"], cand.parts["second"]
        d1, y1 = self._day_parts(first)
        d2, y2 = self._day_parts(second)
        anchor = None
        if y2 is not None and y1 is None:
            y1 = y2 if d1 <= d2 else y2 - 1
        elif y1 is None:
            y1, anchor = self.year_of(first, d1[0], d1[1])
        if y1 is not None and y2 is None:
            y2 = y1 if d2 >= d1 else y1 + 1
        start = safe_date(y1, *d1) if y1 else None
        end = safe_date(y2, *d2) if y2 else None
        if start is None or end is None or end <= start:
            self.add(cand, None, None)
            return
        self.add(cand, interval(start, end), anchor, year=start.year, month=start.month)

    @staticmethod
    def _day_parts(cand: Candidate) -> tuple[tuple[int, int], int | None]:
        if cand.kind == "full":
            day = cand.parts["date"]
            return (day.month, day.day), day.year
        year = int(cand.parts["year"]) if cand.parts.get("year") else None
        return (month_number(cand.parts["month"]), int(cand.parts["day"])), year

    def _weekday(self, cand: Candidate) -> None:
        weekday = WEEKDAYS.index(cand.parts["wd"].lower())
        modifier = (cand.parts.get("mod") or "").lower() or None
        ref, anchor = self.publication_ref(cand)
        if ref is None:
            self.add(cand, None, None)
            return
        if cand.parts.get("week"):  # "on Thursday last week"
            k = {"last": -1, "this": 0, "next": 1}[cand.parts["week"]]
            monday = week_of(ref + timedelta(weeks=k))[0]
            day = monday + timedelta(days=weekday)
            self.add(cand, day.isoformat(), anchor, day=day)
            return
        tense, _ = self.tense(cand)
        if FUTURE_PREPOSITION.search(self.analysed[max(0, cand.start - 16):cand.start]):
            tense = "future"  # "postponed until Tuesday", "as early as Tuesday"
        day = weekday_near(ref, weekday, modifier, tense)
        self.add(cand, day.isoformat(), anchor, day=day)

    def publication_ref(self, cand: Candidate) -> tuple[date | None, str | None]:
        """The reference of a publication-relative expression: the speech time
        inside a quote, else the publication date."""
        speech = self.speech_time(cand)
        if speech is not None:
            return speech[1].day, f"t{speech[0]}"
        return self.published, "published" if self.published else None

    def _relative(self, cand: Candidate) -> None:
        rule: ShiftRule = cand.parts["rule"]
        ref, anchor = self.publication_ref(cand)
        if ref is None:
            self.add(cand, None, None)
            return
        self._shifted(cand, rule, ref, anchor)

    def _narrative(self, cand: Candidate) -> None:
        rule: ShiftRule = cand.parts["rule"]
        latest = self.narrative(cand.start, need_day=rule.unit in ("day", "week", "weekend"))
        if latest is None:
            self.add(cand, None, None)
            return
        index, item = latest
        if item.day is not None:
            ref = item.day
        elif rule.unit in ("day", "week", "weekend") or (rule.unit == "month" and item.month is None):
            self.add(cand, None, None)
            return
        else:
            ref = date(item.year, item.month or 1, 1)
        self._shifted(cand, rule, ref, f"t{index}")

    def _shifted(self, cand: Candidate, rule: ShiftRule, ref: date, anchor: str) -> None:
        count = count_value(cand.parts.get("n")) if rule.per_count else 0
        if count is None:
            self.add(cand, None, None)
            return
        k = rule.offset + rule.per_count * count
        tense = self.tense(cand)[0] if rule.unit == "weekend" else None
        value = shift(ref, rule.unit, k, tense)
        if value is None:
            self.add(cand, None, None)
        elif rule.unit == "day":
            self.add(cand, value, anchor, day=date.fromisoformat(value))
        elif rule.unit == "month":
            self.add(cand, value, anchor, year=int(value[:4]), month=int(value[5:7]))
        elif rule.unit == "year":
            self.add(cand, value, anchor, year=int(value))
        else:
            self.add(cand, value, anchor)

    def _vague(self, cand: Candidate) -> None:
        self.add(cand, None, None)

    def _period(self, cand: Candidate) -> None:
        self.add(cand, cand.parts["value"], None)

    def _holiday(self, cand: Candidate) -> None:
        rule = cand.parts["rule"]
        before = self.analysed[max(0, cand.start - 6):cand.start].lower()
        modifier = re.search(r"\b(last|next|this)\s+$", before)
        ref = self.year_ref
        if ref is None:
            self.add(cand, None, None)
            return

        def on(year: int) -> date | None:
            if rule.day is not None:
                return safe_date(year, rule.month, rule.day)
            day = nth_weekday(year, rule.month, rule.weekday, rule.nth)
            return day and date.fromordinal(day.toordinal() + rule.plus_days)

        days = [d for d in (on(ref.year - 1), on(ref.year), on(ref.year + 1)) if d]
        if modifier and modifier.group(1) == "last":
            day = max((d for d in days if d < ref), default=None)
        elif modifier and modifier.group(1) == "next":
            day = min((d for d in days if d > ref), default=None)
        else:
            year, _ = self.year_of(cand, rule.month, (on(ref.year) or ref).day)
            day = on(year) if year else None
        anchor = "published" if self.published and day else None
        self.add(cand, day.isoformat() if day else None, anchor, day=day)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Stretches between an opening and the next closing quotation mark, told apart
    by the characters around them (texts mix curly, straight and `` '' quotes)."""
    opens = [m.start() for m in QUOTE_OPEN.finditer(text)]
    closes = [m.end() for m in QUOTE_CLOSE.finditer(text)]
    spans: list[tuple[int, int]] = []
    pos = 0
    for start in opens:
        if start < pos:
            continue
        at = bisect_right(closes, start + 1)
        end = closes[at] if at < len(closes) else None
        if end is None or end - start > MAX_QUOTE_CHARS:
            continue
        spans.append((start, end))
        pos = end
    return spans


def _resolve(text: str, analysed: str, candidates: list[Candidate], published: date | None,
             nlp_doc: Any, info: DocumentInfo | None) -> list[TimeExpr]:
    """Resolve left to right; when the text has quotes, a second pass gives the
    deictic words inside them the speech time their attribution names."""
    resolver = _Resolver(text, analysed, published, nlp_doc, info, candidates)
    for cand in candidates:
        resolver.resolve(cand)
    if resolver.quotes:
        attribution = resolver.attributions()
        if attribution:
            resolver = _Resolver(text, analysed, published, nlp_doc, info, candidates)
            resolver.attribution = attribution
            for cand in candidates:
                resolver.resolve(cand)
    return [item.expr for item in resolver.found]


def _is_day(value: str | None) -> bool:
    return bool(value) and len(value) == 10 and "/" not in value


def _is_month(value: str | None) -> bool:
    return bool(value) and len(value) == 7 and "/" not in value
