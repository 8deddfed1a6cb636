"""stages/place_named.py: named places the gazetteer lacks, on texts written for these tests."""

from __future__ import annotations

from conftest import analyse_text


def test_unknown_named_place_an_unknown_name_before_a_place_noun_is_a_place():
    doc = analyse_text("Nigerian troops attacked a rebel camp in the Zzyzx forest on Monday, the army said.",
                       published="2024-05-01")
    found = {e.trigger: e.location for e in doc.events}
    loc = found.get("attacked")
    assert loc is not None and (loc.name, loc.country, loc.kind) == ("Zzyzx forest", "NGA", "other"), found
    assert loc.lat is None and loc.lon is None, "never a guessed point"


def test_named_place_noun_needs_a_capitalised_name():
    from briefgraph.knowledge import Knowledge
    from briefgraph.stages.place_named import named_place_noun
    doc = analyse_text("Troops entered the old district on Monday.", published="2024-05-01")
    span = doc.nlp[2:4]  # "old district"
    assert not named_place_noun(span, Knowledge.default().place_cues)


def test_named_place_noun_allows_one_modifier():
    from briefgraph.knowledge import Knowledge
    from briefgraph.stages.place_named import named_place_noun
    cues = Knowledge.default().place_cues
    doc = analyse_text("Workers protested in the Zzyzx industrial area and in the new industrial area.",
                       published="2024-05-01")
    assert named_place_noun(doc.nlp[4:7], cues), "'Zzyzx industrial area' is a named place"
    assert not named_place_noun(doc.nlp[10:13], cues), "'new industrial area' has no name"
