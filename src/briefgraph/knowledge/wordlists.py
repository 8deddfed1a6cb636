"""Named word lists in the `NAME: word word ...` file format (knowledge/words.txt,
knowledge/events/clauses.txt): one loader for every such file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeError
from .files import data_path, read_data_lines


def read_word_lists(path: str | Path) -> dict[str, frozenset[str]]:
    """The lists of a word-list file, by name, lower case (`|` separates phrases)."""
    lists: dict[str, frozenset[str]] = {}
    for line in read_data_lines(path):
        name, colon, words = line.partition(":")
        if not colon or not name.strip() or " " in name.strip():
            raise KnowledgeError(f"{path}: expected 'NAME: word word ...', got {line!r}")
        if name.strip() in lists:
            raise KnowledgeError(f"{path}: the list {name.strip()!r} is given twice (one line a list)")
        sep = "|" if "|" in words else None
        lists[name.strip()] = frozenset(w.strip().lower() for w in words.split(sep) if w.strip())
    return lists


class WordLists:
    """Named word lists with attribute-free, checked access: `words["future_aux"]`."""

    def __init__(self, source: str, lists: dict[str, frozenset[str]]):
        self.source = source
        self._lists = lists

    def __getitem__(self, name: str) -> frozenset[str]:
        try:
            return self._lists[name]
        except KeyError:
            raise KnowledgeError(f"{self.source}: no word list named {name!r}") from None

    def __contains__(self, name: str) -> bool:
        return name in self._lists

    def names(self) -> list[str]:
        return sorted(self._lists)


@lru_cache(maxsize=1)
def shared_words() -> WordLists:
    """The lists more than one stage reads (knowledge/words.txt), loaded once."""
    return WordLists("words.txt", read_word_lists(data_path("words.txt")))


@lru_cache(maxsize=1)
def place_cues() -> WordLists:
    """The places stage's cue words (knowledge/places/cues.txt), which the actors stage reads
    too, loaded once."""
    return WordLists("places/cues.txt", read_word_lists(data_path("places/cues.txt")))
