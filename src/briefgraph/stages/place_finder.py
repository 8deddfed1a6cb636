"""The interface the place modules read a document's places through (`Finder`), so that
place_mentions, place_named, place_fallbacks, place_sole, place_participants and
place_misread depend on named public methods, not on the private helpers of the class
that implements it (places.PlaceFinder)."""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Span, Token

from ..knowledge.wordlists import WordLists
from ..places import DocumentCountries, Gazetteer
from ..records import Analysis, Event, Location
from .place_mention import Mention


class Finder(Protocol):
    """A document's place finder as the place modules see it."""

    doc: Analysis
    nlp: Doc  # the spaCy parse of the document
    gaz: Gazetteer
    cues: WordLists  # knowledge/places/cues.txt
    by_root: dict[int, Mention]  # the place mentions by the index of their head token
    datelines: list[tuple[int, Mention]]
    narrative: list[tuple[int, int, Mention]]
    story: Location | bool | None  # the document's place once found (False: it has none)

    def context(self, text: str, qualifier: str | None = None) -> DocumentCountries:
        """The countries the document names, but for the name itself, with a qualifier."""
        ...

    def qualifier(self, span: Span) -> str | None:
        """The state the text ties a place name to ("Kano, Nigeria"), as ISO3."""
        ...

    def place_noun(self, token: Token) -> bool:
        """A word naming a kind of place ("port", "district")."""
        ...

    def state_code(self, name: str) -> str | None:
        """The ISO3 code of a state's name or demonym."""
        ...

    def attachment(self, root: Token) -> Token | None:
        """The word a place mention is the place of, or None outside a place slot."""
        ...

    def on_source(self, mention: Mention, source_tokens: set[int]) -> bool:
        """The place is hung on the event's source ("Police in Lima")."""
        ...

    def trigger(self, event: Event) -> Token | None:
        """The token of the event's trigger word."""
        ...

    def own_sentence(self, event: Event, trigger: Token) -> Location | None:
        """The place the event's own sentence gives it."""
        ...

    def sentence_mentions(self, sent: Span) -> list[Mention]:
        """The resolved place mentions that start in the sentence, in order."""
        ...

    def unknown_mentions(self, sent: Span) -> list[Mention]:
        """The sentence's places the gazetteer lacks, as mentions without a point."""
        ...

    def unknown_place_ents(self, sent: Span) -> list[Span]:
        """The sentence's place entities no resolved mention covers."""
        ...
