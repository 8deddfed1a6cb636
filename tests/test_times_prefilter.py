"""The times stage's prefilter: a pattern is tried only where one of its heads begins,
and finds exactly what `pattern.finditer` finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from briefgraph.dateparse import FULL_DATE_PATTERNS
from briefgraph.knowledge import Knowledge
from briefgraph.stages.times.candidates import PATTERNS
from briefgraph.stages.times.prefilter import Scan, fold_text, heads

ROOT = Path(__file__).resolve().parent.parent


def _shipped_patterns():
    times = Knowledge.default().times
    rules = times.relative + times.narrative + times.holidays + times.periods
    return ([p for _kind, p in PATTERNS] + list(FULL_DATE_PATTERNS) + [r.pattern for r in rules]
            + list(times.vague) + list(times.lookalikes))


def test_heads_list_what_every_match_begins_with():
    assert heads(re.compile(r"yesterday|last night", re.IGNORECASE)) == {"yester", "last n"}
    titles = heads(re.compile(r"(?<![\w-])(?:Mr|Mrs)\.?\s+\d{1,2}"))
    assert titles is not None and {"Mr 0", "Mr. 00", "Mrs  0", "Mrs.  "} <= titles, titles
    assert all(head.startswith("Mr") for head in titles)


@pytest.mark.parametrize("pattern", [r"\w+ ago", r"(.)\1", r"(?i:x)yz", r"", r"a*b*"])
def test_a_pattern_whose_start_cannot_be_listed_has_no_heads(pattern):
    assert heads(re.compile(pattern)) is None, f"{pattern!r} must always be run"


def test_folding_keeps_the_length_and_equates_what_ignorecase_equates():
    text = "Dr. \u212aim\u00a0met İzmir’s mayor on ٣ May"
    for icase in (True, False):
        folded = fold_text(text, icase)
        assert folded is not None and len(folded) == len(text)
    assert fold_text(text, True).startswith("dr. kim met ")
    assert " 0 may" in fold_text(text, True)


def _texts():
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in ("samples", "tests/data") for p in sorted((ROOT / folder).iterdir()) if p.is_file()]
    rng = random.Random(7)
    odd = ["\u212a", "ſ", "İ", "ı", "٣", "\u00a0", "Ｍ", "É", "—", "’", "\n"]
    for _ in range(300):  # the same texts with flipped case, odd characters and digits
        chars = list(rng.choice(texts)[:800])
        for _ in range(25):
            i = rng.randrange(len(chars))
            roll = rng.random()
            if roll < 0.4:
                chars[i] = chars[i].swapcase()
            elif roll < 0.7:
                chars.insert(i, rng.choice(odd))
            else:
                chars[i] = rng.choice("0123456789 -")
        texts.append("".join(chars))
    return texts


def test_scan_finds_exactly_what_finditer_finds_for_every_shipped_pattern():
    patterns = _shipped_patterns()
    listed = sum(heads(p) is not None for p in patterns)
    assert listed >= 0.9 * len(patterns), f"only {listed} of {len(patterns)} patterns have heads: the prefilter is idle"
    for text in _texts():
        scan = Scan(text)
        for pattern in patterns:
            want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            got = [(m.span(), m.groupdict()) for m in scan.finditer(pattern)]
            assert got == want, f"{pattern.pattern[:80]!r} on {text[:60]!r}: {got[:3]} != {want[:3]}"


def test_a_look_alike_of_an_ascii_letter_is_still_found():
    pattern = re.compile(r"(?<![\w-])(?:kilo|last week)(?![\w-])", re.IGNORECASE)
    for text in ("a \u212ailo of", "LAST WEEK", "laſt week", "last\u00a0week"):
        assert [m.span() for m in Scan(text).finditer(pattern)] == [m.span() for m in pattern.finditer(text)]
