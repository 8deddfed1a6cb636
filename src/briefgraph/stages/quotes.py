"""Quotes stage: every stretch of quoted speech, its kind, its reporting verb and
its speaker (annotation.md, "Quotes").

It works in three steps, so that each can be checked on its own:
1. spans: quotation marks paired paragraph by paragraph (`quotes_marks`); names
   of things, titles of works and scare quotes are dropped. A quote that runs
   over several paragraphs (an opening mark on each, a closing one on the last)
   is one Quote per paragraph, all with the same speaker, as the gold files
   annotate it; `start`/`end` bound the text inside the marks;
2. the speaker's mention: the subject of the reporting verb that governs the
   quote or stands next to it ("X said", "said X", "according to X"), the name
   on a block quote's attribution line, a transcript's "NAME:" label, the
   previous quote's speaker for a quote that goes on (same paragraph, a
   paragraph that ran on unclosed, or, for a quote with no reporting word at
   all, the subject of the sentence before or the quoted paragraph before); a
   pronoun is resolved to the nearest fitting earlier person or body, a
   statement ("the statement said") to the body that issued it;
3. the actor: `records.actor_at` over that mention (its head word first); a
   role noun ("the minister said") goes to the actor holding that role, a
   description with no such actor ("the leader", "the military") to the
   nearest earlier person or body, a bare label ("PENCE:") to the actor with
   that surname. No actor, no speaker: ids are never invented.

The word lists live in knowledge/quotes/ (reporting verbs, statement nouns,
naming cues, attribution dashes, speaker nouns).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..knowledge import Knowledge
from ..knowledge.lexicon import lexicon
from ..records import Actor, Analysis, Quote, actor_at, section_at
from .quotes_marks import MarkedSpan, find_marked_spans

NO_QUOTE_SECTIONS = ("header", "related", "tags")
OPINION_SECTION = re.compile(r"\b(?:expert analysis|analysis|commentary|opinion|expert view|experts? say)\b",
                             re.IGNORECASE)
SHORT_QUOTE_WORDS = 3  # a quoted stretch this short needs a reporting verb to count as speech
ATTRIBUTION_LINE_WORDS = 16
HEADLINE_WORDS = 16  # a short first line is the headline: its quotes are titles, not speech
MAX_AFTER_TOKENS = 14
MAX_ANCESTOR_STEPS = 10
_TRANSCRIPT_LABEL = re.compile(r"^([A-Z][A-Z.'’\- ]{1,30}[A-Z.]):\s")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_NAME_DEPS = ("compound", "flat", "amod", "det", "nmod", "nummod", "poss", "case")
PERSON_PRONOUNS = {"he", "she", "him", "her"}
BODY_PRONOUNS = {"it", "they", "them"}
PERSON_TYPES = ("PERSON",)
BODY_TYPES = ("ORG", "GPE", "GROUP")
_SPACY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "GROUP"}


@dataclass
class Attribution:
    """What the speaker search found for one quote (kept private to this stage)."""

    cue: str | None = None
    mention: tuple[int, int] | None = None  # the speaker's mention span in the text
    pronoun: bool = False  # the mention is a pronoun resolved to `mention`
    how: str = "none"  # which rule found it: transcript, verb, after, before, according, ...


@dataclass
class _Found:
    span: MarkedSpan
    kind: str
    attribution: Attribution


def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, Any]]:
    """The quotes stage for this knowledge."""
    return lambda doc: find_quotes(doc, knowledge)


def find_quotes(doc: Analysis, knowledge: Knowledge | None = None) -> dict[str, Any]:
    """The quotes of one document as `records.Quote` items, in text order."""
    return {"quotes": [quote for quote, _ in attributed_quotes(doc)]}


def attributed_quotes(doc: Analysis) -> list[tuple[Quote, Attribution]]:
    """Each quote with how its speaker was found (the speaker's mention span, the rule):
    for tests and for stages that want the mention even when no actor covers it."""
    if doc.nlp is None or not doc.text:
        return []
    text = doc.analysed_text if doc.analysed_text is not None else doc.text
    spans = [s for s in find_marked_spans(text) if _in_quotable_section(doc, s)]
    finder = _SpeakerFinder(doc, text, spans)
    found: list[_Found] = []
    for index, span in enumerate(spans):
        try:
            attribution = finder.attribute(index, found)
        except (IndexError, AttributeError, ValueError) as exc:  # an odd parse must not sink the document
            warnings.warn(f"quotes: no speaker search for the quote at {span.start} ({exc!r})", stacklevel=2)
            attribution = Attribution()
        kind = _kind(text, span, attribution)
        if kind != "block" and not _is_speech(text, span, attribution):
            continue
        found.append(_Found(span, kind, attribution))
    out = []
    for item in found:
        speaker = finder.actor_id(item.attribution)
        quote = Quote(text=doc.text[item.span.start:item.span.end], speaker=speaker, kind=item.kind,
                      cue=item.attribution.cue, start=item.span.start, end=item.span.end)
        out.append((quote, item.attribution))
    return out


def is_opinion_quote(doc: Analysis, quote: Quote) -> bool:
    """True for an expert's commentary (a block quote, or any quote in an "Expert
    Analysis"-like section): its words are opinion, not a statement event."""
    if quote.kind == "block":
        return True
    section = section_at(doc.document, quote.start)
    return bool(section and (section.kind == "expert-analysis"
                             or (section.heading and OPINION_SECTION.search(section.heading))))


def _in_quotable_section(doc: Analysis, span: MarkedSpan) -> bool:
    """Headers, titles, related reading and tag lists quote titles, never speech."""
    section = section_at(doc.document, span.start)
    if section is not None and section.kind in NO_QUOTE_SECTIONS:
        return False
    line = doc.text[span.line_start:span.line_end].strip()
    title = doc.document.title if doc.document is not None else None
    if title and line == title.strip():
        return False
    first = doc.text.lstrip()
    is_first_line = span.line_start == len(doc.text) - len(first)
    return not (is_first_line and len(line.split()) <= HEADLINE_WORDS and span.line_end < len(doc.text.rstrip()))


# ---------------------------------------------------------------- kinds and filters

def _kind(text: str, span: MarkedSpan, attribution: Attribution) -> str:
    if attribution.how == "attribution-line":
        return "block"
    quoted = text[span.start:span.end]
    prefix = text[span.line_start:span.open_at].rstrip()
    if attribution.how == "transcript" or not prefix:
        return "direct"
    if prefix[-1] in ",:—–-―(" or (quoted[:1].isupper() and len(quoted.split()) > SHORT_QUOTE_WORDS
                                  and _sentence_start(prefix)):
        return "direct"
    return "partial"


def _sentence_start(prefix: str) -> bool:
    """Whether a quote after `prefix` opens a sentence of its own (`... said. "We ...`)."""
    return prefix[-1] in ".!?”\"" or bool(re.search(r"\b(?:said|says|added|told|wrote|declared|asked)$", prefix))


def _is_speech(text: str, span: MarkedSpan, attribution: Attribution) -> bool:
    """Drop names of things, titles of works and scare quotes."""
    quoted = text[span.start:span.end]
    words = re.findall(r"[^\W\d_][\w’'-]*", re.sub(r"\([^)]*\)|\[[^]]*\]", " ", quoted))
    if not words or re.search(r"(?:https?://|www\.|pic\.twitter|\.com/)", quoted):
        return False  # "(CROSSTALK.)", "…", "1474387200", a link
    if attribution.how == "transcript":
        return True
    before = text[max(span.line_start, span.open_at - 40):span.open_at].lower()
    before = re.sub(r"\s+", " ", before).rstrip(" ,")
    lex = lexicon()
    if any(before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalnum())
           for cue in lex.naming_cues):
        return False
    around = text[max(0, span.open_at - 2):span.open_at] + text[span.after:span.after + 2]
    if len(words) == 1 and quoted[:1].isupper() and re.fullmatch(r"[A-Z.]\s\s[A-Z]", around):
        return False  # a nickname inside a name: Marcia "Cia" Price
    if len(words) <= 6 and _title_case(words) and not quoted.rstrip().endswith(("!", "?")):
        return False  # “Fox News Sunday”, “The Art of the Deal”
    if len(words) <= SHORT_QUOTE_WORDS:
        return attribution.how in ("verb", "after", "before", "according", "continued", "subject")
    return True


_MINOR_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "de", "la"}


def _title_case(words: list[str]) -> bool:
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return len(words) >= 2 and bool(major) and all(w[:1].isupper() or w[:1].isdigit() for w in major)


# ---------------------------------------------------------------- speakers

class _SpeakerFinder:
    """Finds the speaker mention of each quote over one parsed document."""

    def __init__(self, doc: Analysis, text: str, spans: list[MarkedSpan]) -> None:
        self.doc, self.text, self.spans = doc, text, spans
        self.nlp = doc.nlp
        self.lex = lexicon()
        self.quoted = [False] * len(self.nlp)
        self.quoted_chars = bytearray(len(text))
        for span in spans:
            self.quoted_chars[span.open_at:span.after] = b"\x01" * (span.after - span.open_at)
            tokens = self.nlp.char_span(span.open_at, span.after, alignment_mode="expand")
            if tokens is not None:
                for token in tokens:
                    self.quoted[token.i] = True
        self.candidates = self._mention_candidates()
        # "the leader", "the military": the earlier mention each description refers back to
        self.descriptions: dict[tuple[int, int], tuple[int, int] | None] = {}

    # -- entry point
    def attribute(self, index: int, found: list[_Found]) -> Attribution:
        span = self.spans[index]
        label = _TRANSCRIPT_LABEL.match(self.text[span.start:span.end])
        if label:
            return Attribution(None, (span.start, span.start + len(label.group(1))), how="transcript")
        tokens = self._tokens(span.start, span.end)
        if not tokens:
            return Attribution()
        weak: Attribution | None = None
        for rule in (self._by_governing_verb, self._by_verb_after, self._by_verb_before, self._by_according_to):
            result = rule(span, tokens)
            if result is None:
                continue
            if result.how.endswith("-weak"):
                weak = weak or result
                continue
            if result.mention is not None:
                return result
        for rule in (self._by_attribution_line, self._by_colon_intro):
            result = rule(span)
            if result is not None:
                return result
        previous = self._previous_in_context(index, found)
        if previous is not None:
            return previous
        if weak is not None:
            weak.how = "subject" if weak.how == "subject-weak" else "weak"
            return weak
        return self._previous_sentence(span) or self._previous_paragraph(index, found) or Attribution()

    # -- rules
    def _by_governing_verb(self, span: MarkedSpan, tokens: list[Any]) -> Attribution | None:
        """Walk up the parse from the quote to the first reporting verb outside it."""
        inside = {t.i for t in tokens}
        heads = [t.head for t in tokens if t.head.i not in inside and not self.quoted[t.head.i]]
        weak = subject_only = None
        for head in heads[:3]:
            node, steps = head, 0
            while steps < MAX_ANCESTOR_STEPS:
                steps += 1
                if self.quoted[node.i]:  # through another quote ("a "liar" who is "amoral"")
                    if node.head.i == node.i:
                        break
                    node = node.head
                    continue
                result = self._speaker_of(node, span)
                if result is None and subject_only is None:
                    subject_only = self._named_subject(node, span)
                if result is not None and result.mention is not None:
                    if not result.how.endswith("-weak"):
                        result.how = "verb" if result.how == "cue" else result.how
                        return result
                    weak = weak or result
                if node.head.i == node.i:
                    break
                node = node.head
        return weak or subject_only

    def _named_subject(self, node: Any, span: MarkedSpan) -> Attribution | None:
        """Any verb over a quote whose subject is a name or a person pronoun ("Reid has
        gone after Trump as a "spoiled brat"", "X likened the rules to "..."")."""
        if node.pos_ not in ("VERB", "AUX"):
            return None
        subject = next((c for c in node.children if c.dep_ in ("nsubj",)), None)
        if subject is None or self.quoted[subject.i]:
            return None
        if not (subject.pos_ == "PROPN" or subject.ent_type_ in _SPACY_TYPES or subject.lower_ in PERSON_PRONOUNS):
            return None
        mention, pronoun = self._mention(subject, span)
        return Attribution(None, mention, pronoun, how="subject-weak") if mention else None

    def _by_verb_after(self, span: MarkedSpan, tokens: list[Any]) -> Attribution | None:
        """`"...," said X` / `"...," X told reporters` / `"...," according to X`."""
        if span.close_at is None:
            return None
        quoted = self.text[span.start:span.end].rstrip()
        after = self._tokens(span.after, span.line_end)[:MAX_AFTER_TOKENS]
        if not after:
            return None
        ends_sentence = quoted.endswith((".", "…")) and not after[0].text[:1].islower()
        if ends_sentence:
            return None
        for token in after:
            if self.quoted[token.i] or (token.text in (".", "!", "?", ";") and token.i > after[0].i):
                break
            result = self._speaker_of(token, span)
            if result is None or result.how.endswith("-weak"):
                continue
            if result.mention is None:  # a parse that lost the subject: the name next to the verb
                result.mention = self._name_near(after, token)
            if result.mention is not None:
                result.how = "after"
                return result
        return None

    def _name_near(self, window: list[Any], verb: Any) -> tuple[int, int] | None:
        """The run of proper nouns right before the verb (`"...," Chief Chuck Jordan said`)
        or right after it (`"...," said James Acton`)."""
        before = [t for t in window if t.i < verb.i]
        run: list[Any] = []
        for token in reversed(before):
            if token.pos_ == "PROPN" or (run and token.is_title and token.pos_ != "PUNCT"):
                run.insert(0, token)
            elif run:
                break
        if not run:
            for token in window:
                if token.i <= verb.i:
                    continue
                if token.pos_ == "PROPN":
                    run.append(token)
                elif run or token.pos_ not in ("DET", "ADJ"):
                    break
        return (run[0].idx, run[-1].idx + len(run[-1])) if run else None

    def _by_verb_before(self, span: MarkedSpan, tokens: list[Any]) -> Attribution | None:
        """`X said: "..."`, `X said the plan was "..."`: the nearest reporting verb before the
        opening mark in the same sentence."""
        sentence = tokens[0].sent
        start = max(sentence.start_char, span.line_start)
        previous_close = max((s.after for s in self.spans
                              if s.line_start == span.line_start and s.after <= span.open_at), default=start)
        before = self._tokens(max(start, previous_close), span.open_at)
        if not before:
            before = self._tokens(span.line_start if previous_close == start else previous_close, span.open_at)
            before = before[-MAX_AFTER_TOKENS:]
        for token in reversed(before):
            if self.quoted[token.i]:
                continue
            result = self._speaker_of(token, span)
            if result is not None and result.mention is not None and not result.how.endswith("-weak"):
                result.how = "before"
                return result
        return None

    def _by_according_to(self, span: MarkedSpan, tokens: list[Any]) -> Attribution | None:
        sentence = tokens[0].sent
        for token in sentence:
            if self.quoted[token.i] or token.lower_ != "according":
                continue
            result = self._according(token, span)
            if result is not None:
                return result
        return None

    def _by_attribution_line(self, span: MarkedSpan) -> Attribution | None:
        """A block quote followed by "Name, Title" on its line or the next one."""
        if span.open_at != span.line_start or span.close_at is None:
            return None
        rest = self.text[span.after:span.line_end].strip()
        start = span.after
        if not rest:
            nxt = next(((a, b) for a, b in _lines_after(self.text, span.line_end)), None)
            if nxt is None:
                return None
            rest, start = self.text[nxt[0]:nxt[1]], nxt[0]
        else:
            start = span.after + (len(self.text[span.after:span.line_end]) - len(
                self.text[span.after:span.line_end].lstrip()))
        stripped = rest
        for dash in sorted(self.lex.attribution_dashes, key=len, reverse=True):
            if stripped.startswith(dash):
                stripped = stripped[len(dash):].lstrip(" \u00a0")
                break
        start += len(rest) - len(stripped)
        name = re.split(r",|\s[—–-]\s|\(", stripped, maxsplit=1)[0].rstrip(" .\u00a0")
        words = name.split()
        if not words or len(stripped.split()) > ATTRIBUTION_LINE_WORDS or not 1 <= len(words) <= 6:
            return None
        if not all(re.fullmatch(r"[A-Z][\w.'’-]*", w) or w.lower() in _MINOR_WORDS for w in words):
            return None  # not a name: "Getty/Instagram", "Read more"
        if stripped.rstrip().endswith((".", "?", "!")) and "," not in stripped and len(stripped.split()) > 6:
            return None
        return Attribution(None, (start, start + len(name)), how="attribution-line")

    def _by_colon_intro(self, span: MarkedSpan) -> Attribution | None:
        """`Caddell continued:` / `The New York Times reports:` on the paragraph before."""
        prefix = self.text[span.line_start:span.open_at].rstrip()
        if prefix.endswith(":"):
            region = (span.line_start, span.open_at)
        elif not prefix:
            before = _line_before(self.text, span.line_start)
            if before is None or not self.text[before[0]:before[1]].rstrip().endswith(":"):
                return None
            region = before
        else:
            return None
        for token in reversed(self._tokens(*region)):
            if self.quoted[token.i]:
                continue
            result = self._speaker_of(token, span)
            if result is not None and result.mention is not None:
                result.how = "colon"
                return result
        return None

    def _previous_in_context(self, index: int, found: list[_Found]) -> Attribution | None:
        """A quote with no verb of its own goes on from the quote before it: in the same
        paragraph, or in the paragraph before when that one ran on unclosed."""
        if not found:
            return None
        span = self.spans[index]
        last = found[-1]
        same_line = last.span.line_start == span.line_start
        runs_on = (last.span.close_at is None and span.open_at == span.line_start
                   and _line_before(self.text, span.line_start) == (last.span.line_start, last.span.line_end))
        between = self.text[last.span.after:span.open_at].strip()
        goes_on = (not between or between[-1] in ".!?:;" or (len(between.split()) <= 3 and re.fullmatch(
            r"(?:[,;]|\b(?:and|or|but|a|an|the|as|to|nor|then)\b|\s)+", between) is not None))
        if ((same_line and goes_on) or runs_on) and last.attribution.mention is not None:
            prior = last.attribution
            return Attribution(prior.cue, prior.mention, prior.pronoun, how="continued")
        return None

    def _previous_sentence(self, span: MarkedSpan) -> Attribution | None:
        """A quote that opens a sentence with no reporting word, right after a sentence of
        the same paragraph whose subject is a name: that person goes on speaking
        (`Sen. Jane Doe identified young voters as ... . "The younger people are ..."`)."""
        opening = self._tokens(span.open_at, span.open_at + 1)
        if not opening or opening[0].sent.start_char < span.line_start:
            return None
        previous_end = opening[0].sent.start - 1
        if previous_end < 0 or self.nlp[previous_end].idx < span.line_start:
            return None
        root = self.nlp[previous_end].sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj" and not self.quoted[c.i]), None)
        if subject is None or not (subject.pos_ == "PROPN" or subject.lower_ in PERSON_PRONOUNS):
            return None
        mention, pronoun = self._mention(subject, span)
        return Attribution(None, mention, pronoun, how="previous-sentence") if mention else None

    def _previous_paragraph(self, index: int, found: list[_Found]) -> Attribution | None:
        """A quote with no reporting word at all, in the paragraph right after a quoted
        one, goes on reporting the same source ("... the military noted ... \n\n Eight
        of the injured ... "are in stable condition.")."""
        if not found or found[-1].attribution.mention is None or found[-1].kind == "block":
            return None  # a block quote names its own author on its own line
        span, last = self.spans[index], found[-1]
        if _line_before(self.text, span.line_start) != (last.span.line_start, last.span.line_end):
            return None
        prior = last.attribution
        return Attribution(None, prior.mention, prior.pronoun, how="inherited")

    # -- reporting words
    def _speaker_of(self, token: Any, span: MarkedSpan) -> Attribution | None:
        """The attribution a token gives when it is a reporting word (verb, "according
        to", a statement noun with its owner); None when it is not one."""
        lemma = token.lemma_.lower()
        if token.lower_ == "according":
            return self._according(token, span)
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.dep_ == "ROOT" and lemma in
                                              self.lex.strong_verbs):
            strong = lemma in self.lex.strong_verbs
            weak = lemma in self.lex.weak_verbs
            issued = self._issues_statement(token)
            if not (strong or weak or issued):
                return None
            subject = self._subject(token)
            cue = _cue_text(token)
            if subject is None:
                return Attribution(cue, None, how="cue" if strong or issued else "cue-weak")
            mention, pronoun = self._mention(subject, span)
            how = "cue" if strong or issued else "cue-weak"
            return Attribution(cue, mention, pronoun, how=how)
        if lemma in self.lex.statement_nouns and token.pos_ == "NOUN":
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None:
                mention, pronoun = self._mention(owner, span)
                return Attribution(None, mention, pronoun, how="cue") if mention else None
        return None

    def _according(self, token: Any, span: MarkedSpan) -> Attribution | None:
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None and token.i + 1 < len(self.nlp) and self.nlp[token.i + 1].lower_ == "to":
            to = self.nlp[token.i + 1]
        if to is None:
            return None
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        mention, pronoun = self._mention(obj, span)
        return Attribution("according to", mention, pronoun, how="according")

    def _issues_statement(self, verb: Any) -> bool:
        """`issued a statement`, `released a report`: a verb whose object is a statement noun."""
        return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.lex.statement_nouns
                   for c in verb.children)

    def _subject(self, verb: Any) -> Any | None:
        node = verb
        for _ in range(4):
            subject = next((c for c in node.children if c.dep_ in _SUBJECT_DEPS and not self.quoted[c.i]), None)
            if subject is not None:
                return subject
            agent = next((c for c in node.children if c.dep_ == "agent" and not self.quoted[c.i]), None)
            if agent is not None:
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
            if node.dep_ in ("conj", "xcomp", "advcl", "acl", "relcl", "pcomp", "prep") and node.head.i != node.i:
                if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
                    if node.tag_ in ("VBD", "VBZ") or node.head.lemma_.lower() in self.lex.statement_nouns:
                        return node.head  # a finite verb parsed as a modifier: "the CSTO, ..., called on"
                    return None
                node = node.head
                while self.quoted[node.i] and node.head.i != node.i:
                    node = node.head  # `said X "stands with us" and called ...`: past the quoted verb
                continue
            return None
        return None

    def _mention(self, token: Any, span: MarkedSpan) -> tuple[tuple[int, int] | None, bool]:
        """The mention span a subject stands for, and whether a pronoun was resolved."""
        if self.quoted[token.i]:
            return None, False
        lower = token.lower_
        if lower in ("who", "which", "that") and token.head.dep_ == "relcl":
            return self._mention(token.head.head, span)  # "Kall, who compared ..." -> Kall
        if token.pos_ == "PRON" or lower in PERSON_PRONOUNS | BODY_PRONOUNS:
            if lower in PERSON_PRONOUNS:
                return self._resolve(token.idx, PERSON_TYPES), True
            if lower in BODY_PRONOUNS:
                return self._resolve(token.idx, BODY_TYPES), True
            return None, False
        if token.lemma_.lower() in self.lex.statement_nouns and token.pos_ == "NOUN":
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None:
                return self._mention(owner, span)
            return self._resolve(token.idx, BODY_TYPES, nearest=True), True
        if token.pos_ == "NOUN":
            named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if named is not None:
                return self._mention(named, span)  # "Another critic, Laurence Tribe, said"
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
            self.descriptions[mention] = self._resolve(token.idx, types, nearest=kind == "body")
        return mention, False

    def _resolve(self, offset: int, types: tuple[str, ...], nearest: bool = False) -> tuple[int, int] | None:
        """An earlier mention of a fitting type: in the nearest sentence that has one, its
        subject first (a person pronoun); with `nearest`, simply the closest (a body)."""
        earlier = [c for c in self.candidates if c[1] <= offset and c[2] in types and not self._is_quoted_char(c[0])]
        if not earlier:
            return None
        if nearest:
            return (earlier[-1][0], earlier[-1][1])
        sentence_of = self._sentence_start_of
        nearest_sentence = sentence_of(earlier[-1][0])
        same = [c for c in earlier if sentence_of(c[0]) == nearest_sentence]
        subjects = [c for c in same if c[3]]
        best = (subjects or same)[0 if subjects else -1]
        return (best[0], best[1])

    def _sentence_start_of(self, offset: int) -> int:
        span = self.nlp.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0].sent.start_char if span is not None and len(span) else offset

    def _is_quoted_char(self, offset: int) -> bool:
        return 0 <= offset < len(self.quoted_chars) and bool(self.quoted_chars[offset])

    def _mention_candidates(self) -> list[tuple[int, int, str, bool]]:
        """(start, end, type, is_subject) of every actor mention, or of spaCy's entities
        when the actors stage gave none."""
        out = []
        if self.doc.actors:
            for actor in self.doc.actors:
                for start, end in actor.mentions:
                    out.append((start, end, actor.type, self._is_subject(start, end)))
        else:
            for ent in self.nlp.ents:
                kind = _SPACY_TYPES.get(ent.label_)
                if kind:
                    out.append((ent.start_char, ent.end_char, kind, ent.root.dep_ in _SUBJECT_DEPS))
        out.sort()
        return out

    def _is_subject(self, start: int, end: int) -> bool:
        span = self.nlp.char_span(start, end, alignment_mode="expand")
        return bool(span is not None and len(span) and span.root.dep_ in _SUBJECT_DEPS)

    def _tokens(self, start: int, end: int) -> list[Any]:
        if end <= start:
            return []
        span = self.nlp.char_span(start, end, alignment_mode="contract")
        if span is None:
            span = self.nlp.char_span(start, end, alignment_mode="expand")
        return [t for t in span if not t.is_space] if span is not None else []

    # -- actors
    def actor_id(self, attribution: Attribution) -> str | None:
        if attribution.mention is None or not self.doc.actors:
            return None
        start, end = attribution.mention
        head = self.nlp.char_span(max(start, end - 1), end, alignment_mode="expand")
        actor = None
        if head is not None and len(head):  # the head word first: "Foreign Ministry spokeswoman Maria Zakharova"
            actor = actor_at(self.doc.actors, head[-1].idx, head[-1].idx + len(head[-1]))
        if actor is None:
            actor = actor_at(self.doc.actors, start, end)
        if actor is None:
            actor = _actor_by_role(self.doc.actors, self.doc.text[start:end], start)
        if actor is None:
            actor = _actor_by_name(self.doc.actors, self.doc.text[start:end])
        antecedent = self.descriptions.get((start, end))
        if actor is None and antecedent is not None:
            actor = actor_at(self.doc.actors, *antecedent)
        return actor.id if actor is not None else None


def _actor_by_role(actors: list[Actor], phrase: str, offset: int) -> Actor | None:
    """"the minister" -> the actor whose roles name a minister, mentioned nearest before."""
    words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in _MINOR_WORDS]
    if not words:
        return None
    head = words[-1]
    best, best_at = None, -1
    for actor in actors:
        if not any(head in re.findall(r"[a-z]+", role.lower()) for role in actor.roles):
            continue
        at = max((s for s, _ in actor.mentions if s <= offset), default=-1)
        if at > best_at or best is None:
            best, best_at = actor, at
    return best


def _actor_by_name(actors: list[Actor], phrase: str) -> Actor | None:
    """An actor named by the mention's words where no mention of it is at that place
    (a transcript's "PENCE:", "Mr. King"): a whole name or alias, else a unique surname."""
    words = re.findall(r"[^\W\d_][\w'’-]*", phrase.lower())
    if not words:
        return None
    wanted = " ".join(words)
    for actor in actors:
        if any(" ".join(re.findall(r"[^\W\d_][\w'’-]*", n.lower())) == wanted for n in actor.names()):
            return actor
    surname = [a for a in actors if a.type == "PERSON" and any(
        re.findall(r"[^\W\d_][\w'’-]*", n.lower())[-1:] == words[-1:] for n in _actor_names(a))]
    return surname[0] if len(surname) == 1 else None


def _actor_names(actor: Actor) -> list[str]:
    return [n for n in actor.names() if n]


def _cue_text(token: Any) -> str:
    particle = next((c for c in token.children if c.dep_ == "prt"), None)
    return f"{token.text} {particle.text}" if particle is not None and particle.i == token.i + 1 else token.text


def _lines_after(text: str, offset: int) -> list[tuple[int, int]]:
    """The next non-blank line after offset (as a one-item list, or empty)."""
    pos = offset
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            return [(pos + lead, pos + lead + len(line.strip()))]
        if nl < 0:
            break
        pos = nl + 1
    return []


def _line_before(text: str, offset: int) -> tuple[int, int] | None:
    """The previous non-blank line before the line starting at offset."""
    end = text.rfind("\n", 0, offset)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            return (start + lead, start + lead + len(line.strip()))
        end = start - 1
    return None
