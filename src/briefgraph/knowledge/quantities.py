"""The magnitudes stage's knowledge: the data files under knowledge/magnitudes/
(`MagnitudeWords`, held by `Knowledge.magnitudes`).

cues.txt     kind cue words (killed, injured, arrested, abducted, displaced), crowd
             verbs and nouns, dispersal verbs, nouns that never count people
numbers.txt  number words and their values ("twenty 20", "hundred 100")
vague.txt    vague quantities and the bounds they give ("dozens = 12": min 12)
bounds.txt   words that bound a number ("at least = min", "nearly = max", "about = value")

It also holds words.txt's `relative_pronouns` ("people who were held": no object of the verb).

Users extend the stage by adding lines; a malformed line raises KnowledgeError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeError
from ..records import MAGNITUDE_KINDS as KINDS  # the record's kinds: one list
from .files import data_path, read_data_lines
from .wordlists import WordLists, read_word_lists, shared_words

BOUND_FIELDS = ("min", "max", "value")


@dataclass(frozen=True, eq=False)
class MagnitudeWords:
    cues: WordLists
    numbers: dict[str, int]
    vague: dict[str, tuple[int, int | None]]
    bounds: dict[str, str]
    relatives: frozenset[str]  # words.txt `relative_pronouns`

    @classmethod
    def load(cls, folder: str | Path | None = None) -> MagnitudeWords:
        base = Path(folder) if folder else data_path("magnitudes")
        cues = WordLists("magnitudes/cues.txt", read_word_lists(base / "cues.txt"))
        for kind in KINDS[:-1]:
            cues[kind]  # noqa: B018 - raises KnowledgeError when a kind has no list
        return cls(cues, _numbers(base / "numbers.txt"), _vague(base / "vague.txt"), _bounds(base / "bounds.txt"),
                   frozenset(shared_words()["relative_pronouns"]))

    def kind_of(self, word: str) -> str | None:
        """The casualty/arrest kind a cue word gives ("wounded" -> injured), or None."""
        word = word.lower()
        for kind in KINDS[:-1]:
            if word in self.cues[kind]:
                return kind
        return None


def _numbers(path: Path) -> dict[str, int]:
    table = {}
    for line in read_data_lines(path):
        word, _, value = line.rpartition(" ")
        if not word or not value.isdigit():
            raise KnowledgeError(f"{path}: expected 'word value', got {line!r}")
        table[word.strip().lower()] = int(value)
    return table


def _vague(path: Path) -> dict[str, tuple[int, int | None]]:
    table: dict[str, tuple[int, int | None]] = {}
    for line in read_data_lines(path):
        phrase, eq, bounds = line.partition("=")
        values = bounds.split()
        if not eq or not phrase.strip() or not 1 <= len(values) <= 2 or not all(v.isdigit() for v in values):
            raise KnowledgeError(f"{path}: expected 'phrase = min [max]', got {line!r}")
        high = int(values[1]) if len(values) > 1 else None
        table[re.sub(r"\s+", " ", phrase.strip().lower())] = (int(values[0]), high)
    return table


def _bounds(path: Path) -> dict[str, str]:
    table = {}
    for line in read_data_lines(path):
        phrase, eq, which = line.partition("=")
        if not eq or not phrase.strip() or which.strip() not in BOUND_FIELDS:
            raise KnowledgeError(f"{path}: expected 'phrase = min|max|value', got {line!r}")
        table[re.sub(r"\s+", " ", phrase.strip().lower())] = which.strip()
    return table
