"""The token spans the places stage reads as place names (issue 15): the NER's places,
the actors stage's places, proper nouns in a place slot, and a town the NER took for a
person ("gunmen in Datu Piang"); and the spans of people and organisations, whose words
are no place."""

from __future__ import annotations

from typing import Any

PLACE_LABELS = ("GPE", "LOC", "FAC")


def candidate_spans(doc: Any, gaz: Any, cues: Any) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(token spans that may name a place, character spans of people and organisations)."""
    nlp = doc.nlp
    spans: list[tuple[int, int]] = [(ent.start, ent.end) for ent in nlp.ents if ent.label_ in PLACE_LABELS]
    for start, end in [m for a in doc.actors if a.type in ("GPE", "LOC") for m in a.mentions]:
        span = nlp.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans.append((span.start, span.end))
    for token in nlp:  # proper nouns in a place slot that the NER missed ("near Niangoloko")
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            continue  # "North" of "North Waziristan" is no place of its own
        if token.pos_ == "PROPN" and token.dep_ in ("pobj", "compound", "dobj") \
                and token.ent_type_ not in ("DATE", "TIME"):  # "in March" is no town
            left = min([token.i] + [c.i for c in token.children
                                    if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"])  # "Cox's Bazar"
            spans.append((left, token.i + 1))
    people = [(s, e) for a in doc.actors if a.type not in ("GPE", "LOC") for s, e in a.mentions]
    return spans, people

