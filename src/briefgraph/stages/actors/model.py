"""The values the actors stage passes between its rooms: a mention found in the text,
the typed key that says which mentions name the same actor, and a cluster of
mentions that becomes one actor."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from spacy.tokens import Token

from ...knowledge.kb import KBEntry

# Priority of a kind of mention when two claim the same span (higher wins).
KIND_PRIORITY = MappingProxyType({"name": 3, "metonym": 3, "organ": 2, "group": 2, "agent": 2, "ner": 1, "demonym": 0})


@dataclass(frozen=True)
class GroupKey:
    """What makes two group phrases one group: the state (ISO3) or qualifier they are
    anchored on, the class of their noun, and whether they are "<anchor>-backed"."""

    anchor: str  # "PSE", or the name key of a qualifier ("yoruba")
    cls: str  # "faction", "militiaman", "person"
    backed: bool = False  # "Iran-backed militias" is not Iran's own militia


@dataclass(frozen=True)
class CountryKey:
    """A name key with a leading state name or demonym taken out as its ISO3 code:
    "British Maritime Trade Operations" and "UK Maritime Trade Operations" are both
    CountryKey("GBR", "maritime trade operations")."""

    state: str  # ISO3 of the leading state, or ""
    rest: str  # the name key of the rest

    def with_state(self, state: str) -> CountryKey:
        """This key, or with `state` in front when it names none."""
        return self if self.state else CountryKey(state, self.rest)

    def ends_with_words(self, words: str) -> bool:
        """The key's words end with `words` after at least one word before them
        ("us central command" ends with "central command")."""
        return self.rest.endswith(" " + words) or (bool(self.state) and self.rest == words)


@dataclass(frozen=True)
class KbKey:
    """Mentions linked to one knowledge-base entry."""

    kb_id: str


# Mentions with one key are one actor: a knowledge-base entry, a name (CountryKey), a group.
ClusterKey = KbKey | CountryKey | GroupKey


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | GROUP | NORP (spaCy's or the rule's guess)
    kind: str  # ner | name | metonym | demonym | organ | group | agent (generic.py) | reference (home.py)
    zone: str
    entry: KBEntry | None = None
    sector: str = ""
    group_key: GroupKey | None = None
    owner: str = ""  # "FDD" of "FDD's Long War Journal"
    country: str = ""  # ISO3 of the state a group belongs to ("Burundian militiamen", "rebels in Chad")
    titled: bool = False  # a title was cut off the front: a person
    author: bool = False  # "by NAME" in a related-reading line, or "NAME, Title" under a quote
    cue: str = ""  # "org" | "place" | "facility" from the words around it
    category: str = ""  # conflict-data category of a generic actor ("state forces")
    core: tuple[int, int] = (0, 0)  # a generic actor's own words ("riot police" of "hundreds of riot police")
    written: str = ""  # the words as written when they name another: "Crimean" (Crimea), "U.N. refugee agency" (UNHCR)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def names_a_state(self) -> bool:
        """Linked to a state's knowledge-base entry (a state's demonym makes its actor)."""
        return self.entry is not None and self.entry.is_state()


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    entry: KBEntry | None = None
    city: bool = False  # a capital that is only a place in this document

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


class Entity(NamedTuple):
    """A cleaned piece of one spaCy entity, with the label the stage gives it."""

    start: int
    end: int
    text: str
    label: str
    zone: str
    tokens: list[Token]
