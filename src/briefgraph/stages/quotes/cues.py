"""Reporting words: whether a token reports speech ("said", "according to", "the
ministry's statement", "issued a statement") and whose speech it reports.

The words come from knowledge/quotes/ (reporting_verbs.txt with its strong and
weak verbs, statement_nouns.txt), through the context's `Lexicon`.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp import SUBJECT_DEPS
from .context import Attribution, QuoteContext
from .marks import MarkedSpan

_CLIMB_DEPS = ("conj", "xcomp", "advcl", "acl", "relcl", "pcomp", "prep")


def speaker_of(ctx: QuoteContext, token: Token, span: MarkedSpan) -> Attribution | None:
    """The attribution a token gives when it is a reporting word (verb, "according
    to", a statement noun with its owner); None when it is not one."""
    lemma = token.lemma_.lower()
    if token.lower_ == "according":
        return according(ctx, token, span)
    if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.dep_ == "ROOT"
                                          and lemma in ctx.lex.strong_verbs):
        return _reporting_verb(ctx, token, span)
    if ctx.is_statement_noun(token):
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None:
            mention, pronoun = ctx.mention(owner, span)
            return Attribution(None, mention, pronoun, how="cue") if mention else None
    return None


def _reporting_verb(ctx: QuoteContext, verb: Token, span: MarkedSpan) -> Attribution | None:
    lemma = verb.lemma_.lower()
    strong = lemma in ctx.lex.strong_verbs or issues_statement(ctx, verb)
    if not (strong or lemma in ctx.lex.weak_verbs):
        return None
    how = "cue" if strong else "cue-weak"
    subject = subject_of(ctx, verb)
    if subject is None:
        return Attribution(cue_text(verb), None, how=how)
    mention, pronoun = ctx.mention(subject, span)
    return Attribution(cue_text(verb), mention, pronoun, how=how)


def according(ctx: QuoteContext, token: Token, span: MarkedSpan) -> Attribution | None:
    """"according to X": X."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(ctx.nlp) and ctx.nlp[token.i + 1].lower_ == "to":
        to = ctx.nlp[token.i + 1]
    if to is None:
        return None
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    mention, pronoun = ctx.mention(obj, span)
    return Attribution("according to", mention, pronoun, how="according")


def issues_statement(ctx: QuoteContext, verb: Token) -> bool:
    """`issued a statement`, `released a report`: a verb whose object is a statement noun."""
    return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in ctx.lex.statement_nouns for c in verb.children)


def subject_of(ctx: QuoteContext, verb: Token) -> Token | None:
    """The unquoted subject (or passive agent) of a verb, climbing from a verb that has
    none to the verb it hangs off (conjunct, complement, modifier) up to four steps."""
    shown = shown_speaking(ctx, verb)
    if shown is not None:
        return shown
    node = verb
    for _ in range(4):
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS and not ctx.quoted[c.i]), None)
        if subject is not None:
            return subject
        agent = next((c for c in node.children if c.dep_ == "agent" and not ctx.quoted[c.i]), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None:
            return pobj
        if node.dep_ not in _CLIMB_DEPS or node.head.i == node.i:
            return None
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            if node.tag_ in ("VBD", "VBZ") or node.head.lemma_.lower() in ctx.lex.statement_nouns:
                return node.head  # a finite verb parsed as a modifier: "the CSTO, ..., called on"
            return None
        node = node.head
        while ctx.quoted[node.i] and node.head.i != node.i:
            node = node.head  # `said X "stands with us" and called ...`: past the quoted verb
    return None


def shown_speaking(ctx: QuoteContext, participle: Token) -> Token | None:
    """"footage of Brandt saying", "a video of the minister asking": a participle right
    after "<recording noun> of <speaker>"; the one shown speaking, however the parser
    hung the participle (off the recording, the speaker or the verb that shows it)."""
    if participle.tag_ not in ("VBG", "VBN"):
        return None
    doc, k = participle.doc, participle.i - 1
    speaker = doc[k] if k >= 0 else None
    while k >= 0 and doc[k].lower_ != "of" and participle.i - k <= 6:
        k -= 1
    if speaker is None or k < 1 or doc[k].lower_ != "of" or doc[k - 1].lemma_.lower() not in ctx.lex.recording_nouns:
        return None
    if speaker.pos_ not in ("PROPN", "NOUN") or ctx.quoted[speaker.i]:
        return None
    return speaker


def cue_text(token: Token) -> str:
    """The reporting word as written, with its particle ("pointed out")."""
    particle = next((c for c in token.children if c.dep_ == "prt"), None)
    return f"{token.text} {particle.text}" if particle is not None and particle.i == token.i + 1 else token.text
