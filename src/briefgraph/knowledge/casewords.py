"""The names a case-less text gets its capitals back for (see briefgraph/truecase.py):
the actor knowledge base (names, aliases, demonyms, metonyms), the places of the
gazetteer (their names, also without accents; a town of fewer than 15,000 people only
when no word of its name is in the dictionary),
month and weekday names; and the word lists that guard common words
(knowledge/truecase/common-words.txt, keep-lower.txt, the English dictionary of the
parser's lemmatizer), the nouns a state acronym modifies, the place nouns."""

from __future__ import annotations

import calendar
import unicodedata
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from ..truecase import CaseLexicon
from .files import data_path, read_data_lines
from .kb import ActorKnowledge
from .wordlists import WordLists

MIN_TOWN_POPULATION = 15000
MIN_LARGE_POPULATION = 100000
MAX_ALIAS_WORDS = 3
ACRONYM_HEAD_KINDS = ("organ", "institution", "group", "sector", "facility", "agent")
MONTH_ABBREVIATIONS = ("sept",)


def build_case_lexicon(actors: ActorKnowledge, place_cues: WordLists | None = None,
                       english: dict[str, frozenset[str]] | None = None) -> CaseLexicon:
    """`english`: the dictionary's words by part of speech ("noun", "verb", "adj", "adv")."""
    english = english or {}
    months = [m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:], *MONTH_ABBREVIATIONS)]
    return CaseLexicon.build(
        _names(actors, english),
        common=[*(w.lower() for w in read_data_lines(data_path("truecase/common-words.txt"))), *STOP_WORDS],
        keep_lower=(w.lower() for w in read_data_lines(data_path("truecase/keep-lower.txt"))),
        titles=(word for word, title in actors.titles.items() if title.head),
        acronym_heads=_acronym_heads(actors),
        months=months,
        place_nouns=(w for w in (place_cues["place_nouns"] if place_cues else ()) if " " not in w),
        region_words=(place_cues["region_words"] if place_cues else ()),
        english=frozenset().union(*english.values()),
        minor=(w.lower() for w in read_data_lines(data_path("truecase/title-minor-words.txt"))),
    )


def _acronym_heads(actors: ActorKnowledge) -> Iterator[str]:
    for kind in ACRONYM_HEAD_KINDS:
        yield from (w for w in actors.nouns.get(kind, {}) if " " not in w)
    yield from (w for w in actors.agents if " " not in w)


def _names(actors: ActorKnowledge, english: dict[str, frozenset[str]]) -> Iterator[str]:
    yield from calendar.month_name[1:]
    yield from calendar.day_name
    for entry in actors.kb.entries.values():
        yield from (entry.name, *entry.aliases, *entry.demonyms, *entry.metonyms)
        yield from (d + "s" for d in entry.demonyms if d.endswith(("an", "i")))
    nouns = english.get("noun", frozenset())
    other_words = frozenset().union(*(words for pos, words in english.items() if pos != "noun")) - nouns
    yield from _place_names(other_words, nouns | other_words)
    yield from _place_aliases(other_words)


def _place_names(words: frozenset[str], dictionary: frozenset[str]) -> Iterator[str]:
    """The gazetteer's names; also without accents ("Kandahar"), unless that is a verb or an
    adjective ("Comé" -> "come"); a smaller town only when no word of its name is in the
    dictionary ("Arbinda", not "Mission")."""
    from ..places import gazetteer

    for place in gazetteer().places:
        small = place.kind == "city" and place.population < MIN_TOWN_POPULATION
        if small and any(w.lower() in dictionary for w in place.name.split()):
            continue
        yield place.name
        plain = _without_accents(place.name)
        if plain != place.name and plain.lower() not in words:
            yield plain


def _place_aliases(other_words: frozenset[str]) -> Iterator[str]:
    """The other names of the gazetteer's places (its lookup keys: "basra", "chittagong",
    "pernambuco"), capitalised, for countries, regions, features and cities of 100,000
    people or more (fewer names: the table is built while a document waits); never one whose
    words are all verbs, adjectives, adverbs of the dictionary or stop words (the dictionary's
    nouns hold the names of large places)."""
    import csv
    import gzip

    with gzip.open(data_path("places/gazetteer.tsv.gz"), "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["kind"] == "city" and int(row["population"] or 0) < MIN_LARGE_POPULATION:
                continue
            for key in row["keys"].split("|"):
                words = key.split()
                if 0 < len(words) <= MAX_ALIAS_WORDS and not all(w in STOP_WORDS or w in other_words for w in words):
                    yield " ".join(w if w in STOP_WORDS else w.capitalize() for w in words)


def _without_accents(name: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain if len(plain) == len(name) else name


def english_words() -> dict[str, frozenset[str]]:
    """The words of the parser's lemmatizer dictionary (WordNet lemmas) by part of speech, with
    their irregular forms ("struck", "children", "fled"): words a text in lower case may hold
    that are no unknown name ("restive", "remote")."""
    from spacy.strings import get_string_id

    from ..nlp import load_nlp

    lookups = load_nlp().get_pipe("lemmatizer").lookups
    index, irregular = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    return {pos: frozenset(w for table in (index, irregular) for w in table.get(get_string_id(pos), ()) if w.isalpha())
            for pos in ("noun", "verb", "adj", "adv")}
