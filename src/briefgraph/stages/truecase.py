"""The truecasing stage: a text written all in lower case or all in capitals is
parsed in its likely case (`analysed_text` changes, `text` and every offset do not).
Normally cased documents pass through untouched."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..knowledge import Knowledge
from ..records import Analysis
from ..truecase import caseless, restore_case


def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, Any]]:
    return lambda doc: find_case(doc, knowledge)


def prepare(knowledge: Knowledge) -> Callable[[Analysis], object]:
    """Build the case lexicon (lazy, a few seconds once per process) before the first
    caseless document's stages, outside its time budget; normal text needs none."""
    def load(doc: Analysis) -> object:
        text = doc.analysed_text if doc.analysed_text is not None else doc.text
        return knowledge.case_lexicon() if caseless(text) else None
    return load


def find_case(doc: Analysis, knowledge: Knowledge) -> dict[str, Any]:
    text = doc.analysed_text if doc.analysed_text is not None else doc.text
    kind = caseless(text)
    if kind is None:
        return {}
    return {"analysed_text": restore_case(text, knowledge.case_lexicon()),
            "diagnostics": [f"the text is all in {'lower case' if kind == 'lower' else 'capitals'}: "
                            "parsed with its case restored"]}
