"""Stated quantities in a text: digits ("1,000"), number words ("twenty-one",
"two hundred", "a dozen"), ranges ("between 300 and 400", "300 to 400") and vague
quantities ("dozens", "several hundred"), each with the bound words before it
("at least", "nearly", "about"). Kinds come later (rules.py): this module knows
numbers only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...knowledge.quantities import MagnitudeWords

LARGEST = 1_000_000_000  # a larger number counts no people (and would not fit the store's columns)


@dataclass(frozen=True)
class Quantity:
    start: int  # the whole phrase, bound words included
    end: int
    number_end: int  # end of the last number word: the token the syntax starts from
    value: int | None
    min: int | None
    max: int | None


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=8)
def _patterns(words: MagnitudeWords) -> tuple[re.Pattern[str], re.Pattern[str]]:
    word = _alternation(list(words.numbers))
    scale = _alternation(_scales(words))
    digits = r"(?:\d{1,3}(?:,\d{3}){1,3}|\d{1,10})"
    number = (rf"(?:{digits}(?:\.\d+)?\s+(?:{scale})(?![-\w])|{digits}|"
              rf"(?:a\s+)?(?:{word})(?:(?:-|\s+|\s+and\s+)(?:{word}))*)")
    bound = rf"(?:(?P<bound>{_alternation(list(words.bounds))})\s+)?"
    vague = rf"(?P<vague>{_alternation(list(words.vague))})"
    span = (rf"(?<![\d,.])\b{bound}(?:between\s+(?P<lo>{number})\s+and\s+(?P<hi>{number})|"
            rf"(?P<from>{number})(?:\s+to\s+|\s*–\s*|(?<=\d)-(?=\d))(?P<to>{number})\b(?!-)|{vague}|(?P<n>{number}))\b(?![,.]\d)")
    return re.compile(span, re.IGNORECASE), re.compile(rf"\d+|{word}", re.IGNORECASE)


def _scales(words: MagnitudeWords) -> list[str]:
    """The number words a figure in digits can be scaled by: "2 million", "1.5 thousand"."""
    return [w for w, n in words.numbers.items() if n >= 100 and str(n).rstrip("0") == "1"]


_SCALED = re.compile(r"^(\d+(?:\.\d+)?)\s+(.+)$")


def number_value(text: str, words: MagnitudeWords) -> int:
    """The value of a number phrase: "1,000" 1000, "twenty-one" 21, "two hundred" 200, "a dozen" 12,
    "1.5 million" 1500000."""
    text = text.replace(",", "")
    if text.isdigit():
        return int(text)
    scaled = _SCALED.match(text)
    if scaled:  # "2 million", "1.5 million"
        return round(float(scaled[1]) * number_value(scaled[2], words))
    total, current = 0, 0
    for part in _patterns(words)[1].findall(text):
        n = int(part) if part.isdigit() else words.numbers[part.lower()]
        if n >= 1000:
            total, current = total + max(current, 1) * n, 0
        elif n in (100, 12) and words.numbers.get(part.lower()) == n and part.lower() != "twelve":
            current = max(current, 1) * n
        else:
            current += n
    return total + current


def find_quantities(text: str, words: MagnitudeWords) -> list[Quantity]:
    """Every stated quantity of a text, in text order."""
    out = []
    for m in _patterns(words)[0].finditer(text):
        value = low = high = None
        if m["vague"]:
            low, high = words.vague[re.sub(r"\s+", " ", m["vague"].lower())]
            number_end = m.end("vague")
        elif m["lo"] or m["from"]:
            low = number_value(m["lo"] or m["from"], words)
            high = number_value(m["hi"] or m["to"], words)
            number_end = m.end("hi") if m["hi"] else m.end("to")
            if high <= low:
                continue  # "2-1", "10 to 3": a score or a time, not a range
        else:
            value = number_value(m["n"], words)
            number_end = m.end("n")
        if m["bound"] and value is not None:
            field = words.bounds[re.sub(r"\s+", " ", m["bound"].lower())]
            if field == "min":
                value, low = None, value
            elif field == "max":
                value, high = None, value
        if max(n for n in (value, low, high) if n is not None) > LARGEST:
            continue
        start = m.start() if m["bound"] else m.start("vague") if m["vague"] else m.start() + _lead(m)
        out.append(Quantity(start, m.end(), number_end, value, low, high))
    return out


def _lead(m: re.Match[str]) -> int:
    """Skip the blanks a match may open with (none after \\b; kept for safety)."""
    return len(m.group(0)) - len(m.group(0).lstrip())
