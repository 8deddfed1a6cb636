"""Typed records of the extraction record (spec/record.md) and the document-so-far
that the pipeline stages pass along.

The JSON shape is a public contract read by the scorer and by users: fields may be
added, never renamed or dropped. Offsets are character offsets into `text`,
end exclusive.
"""

from __future__ import annotations

import hashlib
import unicodedata
from bisect import bisect_left
from dataclasses import asdict, dataclass, field, fields, replace
from operator import attrgetter
from typing import Any

from .textfix import repair_text

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "LOC", "GROUP")
QUOTE_KINDS = ("direct", "partial", "block")
MODALITIES = ("asserted", "planned", "reported", "hypothetical")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def normalise_text(text: str) -> str:
    """The canonical form every offset points into: mojibake repaired, NFC, Unix
    newlines, no BOM, no trailing whitespace at the end of the document."""
    text = repair_text(text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).rstrip()


def text_id(text: str) -> str:
    """Document id: sha256 of the normalised text, so the same text is the same document."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass
class RawDocument:
    """What a reader hands the pipeline: the text plus what the container told us.

    Hints (title, published, ...) come from the input's own metadata (HTML meta,
    feed fields, JSON Lines fields) and win over what the structure stage finds.
    """

    text: str
    source: str
    format: str = "text"
    input_id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    genre: str | None = None
    tags: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    links: list[dict[str, str | None]] = field(default_factory=list)
    related: list[dict[str, str | None]] = field(default_factory=list)  # further reading the page lists apart
    # short lines beside the headline that article extraction dropped ("May 2 | Analysis")
    masthead: list[str] = field(default_factory=list)


@dataclass
class Failure:
    """An input (or one entry or line of it) that could not be read or analysed,
    with a one-line reason. Readers and the pipeline yield it in place of a
    document so the other inputs go on."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Section:
    heading: str | None
    start: int
    end: int
    kind: str = "body"  # body | expert-analysis | related | tags | header


@dataclass
class Related:
    title: str
    author: str | None = None
    url: str | None = None


@dataclass
class DocumentInfo:
    id: str
    source: str
    title: str | None = None
    published: str | None = None
    genre: str | None = None
    sections: list[Section] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    url: str | None = None
    input_id: str | None = None
    format: str = "text"
    furniture: list[tuple[int, int]] = field(default_factory=list)
    datelines: list[tuple[int, int]] = field(default_factory=list)  # "BRUSSELS (Reuters) -" openings


@dataclass
class Actor:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    country: str | None = None
    code: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    kb_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    category: str | None = None  # conflict-data category of a generic actor ("state forces", "protesters", ...)
    country_from: str | None = None  # nationality | location | dateline | document: where `country` came from

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Quote:
    text: str
    speaker: str | None
    kind: str
    cue: str | None
    start: int
    end: int


@dataclass
class TimeExpr:
    text: str
    value: str | None
    anchor: str | None
    start: int
    end: int


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # country | region | city | sea | feature (places.KINDS)
    admin1: str | None = None  # the first-level region
    how: str | None = None  # clause | sentence | narrative | dateline | document: where the text gives it
    start: int | None = None  # the place's mention
    end: int | None = None


@dataclass
class Evidence:
    start: int
    end: int
    text: str | None = None


MAGNITUDE_KINDS = ("killed", "injured", "arrested", "abducted", "displaced", "crowd")


@dataclass
class Magnitude:
    """A number the text states for an event: people killed, injured, arrested,
    abducted, displaced, or the size of a crowd. `value` when the text gives one
    number ("two", "about 50"), `min`/`max` for stated bounds and vague quantities
    ("at least 12": min 12; "dozens": min 12); offsets point into `text`."""

    kind: str
    value: int | None
    min: int | None
    max: int | None
    text: str
    start: int
    end: int


@dataclass
class Event:
    id: str
    source: str | None
    target: str | None
    plover: str | None
    cameo: str | None
    negated: bool
    modality: str
    date: str | None
    location: Location | None
    trigger: str
    evidence: Evidence
    goldstein: float | None = None
    magnitudes: list[Magnitude] = field(default_factory=list)


@dataclass
class Analysis:
    """The document so far: what the reader gave, plus each stage's additions.

    Stages never mutate it; the pipeline runner builds a new one from a stage's
    returned additions (`Analysis.with_additions`).
    """

    raw: RawDocument
    text: str
    document: DocumentInfo | None = None
    analysed_text: str | None = None  # `text` with page furniture blanked, same length
    nlp: Any = None  # the spaCy Doc of analysed_text
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    incidents: list[Event] = field(default_factory=list)  # events with no doer (source None)
    diagnostics: list[str] = field(default_factory=list)  # notes on partial results, for the record

    def with_additions(self, additions: dict[str, Any]) -> Analysis:
        known = {f.name for f in fields(self)}
        unknown = set(additions) - known
        if unknown:
            raise TypeError(f"stage returned unknown fields: {sorted(unknown)}")
        return replace(self, **additions)

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready extraction record of spec/record.md."""
        doc = asdict(self.document) if self.document else {}
        doc.pop("furniture", None)
        doc.pop("datelines", None)
        return {
            "document": doc,
            "text": self.text,
            "actors": [_actor_json(a) for a in self.actors],
            "quotes": [asdict(q) for q in self.quotes],
            "times": [asdict(t) for t in self.times],
            "events": [asdict(e) for e in self.events],
            "incidents": [asdict(e) for e in self.incidents],
            "diagnostics": list(self.diagnostics),
        }


def _actor_json(actor: Actor) -> dict[str, Any]:
    data = asdict(actor)
    data["mentions"] = [list(m) for m in actor.mentions]
    return data


def record_from_json(data: dict[str, Any]) -> dict[str, Any]:
    """Validate the minimum shape of a record read back from JSON (e.g. by the store)."""
    for key in ("document", "text", "actors", "quotes", "times", "events"):
        if key not in data:
            raise ValueError(f"record has no {key!r}")
    return data


def actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The actor with a mention inside or around [start, end), preferring the
    mention that overlaps the span most (stages use it to turn a span into an id);
    on a tie, the first actor's first such mention. Answered from an `ActorIndex` of
    the list, kept while the same list with the same mentions is asked about."""
    return _index_of(actors).at(start, end)


class ActorIndex:
    """A document's actor mentions sorted by start: `at` bisects to the few mentions that
    can overlap a span instead of scanning every mention of every actor."""

    def __init__(self, actors: list[Actor]):
        entries = sorted((m_start, rank, m_end, actor)
                         for rank, (m_start, m_end, actor) in enumerate(
                             (s, e, a) for a in actors for s, e in a.mentions))
        self.starts = [entry[0] for entry in entries]
        self.entries = entries
        self.longest = max((e - s for s, _r, e, _a in entries), default=0)

    def at(self, start: int, end: int) -> Actor | None:
        """The actor `actor_at` names: the largest overlap, the earliest (actor, mention) on a tie."""
        best: tuple[int, int] | None = None  # (-overlap, rank)
        found = None
        for i in range(bisect_left(self.starts, start - self.longest), bisect_left(self.starts, end)):
            m_start, rank, m_end, actor = self.entries[i]
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or (-overlap, rank) < best):
                best, found = (-overlap, rank), actor
        return found


_LAST_INDEX: tuple[list[Actor], tuple[tuple[int, ...], ...], ActorIndex] | None = None
_MENTIONS = attrgetter("mentions")


def _index_of(actors: list[Actor]) -> ActorIndex:
    """The index of `actors`, reused while the same list holds the same actors with the same
    mention lists (the events stage asks thousands of times about one document's actors)."""
    global _LAST_INDEX
    mentions = list(map(_MENTIONS, actors))
    key = (tuple(map(id, actors)), tuple(map(id, mentions)), tuple(map(len, mentions)))
    last = _LAST_INDEX
    if last is not None and last[0] is actors and last[1] == key:
        return last[2]
    index = ActorIndex(actors)
    _LAST_INDEX = (actors, key, index)  # holds the list, so its id and its actors' ids stay unique
    return index


def section_at(document: DocumentInfo | None, offset: int) -> Section | None:
    """The section holding a character offset (None outside every section)."""
    if document is None:
        return None
    for section in document.sections:
        if section.start <= offset < section.end or offset == section.end:
            return section
    return None
