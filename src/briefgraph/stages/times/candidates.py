"""Finding date expressions: candidate spans with their parts, before any value.

Every pattern (`PATTERNS`, the full dates of `dateparse`, and the vocabulary of
knowledge/times/) proposes candidates; `PLAUSIBILITY_RULES` reject look-alikes
(the modal "may", "Resolution 2334", 2000 troops); the longest candidate wins an
overlap; "X through Y", "from X to Y" and "between X and Y" become one "span".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from ...dateparse import FULL_DATE_PATTERNS, MONTH_RE, find_full_dates, match_to_date, month_number
from ...knowledge.timewords import TimeKnowledge, count_in
from ...records import DocumentInfo
from .prefilter import Scan

SKIPPED_SECTION_KINDS = frozenset({"tags", "related"})

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
    # the first quarter of the year / the third quarter of 2025 / the final quarter
    ("quarter", re.compile(r"(?<![\w-])(?:[Tt]he\s+)?(?P<ord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal)\s+quarter"
                           r"(?:\s+of\s+(?:(?:the|this)\s+year|(?P<rel>last|next)\s+year|" + _YEAR + r"))?(?![\w-])")),
    # last Friday / early Friday / Thursday morning
    ("weekday", re.compile(_QUALIFIER + r"(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?" + _WEEKDAY
                           + _PART_OF_DAY + r"(?:\s+(?:of\s+)?(?P<week>last|next|this)\s+week)?(?![\w])")),
)
RANGE_CONNECTOR = re.compile(r"\s*(?:(?P<always>through|thru|until|till|[-–—])|(?P<to>to)|(?P<and>and))\s*$")
RANGE_OPENER = re.compile(r"(?:\b(?P<from>from|From)|\b(?P<between>between|Between))\s+$")
AMBIGUOUS_MONTHS = frozenset({"May", "March"})
MONTH_CONTEXT = re.compile(r"\b(?:in|since|until|by|from|of|last|next|this|early|late|mid|before|after|during|"
                           r"through|between|and|to)\s+$")
NON_YEAR_WORDS = frozenset({"resolution", "no", "number", "flight", "route", "code", "article", "room",
                            "highway", "model", "tower", "unit", "page", "pages"})

YEAR_PREPOSITION = re.compile(r"\b(?:in|since|until|by|from|of|to|and|between|before|after|during|"
                              r"early|late|mid|the|through)\s*$")
PLURAL_EVENTS = frozenset({"elections", "games", "olympics"})  # "the 2024 elections" is a year


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    parts: dict[str, Any] = field(default_factory=dict)
    priority: int = 0


def find_candidates(text: str, nlp_doc: Doc | None, vocab: TimeKnowledge) -> list[Candidate]:
    """Non-overlapping candidate expressions, longest first, merged into ranges."""
    scan = Scan(text)  # runs only the patterns that can match somewhere in the text
    found = _pattern_candidates(scan) + _vocabulary_candidates(scan, vocab)
    blocked = [(m.start(), m.end()) for pattern in vocab.lookalikes for m in scan.finditer(pattern)]
    found = [c for c in found if plausible(c, text, nlp_doc)
             and not any(s < c.end and c.start < e for s, e in blocked)]
    found.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    chosen: list[Candidate] = []
    for cand in found:
        if not any(c.start < cand.end and cand.start < c.end for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return merge_ranges(text, chosen)


def _pattern_candidates(scan: Scan) -> list[Candidate]:
    found: list[Candidate] = []
    for priority, (kind, pattern) in enumerate(PATTERNS):
        for m in scan.finditer(pattern):
            found.append(Candidate(m.start(), m.end(), kind, m.groupdict(), priority))
    for pattern in FULL_DATE_PATTERNS:
        for m in scan.finditer(pattern):
            value = match_to_date(m)
            if value:
                found.append(Candidate(m.start(), m.end(), "full", {"date": value}, -1))
    return found


def _vocabulary_candidates(scan: Scan, vocab: TimeKnowledge) -> list[Candidate]:
    found: list[Candidate] = []
    for kind, rules in (("relative", vocab.relative), ("narrative", vocab.narrative)):
        for rule in rules:
            for m in scan.finditer(rule.pattern):
                found.append(Candidate(m.start(), m.end(), kind, {"rule": rule, "n": count_in(m)}, 20))
    for pattern in vocab.vague:
        found.extend(Candidate(m.start(), m.end(), "vague", {}, 30) for m in scan.finditer(pattern))
    for holiday in vocab.holidays:
        found.extend(Candidate(m.start(), m.end(), "holiday", {"rule": holiday}, 25)
                     for m in scan.finditer(holiday.pattern))
    for period in vocab.periods:
        found.extend(Candidate(m.start(), m.end(), "period", {"value": period.value}, 25)
                     for m in scan.finditer(period.pattern))
    return found


# ---------------------------------------------------------------- look-alikes

def real_month(cand: Candidate, text: str, nlp_doc: Doc | None) -> bool:
    """A month name that is a month: "in May", "early March", not the modal "may" or
    "the March for Life" (an ambiguous month alone needs a preposition or qualifier)."""
    parts = cand.parts
    if cand.kind not in ("date", "range", "month") or not parts.get("month"):
        return True
    month = parts["month"]
    if month_number(month) is None:
        return False
    if cand.kind == "month" and not parts.get("year") and month in AMBIGUOUS_MONTHS:
        before = text[max(0, cand.start - 12):cand.start].lower()
        return bool(parts.get("q") or parts.get("rel") or MONTH_CONTEXT.search(before))
    return True


def real_day(cand: Candidate, text: str, nlp_doc: Doc | None) -> bool:
    """Days of the month between 1 and 31."""
    parts = cand.parts
    if cand.kind not in ("date", "range") or not parts.get("day"):
        return True
    if not 1 <= int(parts["day"]) <= 31:
        return False
    return not (parts.get("day2") and not 1 <= int(parts["day2"]) <= 31)


def year_not_a_number(cand: Candidate, text: str, nlp_doc: Doc | None) -> bool:
    """A year is not a number: "Resolution 2334", "$2000", "2000 troops"."""
    if cand.kind != "year":
        return True
    before = re.search(r"([A-Za-z.]+)\s*$", text[max(0, cand.start - 20):cand.start])
    if before and before.group(1).lower().rstrip(".") in NON_YEAR_WORDS:
        return False
    token = token_at(nlp_doc, cand.start)
    if token is None:
        return True
    if token.ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "CARDINAL") \
            and not YEAR_PREPOSITION.search(text[max(0, cand.start - 12):cand.start]):
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return not (nxt is not None and token.text == cand.parts["year"] and nxt.tag_ == "NNS"
                and nxt.lower_ not in PLURAL_EVENTS)


PlausibilityRule = Callable[[Candidate, str, "Doc | None"], bool]
PLAUSIBILITY_RULES: tuple[PlausibilityRule, ...] = (real_month, real_day, year_not_a_number)


def plausible(cand: Candidate, text: str, nlp_doc: Doc | None,
              rules: tuple[PlausibilityRule, ...] = PLAUSIBILITY_RULES) -> bool:
    """Whether every look-alike rule lets the candidate through."""
    return all(rule(cand, text, nlp_doc) for rule in rules)


def token_at(nlp_doc: Doc | None, offset: int) -> Token | None:
    if nlp_doc is None:
        return None
    span = nlp_doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# ---------------------------------------------------------------- ranges, headers, sections

def merge_ranges(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Join "X through Y", "from X to Y", "between X and Y" into one range candidate."""
    out: list[Candidate] = []
    i = 0
    while i < len(chosen):
        first = chosen[i]
        second = chosen[i + 1] if i + 1 < len(chosen) else None
        if second is not None and _joined(text, first, second):
            out.append(Candidate(first.start, second.end, "span", {"first": first, "second": second}))
            i += 2
            continue
        out.append(first)
        i += 1
    return out


def _joined(text: str, first: Candidate, second: Candidate) -> bool:
    if first.kind not in ("date", "full") or second.kind not in ("date", "full"):
        return False
    gap = text[first.end:second.start]
    conn = RANGE_CONNECTOR.match(gap) if len(gap) <= 12 else None
    if not conn:
        return False
    opener = RANGE_OPENER.search(text[max(0, first.start - 10):first.start])
    return bool(conn["always"] or (conn["to"] and opener and opener["from"])
                or (conn["and"] and opener and opener["between"]))


def header_dates(text: str, info: DocumentInfo | None) -> list[Candidate]:
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


def allowed(info: DocumentInfo | None, offset: int) -> bool:
    """Outside tag lists and related reading."""
    if info is None:
        return True
    for section in info.sections:
        if section.start <= offset < section.end:
            return section.kind not in SKIPPED_SECTION_KINDS
    return True
