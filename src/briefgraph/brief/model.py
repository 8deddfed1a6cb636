"""The drafted brief: sections of sentences, each sentence with its footnotes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Note:
    """The evidence of a sentence: a source document and the exact span in it."""

    number: int
    document: str
    document_id: int
    published: str | None
    text: str
    start: int
    end: int
    url: str | None = None


@dataclass
class Sentence:
    text: str
    notes: list[int] = field(default_factory=list)
    event_id: int | None = None
    date: str | None = None
    plover: str | None = None
    speaker: str | None = None  # quotes: the speaker (text holds the quote and its attribution)


@dataclass
class Section:
    heading: str
    kind: str  # latest | analysis | background
    paragraphs: list[list[Sentence]] = field(default_factory=list)


@dataclass
class RelatedItem:
    title: str
    label: str
    document_id: int
    published: str | None = None
    url: str | None = None


@dataclass
class Brief:
    date: str  # ISO day of the brief
    date_line: str  # "February 26, 2024"
    genre: str
    title: str
    actors: list[str]
    sections: list[Section]
    related: list[RelatedItem]
    tags: list[str]
    notes: list[Note]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
