"""A place named in the text, as the places stage (stages/places.py) finds it, and the
event location it gives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..places import Place
from ..records import Location


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    place: Place
    root: Any = None  # the spaCy token heading the mention (None for a dateline or heading)
    point: bool = True  # False: a place the gazetteer lacks, known only by what the text says of it

    def location(self, how: str) -> Location:
        lat, lon = (self.place.lat, self.place.lon) if self.point else (None, None)
        return Location(name=self.text, country=self.place.country, lat=lat, lon=lon,
                        kind=self.place.kind, admin1=self.place.admin1, how=how, start=self.start, end=self.end)
