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


DOCUMENT = ("Kenyan police fired tear gas at protesters in Nairobi on Tuesday, the interior ministry said. "
            "“We will not allow chaos,” Interior Minister Ana Ruiz told reporters. "
            "Protesters’ leaders in Mombasa accused the police of “brutality”. "
            "Residents of Kasaï said the café near the market was closed.")


def _sloppy(text: str) -> str:
    """UTF-8 read as Windows-1252, the bytes without a character kept as C1 controls."""
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

    return text.encode("utf-8").decode("sloppy-windows-1252")


def _latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


MOJIBAKE_KINDS = {
    "windows-1252, lost 0x9D (â€ for ”)": _mojibake,
    "windows-1252, 0x9D kept": _sloppy,
    "latin-1 (C1 controls)": _latin1,
    "double-encoded (Ã¢â‚¬Å“)": lambda text: _sloppy(_sloppy(text)),
}


@pytest.mark.parametrize("kind", MOJIBAKE_KINDS)
def test_every_kind_of_mojibake_gives_the_record_of_the_clean_text(kind):
    broken = MOJIBAKE_KINDS[kind](DOCUMENT)
    assert broken != DOCUMENT and ("â€" in broken or "Ã" in broken), f"{kind}: no mojibake made"
    assert normalise_text(broken) == DOCUMENT, f"{kind}: repaired to {normalise_text(broken)!r}"
    clean = extract_text(DOCUMENT, published="2024-07-02", source="doc")
    record = extract_text(broken, published="2024-07-02", source="doc")
    assert record == clean, f"{kind}: the record differs from the clean text's"
    assert clean["actors"] and clean["events"], "the document must have actors and events to compare"


@pytest.mark.parametrize("kind", MOJIBAKE_KINDS)
def test_mojibake_in_a_lower_case_archive_text_is_repaired_before_truecasing(kind):
    lower = DOCUMENT.lower()
    record = extract_text(MOJIBAKE_KINDS[kind](lower), published="2024-07-02", source="doc")
    assert record == extract_text(lower, published="2024-07-02", source="doc"), f"{kind}: the record differs"
