"""The country rules of the affiliation stage (stages/affiliation.py), in order: where a generic
actor's events happened (the places stage's locations, else the places named in their sentences), the
dateline a wire story was filed from, the one country of all the document's places. The first that
gives one wins; none gives no country (never a guess)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any

from ..places import dateline_country, gazetteer, place_key, resolve
from ..places.disambiguate import SMALL_TOWN
from ..places.small import small_place_country
from ..records import Actor, Analysis, Event
from ..truecase import CaseLexicon
from .place_spans import is_time_word

PLACE_TYPES = frozenset({"GPE", "LOC"})
REGION_TAILS = frozenset({"state", "province", "region", "district"})  # "Rivers state police"
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})  # "near the border with Niger": not in Niger

CountryRule = Callable[[Analysis, Actor], str | None]
CountryRules = tuple[tuple[str, CountryRule], ...]

def sentence_start(doc: Analysis, start: int, end: int) -> int | None:
    sent = sentence_at(doc, start, end)
    return sent.start_char if sent is not None else None


def sentence_at(doc: Analysis, start: int, end: int) -> Any:
    """The parsed sentence holding the characters [start, end), or None (no parse, no token)."""
    span = doc.nlp.char_span(start, end, alignment_mode="expand") if doc.nlp is not None else None
    return span.sent if span is not None else None



def from_location(doc: Analysis, actor: Actor, preps: frozenset[str],
                  lexicon: Callable[[], CaseLexicon] | None = None, routes: frozenset[str] = frozenset()) -> str | None:
    """The country where most of its events happened (ties: the first named): the
    events' locations, else the places named in its events' sentences (a town or
    region before a country: "crossed into Moldova near Odesa" happened in Ukraine),
    else the places named after one of `preps` (words.txt `locative_preps`) there, else the
    places opening a noun phrase there ("Kandahar residents": `compound_place_countries`)."""
    events = [e for e in doc.events if actor.id in (e.source, e.target)]
    countries = [e.location.country for e in events
                 if e.location is not None and e.location.country and e.location.how != "dateline"]
    if not countries:
        countries = sentence_place_countries(doc, events)
    if not countries:
        countries = prepositional_place_countries(doc, events, preps, lexicon, routes)
    if not countries:
        countries = compound_place_countries(doc, events)
    return Counter(countries).most_common(1)[0][0] if countries else None


def small_town_place(doc: Analysis, actor: Actor, preps: frozenset[str]) -> str | None:
    """Last of the rules, when no other gave a country: "farmers in Mangu" (a town the gazetteer lacks, no
    place entity): the country of the small towns (places/small.py) its events' places without a country,
    else the proper nouns after one of `preps` in their sentences, name, when all are in one."""
    events = [e for e in doc.events if actor.id in (e.source, e.target)]
    names = [e.location.name for e in events if e.location is not None and not e.location.country]
    for e in events if doc.nlp is not None else ():
        sent = sentence_at(doc, e.evidence.start, e.evidence.end)
        names += [doc_text(run) for tok in sent or () if tok.dep_ == "pobj" and tok.head.lower_ in preps
                  for run in [[t for t in place_words(tok) if t.pos_ == "PROPN" and not is_time_word(t)]] if run]
    countries = {small_place_country(name) for name in names} - {None}
    return countries.pop() if len(countries) == 1 else None


def compound_place_countries(doc: Analysis, events: list[Event]) -> list[str]:
    """"Kandahar residents said gunmen had killed two teachers", "Borno farmers said soldiers ...":
    the countries of the places these events' sentences name only as the words opening a noun phrase
    (compounds before its noun), which no stage made a place, read as a generic name's opening
    words are (`name_place_country`: regions and features of one country, else towns of SMALL_TOWN
    people of that very name; words the NER calls an organisation or a person, NAMED_BODIES, only as
    regions: "Toyota workers" are no town's)."""
    if doc.nlp is None:
        return []
    found: list[str] = []
    for e in events:
        sent = sentence_at(doc, e.evidence.start, e.evidence.end)
        for tok in sent if sent is not None else ():
            opening = [t for t in tok.children if t.dep_ == "compound" and t.i < tok.i]
            if tok.pos_ == "NOUN" and opening:
                words = sent.doc[opening[0].left_edge.i:tok.i + 1]
                named = any(ent.label_ in NAMED_BODIES and ent.start < tok.i and ent.end > words.start
                            for ent in sent.doc.ents)
                country = name_place_country(words.text, towns=not named)
                if country:
                    found.append(country)
    return found


def prepositional_place_countries(doc: Analysis, events: list[Event], preps: frozenset[str],
                                  lexicon: Callable[[], CaseLexicon] | None = None,
                                  routes: frozenset[str] = frozenset()) -> list[str]:
    """Countries of the gazetteer places named after `preps` (in, at, near ...) in these events'
    sentences that no stage made a place ("in Datu Piang" tagged a person, "in Ye-U
    township", "villagers in mae sot district", "students at the university of Dhaka"), or
    named on a road (`on_route`: "on the Abuja-Kaduna highway", an organisation to the NER): the
    longest run of proper nouns there, else a place written in lower case in a cased sentence
    (`lower_place_country`)."""
    if doc.nlp is None:
        return []
    found: list[str] = []
    for e in events:
        sent = sentence_at(doc, e.evidence.start, e.evidence.end)
        if sent is None:
            continue
        for tok in sent:
            if tok.dep_ == "pobj" and (tok.head.lower_ in preps or on_route(tok, routes)):
                country = _run_country(place_words(tok)) or (
                    lower_place_country(tok, lexicon) if lexicon is not None else None)
                if country:
                    found.append(country)
    return found


ROUTE_PREPS = frozenset({"on", "along"})


def on_route(tok: Any, routes: frozenset[str]) -> bool:
    """"on the Abuja-Kaduna highway", "along the Kabul-Jalalabad road": a road (places/cues.txt
    `route_nouns`) after "on" or "along" is where its sentence happened."""
    return tok.head.lower_ in ROUTE_PREPS and tok.lemma_.lower() in routes


def place_words(tok: Any) -> list[Any]:
    """The words of the phrase a preposition's object heads, up to it and through an "of" after it
    ("in mae sot district", "at the university of Dhaka", "in the port city of Mombasa")."""
    words = [t for t in tok.subtree if t.i <= tok.i]
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i > tok.i:
            words.extend(child.subtree)
    return words


def _run_country(tokens: list[Any]) -> str | None:
    """The country of the longest run of proper nouns among `tokens` the gazetteer knows; of two
    as long, the later ("the University of Lagos": Lagos, not a town named University)."""
    runs: list[list[Any]] = [[]]
    for t in tokens:
        if (t.pos_ == "PROPN" and not is_time_word(t)) or (t.text == "-" and runs[-1]):
            runs[-1].append(t)
        elif runs[-1]:
            runs.append([])
    for run in sorted(reversed(runs), key=len, reverse=True):
        while run and run[-1].text == "-":
            run = run[:-1]
        if run:
            place = resolve(doc_text(run))
            if place is not None and place.country:
                return place.country
            joined = joined_places_country(doc_text(run))
            if joined:
                return joined
    return None


def joined_places_country(name: str) -> str | None:
    """"the Delhi-Jaipur highway", "on the Abuja-Kaduna road": a name the gazetteer lacks that joins
    two or more places by hyphens is in their country when they all have the same one."""
    parts = [p.strip() for p in re.split(r"[-–]", name)]
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return None
    countries = set()
    for part in parts:
        place = resolve(part)
        if place is None or not place.country:
            return None
        countries.add(place.country)
    return countries.pop() if len(countries) == 1 else None


def lower_place_country(tok: Any, lexicon: Callable[[], CaseLexicon]) -> str | None:
    """"Shopkeepers in srinagar downed their shutters": a place name left in lower case (the truecasing
    step restores case only in case-less texts), when the case lexicon knows the words as a name and
    none of them is a dictionary word or one our texts write in lower case (so "in march" is no
    place)."""
    words = [t for t in tok.subtree if t.i <= tok.i and (t.i == tok.i or t.dep_ == "compound")]
    if not words or any(not t.is_lower or not t.is_alpha for t in words):
        return None
    key = tuple(t.lower_ for t in words)
    case = lexicon()  # built on first use: only a lower-case prepositional object asks for it
    form = case.names.get(key)
    if form is None or not all(case.unknown(w) for w in key):
        return None
    place = resolve(" ".join(form))
    return place.country if place is not None and place.country else None


def doc_text(tokens: list[Any]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def sentence_place_countries(doc: Analysis, events: list[Event]) -> list[str]:
    """Countries of the places named in the sentences of these events, the places below
    country level first."""
    if doc.nlp is None:
        return []
    spans = []
    for e in events:
        sent = sentence_at(doc, e.evidence.start, e.evidence.end)
        if sent is not None:
            spans.append((sent.start_char, sent.end_char))
    found: list[tuple[bool, str]] = []
    for actor in doc.actors:
        if actor.type not in PLACE_TYPES or actor.category:  # a state named through its forces: no place
            continue
        for start, end in actor.mentions:
            if any(s <= start and end <= e for s, e in spans) and not across_border(doc, start, end):
                country, is_country = place_country(actor)
                country = paired_country(doc, start, end, actor.name) or country
                if country:
                    found.append((is_country, country))
    smaller = [c for is_country, c in found if not is_country]
    return smaller or [c for _, c in found]


def across_border(doc: Analysis, start: int, end: int) -> bool:
    """"near the border with Niger": the place over a border (BORDER_NOUNS) from where the
    sentence happened, so not where its actors are."""
    span = doc.nlp.char_span(start, end, alignment_mode="expand") if doc.nlp is not None else None
    if span is None:
        return False
    node = span.root
    while node.dep_ == "conj" and node.head.i != node.i:  # "the borders with Chad and Niger"
        node = node.head
    prep = node.head
    return node.dep_ == "pobj" and prep.lower_ == "with" and prep.head.lemma_.lower() in BORDER_NOUNS


def paired_country(doc: Analysis, start: int, end: int, name: str) -> str | None:
    """"clashes between Moura and Mopti": of two places a "between" joins, a town of under SMALL_TOWN
    people (a namesake abroad) is in the country of the other when that one is a region or a town of
    SMALL_TOWN people or more elsewhere; None when the pair agrees or no such pair."""
    span = doc.nlp.char_span(start, end, alignment_mode="expand") if doc.nlp is not None else None
    if span is None:
        return None
    node = span.root
    if node.dep_ == "conj" and node.head.dep_ == "pobj" and node.head.head.lower_ == "between":
        other = node.head
    elif node.dep_ == "pobj" and node.head.lower_ == "between":
        other = next((c for c in node.children if c.dep_ == "conj"), None)
    else:
        return None
    if other is None:
        return None
    first = other.i
    while first > 0 and other.doc[first - 1].dep_ in ("compound", "flat") and other.doc[first - 1].head.i == other.i:
        first -= 1
    here, there = resolve(name), resolve(other.doc[first:other.i + 1].text)
    if here is None or there is None or here.kind != "city" or here.population >= SMALL_TOWN or \
            not there.country or there.country == here.country or there.kind == "country":
        return None
    return there.country if there.kind != "city" or there.population >= SMALL_TOWN else None


def place_country(actor: Actor) -> tuple[str | None, bool]:
    """A place actor's country and whether the place is a country itself."""
    if actor.kb_id is not None and actor.country:
        return actor.country, actor.kb_id == actor.country
    place = resolve(actor.name)
    if place is None:
        return actor.country or joined_places_country(actor.name), False
    return place.country or actor.country, place.kind == "country"


def own_name_place(doc: Analysis, actor: Actor) -> str | None:
    """"Kachin rebels", "Chiapas teachers", "Rivers state police": the country of the place the
    generic actor's own name opens with (its capitalised words before the head noun), when the
    gazetteer knows them as regions or features of one country, else by that very name as towns of
    SMALL_TOWN people or more of one country (`name_place_country`); also when the NER cut the place
    off as an entity of its own right before the actor ("Khyber Pakhtunkhwa police": an ORG, then
    "police"; `region_prefixed_names`)."""
    countries = {name_place_country(name) for name in [actor.name, *region_prefixed_names(doc, actor)]} - {None}
    return countries.pop() if len(countries) == 1 else None


def name_place_country(full_name: str, towns: bool = True) -> str | None:
    """The one country of the regions and features a generic name opens with, else (with `towns`) of
    the towns of SMALL_TOWN people or more of that very name, else None."""
    words = full_name.split()
    start = next((i for i, w in enumerate(words[:-1]) if w[:1].isupper()), None)
    if start is None:
        return None
    end = start
    while end < len(words) - 1 and (words[end][:1].isupper() or words[end].lower() in REGION_TAILS):
        end += 1
    name = " ".join(words[start:end])
    key = place_key(name)
    places = gazetteer().lookup(name)
    areas = {p.country for p in places if p.kind in ("region", "feature")}
    cities = {p.country for p in places
              if towns and p.kind == "city" and p.population >= SMALL_TOWN and place_key(p.name) == key}
    countries = areas or cities  # a region before a namesake town abroad: "Ontario truckers" (not Ontario, California)
    return countries.pop() if len(countries) == 1 and None not in countries else None


NAMED_TYPES = frozenset({"ORG", "GPE", "LOC"})
NAMED_BODIES = frozenset({"ORG", "PERSON", "PRODUCT", "FAC", "WORK_OF_ART"})  # NER labels of no town's name


def region_prefixed_names(doc: Analysis, actor: Actor) -> list[str]:
    """The actor's name with the named entity (ORG, GPE or LOC, no state's forces) whose mention
    ends one space before one of its mentions put in front: "Khyber Pakhtunkhwa police"."""
    out = []
    for start, _end in actor.mentions:
        for other in doc.actors:
            if other.id == actor.id or other.type not in NAMED_TYPES or other.category:
                continue
            s = next((s for s, e in other.mentions if e == start - 1 and doc.text[e:start] == " "), None)
            if s is not None:
                out.append(doc.text[s:start] + actor.name)
    return out


def partner_place(doc: Analysis, actor: Actor, abroad: Callable[[Actor], bool] = lambda a: False) -> str | None:
    """"Rivers state police arrested 40 youths": a generic actor of a sentence that names no place
    is in the country of the place another generic actor of its events is named by (`own_name_place`),
    when those partners name one country; people `abroad` ("Darfur refugees") say nothing of where
    their partners are."""
    ids = {e.target if e.source == actor.id else e.source for e in doc.events
           if actor.id in (e.source, e.target)} - {actor.id, None}
    partners = [a for a in doc.actors if a.id in ids and a.type in ("GROUP", "PERSON") and a.kb_id is None
                and not abroad(a)]
    countries = {own_name_place(doc, a) for a in partners} - {None}
    return countries.pop() if len(countries) == 1 else None


def from_dateline(doc: Analysis, actor: Actor) -> str | None:
    """The country of the place a wire story was filed from."""
    return dateline_country(doc.text, doc.document.datelines) if doc.document is not None else None


def from_document(doc: Analysis, actor: Actor) -> str | None:
    """The one country of all the document's places and states, when there is one (a state
    named only through its forces, "Ugandan police", is those forces, not a place of the story;
    a place only over a border, "near the border with Niger", is not where the story is)."""
    countries = {place_country(a)[0] for a in doc.actors if a.type in PLACE_TYPES and not a.category
                 and not (a.mentions and all(across_border(doc, s, e) for s, e in a.mentions))} - {None}
    return countries.pop() if len(countries) == 1 else None


def country_rules(locative_preps: frozenset[str], lexicon: Callable[[], CaseLexicon] | None = None,
                  routes: frozenset[str] = frozenset(),
                  abroad: Callable[[Actor], bool] = lambda a: False) -> CountryRules:
    """The country rules in order, the location rule reading places after `locative_preps`
    (words.txt, "in Ye-U township") or on `routes` (places/cues.txt `route_nouns`) and lower-case
    places by the case `lexicon` (built when first asked for); the partner rule skips partners `abroad`
    (refugees, foreign troops)."""
    return (("location", own_name_place),
            ("location", partial(from_location, preps=locative_preps, lexicon=lexicon, routes=routes)),
            ("location", partial(partner_place, abroad=abroad)),
            ("dateline", from_dateline),
            ("document", from_document),
            ("location", partial(small_town_place, preps=locative_preps)))
