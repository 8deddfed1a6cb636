"""The token spans the places stage reads as place names (issue 15): the NER's places,
the actors stage's places, proper nouns in a place slot, and a town the NER took for a
person ("gunmen in Datu Piang"); and the spans of people and organisations, whose words
are no place."""

from __future__ import annotations

from typing import Any

from ..dateparse import MONTHS
from ..places import gazetteer, place_key

PLACE_LABELS = ("GPE", "LOC", "FAC")
TIME_LABELS = ("DATE", "TIME")
# "january" ... "december": the full month names of dateparse.MONTHS
MONTH_NAMES = frozenset(max((k for k in MONTHS if MONTHS[k] == n), key=len) for n in set(MONTHS.values()))


def is_time_word(token: Any) -> bool:
    """"in March" (the NER's date), "arrested 12 people in march" (a month name in lower case, which a
    caseless text keeps after truecasing and the NER does not read as a date): no town; a town the
    NER took for a date is none (`misread_date`)."""
    if token.ent_type_ in TIME_LABELS:
        return not misread_date(token)
    return token.is_lower and token.lower_ in MONTH_NAMES


MISREAD_DATE_TOWN = 20_000  # a town of this size or more by its own name: "Lent" (9,000 people) stays a date
SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})  # "in Spring": Spring, Texas is no date's place


def misread_date(token: Any) -> bool:
    """"protesters in Turbat on Monday", "in Mbarara on Friday": a date the NER made of one capitalised
    proper noun a preposition governs, no month or weekday, that the gazetteer knows by its own name
    as a town of MISREAD_DATE_TOWN people or more or a region ("in Ramadan", "in Dawn": aliases only)."""
    if token.pos_ != "PROPN" or token.dep_ != "pobj" or not token.text[:1].isupper() or \
            token.lower_ in MONTH_NAMES or token.lower_ in SEASONS or token.lower_.endswith("day"):
        return False
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is None or len(ent) != 1:
        return False
    key = place_key(token.text)
    return any(place_key(p.name) == key and (p.kind == "region" or (
        p.kind == "city" and p.population >= MISREAD_DATE_TOWN)) for p in gazetteer().lookup(token.text))


def candidate_spans(doc: Any, gaz: Any, cues: Any) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(token spans that may name a place, character spans of people and organisations)."""
    nlp = doc.nlp
    spans: list[tuple[int, int]] = [(ent.start, ent.end) for ent in nlp.ents if ent.label_ in PLACE_LABELS]
    misread = [(s, e) for a in doc.actors if a.type == "PERSON" for s, e in a.mentions
               if misread_person(nlp, gaz, cues, s, e)]
    for start, end in [m for a in doc.actors if a.type in ("GPE", "LOC") for m in a.mentions] + misread:
        span = nlp.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans.append((span.start, span.end))
    for token in nlp:  # proper nouns in a place slot that the NER missed ("near Niangoloko")
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            continue  # "North" of "North Waziristan" is no place of its own
        if token.pos_ == "PROPN" and token.dep_ in ("pobj", "compound", "dobj") and not is_time_word(token):
            left = min([token.i] + [c.i for c in token.children
                                    if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"])  # "Cox's Bazar"
            spans.append((left, token.i + 1))
    spans += named_before_place_noun(nlp, cues)
    spans += hyphen_joined(nlp)
    spans += [(t.i - 1, t.i + 1) for t in nlp if t.lower_ in cues["demonym_place_nouns"] and t.i > 0
              and nlp[t.i - 1].dep_ == "amod" and nlp[t.i - 1].head.i == t.i]  # "the Libyan coast"
    # a group named by a common noun ("Kathmandu's public hospitals") holds no name of its own
    people = [(s, e) for a in doc.actors if a.type not in ("GPE", "LOC", "GROUP") for s, e in a.mentions
              if (s, e) not in misread]
    return spans, people


def named_before_place_noun(nlp: Any, cues: Any) -> list[tuple[int, int]]:
    """"in Ye-U township": capitalised words (joined by hyphens) right before a place noun,
    which the NER and the parse may split into odd pieces; one modifier may stand between
    them ("Korangi industrial area", cues `place_noun_modifiers`)."""
    spans = []
    for token in nlp:
        if token.lower_ not in cues["named_place_nouns"] or token.i == 0:
            continue
        left = token.i
        if left > 1 and nlp[left - 1].lower_ in cues["place_noun_modifiers"] and nlp[left - 2].text[:1].isupper():
            left -= 1  # "Korangi industrial area"
        while left > 0 and (nlp[left - 1].text[:1].isupper() or (  # "Ye-U", "Complexo da Maré"
                left > 1 and left < token.i and nlp[left - 2].text[:1].isupper() and
                (nlp[left - 1].text == "-" or nlp[left - 1].text in cues["name_particles"]))):
            left -= 1
        if left < token.i and nlp[left].i != nlp[left].sent.start:
            spans.append((left, token.i + 1))
    return spans


def hyphen_joined(nlp: Any) -> list[tuple[int, int]]:
    """"Croix-des-Bouquets", "Port-au-Prince": a capitalised word joined by hyphens written
    tight to the words after it, which the tokeniser and the NER split ("Croix" alone is a
    French place); the whole is a candidate, a place only if the gazetteer knows it."""
    spans = []
    i = 0
    while i < len(nlp):
        end = i + 1
        while end + 1 < len(nlp) and nlp[end].text == "-" and not nlp[end - 1].whitespace_ \
                and not nlp[end].whitespace_ and nlp[end + 1].is_alpha:
            end += 2
        if end > i + 1 and nlp[i].text[:1].isupper():
            spans.append((i, end))
        i = end
    return spans


def misread_person(nlp: Any, gaz: Any, cues: Any, start: int, end: int) -> bool:
    """A name of two words or more tagged as a person that stands where a town does: the
    object of "in", "near" or "at", and a town of the gazetteer, with or without a place
    noun after it ("shot dead by gunmen in Datu Piang", "villagers in Mae Sot district")."""
    span = nlp.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if len(span) > 2 and span[-1].lower_ in cues["named_place_nouns"]:
        span = span[:-1]
    root = span.root if span.root.dep_ != "compound" else span.root.head
    return len(span) >= 2 and root.dep_ == "pobj" and root.head.lower_ in ("in", "near", "at") \
        and any(p.kind == "city" for p in gaz.lookup(span.text))


def before_place_noun(gaz: Any, cues: Any, span: Any, countries: Any) -> list[Any]:
    """"Mae Sot district", "Ye-U township": a town the gazetteer knows, named with a place
    noun its entry lacks, in a country the document names (never a foreign namesake)."""
    if len(span) < 2 or span[-1].lower_ not in cues["named_place_nouns"]:
        return []
    towns = [p for p in gaz.lookup(span[:-1].text) if p.kind == "city"]
    named = [p for p in towns if countries.get(p.country)]
    if named or len(towns) != 1 or any(countries.values()):
        return named
    return towns  # the only town of the name, in a text that names no country


def foreign_attribute(span: Any, place: Any, countries: Any, cues: Any) -> bool:
    """A town's name used as the attribute of a common noun ("near the Hilton roundabout")
    in a country the document never names while it names others: a namesake (a hotel, a
    brand), no place."""
    root = span.root
    if root.dep_ != "compound" or root.head.pos_ != "NOUN" or place.kind != "city":
        return False
    head = root.head.lower_
    if any(head in cues[name] for name in ("place_nouns", "named_place_nouns", "route_nouns", "facility_nouns")):
        return False
    return any(countries.values()) and not countries.get(place.country)
