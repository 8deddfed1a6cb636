"""Publication dates from container metadata (feeds, HTML meta, JSON Lines)."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_YEAR_OR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def iso_date(value: str | None) -> str | None:
    """An ISO day from a metadata date string, or None when it is not a date."""
    if not value:
        return None
    m = _ISO.match(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def published_date(value: object) -> str | None:
    """A publication date given with a document (an ISO year, month or day, or a date
    `iso_date` reads) as ISO, or None when it is no real date ("2024-02-30", "31/31/2023")."""
    if not isinstance(value, str) or not value.strip():
        return None
    m = _YEAR_OR_MONTH.match(value.strip())
    if m:
        return value.strip() if m[2] is None or 1 <= int(m[2]) <= 12 else None
    return iso_date(value)


def struct_time_date(value: object) -> str | None:
    """An ISO day from feedparser's parsed time tuple."""
    try:
        return date(value[0], value[1], value[2]).isoformat()  # type: ignore[index]
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
