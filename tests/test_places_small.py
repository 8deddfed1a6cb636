"""places/small.py: the small towns the gazetteer lacks, asked only for a country."""

from __future__ import annotations

from briefgraph.places.gazetteer import Place, gazetteer
from briefgraph.places.small import small_place_country, small_places, spelled_country
from conftest import analyse_text

TOWNS = {"mangu": frozenset({"NGA"}), "moura": frozenset({"PRT", "MLI"})}


def test_a_small_town_of_one_country_gives_it():
    assert small_place_country("Mangu", towns=TOWNS) == "NGA"
    assert small_place_country("Moura", towns=TOWNS) is None, "towns of two countries: no country"
    assert small_place_country("Nowhere", towns=TOWNS) is None


def test_a_document_naming_countries_keeps_only_theirs():
    assert small_place_country("Moura", {"MLI": 2}, towns=TOWNS) == "MLI"
    assert small_place_country("Mangu", {"CHN": 1}, towns=TOWNS) is None, "no namesake abroad of the document"


def test_the_shipped_small_places():
    towns = small_places()
    assert towns.get("parachinar") == frozenset({"PAK"}), "a seat GeoNames lists with no population"
    assert towns.get("tal afar") == towns.get("tall afar") == frozenset({"IRQ"}), "a spelling variant"
    gaz = gazetteer()
    for name in ("paris", "holland", "ambo", "zamora", "smith", "john", "victoria", "christian"):
        assert name not in towns, f"{name}: a gazetteer name, a word or a person's name is no small town"
    assert not any(gaz.knows(k) for k in list(towns)[:2000]), "never a key the gazetteer knows"


def test_end_to_end_a_small_town_gives_the_actors_country():
    doc = analyse_text("Gunmen killed 12 people in Parachinar on Friday, police said.", published="2025-03-10")
    gunmen = next(a for a in doc.actors if a.name == "Gunmen")
    assert (gunmen.country, gunmen.country_from) == ("PAK", "location")


def test_spelled_country_one_country_within_the_documents():
    def town(country):
        return Place("X", "city", country, None, 0.0, 0.0, 0)
    assert spelled_country([town("SYR")]) == "SYR"
    assert spelled_country([town("SYR"), town("IRQ")]) is None, "two countries: none"
    assert spelled_country([town("SYR"), town("IRQ")], {"IRQ": 1}) == "IRQ", "the document's"
    assert spelled_country([]) is None
