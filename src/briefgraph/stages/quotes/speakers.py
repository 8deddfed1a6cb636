"""The speaker search: for each quoted span, the mention of whoever says it.

`SPEAKER_RULES` are tried in order and the first that gives an attribution wins.
Each is a small function of one `Query` (the document context, the quote, its
tokens and the quotes kept so far), so a rule can be read, tested and moved on
its own. The reporting-verb rules pass over a weak cue ("X likened the rules to
"..."") and note it on the query; `weak_cue` takes it up only after the rules
that follow the quote on from an earlier one have found nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from .context import SPACY_TYPES, Attribution, QuoteContext
from .cues import according, speaker_of
from .marks import MarkedSpan, line_after, line_before

ATTRIBUTION_LINE_WORDS = 16
MAX_AFTER_TOKENS = 14
MAX_ANCESTOR_STEPS = 10
MINOR_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
                         "de", "la"})
_TRANSCRIPT_LABEL = re.compile(r"^([A-Z][A-Z.'’\- ]{1,30}[A-Z.]):\s")
_GOES_ON = re.compile(r"(?:[,;]|\b(?:and|or|but|a|an|the|as|to|nor|then)\b|\s)+")


@dataclass
class Found:
    """A quote kept so far, with its kind and attribution."""

    span: MarkedSpan
    kind: str
    attribution: Attribution


@dataclass
class Query:
    """One quote's speaker search."""

    ctx: QuoteContext
    index: int  # of the span in ctx.spans
    found: list[Found]  # the quotes kept before this one
    tokens: list[Token] = field(default_factory=list)
    weak: Attribution | None = None  # the first weak cue a verb rule passed over

    @property
    def span(self) -> MarkedSpan:
        return self.ctx.spans[self.index]

    def strong(self, result: Attribution | None, how: str | None = None) -> Attribution | None:
        """`result` (renamed `how`) when it names a speaker by a strong cue; a weak one is noted."""
        if result is None:
            return None
        if result.weak:
            self.weak = self.weak or result
            return None
        if result.mention is None:
            return None
        if how is not None:
            result.how = how
        return result


Rule = Callable[[Query], Attribution | None]


# ---------------------------------------------------------------- rules, in the order they are tried

def transcript_label(q: Query) -> Attribution | None:
    """A transcript's "NAME: ..." inside the quote."""
    span = q.span
    label = _TRANSCRIPT_LABEL.match(q.ctx.text[span.start:span.end])
    if label is None:
        return None
    return Attribution(None, (span.start, span.start + len(label.group(1))), how="transcript")


def no_words(q: Query) -> Attribution | None:
    """A quote with no words to parse has no speaker (and no later rule is tried)."""
    q.tokens = q.ctx.tokens(q.span.start, q.span.end)
    return None if q.tokens else Attribution()


def governing_verb(q: Query) -> Attribution | None:
    """The subject of the first reporting verb up the parse from the quote."""
    inside = {t.i for t in q.tokens}
    heads = [t.head for t in q.tokens if t.head.i not in inside and not q.ctx.quoted[t.head.i]]
    weak = subject_only = unnamed = None
    for head in heads[:3]:
        for node in _ancestors(q.ctx, head):
            result = speaker_of(q.ctx, node, q.span)
            if result is None and subject_only is None:
                subject_only = _named_subject(q.ctx, node, q.span)
            if result is not None and result.mention is not None:
                if not result.weak:
                    result.how = "verb" if result.how == "cue" else result.how
                    if q.ctx.names_candidate(result.mention):
                        return result
                    unnamed = unnamed or result  # "X said the advert "..." suggests": X, if named
                    continue
                weak = weak or result
    return unnamed or q.strong(weak or subject_only)


def _ancestors(ctx: QuoteContext, head: Token) -> list[Token]:
    """`head` and the tokens above it, at most MAX_ANCESTOR_STEPS, passing over quoted ones
    (through another quote: "a "liar" who is "amoral"")."""
    out, node = [], head
    for _ in range(MAX_ANCESTOR_STEPS):
        if not ctx.quoted[node.i]:
            out.append(node)
        if node.head.i == node.i:
            break
        node = node.head
    return out


def _named_subject(ctx: QuoteContext, node: Token, span: MarkedSpan) -> Attribution | None:
    """Any verb over a quote whose subject is a name or a person pronoun ("Reid has
    gone after Trump as a "spoiled brat"", "X likened the rules to "...""): weak."""
    if node.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
    if subject is None or ctx.quoted[subject.i]:
        return None
    if not (subject.pos_ == "PROPN" or subject.ent_type_ in SPACY_TYPES or subject.lower_ in ctx.person_pronouns):
        return None
    mention, pronoun = ctx.mention(subject, span)
    return Attribution(None, mention, pronoun, how="subject-weak") if mention else None


def verb_after(q: Query) -> Attribution | None:
    """`"...," said X` / `"...," X told reporters` / `"...," according to X`."""
    ctx, span = q.ctx, q.span
    if span.close_at is None:
        return None
    after = ctx.tokens(span.after, span.line_end)[:MAX_AFTER_TOKENS]
    if not after:
        return None
    if ctx.text[span.start:span.end].rstrip().endswith((".", "…")) and not after[0].text[:1].islower():
        return None  # the quote ends its sentence
    for token in after:
        if ctx.quoted[token.i] or (token.text in (".", "!", "?", ";") and token.i > after[0].i):
            break
        result = speaker_of(ctx, token, span)
        if result is None or result.weak:
            continue
        if result.mention is None:  # a parse that lost the subject: the name next to the verb
            result.mention = name_near(after, token)
        if result.mention is not None:
            result.how = "after"
            return result
    return None


def name_near(window: list[Token], verb: Token) -> tuple[int, int] | None:
    """The run of proper nouns right before the verb (`"...," Chief Chuck Jordan said`)
    or right after it (`"...," said James Acton`)."""
    run: list[Token] = []
    for token in reversed([t for t in window if t.i < verb.i]):
        if token.pos_ == "PROPN" or (run and token.is_title and token.pos_ != "PUNCT"):
            run.insert(0, token)
        elif run:
            break
    if not run:
        for token in (t for t in window if t.i > verb.i):
            if token.pos_ == "PROPN":
                run.append(token)
            elif run or token.pos_ not in ("DET", "ADJ"):
                break
    return (run[0].idx, run[-1].idx + len(run[-1])) if run else None


def verb_before(q: Query) -> Attribution | None:
    """`X said: "..."`, `X said the plan was "..."`: the nearest reporting verb before the
    opening mark in the same sentence."""
    ctx, span = q.ctx, q.span
    sentence = q.tokens[0].sent
    start = max(sentence.start_char, span.line_start)
    previous_close = max((s.after for s in ctx.spans
                          if s.line_start == span.line_start and s.after <= span.open_at), default=start)
    before = ctx.tokens(max(start, previous_close), span.open_at)
    if not before:
        before = ctx.tokens(span.line_start if previous_close == start else previous_close, span.open_at)
        before = before[-MAX_AFTER_TOKENS:]
    for token in reversed(before):
        if ctx.quoted[token.i]:
            continue
        result = speaker_of(ctx, token, span)
        if result is not None and result.mention is not None and not result.weak:
            result.how = "before"
            return result
    return None


def according_to(q: Query) -> Attribution | None:
    """"according to X" anywhere in the quote's sentence."""
    for token in q.tokens[0].sent:
        if q.ctx.quoted[token.i] or token.lower_ != "according":
            continue
        result = according(q.ctx, token, q.span)
        if result is not None:
            return q.strong(result)
    return None


def attribution_line(q: Query) -> Attribution | None:
    """A block quote followed by "Name, Title" on its line or the next one."""
    ctx, span = q.ctx, q.span
    if span.open_at != span.line_start or span.close_at is None:
        return None
    tail = ctx.text[span.after:span.line_end]
    rest, start = tail.strip(), span.after + len(tail) - len(tail.lstrip())
    if not rest:
        nxt = line_after(ctx.text, span.line_end)
        if nxt is None:
            return None
        rest, start = ctx.text[nxt[0]:nxt[1]], nxt[0]
    stripped = _without_dash(rest, ctx.lex.attribution_dashes)
    start += len(rest) - len(stripped)
    name = re.split(r",|\s[—–-]\s|\(", stripped, maxsplit=1)[0].rstrip(" .\u00a0")
    return Attribution(None, (start, start + len(name)), how="attribution-line") if _names(name, stripped) else None


def _without_dash(line: str, dashes: tuple[str, ...]) -> str:
    for dash in sorted(dashes, key=len, reverse=True):
        if line.startswith(dash):
            return line[len(dash):].lstrip(" \u00a0")
    return line


def _names(name: str, line: str) -> bool:
    """Whether an attribution line's first part is a name (not "Getty/Instagram", "Read more")."""
    words = name.split()
    if not words or len(line.split()) > ATTRIBUTION_LINE_WORDS or not 1 <= len(words) <= 6:
        return False
    if not all(re.fullmatch(r"[A-Z][\w.'’-]*", w) or w.lower() in MINOR_WORDS for w in words):
        return False
    return not (line.rstrip().endswith((".", "?", "!")) and "," not in line and len(line.split()) > 6)


def colon_introduction(q: Query) -> Attribution | None:
    """`Caddell continued:` / `The New York Times reports:` before the quote or on the
    paragraph before."""
    ctx, span = q.ctx, q.span
    prefix = ctx.text[span.line_start:span.open_at].rstrip()
    region: tuple[int, int] | None = None
    if prefix.endswith(":"):
        region = (span.line_start, span.open_at)
    elif not prefix:
        before = line_before(ctx.text, span.line_start)
        if before is not None and ctx.text[before[0]:before[1]].rstrip().endswith(":"):
            region = before
    if region is None:
        return None
    for token in reversed(ctx.tokens(*region)):
        if ctx.quoted[token.i]:
            continue
        result = speaker_of(ctx, token, span)
        if result is not None and result.mention is not None:
            result.how = "colon"
            return result
    return None


def quote_goes_on(q: Query) -> Attribution | None:
    """A quote with no verb of its own goes on from the quote before it: in the same
    paragraph, or in the paragraph before when that one ran on unclosed."""
    if not q.found or q.found[-1].attribution.mention is None:
        return None
    ctx, span, last = q.ctx, q.span, q.found[-1]
    runs_on = (last.span.close_at is None and span.open_at == span.line_start
               and line_before(ctx.text, span.line_start) == (last.span.line_start, last.span.line_end))
    between = ctx.text[last.span.after:span.open_at].strip()
    goes_on = not between or between[-1] in ".!?:;" or (
        len(between.split()) <= 3 and _GOES_ON.fullmatch(between) is not None)
    if (last.span.line_start == span.line_start and goes_on) or runs_on:
        prior = last.attribution
        return Attribution(prior.cue, prior.mention, prior.pronoun, how="continued")
    return None


def weak_cue(q: Query) -> Attribution | None:
    """The weak cue a reporting-verb rule passed over: "subject" for a named subject."""
    if q.weak is None:
        return None
    q.weak.how = "subject" if q.weak.how == "subject-weak" else "weak"
    return q.weak


def previous_sentence(q: Query) -> Attribution | None:
    """A quote that opens a sentence with no reporting word, right after a sentence of
    the same paragraph whose subject is a name: that person goes on speaking
    (`Sen. Jane Doe identified young voters as ... . "The younger people are ..."`)."""
    ctx, span = q.ctx, q.span
    opening = ctx.tokens(span.open_at, span.open_at + 1)
    if not opening or opening[0].sent.start_char < span.line_start:
        return None
    previous_end = opening[0].sent.start - 1
    if previous_end < 0 or ctx.nlp[previous_end].idx < span.line_start:
        return None
    root = ctx.nlp[previous_end].sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj" and not ctx.quoted[c.i]), None)
    if subject is None or not (subject.pos_ == "PROPN" or subject.lower_ in ctx.person_pronouns):
        return None
    mention, pronoun = ctx.mention(subject, span)
    return Attribution(None, mention, pronoun, how="previous-sentence") if mention else None


def previous_paragraph(q: Query) -> Attribution | None:
    """A quote with no reporting word at all, in the paragraph right after a quoted
    one, goes on reporting the same source ("... the military noted ... \\n\\n Eight
    of the injured ... "are in stable condition.")."""
    if not q.found or q.found[-1].attribution.mention is None or q.found[-1].kind == "block":
        return None  # a block quote names its own author on its own line
    last = q.found[-1]
    if line_before(q.ctx.text, q.span.line_start) != (last.span.line_start, last.span.line_end):
        return None
    prior = last.attribution
    return Attribution(None, prior.mention, prior.pronoun, how="inherited")


SPEAKER_RULES: tuple[Rule, ...] = (
    transcript_label,
    no_words,
    governing_verb,
    verb_after,
    verb_before,
    according_to,
    attribution_line,
    colon_introduction,
    quote_goes_on,
    weak_cue,
    previous_sentence,
    previous_paragraph,
)


def attribute(ctx: QuoteContext, index: int, found: list[Found],
              rules: tuple[Rule, ...] = SPEAKER_RULES) -> Attribution:
    """The attribution of the quote `ctx.spans[index]`: the first rule's that gives one."""
    query = Query(ctx, index, found)
    for rule in rules:
        result = rule(query)
        if result is not None:
            return result
    return Attribution()
