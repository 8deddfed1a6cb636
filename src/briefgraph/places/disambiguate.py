"""Choosing one place among those of the same name. Each rule is a small named
function from the candidates to the ones it prefers (or all of them when it has no
opinion); `resolve` applies `RULES` in order until one candidate is left.

  explicit_country   the text says which: "Tripoli, Lebanon", "the Lebanese city of Tripoli"
  named_bigger_own_name  a place of this very name in a country the document names beats
                     a smaller place only called so among other names (Monterrey, Mexico,
                     not Monterey, California)
  document_countries the country the document is about: Georgia in a story of Tbilisi
                     and Baku is the state, in a story of Atlanta the US state; Tripoli
                     in a story of Beirut is the Lebanese city; a namesake under 1% of
                     the biggest place's size needs its country named twice (one stray
                     US mention does not make Lima the Ohio town)
  own_name_first     a place the name is the own name of beats one it is only an
                     alternate name of (Islamabad the capital, not a village called so
                     among other names)
  states_first       a state's name means the state (Georgia, Armenia, Lebanon)
  regions_over_towns a region's name means the region, not a small town abroad so called
                     (Kasai, the Congolese province, not a Japanese town of 42,000)
  most_populous      else the biggest place of that name
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .gazetteer import Place, gazetteer, place_key


class DocumentCountries(Counter):
    """How often the document names each country (ISO3) through its actors and
    unambiguous places; `qualifier` is the country the text ties this mention to."""

    def __init__(self, counts=None, qualifier: str | None = None, name: str | None = None):
        super().__init__(counts or {})
        self.qualifier = qualifier
        self.name = name  # the name as the text writes it, set by `resolve`

    def with_qualifier(self, qualifier: str | None) -> DocumentCountries:
        return DocumentCountries(self, qualifier, self.name)


Rule = Callable[[list[Place], DocumentCountries], list[Place]]


def explicit_country(candidates: list[Place], context: DocumentCountries) -> list[Place]:
    if not context.qualifier:
        return candidates
    return [p for p in candidates if p.country == context.qualifier] or candidates


def _weight(place: Place, context: DocumentCountries, top: int) -> int:
    """How much the document speaks for a place's country: a namesake under 1% of the
    biggest place's size (Lima, Ohio beside Lima, Peru) needs its country named twice."""
    count = context.get(place.country, 0) if place.country else 0
    return count if count >= 2 or place.kind != "city" or place.population * 100 >= top else 0


def own_name_first(candidates: list[Place], context: DocumentCountries) -> list[Place]:
    if not context.name:
        return candidates
    key = place_key(context.name)
    return [p for p in candidates if place_key(p.name) == key] or candidates


def named_bigger_own_name(candidates: list[Place], context: DocumentCountries) -> list[Place]:
    """A place of this very name in a country the document names beats a smaller namesake
    only called so among its other names (Monterrey in a text naming Mexico and the United
    States is Mexico's city, not Monterey, California; Odesa, bigger, stays beside Odessa, Texas)."""
    if not context.name:
        return candidates
    key = place_key(context.name)
    own = [p for p in candidates if place_key(p.name) == key and p.country and context.get(p.country, 0) > 0]
    if not own:
        return candidates
    top = max(p.population for p in own)
    return [p for p in candidates if place_key(p.name) == key or p.population > top]


def document_countries(candidates: list[Place], context: DocumentCountries) -> list[Place]:
    top = max(p.population for p in candidates)
    weights = {p: _weight(p, context, top) for p in candidates if p.country}
    scores: dict[str | None, int] = {}
    for place, weight in weights.items():
        scores[place.country] = max(scores.get(place.country, 0), weight)
    if not scores:
        return candidates
    best = max(scores.values())
    if best <= 0 or list(scores.values()).count(best) == len(scores):
        return candidates
    return [p for p in candidates if p.country and scores[p.country] == best]


def states_first(candidates: list[Place], context: DocumentCountries) -> list[Place]:
    return [p for p in candidates if p.kind == "country"] or candidates


SMALL_TOWN = 100_000  # a town under this size abroad yields to a region of its name


def regions_over_towns(candidates: list[Place], context: DocumentCountries) -> list[Place]:
    """A region (the gazetteer knows most regions' population as 0, unknown) beats the towns of
    its name under SMALL_TOWN in other countries."""
    countries = {p.country for p in candidates if p.kind == "region" and p.country}
    if not countries:
        return candidates
    return [p for p in candidates
            if p.kind != "city" or p.country in countries or p.population >= SMALL_TOWN] or candidates


def most_populous(candidates: list[Place], context: DocumentCountries) -> list[Place]:
    top = max(p.population for p in candidates)
    return [p for p in candidates if p.population == top][:1]


RULES: tuple[Rule, ...] = (explicit_country, named_bigger_own_name, document_countries, own_name_first, states_first,
                           regions_over_towns, most_populous)


def resolve(name: str, context: DocumentCountries | None = None, candidates: list[Place] | None = None
            ) -> Place | None:
    """The place `name` stands for in a document, or None if the gazetteer has none."""
    found = candidates if candidates is not None else gazetteer().lookup(name)
    if not found:
        return None
    context = DocumentCountries(context, context.qualifier, name) if context is not None else \
        DocumentCountries(name=name)
    for rule in RULES:
        if len(found) == 1:
            break
        found = rule(found, context)
    return found[0]
