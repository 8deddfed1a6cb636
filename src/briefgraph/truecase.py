"""Restoring letter case to text that has none: archives that store everything in
lower case, headlines and wire slugs in capitals. The parser and the named-entity
recogniser lean on capitals, so a case-less text is given back its likely case
before it is parsed; the record keeps the original text (same length, same offsets).

What is restored: names the knowledge knows (actors, aliases, demonyms, metonyms,
places of the gazetteer), also before a possessive ("ukraine's"); up to three
unknown words right after a title ("governor oleh kiper": a person's name); the
first letter of each sentence, and "I". A single word that our texts also write in
lower case ("police", "reading") is left alone; names of several words are
restored whole ("new delhi" -> "New Delhi").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SENTENCE_START = re.compile(r"(?:\A|[.!?]['\"”’)\]]*\s+|\n\s*)([\"“‘'(\[]*)([^\W\d_])")
LOWER_RATIO = 0.01  # at most this share of capital letters: a lower-case text
UPPER_RATIO = 0.9  # at least this share: a text in capitals
MIN_LETTERS = 20


@dataclass(frozen=True)
class CaseLexicon:
    """Cased names by their lower-case words, and the words never capitalised alone."""

    names: dict[tuple[str, ...], tuple[str, ...]]
    common: frozenset[str]
    keep_lower: frozenset[str]
    titles: frozenset[str]  # title words a person's name follows ("governor", "minister")
    max_words: int

    @classmethod
    def build(cls, names: Iterable[str], common: Iterable[str], keep_lower: Iterable[str],
              titles: Iterable[str] = ()) -> CaseLexicon:
        table: dict[tuple[str, ...], tuple[str, ...]] = {}
        for name in names:
            words = tuple(WORD.findall(name))
            if not words or not any(w[:1].isupper() for w in words) or name.isupper() and len(name) > 4:
                continue
            key = tuple(_base(w.lower()) for w in words)
            table.setdefault(key, tuple(w[:len(k)] for w, k in zip(words, key, strict=True)))
        return cls(table, frozenset(common), frozenset(keep_lower), frozenset(titles),
                   max((len(k) for k in table), default=1))


def caseless(text: str) -> str | None:
    """"lower" or "upper" when the text has (next to) no case information, else None."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    upper = sum(c.isupper() for c in letters) / len(letters)
    if upper <= LOWER_RATIO:
        return "lower"
    if upper >= UPPER_RATIO:
        return "upper"
    return None


def restore_case(text: str, lexicon: CaseLexicon) -> str:
    """The text with its likely case; same length, so every offset still holds."""
    chars = list(_lower(text))
    words = [(m.start(), m.end(), _base(m.group().lower())) for m in WORD.finditer(text)]
    i = 0
    while i < len(words):
        i += _restore_name(chars, words, i, lexicon) or _restore_titled_name(chars, words, i, lexicon)
    for m in SENTENCE_START.finditer("".join(chars)):
        chars[m.start(2)] = _upper_char(chars[m.start(2)])
    for start, _end, word in words:
        if word == "i":
            chars[start] = "I"
    return "".join(chars)


def _restore_name(chars: list[str], words: list[tuple[int, int, str]], i: int, lexicon: CaseLexicon) -> int:
    """Restore the longest known name starting at word i; the number of words consumed."""
    for n in range(min(lexicon.max_words, len(words) - i), 0, -1):
        key = tuple(w for _, _, w in words[i:i + n])
        cased = lexicon.names.get(key)
        if cased is None or not _adjacent(words[i:i + n], chars):
            continue
        if n == 1 and (key[0] in lexicon.common or key[0] in lexicon.keep_lower):
            continue
        for (start, _end, word), form in zip(words[i:i + n], cased, strict=True):
            if len(word) == len(form):
                chars[start:start + len(form)] = [_same_length_case(c, f) for c, f
                                                  in zip(chars[start:start + len(form)], form, strict=True)]
        return n
    return 0


PERSON_NAME_WORDS = 3


def _restore_titled_name(chars: list[str], words: list[tuple[int, int, str]], i: int,
                         lexicon: CaseLexicon) -> int:
    """After a title, up to three words our texts never write in lower case are a name."""
    if words[i][2] not in lexicon.titles:
        return 1
    j = i + 1
    while j < len(words) and j - i <= PERSON_NAME_WORDS and _adjacent(words[j - 1:j + 1], chars):
        start, end, word = words[j]
        if word in lexicon.common or word in lexicon.keep_lower or word in lexicon.titles or len(word) < 2:
            break
        chars[start] = _upper_char(chars[start])
        j += 1
    return j - i


def _base(word: str) -> str:
    """A word without its possessive ending: "ukraine’s" -> "ukraine"."""
    for ending in ("’s", "'s"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return word


def _adjacent(span: list[tuple[int, int, str]], chars: list[str]) -> bool:
    """The words of a name follow each other with only a space, hyphen or apostrophe between."""
    gaps = ("".join(chars[a[1]:b[0]]) for a, b in zip(span, span[1:], strict=False))
    return all(len(gap) <= 2 and not gap.strip(" -'’") for gap in gaps)


def _lower(text: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _upper_char(c: str) -> str:
    return c.upper() if len(c.upper()) == 1 else c


def _same_length_case(c: str, form: str) -> str:
    if form.isupper():
        return _upper_char(c)
    return c
