"""Places: the gazetteer, its disambiguation rules, and the places stage on texts
written for these tests."""

from __future__ import annotations

import pytest

from briefgraph.knowledge import Knowledge
from briefgraph.places import DocumentCountries, bounding_box, gazetteer, haversine_km, parse_point, resolve
from briefgraph.stages.places import PlaceFinder
from conftest import analyse_text


def located(text: str) -> list[tuple]:
    doc = analyse_text(text, published="2024-05-01")
    return [(e.plover, e.location and (e.location.name, e.location.country, e.location.kind, e.location.how))
            for e in doc.events]


def mention_country(text: str, name: str) -> str | None:
    finder = PlaceFinder(analyse_text(text, published="2024-05-01"), Knowledge.default().place_cues)
    found = [m for m in finder.mentions if m.text == name]
    assert found, f"{name} not found as a place"
    return found[0].place.country


def test_gazetteer_has_every_kind_with_points():
    gaz = gazetteer()
    for name, kind, country in [("Red Sea", "sea", None), ("Strait of Hormuz", "sea", "IRN"),
                                ("Gaza Strip", "region", "PSE"), ("Crimea", "region", "UKR"),
                                ("Nagorno-Karabakh", "region", "AZE"), ("Donbas", "region", "UKR"),
                                ("Kashmir", "region", None), ("Sahel", "region", None), ("Doha", "city", "QAT"),
                                ("Paracel Islands", "feature", None), ("Ukraine", "country", "UKR")]:
        place = resolve(name)
        assert place is not None and place.kind == kind and place.country == country, (name, place)
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180
    assert gaz.lookup("Chisinau") == gaz.lookup("Chișinău")
    assert resolve("Cox’s Bazar").country == "BGD"
    assert gaz.demonym_country("Lebanese") == "LBN"


def test_gazetteer_has_curated_districts_and_sites_news_names():
    # first-level regions and districts the ISO and GeoNames lists lack, and sites inside a city
    for name, kind, country in [("South Waziristan", "region", "PAK"), ("Kurram district", "region", "PAK"),
                                ("Karen State", "region", "MMR"), ("Mathare", "feature", "KEN"),
                                ("Torkham border crossing", "feature", "PAK")]:
        place = resolve(name)
        assert place is not None and (place.kind, place.country) == (kind, country), (name, place)


@pytest.mark.parametrize("counts, country, kind", [
    ({}, "GEO", "country"),                      # a state's name means the state
    ({"GEO": 2, "AZE": 3}, "GEO", "country"),
    ({"USA": 4}, "USA", "region"),               # in a story of Atlanta: the US state
])
def test_georgia_by_document_countries(counts, country, kind):
    place = resolve("Georgia", DocumentCountries(counts))
    assert (place.country, place.kind) == (country, kind)


@pytest.mark.parametrize("counts, qualifier, country", [
    ({}, None, "LBY"),                           # the bigger city
    ({"LBN": 3}, None, "LBN"),                   # a story of Beirut
    ({"LBY": 3}, "LBN", "LBN"),                  # "Tripoli, Lebanon" wins over the document
])
def test_tripoli_by_document_countries(counts, qualifier, country):
    assert resolve("Tripoli", DocumentCountries(counts, qualifier)).country == country


def test_tripoli_in_texts():
    assert located("Lebanese troops clashed with gunmen in Tripoli on Monday, the army said in Beirut.")[0] == \
        ("ASSAULT", ("Tripoli", "LBN", "city", "clause"))
    assert located("Libyan forces shelled militia positions in Tripoli on Monday, officials in Misrata said.")[0] == \
        ("ASSAULT", ("Tripoli", "LBY", "city", "clause"))


def test_georgia_in_texts():
    assert mention_country("Governor Brian Kemp of Georgia met Alabama's governor in Atlanta. Police detained "
                           "12 protesters in Savannah on Friday. Florida criticized Georgia.", "Georgia") == "USA"
    assert mention_country("Georgian police detained 20 protesters in Tbilisi on Sunday. Azerbaijan and Georgia "
                           "agreed to reopen the border crossing near Tbilisi.", "Georgia") == "GEO"


def test_place_object_of_an_attack():
    assert located("Russia struck Kharkiv region overnight, Ukrainian officials said.") == \
        [("ASSAULT", ("Kharkiv region", "UKR", "region", "clause"))]


def test_dateline_sets_the_place():
    assert located("MOSCOW (Reuters) - Russia accused Ukraine on Tuesday of sabotaging the grain deal.") == \
        [("ACCUSE", ("Moscow", "RUS", "city", "dateline"))]


def test_narrative_place_holds_for_its_paragraph():
    found = located("In Doha, Qatari mediators kept up their efforts. Hamas accused Israel of delaying the talks.\n"
                    "Russia accused Ukraine of sabotaging the grain deal.")
    assert found[-2] == ("ACCUSE", ("Doha", "QAT", "city", "narrative"))
    assert found[-1] == ("ACCUSE", None)


def test_no_place_no_guess():
    assert located("Russia accused Ukraine of sabotaging the grain deal.") == [("ACCUSE", None)]


def test_place_of_the_subject_of_another_clause_is_not_the_events():
    # "officials in Misrata" report the event; Misrata is not where it happened
    found = located("Libyan forces shelled militia positions, officials in Misrata said.")
    assert found and found[0][1] is None


def test_geo_helpers():
    assert round(haversine_km(50.45, 30.52, 49.99, 36.23)) in range(405, 415)  # Kyiv - Kharkiv
    min_lat, max_lat, min_lon, max_lon = bounding_box(50.0, 30.0, 100)
    assert min_lat < 50 < max_lat and min_lon < 30 < max_lon
    assert parse_point("48.5, 35") == (48.5, 35.0)
    with pytest.raises(ValueError):
        parse_point("north")


def test_a_town_naming_a_plant_is_the_place_in_its_own_country():
    found = located("UN inspectors were allowed into the Zaporizhzhia plant by Russian forces on Monday.")
    assert any(loc and loc[:2] == ("Zaporizhzhia", "UKR") for _p, loc in found), \
        f"'the Zaporizhzhia plant' is at the Ukrainian town, not in the country of the forces: {found}"
