"""The country the text ties a place name to (issue 15): "Tripoli, Lebanon", "the
Lebanese city of Tripoli", "Lebanon's Tripoli", "Niger state's Shiroro area". The places
stage passes it to disambiguation (briefgraph.places.resolve) as the name's qualifier."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..places.disambiguate import SMALL_TOWN
from ..places.gazetteer import place_key


def qualifier(gaz: Any, cues: Any, span: Any) -> str | None:
    """The ISO3 country the words around the span tie it to, or None."""
    doc = span.doc
    code = comma_country(gaz, cues, span) or in_state(gaz, cues, span) or near_place(gaz, span)
    if code:
        return code
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and place_noun(cues, root.head.head):
        noun = root.head.head
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                code = gaz.demonym_country(child.text) or state_code(gaz, child.text)
                if code:
                    return code
    for child in root.children:
        if child.dep_ == "poss":
            words = doc[child.left_edge.i:child.i + 1].text
            code = state_code(gaz, child.text) or region_country(gaz, cues, words) or city_country(gaz, words)
            if code:
                return code
    return container_country(gaz, span)


def comma_country(gaz: Any, cues: Any, span: Any) -> str | None:
    """"Tripoli, Lebanon", "Boni, in central Mali", "Kidal, northern Mali": the state a comma
    after the name leads to, over direction words (cues `direction_words`) unless they begin
    the state's own name ("Bor, South Sudan", "Kaesong, North Korea"); else a region's country
    right after the comma (region_at)."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    start = span.end + 1
    code = admin1_at(gaz, doc[start:start + 3], span.text) or \
        state_at(gaz, doc[start:start + 3], span.text)  # "Bor, South Sudan": a state's name before direction words
    start = apposed_in(cues, doc, start)
    limit = start + 4
    while start < len(doc) and start < limit and doc[start].lower_ in cues["direction_words"]:
        start += 1
    return code or state_at(gaz, doc[start:start + 3], span.text) or region_at(gaz, doc[span.end + 1:span.end + 4]) \
        or (region_at(gaz, doc[start:start + 3]) if start > span.end + 1 else None)  # "a village in Plateau state"


def apposed_in(cues: Any, doc: Any, start: int) -> int:
    """"Paris, a market town in western Kenya": the index after the "in" of a town noun (cues
    `town_nouns`) that an article and at most three words after the comma lead to, else `start`."""
    if start >= len(doc) or doc[start].lower_ not in ("a", "an", "the"):
        return start
    for i in range(start + 1, min(start + 5, len(doc) - 1)):
        if doc[i].lower_ in cues["town_nouns"] and doc[i + 1].lower_ == "in":
            return i + 2
        if not doc[i].is_alpha:
            break
    return start


def in_state(gaz: Any, cues: Any, span: Any) -> str | None:
    """"the town of Boni in central Mali", "Kaya in northern Burkina Faso", "Bunia in
    Congo's northeast": the state an "in" right after the name leads to, when a town noun
    and "of" come before the name or a direction word (cues `direction_words`) is said
    ("Gaza in Israel's war" ties nothing); a state's alias ("Congo") ties nothing."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "in":
        return None
    start = span.end + 1
    directed = False
    while start < len(doc) and start < span.end + 5 and doc[start].lower_ in cues["direction_words"] \
            and not state_at(gaz, doc[start:start + 3]):  # "in eastern South Africa"
        directed = directed or doc[start].lower_ not in ("the", "in", "-")
        start += 1
    found = state_words(gaz, doc[start:start + 3])
    if found is None:
        return named_region_at(gaz, cues, doc[start:start + 4])
    state, words = found
    if place_key(state.name) != place_key(words.text):
        return None  # "in eastern Congo": a name two states share, the gazetteer's alias of one
    after = doc[words.end:words.end + 2]
    if len(after) and after[0].lower_ in ("'s", "’s"):
        if len(after) < 2 or after[1].lower_ not in cues["direction_words"]:
            return None
        directed = True
    town = span.start >= 2 and doc[span.start - 1].lower_ == "of" and \
        doc[span.start - 2].lower_ in cues["town_nouns"]
    return state.country if directed or town else None


def leading_names(after: Any) -> Iterator[Any]:
    """The spans of three, two and one words the words start with (longest first), each only when
    the words are that many and the span begins with a capital."""
    for size in (3, 2, 1):
        words = after[:size]
        if len(words) == size and words.text[:1].isupper():
            yield words


def region_at(gaz: Any, after: Any) -> str | None:
    """"Kaura, Kaduna state", "Hyderabad, Sindh", "Delhi, Ontario": the country of a region whose
    capitalised name the words start with (longest first), when every region so named is in that one
    country and no state has the name ("Georgia": a state and a US state; Ontario, California is a
    town, not a region)."""
    for words in leading_names(after):
        places = gaz.lookup(words.text)
        countries = {p.country for p in places if p.kind == "region"}
        if countries and len(countries) == 1 and None not in countries and \
                not any(p.kind == "country" for p in places):
            return countries.pop()
    return None


def named_region_at(gaz: Any, cues: Any, after: Any) -> str | None:
    """"Kuriga in Kaduna state": the country of a region the words name with its region word (cues
    `region_words`) right after its name (region_at)."""
    for size in (4, 3, 2):
        words = after[:size]
        if len(words) == size and words[-1].lower_ in cues["region_words"]:
            return region_at(gaz, words)
    return None


def admin1_at(gaz: Any, after: Any, name: str) -> str | None:
    """"Athens, Georgia", "Holland, Michigan": the country of the place called `name` whose first-level
    region (its gazetteer `admin1`) the capitalised words after the comma name, longest first."""
    for words in leading_names(after):
        countries = {p.country for p in gaz.lookup(name) if p.admin1 and place_key(p.admin1) == place_key(words.text)}
        if len(countries) == 1:
            return countries.pop()
    return None


def near_place(gaz: Any, span: Any) -> str | None:
    """"Kuriga, near Kaduna": the country of the town or region "near" (right after the name or its
    comma) leads to, when every place of that name is in one country and none is a state ("in Kharkiv
    near Russia" ties nothing)."""
    doc = span.doc
    at = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
    if at >= len(doc) or doc[at].lower_ != "near":
        return None
    start = at + 1 + (1 if at + 1 < len(doc) and doc[at + 1].lower_ == "the" else 0)
    for words in leading_names(doc[start:start + 3]):
        if not all(t.text[:1].isupper() for t in words):
            continue
        places = gaz.lookup(words.text)
        countries = {p.country for p in places}
        if places and len(countries) == 1 and None not in countries and not any(p.kind == "country" for p in places):
            return countries.pop()
    return None


def city_country(gaz: Any, name: str) -> str | None:
    """"Beirut's Hamra district": the country of the city a possessive names, when its best known place
    is a town of SMALL_TOWN people or more and no state has the name."""
    places = gaz.lookup(name)
    if not places or any(p.kind == "country" for p in places) or not name[:1].isupper():
        return None
    best = places[0]
    return best.country if best.kind == "city" and best.population >= SMALL_TOWN else None


def state_at(gaz: Any, after: Any, name: str = "") -> str | None:
    """The state whose capitalised name the words start with, longest first."""
    found = state_words(gaz, after, name)
    return found[0].country if found else None


def state_words(gaz: Any, after: Any, name: str = "") -> tuple[Any, Any] | None:
    """The state whose capitalised name the words start with (longest first) and the words
    that name it; of states that share the name ("Congo") the first that has a place called
    `name` ("Brazzaville, Congo": the Republic of the Congo), else the best known."""
    for size in (3, 2, 1):
        words = after[:size]
        states = [p for p in gaz.lookup(words.text) if p.kind == "country"]
        if states and words.text[:1].isupper():
            return shared_state(gaz, states, name), words
    return None


def shared_state(gaz: Any, states: list[Any], name: str) -> Any:
    """Of the states a name may mean, the first that has a place called `name`, else the first."""
    if len(states) > 1 and name:
        countries = {p.country for p in gaz.lookup(name) if p.kind != "country"}
        return next((s for s in states if s.country in countries), states[0])
    return states[0]


def container_country(gaz: Any, span: Any) -> str | None:
    """"the Zzyzx area of Borno state", "the Zzyzx camp in North Darfur": the country of the
    known place the name is said to be in or of, when every place of that name is in one."""
    for prep in span.root.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "in"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                words = span.doc[obj.left_edge.i:obj.i + 1]
                while len(words) > 1 and words[0].lower_ == "the":
                    words = words[1:]
                countries = {p.country for p in gaz.lookup(words.text) if p.country}
                if len(countries) == 1 and words.text[:1].isupper():
                    return countries.pop()
    return None


def region_country(gaz: Any, cues: Any, name: str) -> str | None:
    """The country of a region the text names with its region word ("Niger state's
    Shiroro area": Nigeria's state, not the state of Niger), when only one has that name."""
    if not any(name.lower().endswith(" " + w) for w in cues["region_words"]):
        return None
    countries = {p.country for p in gaz.lookup(name) if p.kind == "region" and p.country}
    return countries.pop() if len(countries) == 1 else None


def place_noun(cues: Any, token: Any) -> bool:
    """Whether the word is a place noun ("port", "districts")."""
    return token.lower_ in cues["place_nouns"] or token.lemma_.lower() in cues["place_nouns"]


def state_code(gaz: Any, name: str) -> str | None:
    """The ISO3 code of the country the name is, or None."""
    states = [p for p in gaz.lookup(name) if p.kind == "country"]
    return states[0].country if states else None
