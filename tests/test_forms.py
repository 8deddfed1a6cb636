"""forms.base_forms: the one guesser of an inflected word's base forms, with the endings each
of its users reads (words chosen for these tests)."""

from __future__ import annotations

import pytest

from briefgraph.forms import INFLECTIONS, KEPT_DOUBLES, PAST, PROGRESSIVE, base_forms


def test_past_bases_in_the_order_the_event_patterns_try_them():
    assert base_forms("staged", PAST) == ["stage", "stag"]
    assert base_forms("blocked", PAST) == ["blocke", "block"]
    assert base_forms("used", PAST) == [], "a base under three letters is no guess"
    assert base_forms("used", PAST, shortest=2) == ["use", "us"]
    assert base_forms("red", PAST, shortest=2) == []


def test_progressive_bases():
    assert base_forms("escalating", PROGRESSIVE) == ["escalat", "escalate"]
    assert base_forms("shelling", PROGRESSIVE) == ["shell", "shelle"]
    assert base_forms("doing", PROGRESSIVE) == [], "a base under three letters is no guess"


def test_a_doubled_last_letter_is_undone_only_when_asked():
    assert "stop" not in base_forms("stopped", PAST)
    assert "stop" in base_forms("stopped", PAST, kept_doubles=KEPT_DOUBLES)
    assert "expel" not in base_forms("expelled", PAST, kept_doubles=KEPT_DOUBLES), "a doubled l is kept"
    assert "expel" in base_forms("expelled", PAST, shortest=2, kept_doubles="")
    assert "ship" in base_forms("shipping", INFLECTIONS, kept_doubles=KEPT_DOUBLES)
    assert "ship" not in base_forms("shipping", PAST, kept_doubles=KEPT_DOUBLES), "only after an ending read"


@pytest.mark.parametrize("word, base", [
    ("villages", "village"), ("burned", "burn"), ("injuries", "injury"), ("escalating", "escalate"),
    ("occurred", "occur"), ("shipping", "ship"), ("worried", "worry"),
])
def test_inflections_find_the_dictionary_form(word, base):
    found = base_forms(word, INFLECTIONS, kept_doubles=KEPT_DOUBLES)
    assert base in found, f"{word!r} should be read as a form of {base!r}: {found}"
