"""Skipping the patterns that cannot match a text, before running them over it.

The times stage runs about a hundred patterns over every text (candidates.py: the
date patterns and each rule of knowledge/times/), and most of them find nothing in
a given text: each `finditer` still tries every position. `heads(pattern)` reads a
compiled pattern's syntax tree and lists what any match must begin with (strings of
up to HEAD_CHARS characters, in a folded form); `Scan(text).finditer(pattern)` runs
the pattern only when one of its heads occurs in the text, folded the same way.
The answer is the same as `pattern.finditer(text)`, only sooner: a head is a
necessary start of every match, never a guess, and a pattern whose start cannot be
listed (a class like \\w, a back-reference, a cased non-ASCII letter under
IGNORECASE) is always run.

Folding, on both sides: whitespace -> " ", any decimal digit -> "0", and under
IGNORECASE ASCII letters -> lower case and a non-ASCII character that IGNORECASE
equates with an ASCII letter (the Kelvin sign, the long s) -> that letter.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

HEAD_CHARS = 6  # characters of each head
MOST_HEADS = 2048  # a pattern with more possible starts is always run
MOST_CLASS_CHARS = 64  # a character class larger than this ends a head

Heads = frozenset[str]
_State = frozenset[tuple[str, bool]]  # (head so far, whether it can still grow)


class _Unlisted(Exception):
    """The pattern's possible starts are too many to list."""


def fold_char(char: str, icase: bool) -> str | None:
    """A pattern's literal character, folded; None when it cannot be folded safely."""
    if char.isspace():
        return " "
    if char.isdecimal():
        return "0"
    if char.isascii():
        return char.lower() if icase else char
    if icase and (char.lower() != char or char.upper() != char):
        return None
    return char


@lru_cache(maxsize=4096)
def _fold_text_char(char: str, icase: bool) -> str | None:
    """A text's character, folded (None: it matches several ASCII letters, so no folding is safe)."""
    if char.isspace():
        return " "
    if char.isdecimal():
        return "0"
    if not icase or (char.lower() == char and char.upper() == char):
        return char
    letters = [a for a in string.ascii_lowercase if re.fullmatch(a, char, re.IGNORECASE)]
    if len(letters) > 1:
        return None
    return letters[0] if letters else char


def fold_text(text: str, icase: bool) -> str | None:
    """The text folded as heads are (None if it cannot be)."""
    table = _ICASE_ASCII if icase else _ASCII
    if not text.isascii():
        table = dict(table)
        for char in set(text):
            if not char.isascii():
                folded = _fold_text_char(char, icase)
                if folded is None:
                    return None
                table[ord(char)] = folded
    return text.translate(table)


_ASCII = {ord(c): " " for c in string.whitespace} | {ord(c): "0" for c in string.digits}
_ICASE_ASCII = _ASCII | {ord(c): c.lower() for c in string.ascii_uppercase}


@lru_cache(maxsize=2048)
def heads(pattern: re.Pattern[str]) -> Heads | None:
    """What every match of `pattern` starts with (folded), or None when that cannot be listed."""
    icase = bool(pattern.flags & re.IGNORECASE)
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        states = _sequence(list(parsed), frozenset({("", True)}), icase)
    except (_Unlisted, re.error, RecursionError):
        return None
    found = frozenset(head for head, _open in states)
    return None if "" in found else found


def _sequence(items: list[Any], states: _State, icase: bool) -> _State:
    for op, arg in items:
        growing = [head for head, open_ in states if open_]
        if not growing:
            break
        out: set[tuple[str, bool]] = {(head, open_) for head, open_ in states if not open_}
        for head in growing:
            for piece, whole in _pieces(op, arg, icase):
                grown = head + piece
                out.add((grown[:HEAD_CHARS], whole and len(grown) < HEAD_CHARS))
        if len(out) > MOST_HEADS:
            raise _Unlisted
        states = frozenset(out)
    return states


def _sub(items: Any, icase: bool) -> list[tuple[str, bool]]:
    return list(_sequence(list(items), frozenset({("", True)}), icase))


def _pieces(op: Any, arg: Any, icase: bool) -> list[tuple[str, bool]]:
    """What one node of the syntax tree can match first: (text, whether the node ends there)."""
    if op is sre.LITERAL:
        char = fold_char(chr(arg), icase)
        return [(char, True)] if char is not None else [("", False)]
    if op is sre.IN:
        chars = _class_chars(arg, icase)
        return [(c, True) for c in chars] if chars is not None else [("", False)]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return [("", True)]  # zero-width: no character of the match
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, body = arg
        return _sub(body, icase) if not (add_flags or del_flags) else [("", False)]
    if op is sre.ATOMIC_GROUP:
        return _sub(arg, icase)
    if op is sre.BRANCH:
        return [piece for branch in arg[1] for piece in _sub(branch, icase)]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = arg
        return _repeats(low, high, body, icase)
    return [("", False)]  # anything else (., \w, back-references, conditionals): the head ends


def _repeats(low: int, high: int, body: Any, icase: bool) -> list[tuple[str, bool]]:
    """A repeat as `low` to `high` copies of its body; past HEAD_CHARS more copies than
    `low`, the head ends (every copy but the zero-width ones adds a character)."""
    pieces: set[tuple[str, bool]] = set()
    most = min(high, low + HEAD_CHARS)
    for copies in range(low, most + 1):
        whole = copies < most or most == high
        for text, ends in _sub(list(body) * copies, icase):
            pieces.add((text, ends and whole))
    return list(pieces)


def _class_chars(items: list[Any], icase: bool) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            raw = [chr(arg)]
        elif op is sre.RANGE and arg[1] - arg[0] < MOST_CLASS_CHARS:
            raw = [chr(c) for c in range(arg[0], arg[1] + 1)]
        elif op is sre.CATEGORY and arg is sre.CATEGORY_DIGIT:
            raw = ["0"]
        elif op is sre.CATEGORY and arg is sre.CATEGORY_SPACE:
            raw = [" "]
        else:
            return None  # a negated class, \w, a large range
        for char in raw:
            folded = fold_char(char, icase)
            if folded is None:
                return None
            chars.add(folded)
    return chars


def _trie(heads: list[str]) -> str:
    """An alternation of `heads` with shared beginnings factored out (a head that is the
    beginning of another stands for both)."""
    groups: dict[str, list[str]] = {}
    for head in heads:
        groups.setdefault(head[0], []).append(head[1:])
    branches = []
    for first, rests in sorted(groups.items()):
        branches.append(re.escape(first) + ("" if "" in rests else _trie(rests)))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=2048)
def finder(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern over the folded text that finds every place where one of `pattern`'s
    heads begins (overlapping places too); None when its heads cannot be listed."""
    starts = heads(pattern)
    return None if starts is None else re.compile("(?=" + _trie(sorted(starts)) + ")")


class Scan:
    """One text, folded once for each case mode, for `finditer` over many patterns."""

    def __init__(self, text: str):
        self.text = text
        self._folded: dict[bool, str | None] = {}

    def folded(self, icase: bool) -> str | None:
        if icase not in self._folded:
            self._folded[icase] = fold_text(self.text, icase)
        return self._folded[icase]

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of `pattern.finditer(text)`: the pattern is tried only where one of
        its heads begins, left to right, each try after the end of the last match (every
        match begins with a head, so no place where one begins is skipped)."""
        places = finder(pattern)
        folded = self.folded(bool(pattern.flags & re.IGNORECASE))
        if places is None or folded is None:
            return pattern.finditer(self.text)
        return self._at(pattern, places, folded)

    def _at(self, pattern: re.Pattern[str], places: re.Pattern[str], folded: str) -> Iterator[re.Match[str]]:
        end = 0
        for place in places.finditer(folded):
            at = place.start()
            if at < end:
                continue
            match = pattern.match(self.text, at)
            if match is not None:
                yield match
                end = max(match.end(), at + 1)
