"""Goldstein weights of CAMEO codes for events whose record carries none
(hand-made records, records from older versions).

The weights are the events stage's knowledge (knowledge/events/goldstein.txt),
read through its public lookup so that the store and the extractor never
disagree about a code's weight.
"""

from __future__ import annotations


def goldstein(cameo: str | None) -> float | None:
    """The weight of a CAMEO code (its longest listed prefix's), None when unknown."""
    if not cameo:
        return None
    from ..knowledge.codes import goldstein_of

    return goldstein_of(str(cameo).strip())
