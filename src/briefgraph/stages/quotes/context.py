"""One document as the speaker search sees it: the parse, which tokens are quoted,
the earlier mentions a pronoun or a description can refer back to, and how a
subject token becomes a speaker's mention span.

A `QuoteContext` is built per document and holds only that document's data; the
word lists come from the `Knowledge` it is built with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from spacy.tokens import Doc, Token

from ...knowledge import Knowledge
from ...knowledge.lexicon import Lexicon
from ...nlp import SUBJECT_DEPS
from ...records import Analysis
from .marks import MarkedSpan

_NAME_DEPS = ("compound", "flat", "amod", "det", "nmod", "nummod", "poss", "case")
PERSON_TYPES = ("PERSON",)
BODY_TYPES = ("ORG", "GPE", "GROUP")
SPACY_TYPES = MappingProxyType({"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "GROUP"})
Mention = tuple[int, int]
Candidate = tuple[int, int, str, bool]  # start, end, actor type, is a subject


@dataclass
class Attribution:
    """What the speaker search found for one quote."""

    cue: str | None = None
    mention: Mention | None = None  # the speaker's mention span in the text
    pronoun: bool = False  # the mention is a pronoun resolved to `mention`
    how: str = "none"  # which rule found it: transcript, verb, after, before, according, ...

    @property
    def weak(self) -> bool:
        """Found by a weak cue ("X likened ..."): used only when nothing better turns up."""
        return self.how.endswith("-weak")


@dataclass
class QuoteContext:
    """The parse of one document with its quoted stretches marked."""

    doc: Analysis
    text: str  # the analysed text (page furniture blanked)
    spans: list[MarkedSpan]
    nlp: Doc
    lex: Lexicon
    person_pronouns: frozenset[str]  # that can stand for a speaker: he, she, him, her
    body_pronouns: frozenset[str]  # it, they, them
    relative_pronouns: frozenset[str]  # who, which, that: the noun the clause hangs off
    quoted: list[bool] = field(default_factory=list)  # by token index
    quoted_chars: bytearray = field(default_factory=bytearray)
    candidates: list[Candidate] = field(default_factory=list)
    # "the leader", "the military": the earlier mention each description refers back to
    descriptions: dict[Mention, Mention | None] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Analysis, text: str, spans: list[MarkedSpan], knowledge: Knowledge) -> QuoteContext:
        nlp: Doc = doc.nlp
        possessive = knowledge.words["possessive_pronouns"]
        ctx = cls(doc, text, spans, nlp, knowledge.quotes, knowledge.words["person_pronouns"] - possessive,
                  knowledge.words["body_pronouns"] - possessive, knowledge.words["relative_pronouns"],
                  [False] * len(nlp), bytearray(len(text)))
        for span in spans:
            ctx.quoted_chars[span.open_at:span.after] = b"\x01" * (span.after - span.open_at)
            tokens = nlp.char_span(span.open_at, span.after, alignment_mode="expand")
            if tokens is not None:
                for token in tokens:
                    ctx.quoted[token.i] = True
        ctx.candidates = ctx._mention_candidates()
        return ctx

    def tokens(self, start: int, end: int) -> list[Token]:
        """The non-space tokens of a character span (those inside it, else those touching it)."""
        if end <= start:
            return []
        span = self.nlp.char_span(start, end, alignment_mode="contract")
        if span is None:
            span = self.nlp.char_span(start, end, alignment_mode="expand")
        return [t for t in span if not t.is_space] if span is not None else []

    def is_statement_noun(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and token.lemma_.lower() in self.lex.statement_nouns

    # -- from a subject token to the speaker's mention

    def mention(self, token: Token, span: MarkedSpan) -> tuple[Mention | None, bool]:
        """The mention span a subject stands for, and whether a pronoun was resolved."""
        if self.quoted[token.i]:
            return None, False
        lower = token.lower_
        if lower in self.relative_pronouns and token.head.dep_ == "relcl":
            return self.mention(token.head.head, span)  # "Kall, who compared ..." -> Kall
        if token.pos_ == "PRON" or lower in self.person_pronouns | self.body_pronouns:
            return self._pronoun(token)
        if self.is_statement_noun(token):
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None:
                return self.mention(owner, span)
            return self.resolve(token.idx, BODY_TYPES, nearest=True), True
        person = self._person_after_title(token)
        if person is not None:
            return person, False
        if token.pos_ == "NOUN":
            named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if named is not None:
                return self.mention(named, span)  # "Another critic, Laurence Tribe, said"
        return self._noun_phrase(token), False

    def names_candidate(self, mention: Mention) -> bool:
        """The span overlaps a name or description the actors stage found."""
        return any(start < mention[1] and mention[0] < end for start, end, _, _ in self.candidates)

    def _person_after_title(self, token: Token) -> Mention | None:
        """"Minister for the Pacific Jessica Harlow said": the parser hangs the name off
        the title's "for"/"of"; the speaker is the person mention that phrase ends in."""
        if token.pos_ not in ("PROPN", "NOUN"):
            return None
        for prep in token.children:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "of") or obj is None:
                continue
            for start, end, kind, _ in self.candidates:
                if kind == "PERSON" and start <= obj.idx < end:
                    return start, end
        return None

    def _pronoun(self, token: Token) -> tuple[Mention | None, bool]:
        """A person pronoun goes to the nearest earlier person, a body pronoun to a body."""
        if token.lower_ in self.person_pronouns:
            return self.resolve(token.idx, PERSON_TYPES), True
        if token.lower_ in self.body_pronouns:
            return self.resolve(token.idx, BODY_TYPES), True
        return None, False

    def _noun_phrase(self, token: Token) -> Mention:
        """The name or description a token heads; a description ("the minister", "the
        military") also notes the earlier mention it refers back to."""
        left = token.i
        for child in token.lefts:
            if child.dep_ in _NAME_DEPS and not self.quoted[child.i]:
                left = min(left, child.left_edge.i)
        right = token.i
        for child in token.rights:
            if child.dep_ in ("flat", "compound") and child.i == right + 1:
                right = child.i
        while left < token.i and self.nlp[left].dep_ in ("det", "case", "punct"):
            left += 1
        mention = (self.nlp[left].idx, self.nlp[right].idx + len(self.nlp[right]))
        kind = self.lex.speaker_nouns.get(token.lemma_.lower())
        if token.pos_ == "NOUN" and kind is not None and not any(
                t.pos_ == "PROPN" for t in self.nlp[left:right + 1]):
            types = PERSON_TYPES if kind == "person" else BODY_TYPES
            self.descriptions[mention] = self.named_by_head(token) or self.resolve(
                token.idx, types, nearest=kind == "body")
        return mention

    # -- earlier mentions

    def resolve(self, offset: int, types: tuple[str, ...], nearest: bool = False) -> Mention | None:
        """An earlier mention of a fitting type: in the nearest sentence that has one, its
        subject first (a person pronoun); with `nearest`, simply the closest (a body)."""
        earlier = [c for c in self.candidates if c[1] <= offset and c[2] in types and not self._is_quoted_char(c[0])]
        if not earlier:
            return None
        if nearest:
            return (earlier[-1][0], earlier[-1][1])
        nearest_sentence = self._sentence_start_of(earlier[-1][0])
        same = [c for c in earlier if self._sentence_start_of(c[0]) == nearest_sentence]
        subjects = [c for c in same if c[3]]
        best = (subjects or same)[0 if subjects else -1]
        return (best[0], best[1])

    def named_by_head(self, token: Token) -> Mention | None:
        """"the commission" after "the General Election Commission": the nearest earlier
        mention whose name ends in the description's head noun."""
        head = token.lemma_.lower()
        for start, end, _, _ in reversed(self.candidates):
            if end > token.idx or self._is_quoted_char(start):
                continue
            words = self.text[start:end].lower().split()
            if len(words) > 1 and words[-1] in (head, token.lower_):
                return start, end
        return None

    def _sentence_start_of(self, offset: int) -> int:
        span = self.nlp.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0].sent.start_char if span is not None and len(span) else offset

    def _is_quoted_char(self, offset: int) -> bool:
        return 0 <= offset < len(self.quoted_chars) and bool(self.quoted_chars[offset])

    def _mention_candidates(self) -> list[Candidate]:
        """(start, end, type, is_subject) of every actor mention, or of spaCy's entities
        when the actors stage gave none."""
        out = []
        if self.doc.actors:
            for actor in self.doc.actors:
                for start, end in actor.mentions:
                    out.append((start, end, actor.type, self._is_subject(start, end)))
        else:
            for ent in self.nlp.ents:
                kind = SPACY_TYPES.get(ent.label_)
                if kind:
                    out.append((ent.start_char, ent.end_char, kind, ent.root.dep_ in SUBJECT_DEPS))
        out.sort()
        return out

    def _is_subject(self, start: int, end: int) -> bool:
        span = self.nlp.char_span(start, end, alignment_mode="expand")
        return bool(span is not None and len(span) and span.root.dep_ in SUBJECT_DEPS)
