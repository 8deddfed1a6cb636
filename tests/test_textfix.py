"""Mojibake is repaired when a text enters the pipeline; clean text is left alone."""

from __future__ import annotations

import pytest

from briefgraph import extract_text
from briefgraph.records import normalise_text
from briefgraph.textfix import repair_text

CLEAN = ("Police in Lima said they had arrested 19 people they described as “professional agitators” "
         "after Saturday’s clashes outside Congress. The interior minister called it “a necessary step.”")


def _mojibake(text: str) -> str:
    broken = text.encode("utf-8").decode("cp1252", errors="ignore")  # 0x9D has no cp1252 character
    return broken


@pytest.mark.parametrize("clean", [
    CLEAN,
    "São Paulo’s mayor met Zürich officials — naïve résumé “quotes” included.",
    "Residents of Kasaï province said soldiers “shot at anyone who ran”.",
])
def test_mojibake_is_repaired_to_the_clean_text(clean):
    broken = _mojibake(clean)
    assert broken != clean
    assert repair_text(broken) == clean, f"{broken!r} was repaired to {repair_text(broken)!r}"


@pytest.mark.parametrize("clean", [CLEAN, "plain ascii", "Ça va — «guillemets», ‘single’, ﬁ ligature, ＷＩＤＥ"])
def test_clean_text_is_left_alone(clean):
    assert repair_text(clean) == clean


def test_a_document_with_mojibake_gives_the_same_record_as_its_clean_form():
    clean = extract_text(CLEAN, published="2024-03-11", source="doc")
    broken = extract_text(_mojibake(CLEAN), published="2024-03-11", source="doc")
    assert broken == clean
    assert normalise_text(_mojibake(CLEAN)) == CLEAN
