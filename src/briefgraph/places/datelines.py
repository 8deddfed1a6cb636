"""The country of a wire story's dateline ("NAIROBI (Reuters) -"), for the stages that
fall back on where a story was filed from (actors' home state, generic actors' country)."""

from __future__ import annotations

import re

from .disambiguate import resolve

DATELINE_PLACE = re.compile(r"\s*([A-Z][A-Za-z .'-]*[A-Za-z])")


def dateline_country(text: str, datelines: list[tuple[int, int]]) -> str | None:
    """The ISO3 country of the first dateline whose place the gazetteer knows."""
    for start, end in datelines:
        match = DATELINE_PLACE.match(text[start:end])
        place = resolve(match.group(1).title()) if match else None
        if place is not None and place.country:
            return place.country
    return None
