"""Dates as a brief writes them: "on October 7, 2023", "from February 29 to March 2,
2024", and relative to the sentence before: "That day", "The next day", "Two days later"."""

from __future__ import annotations

from datetime import date

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
NUMBERS = ["", "One", "Two", "Three", "Four", "Five", "Six"]


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def start_day(value: str | None) -> date | None:
    """The first day of a stored date (a day, a month, a year, or an interval's start)."""
    if not value:
        return None
    first = value.split("/")[0]
    if len(first) == 7 and first[4] == "-":
        first += "-01"
    elif len(first) == 4 and first.isdigit():
        first += "-01-01"
    return _day(first)


def long_date(day: date, year: bool = True) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}" if year else f"{MONTHS[day.month - 1]} {day.day}"


def phrase(value: str | None, year: bool = True) -> str | None:
    """A date phrase opening a sentence ("On October 7, 2023"), or None for no date."""
    if not value:
        return None
    if "/" in value:
        first, last = (_day(v) for v in value.split("/", 1))
        if first and last:
            if first.year == last.year:
                if first.month == last.month:
                    return f"From {MONTHS[first.month - 1]} {first.day} to {last.day}, {first.year}"
                return f"From {long_date(first, False)} to {long_date(last)}"
            return f"From {long_date(first)} to {long_date(last)}"
        value = value.split("/")[0]
    day = _day(value)
    if day:
        return f"On {long_date(day, year)}"
    if len(value) == 7 and value[4] == "-" and value[5:].isdigit() and 1 <= int(value[5:]) <= 12:
        return f"In {MONTHS[int(value[5:]) - 1]} {value[:4]}"
    if len(value) == 4 and value.isdigit():
        return f"In {value}"
    return None


def relative(value: str | None, previous: str | None) -> str | None:
    """The phrase for `value` after a sentence dated `previous`: relative when both are days
    less than a week apart, the day without its year in the same year, else the full phrase."""
    if not value or "/" in value or not previous or "/" in previous:
        return phrase(value)
    day, before = _day(value), _day(previous)
    if not day or not before:
        return phrase(value)
    gap = (day - before).days
    if gap == 0:
        return "That day"
    if gap == 1:
        return "The next day"
    if 2 <= gap <= 6:
        return f"{NUMBERS[gap]} days later"
    if gap > 0 and day.year == before.year:
        return phrase(value, year=False)
    return phrase(value)


def month_year(value: str | None) -> str | None:
    day = start_day(value)
    if day:
        return f"{MONTHS[day.month - 1]} {day.year}"
    if value and len(value) >= 7 and value[5:7].isdigit():
        return f"{MONTHS[int(value[5:7]) - 1]} {value[:4]}"
    return value[:4] if value else None
