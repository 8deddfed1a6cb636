"""What the events stage reads: `EventKnowledge`, taken once from `Knowledge`
when the stage is built, and `Context`, the view of one document its rules share
(actors and their mentions, quotes, usable times, datelines)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ...knowledge import Knowledge
from ...knowledge.generic_agents import GenericAgents
from ...knowledge.kb import KnowledgeBase
from ...knowledge.patterns import PatternDictionary
from ...knowledge.wordlists import WordLists
from ...records import Actor, Analysis, DocumentInfo, Quote, TimeExpr
from ..sections import NO_BODY_SECTIONS
from ..times.narrative import attribution_day, is_day
from .dates import story_day
from .sections import dates_the_narrative, section_kind


def demonym_states(kb: KnowledgeBase) -> dict[str, str]:
    """Demonym (lower case) -> the ISO alpha-3 code of its state, from the actor
    knowledge base: "Russian drone attack" is an attack by the Russian state when
    the document names that state. A demonym two states share ("Congolese",
    "Dominican") goes to the state with the shorter name."""
    states = sorted((e for e in kb.entries.values() if len(e.kb_id) == 3 and e.kb_id.isupper()),
                    key=lambda e: (len(e.name), e.kb_id))
    out: dict[str, str] = {}
    for entry in states:
        for demonym in entry.demonyms:
            out.setdefault(demonym.strip().lower(), entry.kb_id)
    return out


@dataclass(frozen=True, eq=False)
class EventKnowledge:
    """The knowledge the events stage codes with."""

    patterns: PatternDictionary  # verb and noun patterns -> CAMEO/PLOVER
    clauses: WordLists  # the stage's own clause words (knowledge/events/clauses.txt)
    words: WordLists  # the word lists stages share (knowledge/words.txt)
    demonyms: Mapping[str, str]  # "iranian" -> "IRN"
    generic: GenericAgents  # the generic actor phrases (knowledge/actors/agents.tsv and the user's)
    destination_verbs: frozenset[str] = frozenset()  # "invited them to talks on Monday" (times/future_cues.txt)

    @classmethod
    def of(cls, knowledge: Knowledge) -> EventKnowledge:
        return cls(knowledge.patterns, knowledge.clauses, knowledge.words, demonym_states(knowledge.actors.kb),
                   knowledge.actors.generic, knowledge.times.destination_verbs)


@dataclass(frozen=True, eq=False)
class Context:
    """One parsed document as the events rules see it."""

    know: EventKnowledge
    nlp: Doc
    text: str
    document: DocumentInfo | None
    actors: list[Actor]
    by_id: dict[str, Actor]
    mentions: list[tuple[int, int, Actor]]  # every actor mention, by position
    datelines: list[tuple[int, int]]  # "BRUSSELS (Reuters) -": a place that filed the story
    quotes: list[Quote]  # by position
    has_body: bool  # a section other than header, related links and tags
    times: list[TimeExpr]  # outside skipped sections, by position
    narrative_times: list[TimeExpr]  # those that may date later clauses
    # the proper nouns of each token's subtree, in subtree order (syntax.proper_nouns_below)
    proper_below: dict[int, list[Token]] = field(default_factory=dict)
    # the maker participles of each sentence, by its first token's index (unaimed_words.made_by)
    makers: dict[int, list[Token]] = field(default_factory=dict)
    # described targets made so far, by head token index (described.py)
    described: dict[int, Actor] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Analysis, know: EventKnowledge) -> Context:
        sections = doc.document.sections if doc.document else []
        base = cls(know=know, nlp=doc.nlp, text=doc.text, document=doc.document, actors=doc.actors,
                   by_id={a.id: a for a in doc.actors},
                   mentions=sorted((s, e, a) for a in doc.actors for s, e in a.mentions),
                   datelines=doc.document.datelines if doc.document else [],
                   quotes=sorted(doc.quotes, key=lambda q: q.start),
                   has_body=any(s.kind not in NO_BODY_SECTIONS for s in sections),
                   times=[], narrative_times=[])
        # a time with no value still counts inside its clause: it makes the date unknown, never a guess
        times = sorted((t for t in doc.times if section_kind(base, t.start)[0] not in NO_BODY_SECTIONS),
                       key=lambda t: t.start)
        published = doc.document.published if doc.document else None
        report_verbs = know.clauses["report_verbs"]
        narrative = [t for t in times if t.value and (dates_the_narrative(doc.nlp, t) or story_day(t, published))
                     and not attribution_day(doc.nlp, t.start, t.end, report_verbs,
                                             [d.start for d in times if is_day(d.value) and (d.value or "") <= t.value
                                              and not base.in_dateline_offset(d.start)])]
        return replace(base, times=times, narrative_times=narrative)

    def in_dateline(self, token: Token) -> bool:
        """"Geneva/Sana'a, 14 May 2024 –", "BRUSSELS (Reuters) -": a word inside the story's dateline
        (the place that filed the story)."""
        return self.in_dateline_offset(token.idx)

    def in_dateline_offset(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.datelines)

    def clause_words(self, name: str) -> frozenset[str]:
        """A list of knowledge/events/clauses.txt."""
        return self.know.clauses[name]

    def shared_words(self, name: str) -> frozenset[str]:
        """A list of knowledge/words.txt."""
        return self.know.words[name]
