"""Parse stage: the spaCy pipeline over the analysed text, batched with `nlp.pipe`.

The analysed text is the document text with page furniture blanked out, the same
length, so every spaCy offset is an offset into the record's `text`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..knowledge import Knowledge
from ..nlp import parse_texts
from ..records import Analysis


def build(knowledge: Knowledge) -> Callable[[list[Analysis]], list[dict[str, Any]]]:
    """The parse stage (spaCy, batched); it needs no knowledge."""
    return parse_batch


def parse_batch(analyses: list[Analysis]) -> list[dict[str, Any]]:
    texts = [a.analysed_text if a.analysed_text is not None else a.text for a in analyses]
    return [{"nlp": doc} for doc in parse_texts(texts, batch_size=max(1, len(texts)))]
