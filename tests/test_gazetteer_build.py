"""tools/build_gazetteer.py: region names, and the shipped gazetteer built from them."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from build_gazetteer import region_base, second_level_name  # noqa: E402

from briefgraph.places.gazetteer import gazetteer  # noqa: E402

SEATS = {"kharkiv": "Kharkiv", "odesa": "Odesa", "sumy": "Sumy", "rivne": "Rivne", "mykolaiv": "Mykolaiv"}


def test_an_adjectival_oblast_name_shortens_to_its_seat():
    for name, seat in [("Kharkivska oblast", "Kharkiv"), ("Odeska oblast", "Odesa"), ("Sumska oblast", "Sumy"),
                       ("Rivnenska oblast", "Rivne"), ("Mykolaivska oblast", "Mykolaiv")]:
        assert region_base(name, SEATS) == seat, f"{name} should shorten to its seat {seat}"


def test_an_adjectival_oblast_name_without_a_seat_keeps_its_full_name():
    assert region_base("Odeska oblast") == "Odeska", "no seat given: the name must not be cut to 'Ode'"
    assert region_base("Zakarpatska oblast", SEATS) == "Zakarpatska", "no seat named Zakarpat...: keep the name"


def test_other_region_names_lose_only_their_type_word():
    assert region_base("Fujian Sheng") == "Fujian"
    assert region_base("Al Ḩasakah") == "Al Hasakah"


def test_the_gazetteer_has_no_cut_oblast_names():
    gaz = gazetteer()
    for wrong in ("Ode region", "Sum region"):
        assert not gaz.lookup(wrong), f"{wrong!r} is a cut oblast name and must not be in the gazetteer"
    for name in ("Odeska Oblast", "Odesa region", "Sumska oblast", "Sumy region"):
        regions = [p for p in gaz.lookup(name) if p.kind == "region" and p.country == "UKR"]
        assert regions, f"{name!r} should name a Ukrainian region"


def test_a_region_with_no_town_of_its_name_is_in_the_gazetteer():
    gaz = gazetteer()
    for name, country in [("Oromia", "ETH"), ("Borno", "NGA"), ("Borno State", "NGA")]:
        regions = [p for p in gaz.lookup(name) if p.kind == "region"]
        assert any(p.country == country for p in regions), f"{name!r} should be a region of {country}"


def test_a_region_named_by_a_plain_word_or_a_demonym_needs_the_word_region():
    gaz = gazetteer()
    for word in ("Central", "Northern", "Somali"):
        assert not [p for p in gaz.lookup(word) if p.kind == "region"], f"bare {word!r} must not name a region"
    assert any(p.country == "ETH" for p in gaz.lookup("Somali region")), "'Somali region' should be Ethiopia's"


def test_a_second_level_name_is_its_plain_ascii_form():
    assert second_level_name("Samar") == "Samar"
    assert second_level_name("Bridgend [Pen-y-bont ar Ogwr GB-POG]") == "Bridgend"
    assert second_level_name("Kurigram District") == "Kurigram"
    assert second_level_name("Bristol, City of") == "", "an inverted name is left out"
    assert second_level_name("Şərur") == "", "a name with letters ASCII lacks would be misspelt ('Srur')"


def test_second_level_subdivisions_are_regions_of_their_country():
    gaz = gazetteer()
    for name, country in [("Seno", "BFA"), ("Samar", "PHL"), ("Noakhali", "BGD"), ("Kalangala", "UGA"),
                          ("Tawi-Tawi", "PHL"), ("Yatenga province", "BFA"), ("Chiradzulu district", "MWI")]:
        assert any(p.kind == "region" and p.country == country for p in gaz.lookup(name)), \
            f"{name!r} should be a region of {country}"


def test_a_second_level_name_a_word_or_a_bigger_place_owns_needs_its_type_word():
    gaz = gazetteer()
    for bare, full, country in [("Antique", "Antique province", "PHL"), ("Kent", "Kent county", "GBR"),
                                ("Bam", "Bam province", "BFA"), ("Paul", "Paul municipality", "CPV")]:
        assert not [p for p in gaz.lookup(bare) if p.kind == "region" and p.country == country], \
            f"bare {bare!r} must not name a region of {country}"
        assert any(p.country == country for p in gaz.lookup(full)), f"{full!r} should be a region of {country}"


def test_state_names_file_gives_states_their_everyday_and_shared_names():
    # knowledge/places/state_names.csv: "DR Congo" is the Democratic Republic; "Congo" names both
    # states, the bigger (the one news mostly means) first
    from build_gazetteer import country_names
    assert "DR Congo" in country_names()["COD"][1]
    assert [p.country for p in gazetteer().lookup("DR Congo") if p.kind == "country"] == ["COD"]
    assert [p.country for p in gazetteer().lookup("Congo") if p.kind == "country"] == ["COD", "COG"]


def test_curated_everyday_state_names_are_gazetteer_keys():
    # build_gazetteer.curated_state_names: knowledge/actors/curated.csv's "US", "Britain", "Burma", "Holland"
    from build_gazetteer import country_names, curated_state_names
    names = curated_state_names()
    assert ("USA", "America") in names and ("MMR", "Burma") in names
    assert not any("government" in name for _, name in names)
    assert "Britain" in country_names()["GBR"][1]
    for name, country in [("US", "USA"), ("America", "USA"), ("Britain", "GBR"), ("Holland", "NLD"), ("UAE", "ARE")]:
        assert [p.country for p in gazetteer().lookup(name) if p.kind == "country"] == [country], name
