"""Absolute calendar dates written out in full ("February 26, 2024", "26 Feb 2024",
"2024-02-26", "2/26/2024"): shared by the structure stage (publication dates)
and the times stage. Year-less and relative dates are the times stage's business.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
MONTH_RE = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
            r"Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
FULL_DATE_PATTERNS = (
    # February 26, 2024 / Feb. 26 2024 / Monday, February 26, 2024
    re.compile(_WEEKDAY + r"(?P<month>" + MONTH_RE + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"),
    # 26 February 2024
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>" + MONTH_RE
               + r"),?\s+(?P<year>\d{4})\b"),
    # 2024-02-26
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
    # 2/26/2024 (US order)
    re.compile(r"\b(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b"),
    # 26.02.2024 (day first, as written in Europe and Latin America)
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})\b(?!\.\d)"),
)


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def match_to_date(m: re.Match[str]) -> date | None:
    """The date a FULL_DATE_PATTERNS match denotes, or None if it is not a real day."""
    parts = m.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else month_number(parts["month"])
    try:
        return date(int(parts["year"]), month or 0, int(parts["day"]))
    except ValueError:
        return None


def find_full_dates(text: str) -> list[tuple[int, int, date]]:
    """Every full date in `text` as (start, end, date), left to right, no overlaps."""
    found: list[tuple[int, int, date]] = []
    for pattern in FULL_DATE_PATTERNS:
        for m in pattern.finditer(text):
            value = match_to_date(m)
            if value and not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), value))
    return sorted(found)


def parse_full_date(text: str) -> date | None:
    """The first full date in `text`, or None."""
    found = find_full_dates(text)
    return found[0][2] if found else None
