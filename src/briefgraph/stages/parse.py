"""Parse stage: the spaCy pipeline over the analysed text, batched with `nlp.pipe`.

The analysed text is the document text with page furniture blanked out, the same
length, so every spaCy offset is an offset into the record's `text`.

Each Doc also gets a sentence index: `token.sent` is answered from a table built once
per document instead of spaCy's default, which walks to the sentence's ends on every
call (the rules ask for it for nearly every token: it was most of the actor stage's time).
Sentence boundaries are final after the parse (no later stage changes them).
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
    return [{"nlp": index_sentences(doc)} for doc in parse_texts(texts, batch_size=max(1, len(texts)))]


class SentenceOf:
    """`token.sent` from a table: the Span of each token's sentence, computed once."""

    def __init__(self, doc: Any):
        self.spans = list(doc.sents)
        self.index = [0] * len(doc)
        for n, span in enumerate(self.spans):
            self.index[span.start:span.end] = [n] * (span.end - span.start)

    def __call__(self, token: Any) -> Any:
        return self.spans[self.index[token.i]]


def index_sentences(doc: Any) -> Any:
    """The Doc with `token.sent` answered from a sentence table (a spaCy user token hook)."""
    doc.user_token_hooks["sent"] = SentenceOf(doc)
    return doc
