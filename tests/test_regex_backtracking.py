"""No regular expression with catastrophic backtracking (issue 14).

Every compiled pattern the package holds (module globals, and the knowledge the
stages are built from) is run over long runs of the characters it repeats, each
run ended by a character that breaks the match: the inputs on which nested or
overlapping repeats backtrack exponentially. Each input must be scanned
(`finditer`, as the stages do) within two seconds; a timer stops one that is not.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import signal
import time
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest

import briefgraph
from briefgraph.knowledge import Knowledge

RUN = 2_000          # characters in each run
LIMIT_SECONDS = 2.0  # per input; the slowest (quadratic) scan takes about 0.4 s, a catastrophic one never ends
ENDS = ("!", "\x00", "\n", " ", "a", "1")


def _walk(obj: Any, path: str, out: dict[tuple[str, int], tuple[str, re.Pattern[str]]], seen: set[int],
          depth: int = 0) -> None:
    if id(obj) in seen or depth > 6:
        return
    seen.add(id(obj))
    if isinstance(obj, re.Pattern):
        if isinstance(obj.pattern, str):
            out.setdefault((obj.pattern, obj.flags), (path, obj))
        return
    if isinstance(obj, dict):
        for key, value in list(obj.items())[:5000]:
            _walk(value, f"{path}[{str(key)[:30]!r}]", out, seen, depth + 1)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for i, value in enumerate(list(obj)[:5000]):
            _walk(value, f"{path}[{i}]", out, seen, depth + 1)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _walk(getattr(obj, f.name), f"{path}.{f.name}", out, seen, depth + 1)


def all_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out: dict[tuple[str, int], tuple[str, re.Pattern[str]]] = {}
    seen: set[int] = set()
    for info in pkgutil.walk_packages(briefgraph.__path__, "briefgraph."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if not name.startswith("__") and not isinstance(value, type(re)):
                _walk(value, f"{info.name}.{name}", out, seen)
    _walk(Knowledge.default(), "Knowledge.default()", out, seen)
    return sorted(out.values(), key=lambda item: item[0])


_CATEGORY_CHARS = {"DIGIT": "7", "NOT_DIGIT": "a", "SPACE": " ", "NOT_SPACE": "a", "WORD": "a",
                   "NOT_WORD": ".", "LINEBREAK": "\n", "NOT_LINEBREAK": "a"}


def _set_chars(arg: Any) -> list[str]:
    """Representatives of a character set [...]."""
    if any(str(o) == "NEGATE" for o, _ in arg):
        return ["a", " ", "."]
    out = []
    for o, a in arg:
        if str(o) == "LITERAL":
            out.append(chr(a))
        elif str(o) == "RANGE":
            out.append(chr(a[0]))
        elif str(o) == "CATEGORY":
            out.append(_CATEGORY_CHARS.get(str(a).removeprefix("CATEGORY_"), "a"))
    return out


def _chars_of(items: Any, inside: bool, out: list[str]) -> None:
    """The characters a parsed pattern repeats (inside a * + {m,n} repeat)."""
    for op, arg in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            _chars_of(arg[2], True, out)
        elif name in ("SUBPATTERN", "ASSERT", "ASSERT_NOT"):
            _chars_of(arg[-1], inside, out)
        elif name == "BRANCH":
            for branch in arg[1]:
                _chars_of(branch, inside, out)
        elif name == "ATOMIC_GROUP":
            _chars_of(arg, inside, out)
        elif inside and name == "LITERAL":
            out.append(chr(arg))
        elif inside and name == "ANY":
            out.append("a")
        elif inside and name == "CATEGORY":
            out.append(_CATEGORY_CHARS.get(str(arg).removeprefix("CATEGORY_"), "a"))
        elif inside and name == "IN":
            out.extend(_set_chars(arg))


def repeated_chars(pattern: re.Pattern[str]) -> list[str]:
    out: list[str] = []
    _chars_of(sre_parse.parse(pattern.pattern, pattern.flags), False, out)
    chars = list(dict.fromkeys(out))
    return chars[:16] or ["a"]


def adversarial_inputs(pattern: re.Pattern[str]) -> list[str]:
    chars = repeated_chars(pattern)
    inputs = [c * RUN + end for c in chars for end in ENDS[:2]]
    inputs.append(("".join(chars) * (RUN // len(chars) + 1))[:RUN] + "!")
    for a, b in zip(chars, chars[1:], strict=False):  # alternating pairs: overlapping repeats
        inputs.append((a + b) * (RUN // 2) + "!")
    return inputs


class _Slow(Exception):
    pass


def _slow(_signum: int, _frame: Any) -> None:
    raise _Slow


def slowest_scan(pattern: re.Pattern[str]) -> tuple[float, str]:
    worst, worst_input = 0.0, ""
    previous = signal.signal(signal.SIGALRM, _slow)
    try:
        for text in adversarial_inputs(pattern):
            started = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, LIMIT_SECONDS * 2)
            try:
                for _ in pattern.finditer(text):
                    pass
            except _Slow:
                return float("inf"), text
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - started
            if took > worst:
                worst, worst_input = took, text
    finally:
        signal.signal(signal.SIGALRM, previous)
    return worst, worst_input


PATTERNS = all_patterns()
# Found by this test inside stages that colleagues own (not edited here): recorded, to be fixed there.
KNOWN_SLOW: dict[str, str] = {}


def _param(path: str, pattern: re.Pattern[str]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN_SLOW[path])] if path in KNOWN_SLOW else []
    return pytest.param(path, pattern, id=f"{path}:{pattern.pattern[:40]}", marks=marks)


def test_the_patterns_are_found():
    assert len(PATTERNS) > 100
    where = {path.split(".")[1] for path, _ in PATTERNS if path.startswith("briefgraph.")}
    assert {"readers", "stages", "store"} <= where


def test_repeated_chars_of_a_pattern():
    assert repeated_chars(re.compile(r"(a+)+$")) == ["a"]
    assert set(repeated_chars(re.compile(r"<b>\s*(\w+)[,;]*"))) == {" ", "a", ",", ";"}


def test_a_catastrophic_pattern_would_be_caught():
    worst, _ = slowest_scan(re.compile(r"^(\w+\s?)+$"))
    assert worst > LIMIT_SECONDS


@pytest.mark.parametrize("path,pattern", [_param(path, pattern) for path, pattern in PATTERNS])
def test_no_catastrophic_backtracking(path, pattern):
    worst, text = slowest_scan(pattern)
    assert worst < LIMIT_SECONDS, (f"{path}: /{pattern.pattern[:200]}/ took {worst:.2f} s on "
                                   f"{len(text)} characters of {text[:20]!r}...")
