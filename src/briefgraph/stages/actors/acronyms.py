"""Names defined by an acronym in brackets right after them: "the Caribbean Development
Bank (CDB)", "the Australian Medical Assistance Team (AUSMAT)", "the National Agency for
Maritime Safety (ANSM)" (a foreign acronym after an English name). The whole name is one
organisation, the acronym in brackets another mention of it, whatever pieces spaCy made."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ...places import resolve
from .context import CONNECTORS, Context
from .model import Mention

# "(CDB)", "(AfDB)", "(AUSMAT)": a capital first, 2-9 letters, at least two capitals
BRACKETED = re.compile(r"\(([A-Z][A-Za-z&]{1,8})\)")
# the words of a name before the bracket, on one line: capitalised words and connectors
_WORD = r"(?:[A-Z][\w’'-]*|" + "|".join(sorted(c for c in CONNECTORS if c.isalpha())) + ")"
NAME_BEFORE = re.compile(rf"(?<![\w’'-])({_WORD}(?: {_WORD})*) ?\Z")


def acronym_fits(name: str, acronym: str) -> bool:
    """The acronym is made of the name's capitalised words: a prefix of each in order,
    connectors ("of", "for") giving one or none ("CDB", "AfDB", "AUSMAT"), or the
    initials in another order (a foreign acronym: "ANSM" of "National Agency for
    Maritime Safety")."""
    words = re.findall(r"[A-Za-z]+", name)
    acr = acronym.replace(".", "").replace("&", "").upper()
    caps = [w for w in words if w[0].isupper()]
    if len(caps) < 2 or len(acr) < 2:
        return False
    if sorted(acr) == sorted(w[0].upper() for w in caps):
        return True
    return _prefixes_make(words, acr)


def _prefixes_make(words: list[str], acr: str) -> bool:
    if not words:
        return not acr
    word, rest = words[0], words[1:]
    optional = not word[0].isupper()
    if optional and _prefixes_make(rest, acr):
        return True
    upper = word.upper()
    for k in range(1, min(len(upper), len(acr)) + 1):
        if upper[:k] != acr[:k]:
            break
        if _prefixes_make(rest, acr[k:]):
            return True
    return False


def defined_name(ctx: Context, bracket_start: int, acronym: str) -> tuple[int, int] | None:
    """The span of the longest name right before "(" that the acronym fits, starting on a
    capitalised word that is no stop word; None when none does, or the name is a
    knowledge-base name or a place (found as such elsewhere)."""
    line_start = ctx.text.rfind("\n", 0, bracket_start) + 1
    before = NAME_BEFORE.search(ctx.text, line_start, bracket_start)
    if before is None:
        return None
    words = list(re.finditer(r"\S+", before.group(1)))
    if not words[-1].group()[0].isupper():
        return None
    for w in words:
        if not w.group()[0].isupper() or w.group().lower() in STOP_WORDS:
            continue
        s, e = before.start(1) + w.start(), before.start(1) + words[-1].end()
        name = ctx.text[s:e]
        if acronym_fits(name, acronym):
            if ctx.kb.lookup(name) is not None or resolve(name) is not None:
                return None
            return s, e
    return None


def bracket_defined_mentions(ctx: Context) -> list[Mention]:
    """An organisation's name and the acronym in brackets after it, both ORG."""
    out: list[Mention] = []
    for bracket in BRACKETED.finditer(ctx.text):
        acronym = bracket.group(1)
        if sum(c.isupper() for c in acronym) < 2:
            continue
        span = defined_name(ctx, bracket.start(), acronym)
        if span is None:
            continue
        s, e = span
        zone = ctx.zone_at(s)
        if not _spacy_org_ends_at(ctx, s, e):  # "Kenya’s National Police Service": spaCy's keeps its owner
            out.append(Mention(s, e, ctx.text[s:e], "ORG", "ner", zone, cue="org"))
        out.append(Mention(bracket.start(1), bracket.end(1), acronym, "ORG", "ner", zone, cue="org"))
    return out


def _spacy_org_ends_at(ctx: Context, start: int, end: int) -> bool:
    """spaCy's organisation ends with the name and holds an owner before it ("Kenya’s ")."""
    return any(ent.label_ == "ORG" and ent.start_char < start and ctx.clean_span(ent.start_char, ent.end_char)[1] == end
               and re.search(r"[’']s? \Z", ctx.text[ent.start_char:start]) is not None for ent in ctx.nlp.ents)
