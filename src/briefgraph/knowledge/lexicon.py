"""The quotes stage's word lists (knowledge/quotes/): reporting verbs, statement
nouns, naming cues, attribution dashes, speaker nouns and recording nouns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .files import data_path, read_data_lines


@dataclass(frozen=True)
class Lexicon:
    """The reporting words of knowledge/quotes/."""

    strong_verbs: frozenset[str]
    weak_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    naming_cues: tuple[str, ...]
    attribution_dashes: tuple[str, ...]
    speaker_nouns: Mapping[str, str]  # "leader" -> "person", "military" -> "body" (read-only)
    recording_nouns: frozenset[str] = frozenset()  # "footage of X saying": X speaks


def lexicon() -> Lexicon:
    """The quote word lists from knowledge/quotes/ (loaded once, into `Knowledge`)."""
    strong: set[str] = set()
    weak: set[str] = set()
    for line in read_data_lines(data_path("quotes/reporting_verbs.txt")):
        word, _, flag = line.partition(" ")
        (weak if flag.strip() == "weak" else strong).add(word.lower())
    return Lexicon(
        strong_verbs=frozenset(strong),
        weak_verbs=frozenset(weak - strong),
        statement_nouns=frozenset(w.lower() for w in read_data_lines(data_path("quotes/statement_nouns.txt"))),
        naming_cues=tuple(w.lower() for w in read_data_lines(data_path("quotes/naming_cues.txt"))),
        attribution_dashes=tuple(read_data_lines(data_path("quotes/attribution_dashes.txt"))),
        speaker_nouns=MappingProxyType(_speaker_nouns()),
        recording_nouns=frozenset(w.lower() for w in read_data_lines(data_path("quotes/recording_nouns.txt"))),
    )


def _speaker_nouns() -> dict[str, str]:
    nouns = {}
    for line in read_data_lines(data_path("quotes/speaker_nouns.txt")):
        word, _, kind = line.partition(" ")
        nouns[word.lower()] = kind.strip() or "person"
    return nouns
