"""Names the NER misreads that stand where a place does (issue 15): "gunmen killed 12
villagers in Pibor" with Pibor tagged as an organisation, a nationality or a person, or
not tagged at all. A capitalised name the gazetteer lacks, as the object of a locative
preposition (cues `misread_preps`), is a place the gazetteer lacks unless every word of it
is an English dictionary word ("in Parliament" is no town) or an actor of the knowledge base
has it ("in Reuters"). The places stage (stages/places.py `_unknown_place`) takes it only
in the event's own clause, with no point."""

from __future__ import annotations

from functools import cache
from typing import Any

from .place_finder import Finder

# NER labels under which a town's name may hide; GPE, LOC and FAC are read as places anyway
MISREAD_LABELS = ("", "ORG", "NORP", "PERSON", "PRODUCT", "WORK_OF_ART")


@cache
def dictionary_words() -> frozenset[str]:
    """Every word of the parser's English dictionary (any part of speech)."""
    from ..knowledge.casewords import english_words

    return frozenset().union(*english_words().values())


def misread_names(finder: Finder, sent: Any) -> list[Any]:
    """The sentence's capitalised names, in a locative slot, that may be places the NER
    misread: spans of one or more proper nouns, their own place entity or none."""
    out = []
    known = {(s, e) for a in finder.doc.actors if a.kb_id or a.code for s, e in a.mentions}
    for token in sent:
        if token.pos_ != "PROPN" or token.dep_ != "pobj" or token.ent_type_ not in MISREAD_LABELS or \
                not slot(token, finder.cues):
            continue
        start = token.i
        while start > sent.start and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].dep_ == "compound":
            start -= 1
        span = own_entity(finder, token) or token.doc[start:token.i + 1]
        if not span.text[:1].isupper() or not all(t.is_alpha or t.text in ("-", "'") for t in span) or \
                finder.gaz.lookup(span.text) or \
                all(t.lower_ in dictionary_words() for t in span) or \
                any(s < span.end_char and span.start_char < e for s, e in known):
            continue
        out.append(span)
    return out


def own_entity(finder: Finder, token: Any) -> Any:
    """The misread entity of two or more words a name's word is in, when the gazetteer knows it in
    another spelling ("Jisr al-Shughur" tagged as a person, of which "Shughur" is the object), else None."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is None or len(ent) < 2 or not finder.gaz.lookup_spelling(ent.text):
        return None
    return ent


def slot(token: Any, cues: Any) -> bool:
    """Whether a preposition's object stands where a place does: "in X", "near X", and
    "residents of X" (cues `local_people`)."""
    prep = token.head
    if prep.lower_ in cues["misread_preps"]:
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in cues["local_people"]
