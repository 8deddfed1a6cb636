"""The names a case-less text gets its capitals back for (see briefgraph/truecase.py):
the actor knowledge base (names, aliases, demonyms, metonyms), the places of the
gazetteer that are countries, regions, features or towns of 15,000 people or more,
month and weekday names; and the word lists that guard common words
(knowledge/truecase/common-words.txt, keep-lower.txt)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from ..truecase import CaseLexicon
from .files import data_path, read_data_lines
from .kb import ActorKnowledge

MIN_TOWN_POPULATION = 15000


def build_case_lexicon(actors: ActorKnowledge) -> CaseLexicon:
    return CaseLexicon.build(
        _names(actors),
        common=[*(w.lower() for w in read_data_lines(data_path("truecase/common-words.txt"))), *STOP_WORDS],
        keep_lower=(w.lower() for w in read_data_lines(data_path("truecase/keep-lower.txt"))),
        titles=(word for word, title in actors.titles.items() if title.head),
    )


def _names(actors: ActorKnowledge) -> Iterator[str]:
    yield from calendar.month_name[1:]
    yield from calendar.day_name
    for entry in actors.kb.entries.values():
        yield from (entry.name, *entry.aliases, *entry.demonyms, *entry.metonyms)
        yield from (d + "s" for d in entry.demonyms if d.endswith(("an", "i")))
    from ..places import gazetteer

    for place in gazetteer().places:
        if place.kind != "city" or place.population >= MIN_TOWN_POPULATION:
            yield place.name
