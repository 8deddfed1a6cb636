"""`Knowledge`: everything the stages know, loaded once and passed explicitly.

    knowledge = Knowledge.load(actors=["my-actors.csv"], patterns=["my.patterns"])
    for result in briefgraph.analyse(raws, knowledge=knowledge): ...

Two `Knowledge` values can live side by side in one process (two corpora, two
actor files); nothing is read from the environment. `Knowledge.default()` is the
shipped knowledge, built once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeError
from ..truecase import CaseLexicon
from .casewords import build_case_lexicon, english_words
from .files import data_path
from .kb import ActorKnowledge
from .layout import LayoutWords
from .lexicon import Lexicon, lexicon
from .patterns import PatternDictionary, load_patterns
from .quantities import MagnitudeWords
from .tagwords import TagVocabulary
from .timewords import TimeKnowledge, vocabulary
from .wordlists import WordLists, place_cues, read_word_lists, shared_words


@dataclass(frozen=True)
class KnowledgeFiles:
    """The user's knowledge files: a picklable recipe to load the same `Knowledge`
    again in another process (a worker, a Dask cluster node)."""

    actors: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    tags: str | None = None

    def load(self) -> Knowledge:
        if not (self.actors or self.patterns or self.tags):
            return Knowledge.default()
        return Knowledge.load(actors=self.actors, patterns=self.patterns, tags=self.tags)


@dataclass(frozen=True, eq=False)
class Knowledge:
    words: WordLists  # lists more than one stage reads (knowledge/words.txt)
    layout: LayoutWords  # genre labels, page furniture
    tags: TagVocabulary
    actors: ActorKnowledge  # knowledge base, nouns, agents, titles
    quotes: Lexicon  # reporting verbs and the other quote words
    times: TimeKnowledge  # relative, narrative, vague, holiday and period expressions; future cues
    patterns: PatternDictionary  # verb and noun patterns -> CAMEO/PLOVER
    clauses: WordLists  # the events stage's clause words (knowledge/events/clauses.txt)
    place_cues: WordLists  # the places stage's cue words (knowledge/places/cues.txt)
    magnitudes: MagnitudeWords  # the magnitudes stage's cues, number words and bounds (knowledge/magnitudes/)
    files: KnowledgeFiles = KnowledgeFiles()  # what it was loaded from, beyond the shipped files

    @classmethod
    def load(cls, actors: Sequence[str | Path] = (), patterns: Sequence[str | Path] = (),
             tags: str | Path | None = None) -> Knowledge:
        """The shipped knowledge with the user's files layered on top: actor CSV files
        (their rows override shipped ones), event pattern files (tried first) and a
        tag vocabulary file. A missing or malformed file raises KnowledgeError."""
        for path in (*actors, *patterns, *([tags] if tags else [])):
            if not Path(path).is_file():
                raise KnowledgeError(f"{path}: no such knowledge file")
        return cls(
            words=shared_words(),
            layout=LayoutWords.load(),
            tags=TagVocabulary.load(tags),
            actors=ActorKnowledge.load(tuple(str(p) for p in actors)),
            quotes=lexicon(),
            times=vocabulary(),
            patterns=load_patterns(tuple(str(p) for p in patterns)),
            clauses=WordLists("events/clauses.txt", read_word_lists(data_path("events/clauses.txt"))),
            place_cues=place_cues(),
            magnitudes=MagnitudeWords.load(),
            files=KnowledgeFiles(tuple(str(p) for p in actors), tuple(str(p) for p in patterns),
                                 str(tags) if tags else None),
        )

    def case_lexicon(self) -> CaseLexicon:
        """The names to restore in a case-less text (built on first use: most texts never need it)."""
        cached = self.__dict__.get("_case_lexicon")
        if cached is None:
            cached = build_case_lexicon(self.actors, self.place_cues, english_words())
            object.__setattr__(self, "_case_lexicon", cached)
        return cached

    @staticmethod
    def default() -> Knowledge:
        """The shipped knowledge, loaded once per process."""
        return _default()


@lru_cache(maxsize=1)
def _default() -> Knowledge:
    return Knowledge.load()
