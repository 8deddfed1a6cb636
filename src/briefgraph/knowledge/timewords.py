"""The times stage's knowledge: the data files under knowledge/times/, loaded into
compiled patterns and tables (`TimeKnowledge`, held by `Knowledge.times`).

Users extend the stage by adding lines to these files (relative.txt,
narrative.txt, vague.txt, holidays.txt, periods.txt, lookalikes.txt,
future_cues.txt); each file's header says its syntax. A malformed line raises
KnowledgeError naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from ..errors import KnowledgeError
from .files import data_path, read_data_lines

UNITS = ("day", "week", "weekend", "month", "year", "month-end", "year-end",
         "days-to-date", "weeks-to-date", "months-to-date", "years-to-date")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100,
}
_COUNT = r"(?P<n{i}>\d{{1,3}}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
# {AT} in holidays.txt: a preceding preposition or "last"/"next"/"this" (fixed-width look-behinds)
_AT = "(?:" + "|".join(rf"(?<=\b{w} )" for w in (
    "on", "at", "by", "before", "after", "since", "until", "over", "for", "last", "next", "this", "during",
    "On", "At", "By", "Before", "After", "Since", "Until", "Over", "For", "Last", "Next", "This", "During")) + ")"
_OFFSET = re.compile(r"^(?P<sign>[+-])?(?P<k>\d*)(?P<n>N)?$")


@dataclass(frozen=True)
class ShiftRule:
    """A phrase that names a time at an offset from a reference time."""

    pattern: re.Pattern[str]
    unit: str
    offset: int          # fixed part of the offset, in units
    per_count: int = 0   # multiplied by the phrase's count ({N}) and added


@dataclass(frozen=True)
class HolidayRule:
    pattern: re.Pattern[str]
    month: int
    day: int | None = None          # fixed day of the month
    weekday: int | None = None      # else the Nth weekday (0 = Monday)
    nth: int = 1                    # -1: the last one of the month
    plus_days: int = 0


@dataclass(frozen=True)
class PeriodRule:
    pattern: re.Pattern[str]
    value: str


def count_value(word: str | None) -> int | None:
    """The number a count word or numeral stands for ("two" -> 2, "3" -> 3)."""
    if word is None:
        return None
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def count_in(match: re.Match[str]) -> str | None:
    """The count word a {N} of the pattern matched, if any."""
    return next((v for k, v in match.groupdict().items() if k.startswith("n") and v), None)


def _split_rule(path: Path, line: str) -> tuple[str, str]:
    pattern, sep, rule = line.partition("=>")
    if not sep or not pattern.strip() or not rule.strip():
        raise KnowledgeError(f"{path}: expected 'PATTERN => RULE', got {line!r}")
    return pattern.strip(), rule.strip()


def _compile(path: Path, pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        pieces = pattern.replace("{AT}", _AT).split("{N}")
        body = pieces[0] + "".join(_COUNT.format(i=i) + piece for i, piece in enumerate(pieces[1:]))
        return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", flags)
    except re.error as exc:
        raise KnowledgeError(f"{path}: bad pattern {pattern!r} ({exc})") from None


def load_shift_rules(path: str | Path) -> tuple[ShiftRule, ...]:
    """Rules of relative.txt / narrative.txt: PATTERN => UNIT OFFSET."""
    path = Path(path)
    rules = []
    for line in read_data_lines(path):
        pattern, rule = _split_rule(path, line)
        parts = rule.split()
        m = _OFFSET.match(parts[1]) if len(parts) == 2 else None
        if len(parts) != 2 or parts[0] not in UNITS or not m or (not m["k"] and not m["n"]):
            raise KnowledgeError(f"{path}: expected 'UNIT OFFSET' (UNIT in {UNITS}), got {rule!r}")
        sign = -1 if m["sign"] == "-" else 1
        k = int(m["k"]) if m["k"] else 1
        if m["n"]:
            if "{N}" not in pattern:
                raise KnowledgeError(f"{path}: offset {parts[1]!r} needs a {{N}} in {pattern!r}")
            rules.append(ShiftRule(_compile(path, pattern), parts[0], 0, sign * k))
        else:
            rules.append(ShiftRule(_compile(path, pattern), parts[0], sign * k))
    return tuple(rules)


def load_patterns(path: str | Path, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    """One pattern a line (vague.txt: case-insensitive; lookalikes.txt: case-sensitive)."""
    path = Path(path)
    return tuple(_compile(path, line, flags) for line in read_data_lines(path))


def load_holidays(path: str | Path) -> tuple[HolidayRule, ...]:
    """Rules of holidays.txt: PATTERN => MM-DD | MM WEEKDAY N [+D]."""
    path = Path(path)
    rules = []
    for line in read_data_lines(path):
        pattern, rule = _split_rule(path, line)
        compiled = _compile(path, pattern, 0)
        fixed = re.fullmatch(r"(\d{2})-(\d{2})", rule)
        nth = re.fullmatch(r"(\d{2}) (Mon|Tue|Wed|Thu|Fri|Sat|Sun) (-1|[1-5])(?: \+(\d+))?", rule)
        if fixed and 1 <= int(fixed[1]) <= 12:
            rules.append(HolidayRule(compiled, int(fixed[1]), day=int(fixed[2])))
        elif nth and 1 <= int(nth[1]) <= 12:
            weekday = [w[:3] for w in WEEKDAYS].index(nth[2].lower())
            rules.append(HolidayRule(compiled, int(nth[1]), weekday=weekday, nth=int(nth[3]),
                                     plus_days=int(nth[4] or 0)))
        else:
            raise KnowledgeError(f"{path}: expected 'MM-DD' or 'MM WEEKDAY N [+D]', got {rule!r}")
    return tuple(rules)


_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?")


def load_periods(path: str | Path) -> tuple[PeriodRule, ...]:
    """Rules of periods.txt: PATTERN => ISO VALUE."""
    path = Path(path)
    rules = []
    for line in read_data_lines(path):
        pattern, value = _split_rule(path, line)
        if not _VALUE.fullmatch(value):
            raise KnowledgeError(f"{path}: expected an ISO date, month, year or interval, got {value!r}")
        rules.append(PeriodRule(_compile(path, pattern, 0), value))
    return tuple(rules)


FUTURE_CUE_KINDS = ("schedules", "infinitive", "destination")


def load_future_cues(path: str | Path) -> Mapping[str, str]:
    """Rules of future_cues.txt: LEMMA schedules|infinitive (read-only, by lemma)."""
    path = Path(path)
    table = {}
    for line in read_data_lines(path):
        parts = line.split()
        if len(parts) != 2 or parts[1] not in FUTURE_CUE_KINDS:
            raise KnowledgeError(f"{path}: expected 'LEMMA schedules|infinitive|destination', got {line!r}")
        table[parts[0].lower()] = parts[1]
    return MappingProxyType(table)


@dataclass(frozen=True)
class TimeKnowledge:
    """Everything the times stage knows: expression patterns and the verbs of the future."""

    relative: tuple[ShiftRule, ...]
    narrative: tuple[ShiftRule, ...]
    vague: tuple[re.Pattern[str], ...]
    holidays: tuple[HolidayRule, ...]
    periods: tuple[PeriodRule, ...]
    lookalikes: tuple[re.Pattern[str], ...] = ()
    future_cues: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # lemma -> kind

    @property
    def infinitive_cues(self) -> frozenset[str]:
        """Lemmas whose "to"-infinitive complement is future ("plans to", "is set to")."""
        return frozenset(self.future_cues)

    @property
    def scheduling_verbs(self) -> frozenset[str]:
        """Lemmas that schedule whatever date hangs off them ("scheduled for March 2")."""
        return frozenset(k for k, v in self.future_cues.items() if v == "schedules")

    @property
    def destination_verbs(self) -> frozenset[str]:
        """Lemmas whose time told after their "to"/"for" destination is the destination's, to come
        ("invited farmers to the prefecture on Monday")."""
        return frozenset(k for k, v in self.future_cues.items() if v == "destination")


def vocabulary() -> TimeKnowledge:
    """The shipped time knowledge (`Knowledge.load` reads it once)."""
    return TimeKnowledge(
        relative=load_shift_rules(data_path("times/relative.txt")),
        narrative=load_shift_rules(data_path("times/narrative.txt")),
        vague=load_patterns(data_path("times/vague.txt")),
        holidays=load_holidays(data_path("times/holidays.txt")),
        periods=load_periods(data_path("times/periods.txt")),
        lookalikes=load_patterns(data_path("times/lookalikes.txt"), 0),
        future_cues=load_future_cues(data_path("times/future_cues.txt")),
    )
