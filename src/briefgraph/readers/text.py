"""Plain text: the text is the document; the structure stage finds the rest."""

from __future__ import annotations

from ..records import RawDocument


def read_text(text: str, source: str) -> RawDocument:
    return RawDocument(text=text, source=source, format="text")
