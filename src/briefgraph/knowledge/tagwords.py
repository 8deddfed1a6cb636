"""The tag vocabulary: known tags (knowledge/tags.txt, every country's name, the curated
seas and regions of knowledge/places/features.csv, and a user file of tags, such as one
`learn_tags` writes) and the connector and head words (knowledge/tag_words.txt) that join
unknown words into one tag."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .files import data_path, read_data_lines


@dataclass(frozen=True)
class TagVocabulary:
    known: frozenset[str]  # lower case
    connectors: frozenset[str]
    heads: frozenset[str]

    @classmethod
    def load(cls, user_file: str | Path | None = None) -> TagVocabulary:
        entries = set(read_data_lines(data_path("tags.txt"))) | _country_names() | _sea_and_region_names()
        if user_file and Path(user_file).exists():
            entries |= set(read_data_lines(user_file))
        kinds: dict[str, set[str]] = {"connector": set(), "head": set()}
        for line in read_data_lines(data_path("tag_words.txt")):
            kind, _, word = line.partition(":")
            if kind.strip() in kinds:
                kinds[kind.strip()].add(word.strip().lower())
        return cls(frozenset(e.lower() for e in entries), frozenset(kinds["connector"]), frozenset(kinds["head"]))


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    import pycountry

    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                names.add(name)
    return frozenset(names)


TAG_PLACE_KINDS = ("sea", "region")


@lru_cache(maxsize=1)
def _sea_and_region_names() -> frozenset[str]:
    """The names and aliases of more than one word of the curated seas and regions ("Strait of
    Hormuz", "Horn of Africa"); a known single word would stop a head noun joining it ("Sahel Security")."""
    import csv

    rows = csv.DictReader(read_data_lines(data_path("places/features.csv")))
    names = set()
    for row in rows:
        if row["kind"] in TAG_PLACE_KINDS:
            for name in [row["name"], *row["aliases"].split("|")]:
                name = name.removeprefix("the ").strip()
                if " " in name:
                    names.add(name)
    return frozenset(names)
