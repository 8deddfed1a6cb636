"""The document as the actor rules see it: its zones (body, headings, page title,
tags), the knowledge they read, and the token and text helpers they share."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ...knowledge.kb import ActorKnowledge, KBEntry, is_place_name, name_key
from ...records import Analysis
from ..sections import NO_BODY_SECTIONS
from .model import CountryKey, Mention

BODY_ZONES = frozenset({"body", "expert-analysis"})
STRIP_CHARS = " \t\n\"'“”‘’«»()[]{},.:;!?–—-*•|/_"
QUOTE_OPEN = "“\"‘'«"
QUOTE_CLOSE = "”\"’'»"
CONNECTORS = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "la", "al", "el", "bin", "ben", "ibn",
                        "van", "von", "der", "da", "di", "&", "at"})
POSSESSIVE = ("’s", "'s", "’", "'")
# words after a name and its comma that end an apposition before any title is seen
APPOSITION_STOP = frozenset({"who", "whose", "which", "that", "said", "says", "and"})
CUE_KINDS = ("org", "place", "facility")


class Context:
    """The document, its zones and token helpers, shared by the rules."""

    def __init__(self, doc: Analysis, actors: ActorKnowledge, reporting_verbs: frozenset[str] = frozenset()):
        if doc.nlp is None:
            raise ValueError("the actors stage needs the spaCy parse (doc.nlp)")
        self.doc = doc
        self.kb = actors.kb
        self.nlp: Doc = doc.nlp
        self.text: str = self.nlp.text
        self.titles = actors.titles
        self.nouns = actors.nouns
        self.agents = actors.agents
        self.generic = actors.generic
        self.visit_verbs = actors.visit_verbs
        self.locative_preps = actors.locative_preps  # words.txt: "in Dhaka", "near Kaffrine" say where
        self.place_cues = actors.place_cues  # places/cues.txt: town nouns, region words
        self.reporting_verbs = reporting_verbs  # the quotes' strong verbs: "Obama said" names a person
        self.zones = self._zones()
        self._state_spans: dict[str, list[tuple[int, int]]] | None = None  # state_named_outside's cache
        self._name_states: set[str] | None = None  # state_named_by_name's cache

    # -- zones -------------------------------------------------------------------------------
    def _zones(self) -> list[tuple[int, int, str]]:
        zones: list[tuple[int, int, str]] = []
        info = self.doc.document
        if info is None:
            return [(0, len(self.text), "body")]
        headline_only = not any((s.kind or "body") not in NO_BODY_SECTIONS for s in info.sections)
        for section in info.sections:
            kind = section.kind or "body"
            start = section.start
            if section.heading and kind != "header":
                head_end = self.text.find("\n", start)
                head_end = section.end if head_end < 0 or head_end > section.end else head_end
                if self.text[start:head_end].strip() == section.heading.strip():
                    zones.append((start, head_end, "heading"))
                    start = head_end
            title = "body" if headline_only else "title"  # a one-line document is all headline: it is the text
            zones.append((start, section.end, title if kind == "header" else kind))
        return zones

    def zone_at(self, offset: int) -> str:
        for start, end, kind in self.zones:
            if start <= offset < end:
                return kind
        return "title" if self.doc.document is not None and self.doc.document.sections else "body"

    # -- text and tokens ---------------------------------------------------------------------
    def clean_span(self, start: int, end: int) -> tuple[int, int]:
        """Trim spaces, quotes, brackets, a leading "the" and a trailing possessive."""
        while True:
            before = (start, end)
            start, end = self._clean_once(start, end)
            if (start, end) == before:
                return start, end

    def _clean_once(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and text[start] in STRIP_CHARS:
            start += 1
        while end > start and text[end - 1] in STRIP_CHARS and text[end - 1] != ".":
            end -= 1
        for suffix in ("’s", "'s"):
            if text[start:end].endswith(suffix):
                end -= len(suffix)
        low = text[start:end].lower()
        for article in ("the ", "a ", "an "):
            if low.startswith(article) and end - start > len(article) + 1:
                start += len(article)
                break
        if end > start and text[end - 1] == "." and not keeps_dot(text[start:end]):
            end -= 1
        return start, end

    def tokens_in(self, start: int, end: int) -> list[Token]:
        span = self.nlp.char_span(start, end, alignment_mode="contract")
        if span is None:
            return []
        return [t for t in span if not t.is_space]

    def tokens_before(self, start: int) -> list[Token]:
        """Tokens ending at or before `start` on the same line, nearest last."""
        line_start = self.text.rfind("\n", 0, start) + 1
        return self.tokens_in(line_start, start)

    def line_before(self, start: int) -> str:
        """The text of the line up to `start`."""
        return self.text[self.text.rfind("\n", 0, start) + 1:start]

    def quoted(self, start: int, end: int) -> bool:
        """The whole span sits inside quotation marks: a name of a thing, not an actor."""
        before = self.text[max(0, start - 1):start]
        after = self.text[end:end + 1]
        return bool(before) and before in QUOTE_OPEN and bool(after) and after in QUOTE_CLOSE + ",."

    def in_quotation(self, offset: int) -> bool:
        """`offset` lies inside an open quotation of its paragraph (curly quotes by their
        direction, straight double quotes by their count)."""
        para = self.text[self.text.rfind("\n", 0, offset) + 1:offset]
        if para.rfind("“") > para.rfind("”"):
            return True
        return para.count('"') % 2 == 1

    # -- words -------------------------------------------------------------------------------
    def is_title_word(self, word: str) -> bool:
        return word.lower().rstrip(".") in self.titles

    def is_head_title(self, word: str) -> bool:
        entry = self.titles.get(word.lower().rstrip("."))
        return entry is not None and entry.head

    def has_org_word(self, words: list[str]) -> bool:
        """One of the words (lower case) is a sector or organisation noun ("ministry", "council")."""
        sector = self.nouns.get("sector", {})
        org = self.nouns.get("org", {})
        return any(w in sector or w in org for w in words)

    def is_research_name(self, words: list[str]) -> bool:
        """A name of three or more words with a capitalised research word (nouns.csv kind
        "research": Policy, Studies, Research, Strategic) among its last two ("Red Sea Policy Centre")."""
        research = self.nouns.get("research", {})
        return len(words) >= 3 and any(w.istitle() and w.lower() in research for w in words[-2:])

    # -- knowledge ---------------------------------------------------------------------------
    def demonym_entry(self, text: str) -> KBEntry | None:
        return self.kb.by_demonym.get(name_key(text))

    def state_of(self, text: str) -> KBEntry | None:
        """The state a name, metonym or demonym denotes ("US", "Kremlin", "Russian")."""
        return self._state_named(name_key(text), demonyms=True)

    def _state_named(self, key: str, demonyms: bool) -> KBEntry | None:
        """The state whose name or metonym (or demonym, if `demonyms`) is the name key `key`."""
        entry = self.kb.by_name.get(key) or self.kb.by_metonym.get(key) or (
            self.kb.by_demonym.get(key) if demonyms else None)
        return entry if entry is not None and entry.is_state() else None

    def state_named_outside(self, kb_id: str, start: int, end: int) -> bool:
        """The document names the state `kb_id` (its name or a metonym, one or two capitalised
        words; a demonym, "a Filipino boat", describes and names no state) somewhere outside
        the characters start..end."""
        if self._state_spans is None:
            spans: dict[str, list[tuple[int, int]]] = {}
            for runs in self._capitalised_runs((2, 1)):
                for s, e, key in runs:
                    entry = self._state_named(key, demonyms=False) if key else None
                    if entry is not None:
                        spans.setdefault(entry.kb_id, []).append((s, e))
                        break
            self._state_spans = spans
        return any(e <= start or s >= end for s, e in self._state_spans.get(kb_id, []))

    def state_named_by_name(self, kb_id: str) -> bool:
        """The document writes the state's own name ("Kenya", "South Korea"), not only a
        demonym or a metonym ("Kenyan", "Nairobi")."""
        if self._name_states is None:
            entries = (self.kb.by_name.get(key) for runs in self._capitalised_runs((3, 2, 1)) for _s, _e, key in runs)
            self._name_states = {entry.kb_id for entry in entries if entry is not None and entry.is_state()}
        return kb_id in self._name_states

    def _capitalised_runs(self, widths: tuple[int, ...]) -> Iterator[list[tuple[int, int, str]]]:
        """For each capitalised token, the runs of `widths` words from it, in that order, as
        (start, end, name key); a run across a line break is left out."""
        tokens = [t for t in self.nlp if not t.is_space]
        for i, tok in enumerate(tokens):
            if not tok.text[:1].isupper():
                continue
            runs = []
            for width in widths:
                run = tokens[i:i + width]
                s, e = run[0].idx, run[-1].idx + len(run[-1].text)
                if "\n" not in self.text[s:e]:
                    runs.append((s, e, name_key(self.text[s:e])))
            yield runs

    def country_key(self, text: str) -> CountryKey:
        """The name key with a leading state name or demonym taken out as its ISO3 code."""
        words = name_key(text).split()
        for n in (3, 2, 1):
            if len(words) > n:
                state = self.state_of(" ".join(words[:n]))
                if state is not None:
                    return CountryKey(state.kb_id, " ".join(words[n:]))
        return CountryKey("", " ".join(words))

    def cue_around(self, start: int, end: int) -> str:
        """What the words next to a name say it is: "the militant group X", "X region"."""
        words_before = re.findall(r"[a-z]+", self.text[max(0, start - 40):start].lower())[-2:]
        words_after = re.findall(r"[a-z]+", self.text[end:end + 30].lower())[:2]
        for kind in CUE_KINDS:
            if self._cue_of_kind(kind, words_before, words_after):
                return kind
        return ""

    def _cue_of_kind(self, kind: str, words_before: list[str], words_after: list[str]) -> bool:
        table = self.nouns.get(kind, {})
        for n in (2, 1):
            tail = " ".join(words_before[-n:])
            if len(words_before) >= n and (tail in table or (tail.endswith(" of") and tail[:-3] in table)):
                return True
        if words_before[-2:-1] and words_before[-1:] == ["of"] and words_before[-2] in table:
            return True
        return kind != "org" and bool(words_after) and (
            words_after[0] in table or " ".join(words_after) in table)


def keeps_dot(text: str) -> bool:
    """"U.S." and "Co." keep their final dot; a sentence's full stop does not belong to a name."""
    return bool(re.search(r"(?:\b[A-Z]\.)+$|\b(?:Co|Inc|Ltd|Corp|Jr|Sr|St)\.$", text))


def is_city(text: str) -> bool:
    return is_place_name(text)


def initials(text: str) -> set[str]:
    """"Palestinian Islamic Jihad" -> {"PIJ"}; of the capitalised words and of all words."""
    words = re.findall(r"[A-Za-z][A-Za-z'’]*", text)
    caps = [w for w in words if w[0].isupper()]
    out = {"".join(w[0] for w in caps).upper()}
    out.add("".join(w[0] for w in words).upper())
    return {o for o in out if len(o) >= 2}


def person_context(m: Mention, ctx: Context) -> bool:
    """A two- or three-word name right after a title ("envoy Petra Lindqvist") or before
    an apposition with one (", the EU's special representative,") names a person."""
    words = m.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if ctx.has_org_word([w.lower() for w in words]):
        return False
    before = re.findall(r"[\w.’'-]+", ctx.line_before(m.start))
    if before and ctx.is_head_title(before[-1]):
        return True
    after = re.match(r",\s*([^,;\n]{0,80})", ctx.text[m.end:m.end + 100])
    if not after or ctx.is_title_word(words[-1]):
        return False
    for word in re.findall(r"[\w.’'-]+", after.group(1))[:6]:
        if word.lower() in APPOSITION_STOP:
            return False
        if ctx.is_head_title(word):
            return True
    return False
