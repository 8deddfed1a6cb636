"""Calendar arithmetic for the times stage (no knowledge, no state): shifting a reference day by days,
weeks, months or years, choosing the year of a year-less date, and writing
values in the record's ISO forms (day, month, year, interval).
"""

from __future__ import annotations

from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 1, 9999  # what ISO 8601 writes in four digits
YEAR_WINDOW = 1  # a year-less date lies within a year of its reference
FUTURE_DISTANCE_WEIGHT = 2  # with no tense to go by, news reports the past more than it announces


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def interval(first: date, last: date) -> str:
    return f"{first.isoformat()}/{last.isoformat()}"


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + k
    return total // 12, total % 12 + 1


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def shift(ref: date, unit: str, k: int, tense: str | None = None) -> str | None:
    """The value `k` units away from `ref`: a day, week or weekend interval, month or year."""
    try:
        if unit == "day":
            return (ref + timedelta(days=k)).isoformat()
        if unit == "week":
            monday, sunday = week_of(ref + timedelta(weeks=k))
            return interval(monday, sunday)
        if unit == "weekend":
            monday, _ = week_of(ref)
            saturday = monday + timedelta(days=5)
            if k == 0 and tense == "past" and ref.weekday() < 5:
                k = -1
            saturday += timedelta(weeks=k)
            return interval(saturday, saturday + timedelta(days=1))
        if unit == "month":
            year, month = add_months(ref.year, ref.month, k)
            return iso_month(year, month) if MIN_YEAR <= year <= MAX_YEAR else None
        if unit == "year":
            return f"{ref.year + k:04d}" if MIN_YEAR <= ref.year + k <= MAX_YEAR else None
        if unit in ("month-end", "year-end"):
            return period_end(ref, unit, k)
        if unit.endswith("-to-date"):
            return interval(back(ref, unit.removesuffix("s-to-date"), -k), ref)
    except (OverflowError, ValueError):
        return None
    return None


def period_end(ref: date, unit: str, k: int) -> str | None:
    """The last day of the month ("month-end") or year ("year-end") `k` away from `ref`: "by the
    end of the month" in a May page is May 31."""
    if unit == "year-end":
        return date(ref.year + k, 12, 31).isoformat() if MIN_YEAR <= ref.year + k <= MAX_YEAR else None
    year, month = add_months(ref.year, ref.month, k + 1)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return (date(year, month, 1) - timedelta(days=1)).isoformat()


def back(ref: date, unit: str, n: int) -> date:
    """The day `n` days, weeks, months or years before `ref` (month ends clamped)."""
    if unit == "day":
        return ref - timedelta(days=n)
    if unit == "week":
        return ref - timedelta(weeks=n)
    months = n * 12 if unit == "year" else n
    year, month = add_months(ref.year, ref.month, -months)
    for day in range(ref.day, 27, -1):
        if safe_date(year, month, day):
            return date(year, month, day)
    return date(year, month, min(ref.day, 28))


def weekday_near(ref: date, weekday: int, modifier: str | None, tense: str | None) -> date:
    """The day named by a weekday relative to `ref` ("last Friday", "on Tuesday").

    Same weekday as `ref` is `ref` itself unless "last"/"next" says otherwise;
    otherwise the nearest one before `ref`, or after it for future clauses."""
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if modifier == "last":
        return ref - timedelta(days=back or 7)
    if modifier in ("next", "coming"):
        return ref + timedelta(days=ahead or 7)
    if back == 0:
        return ref
    if tense == "future":
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def year_for(month: int, day: int | None, ref: date, tense: str | None) -> int:
    """The year of a year-less date (day None: a month) seen from `ref`.

    Past clauses take the latest such date on or before `ref`, future clauses
    the earliest on or after it, others the nearest one, counting days ahead
    double."""
    def key(y: int) -> tuple[int, int, int]:
        return (y, month, day or 0)
    ref_key = (ref.year, ref.month, ref.day if day else 0)
    years = [ref.year + d for d in range(-YEAR_WINDOW, YEAR_WINDOW + 1)]
    if day is not None:  # 29 February exists only in leap years
        years = [y for y in years if safe_date(y, month, day)] or years
    if tense == "past":
        return max((y for y in years if key(y) <= ref_key), default=ref.year)
    if tense == "future":
        return min((y for y in years if key(y) >= ref_key), default=ref.year)

    def distance(y: int) -> tuple[int, int]:
        on = safe_date(y, month, day) if day is not None else None
        if on is not None:
            gap = (on - ref).days
        else:
            gap = (y * 12 + month) - (ref.year * 12 + ref.month)
        return (-gap if gap <= 0 else gap * FUTURE_DISTANCE_WEIGHT), 0 if gap <= 0 else 1
    return min(years, key=distance)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The nth weekday (0 = Monday) of a month; nth -1 is the last one."""
    if nth > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return day if day.month == month else None
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)
