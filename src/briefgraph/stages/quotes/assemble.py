"""From found spans to `records.Quote` items: the quote's kind, whether the quoted
stretch is speech at all, and the speaker's actor id."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...knowledge.lexicon import Lexicon
from ...records import Actor, actor_at
from .context import Attribution, QuoteContext
from .marks import MarkedSpan
from .speakers import MINOR_WORDS

SHORT_QUOTE_WORDS = 3  # a quoted stretch this short needs a reporting verb to count as speech
TITLE_WORDS = 6  # a title-case stretch this short is a name or a title ("Fox News Sunday")
VERB_RULES = ("verb", "after", "before", "according", "continued", "subject")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def quote_kind(ctx: QuoteContext, span: MarkedSpan, attribution: Attribution) -> str:
    """"block" (a quote over its own attribution line), "direct" or "partial"."""
    if attribution.how == "attribution-line":
        return "block"
    quoted = ctx.text[span.start:span.end]
    prefix = ctx.text[span.line_start:span.open_at].rstrip()
    if attribution.how == "transcript" or not prefix:
        return "direct"
    if prefix[-1] in ",:—–-―(" or (quoted[:1].isupper() and len(quoted.split()) > SHORT_QUOTE_WORDS
                                  and _sentence_start(ctx, span, prefix)):
        return "direct"
    return "partial"


def _sentence_start(ctx: QuoteContext, span: MarkedSpan, prefix: str) -> bool:
    """Whether a quote after `prefix` opens a sentence of its own: after the end of a
    sentence (`... said. "We ...`) or right after a reporting verb (`He said "We ...`)."""
    if prefix[-1] in ".!?”\"":
        return True
    last = ctx.tokens(span.line_start + len(prefix) - 1, span.line_start + len(prefix))
    return bool(last) and last[-1].lemma_.lower() in ctx.lex.strong_verbs and last[-1].pos_ in ("VERB", "AUX")


def is_speech(text: str, span: MarkedSpan, attribution: Attribution, lex: Lexicon) -> bool:
    """False for names of things, titles of works, scare quotes and links."""
    quoted = text[span.start:span.end]
    words = _WORD.findall(re.sub(r"\([^)]*\)|\[[^]]*\]", " ", quoted))
    if not words or re.search(r"(?:https?://|www\.|pic\.twitter|\.com/)", quoted):
        return False  # "(CROSSTALK.)", "…", "1474387200", a link
    if attribution.how == "transcript":
        return True
    if _named_by_cue(text, span, lex.naming_cues):
        return False
    around = text[max(0, span.open_at - 2):span.open_at] + text[span.after:span.after + 2]
    if len(words) == 1 and quoted[:1].isupper() and re.fullmatch(r"[A-Z.]\s\s[A-Z]", around):
        return False  # a nickname inside a name: Marcia "Cia" Price
    if len(words) <= TITLE_WORDS and title_case(words) and not quoted.rstrip().endswith(("!", "?")):
        return False  # “Fox News Sunday”, “The Art of the Deal”
    if len(words) <= SHORT_QUOTE_WORDS:
        return attribution.how in VERB_RULES
    return True


def _named_by_cue(text: str, span: MarkedSpan, cues: tuple[str, ...]) -> bool:
    """A stretch right after a naming cue ("dubbed", "so-called") is a name, not speech."""
    before = text[max(span.line_start, span.open_at - 40):span.open_at].lower()
    before = re.sub(r"\s+", " ", before).rstrip(" ,")
    return any(before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalnum())
               for cue in cues)


def title_case(words: list[str]) -> bool:
    major = [w for w in words if w.lower() not in MINOR_WORDS]
    return len(words) >= 2 and bool(major) and all(w[:1].isupper() or w[:1].isdigit() for w in major)


# ---------------------------------------------------------------- the speaker's actor

def speaker_id(nlp: Doc, text: str, actors: list[Actor], attribution: Attribution,
               descriptions: dict[tuple[int, int], tuple[int, int] | None]) -> str | None:
    """The id of the actor the attribution's mention names; None when no actor fits."""
    if attribution.mention is None or not actors:
        return None
    start, end = attribution.mention
    head = nlp.char_span(max(start, end - 1), end, alignment_mode="expand")
    actor = None
    if head is not None and len(head):  # the head word first: "Foreign Ministry spokeswoman Maria Zakharova"
        actor = actor_at(actors, head[-1].idx, head[-1].idx + len(head[-1]))
    if actor is None:
        actor = actor_at(actors, start, end)
    if actor is None:
        actor = actor_by_role(actors, text[start:end], start)
    if actor is None:
        actor = actor_by_name(actors, text[start:end])
    antecedent = descriptions.get((start, end))
    if actor is None and antecedent is not None:
        actor = actor_at(actors, *antecedent)
    return actor.id if actor is not None else None


def actor_by_role(actors: list[Actor], phrase: str, offset: int) -> Actor | None:
    """"the minister" -> the actor whose roles name a minister, mentioned nearest before."""
    words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in MINOR_WORDS]
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


def actor_by_name(actors: list[Actor], phrase: str) -> Actor | None:
    """An actor named by the mention's words where no mention of it is at that place
    (a transcript's "PENCE:", "Mr. King"): a whole name or alias, else a unique surname,
    else the one organisation whose name begins with the words ("Peabody" of "Peabody Energy")."""
    words = _WORD.findall(phrase.lower())
    if not words:
        return None
    wanted = " ".join(words)
    for actor in actors:
        if any(" ".join(_WORD.findall(n.lower())) == wanted for n in actor.names()):
            return actor
    surname = [a for a in actors if a.type == "PERSON" and any(
        _WORD.findall(n.lower())[-1:] == words[-1:] for n in a.names() if n)]
    if surname:
        return surname[0] if len(surname) == 1 else None
    short = [a for a in actors if a.type == "ORG" and phrase[:1].isupper() and any(
        _WORD.findall(n.lower())[:len(words)] == words and len(_WORD.findall(n)) > len(words) for n in a.names())]
    return short[0] if len(short) == 1 else None  # "Peabody" of "Peabody Energy"
