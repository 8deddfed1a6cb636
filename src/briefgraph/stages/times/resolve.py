"""Giving each candidate its value, left to right.

`RESOLUTION_RULES` names the rule for each kind of candidate; a rule is a small
function of the `Resolver` (what is known so far: the publication date, the
times already resolved, the quotes) and the candidate, returning a `Value`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Doc

from ...dateparse import month_number
from ...knowledge.timewords import WEEKDAYS, HolidayRule, ShiftRule, count_value
from ...records import DocumentInfo, TimeExpr
from ..sections import is_opinion_section
from .calendar import interval, iso_month, nth_weekday, safe_date, shift, week_of, weekday_near, year_for
from .candidates import Candidate
from .narrative import Indexed, Resolved, attribution_day, latest_day_before, latest_time, week_start
from .tense import TenseWords, clause_tense

FUTURE_PREPOSITION = re.compile(r"\b(?:until|till|by|as early as|as soon as|no later than)\s+$", re.IGNORECASE)
DAY_UNITS = ("day", "week", "weekend")
MONTH_UNITS = ("month", "month-end")  # need a reference with a month
BOUND_UNITS = ("month-end", "year-end")  # "by the end of the month": a limit, not a time the story is at
WEEK_UNITS = ("week", "weekend")


@dataclass(frozen=True)
class Value:
    """What a rule gives a candidate: its value and anchor, and the day, year and
    month it stands for (for the resolution of later ones)."""

    value: str | None = None
    anchor: str | None = None
    day: date | None = None
    year: int | None = None
    month: int | None = None


NO_VALUE = Value()


def day_value(day: date | None, anchor: str | None) -> Value:
    return Value(day.isoformat(), anchor, day=day) if day is not None else NO_VALUE


@dataclass
class Resolver:
    """The times of one document resolved so far."""

    text: str
    analysed: str
    published: date | None
    nlp: Doc | None
    info: DocumentInfo | None
    words: TenseWords
    opinion_headings: frozenset[str]
    quotes: list[tuple[int, int]]  # quoted stretches (quotes.marks.quoted_stretches)
    year_ref: date | None  # what a year-less date is seen from
    report_verbs: frozenset[str] = frozenset()  # "said Thursday": a reporting clause's day (clauses.txt)
    attribution: dict[tuple[int, int], Indexed] = field(default_factory=dict)  # quote -> time of its speech
    found: list[Resolved] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # diagnostics

    def tense(self, cand: Candidate) -> tuple[str | None, bool]:
        if self.nlp is None:
            return None, False
        return clause_tense(self.nlp.char_span(cand.start, cand.end, alignment_mode="expand"), self.words)

    def resolve(self, cand: Candidate) -> None:
        """Add the candidate's time; calendar arithmetic that leaves the calendar
        (a count of 900 years back from year 1000) gives value None and a note."""
        rule = dict(RESOLUTION_RULES)[cand.kind]
        try:
            value = rule(self, cand)
        except (ValueError, OverflowError) as exc:
            self.notes.append(f"no value for {self.text[cand.start:cand.end]!r} at {cand.start} ({exc})")
            value = NO_VALUE
        expr = TimeExpr(self.text[cand.start:cand.end], value.value, value.anchor, cand.start, cand.end)
        year, month = (value.day.year, value.day.month) if value.day is not None else (value.year, value.month)
        datelines = self.info.datelines if self.info is not None else []
        days = [f.expr.start for f in self.found if f.day is not None and not f.header
                and value.day is not None and f.day <= value.day
                and not any(s <= f.expr.start < e for s, e in datelines)]
        told = value.day is not None and attribution_day(self.nlp, cand.start, cand.end, self.report_verbs, days)
        self.found.append(Resolved(expr, value.day, year, month, bool(cand.parts.get("header")), told))

    def year_of(self, cand: Candidate, month: int, day: int | None) -> tuple[int | None, str | None]:
        """(year, anchor) of a year-less date, month or holiday."""
        tense, direct = self.tense(cand)
        if self.year_ref is None:
            return None, None
        if tense == "past" and not direct:
            tense = None
        return year_for(month, day, self.year_ref, tense), "published" if self.published else None

    def publication_ref(self, cand: Candidate) -> tuple[date | None, str | None]:
        """The reference of a publication-relative expression: the speech time
        inside a quote, else the publication date."""
        speech = self.speech_time(cand)
        if speech is not None:
            return speech[1].day, f"t{speech[0]}"
        return self.published, "published" if self.published else None

    def speech_time(self, cand: Candidate) -> Indexed | None:
        """Inside a reported quote (not an expert's opinion), the time of the speech: the
        day its attribution gives in the same paragraph, else the latest recent day before."""
        quote = next(((s, e) for s, e in self.quotes if s < cand.start and cand.end <= e), None)
        if quote is None:
            return None
        if self.info is not None and any(s.start <= cand.start < s.end and is_opinion_section(s, self.opinion_headings)
                                         for s in self.info.sections):
            return None
        if quote in self.attribution:
            return self.attribution[quote]
        return latest_day_before(self.found, cand.start, self.published)


# ---------------------------------------------------------------- rules, by kind of candidate

def full_date(r: Resolver, cand: Candidate) -> Value:
    """"February 26, 2024": the day itself."""
    return day_value(cand.parts["date"], None)


def month_day(r: Resolver, cand: Candidate) -> Value:
    """"October 7" / "October 7, 2023": a year-less day takes the year its tense makes sense of."""
    parts = cand.parts
    month, day_n = month_number(parts["month"]) or 0, int(parts["day"])
    if parts.get("year"):
        return day_value(safe_date(int(parts["year"]), month, day_n), None)
    year, anchor = r.year_of(cand, month, day_n)
    return day_value(safe_date(year, month, day_n) if year else None, anchor)


def month_name(r: Resolver, cand: Candidate) -> Value:
    """"September 2022", "October last year", "in April"."""
    parts = cand.parts
    month = month_number(parts["month"]) or 0
    year: int | None
    if parts.get("year"):
        year, anchor = int(parts["year"]), None
    elif parts.get("rel"):
        ref, anchor = r.publication_ref(cand)
        year = ref.year + {"this": 0, "last": -1, "next": 1}[parts["rel"]] if ref is not None else None
    else:
        year, anchor = r.year_of(cand, month, None)
    if year is None:
        return NO_VALUE
    return Value(iso_month(year, month), anchor, year=year, month=month)


def year_number(r: Resolver, cand: Candidate) -> Value:
    """"in 2018"."""
    year = int(cand.parts["year"])
    return Value(f"{year:04d}", None, year=year)


def decade(r: Resolver, cand: Candidate) -> Value:
    """"the 1990s" (but "the 1900s" may be a century: no value)."""
    year = int(cand.parts["year"])
    return NO_VALUE if year % 100 == 0 else Value(f"{year:04d}/{year + 9:04d}", None)


def day_range(r: Resolver, cand: Candidate) -> Value:
    """"March 6-10", "10 to 14 June": an interval within one month."""
    parts = cand.parts
    month = month_number(parts["month"]) or 0
    first_n, last_n = int(parts["day"]), int(parts["day2"])
    if last_n <= first_n:
        return NO_VALUE
    year: int | None
    if parts.get("year"):
        year, anchor = int(parts["year"]), None
    else:
        year, anchor = r.year_of(cand, month, first_n)
    first = safe_date(year, month, first_n) if year else None
    last = safe_date(year, month, last_n) if year else None
    if first is None or last is None:
        return NO_VALUE
    return Value(interval(first, last), anchor, year=year, month=month)


def day_span(r: Resolver, cand: Candidate) -> Value:
    """Two days joined by "through", "from ... to", "between ... and": an interval.
    (Years and months joined so stay two times, as TimeML annotates them.)"""
    first, second = cand.parts["first"], cand.parts["second"]
    d1, y1 = _day_parts(first)
    d2, y2 = _day_parts(second)
    anchor = None
    if y2 is not None and y1 is None:
        y1 = y2 if d1 <= d2 else y2 - 1
    elif y1 is None:
        y1, anchor = r.year_of(first, d1[0], d1[1])
    if y1 is not None and y2 is None:
        y2 = y1 if d2 >= d1 else y1 + 1
    start = safe_date(y1, *d1) if y1 else None
    end = safe_date(y2, *d2) if y2 else None
    if start is None or end is None or end <= start:
        return NO_VALUE
    return Value(interval(start, end), anchor, year=start.year, month=start.month)


def _day_parts(cand: Candidate) -> tuple[tuple[int, int], int | None]:
    if cand.kind == "full":
        day = cand.parts["date"]
        return (day.month, day.day), day.year
    year = int(cand.parts["year"]) if cand.parts.get("year") else None
    return (month_number(cand.parts["month"]) or 0, int(cand.parts["day"])), year


QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}
QUARTER_MONTHS = 3


def quarter(r: Resolver, cand: Candidate) -> Value:
    """"the first quarter of the year" (2024-01/2024-03), "the third quarter of 2025", "the fourth
    quarter of last year"; alone ("in the final quarter"), the quarter its tense makes sense of
    from the page's year. A year and no month for what follows."""
    parts = cand.parts
    first_month = (QUARTERS[parts["ord"].lower()] - 1) * QUARTER_MONTHS + 1
    anchor: str | None
    if parts.get("year"):
        year, anchor = int(parts["year"]), None
    elif r.year_ref is None:
        return NO_VALUE
    else:
        year, anchor = r.year_ref.year + {"last": -1, "next": 1}.get(parts.get("rel") or "", 0), \
            "published" if r.published else None
        tense, _ = r.tense(cand)
        if not parts.get("rel") and "of" not in r.analysed[cand.start:cand.end]:
            if tense == "past" and (year, first_month) > (r.year_ref.year, r.year_ref.month):
                year -= 1
            elif tense == "future" and (year, first_month + 2) < (r.year_ref.year, r.year_ref.month):
                year += 1
    last = first_month + QUARTER_MONTHS - 1
    return Value(f"{iso_month(year, first_month)}/{iso_month(year, last)}", anchor, year=year)


def weekday(r: Resolver, cand: Candidate) -> Value:
    """"on Tuesday", "last Friday", "Thursday last week": from the publication (or speech) day."""
    wd = WEEKDAYS.index(cand.parts["wd"].lower())
    ref, anchor = r.publication_ref(cand)
    if ref is None:
        return NO_VALUE
    if cand.parts.get("week"):  # "on Thursday last week"
        k = {"last": -1, "this": 0, "next": 1}[cand.parts["week"]]
        return day_value(week_of(ref + timedelta(weeks=k))[0] + timedelta(days=wd), anchor)
    tense, _ = r.tense(cand)
    if FUTURE_PREPOSITION.search(r.analysed[max(0, cand.start - 16):cand.start]):
        tense = "future"  # "postponed until Tuesday", "as early as Tuesday"
    modifier = (cand.parts.get("mod") or "").lower() or None
    return day_value(weekday_near(ref, wd, modifier, tense), anchor)


def publication_relative(r: Resolver, cand: Candidate) -> Value:
    """"yesterday", "last week", "two months ago": from the publication (or speech) day."""
    ref, anchor = r.publication_ref(cand)
    if ref is None or anchor is None:
        return NO_VALUE
    return _shifted(r, cand, cand.parts["rule"], ref, anchor)


def narrative_relative(r: Resolver, cand: Candidate) -> Value:
    """"that day", "two days later": from the narrative time."""
    rule: ShiftRule = cand.parts["rule"]
    latest = latest_time(r.found, r.analysed, cand.start, need_day=rule.unit in DAY_UNITS)
    if rule.unit in WEEK_UNITS:  # a week told last serves a week-relative one ("last week ... That week")
        last = latest_time(r.found, r.analysed, cand.start, need_day=False)
        latest = last if last is not None and week_start(last[1].expr.value) else latest
    if latest is None and rule.unit in BOUND_UNITS and r.published is not None:
        return _shifted(r, cand, rule, r.published, "published")  # a limit told before any time: the page's month
    if latest is None:
        return NO_VALUE
    index, item = latest
    week = week_start(item.expr.value) if rule.unit in WEEK_UNITS else None
    if item.day is not None:
        ref = item.day
    elif week is not None:
        ref = week  # "last week ... The following week"
    elif rule.unit in DAY_UNITS or (rule.unit in MONTH_UNITS and item.month is None) or item.year is None:
        return NO_VALUE
    else:
        ref = date(item.year, item.month or 1, 1)
    return _shifted(r, cand, rule, ref, f"t{index}")


def _shifted(r: Resolver, cand: Candidate, rule: ShiftRule, ref: date, anchor: str) -> Value:
    count = count_value(cand.parts.get("n")) if rule.per_count else 0
    if count is None:
        return NO_VALUE
    tense = r.tense(cand)[0] if rule.unit == "weekend" else None
    value = shift(ref, rule.unit, rule.offset + rule.per_count * count, tense)
    if value is None:
        return NO_VALUE
    if rule.unit == "day":
        return Value(value, anchor, day=date.fromisoformat(value))
    if rule.unit in BOUND_UNITS:
        return Value(value, anchor)  # no day, month or year for what follows: the story does not move there
    if rule.unit == "month":
        return Value(value, anchor, year=int(value[:4]), month=int(value[5:7]))
    if rule.unit == "year":
        return Value(value, anchor, year=int(value))
    if rule.unit in WEEK_UNITS:  # a week has a year and a month, never a day ("the previous day" has no value)
        monday = date.fromisoformat(value[:10])
        return Value(value, anchor, year=monday.year, month=monday.month)
    return Value(value, anchor)


def vague(r: Resolver, cand: Candidate) -> Value:
    """"recently", "for years": kept, never given a guessed date."""
    return NO_VALUE


def period(r: Resolver, cand: Candidate) -> Value:
    """A named period of knowledge/times/periods.txt: its value."""
    return Value(cand.parts["value"], None)


def holiday(r: Resolver, cand: Candidate) -> Value:
    """"Thanksgiving", "last Christmas": the holiday's day in the year its tense makes sense of."""
    rule: HolidayRule = cand.parts["rule"]
    ref = r.year_ref
    if ref is None:
        return NO_VALUE
    modifier = re.search(r"\b(last|next|this)\s+$", r.analysed[max(0, cand.start - 6):cand.start].lower())
    days = [d for d in (_holiday_on(rule, ref.year + k) for k in (-1, 0, 1)) if d]
    if modifier and modifier.group(1) == "last":
        day = max((d for d in days if d < ref), default=None)
    elif modifier and modifier.group(1) == "next":
        day = min((d for d in days if d > ref), default=None)
    else:
        year, _ = r.year_of(cand, rule.month, (_holiday_on(rule, ref.year) or ref).day)
        day = _holiday_on(rule, year) if year else None
    return day_value(day, "published" if r.published and day else None)


def _holiday_on(rule: HolidayRule, year: int) -> date | None:
    if rule.day is not None:
        return safe_date(year, rule.month, rule.day)
    day = nth_weekday(year, rule.month, rule.weekday or 0, rule.nth)
    return date.fromordinal(day.toordinal() + rule.plus_days) if day else None


ResolutionRule = Callable[[Resolver, Candidate], Value]
RESOLUTION_RULES: tuple[tuple[str, ResolutionRule], ...] = (
    ("full", full_date),
    ("date", month_day),
    ("month", month_name),
    ("year", year_number),
    ("decade", decade),
    ("range", day_range),
    ("span", day_span),
    ("quarter", quarter),
    ("weekday", weekday),
    ("relative", publication_relative),
    ("narrative", narrative_relative),
    ("vague", vague),
    ("period", period),
    ("holiday", holiday),
)
