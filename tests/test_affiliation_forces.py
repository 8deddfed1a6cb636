"""affiliation_country.from_document: a state named only through its forces ("Ugandan police", one
GPE actor with the forces' category) is no place of the story."""

from __future__ import annotations

from conftest import analyse_text


def test_a_state_named_only_through_its_forces_gives_the_people_they_acted_on_no_country():
    doc = analyse_text("Zambian police on Monday freed 12 supporters of an opposition leader held without charge.",
                       published="2024-05-01")
    supporters = next(a for a in doc.actors if "supporters" in a.name)
    assert (supporters.country, supporters.country_from) == (None, None), supporters
    zambia = next(a for a in doc.actors if a.kb_id == "ZMB")
    assert zambia.category == "state forces", zambia
