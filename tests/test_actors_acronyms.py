"""Actors stage, acronyms.py: names defined by an acronym in brackets after them."""

from __future__ import annotations

from briefgraph.knowledge import Knowledge
from briefgraph.pipeline import STAGES, run_stages, start_analysis
from briefgraph.records import RawDocument
from briefgraph.stages import actors
from briefgraph.stages.actors.acronyms import acronym_fits, bracket_defined_mentions
from briefgraph.stages.actors.context import Context

KNOWLEDGE = Knowledge.default()
PARSE = tuple(s for s in STAGES if s.name in {"structure", "parse"})


def _parsed(text: str):
    done, failed = run_stages([start_analysis(RawDocument(text=text, source="<rule test>"))], PARSE)
    assert done[0] is not None, f"parse failed: {failed[0]}"
    return done[0]


def test_acronym_fits_prefixes_and_foreign_orders():
    assert acronym_fits("Caribbean Development Bank", "CDB")
    assert acronym_fits("African Development Bank", "AfDB"), "a lower-case letter from the same word"
    assert acronym_fits("Australian Medical Assistance Team", "AUSMAT"), "a prefix of a word"
    assert acronym_fits("National Agency for Maritime Safety", "ANSM"), "a foreign acronym: initials in another order"
    assert acronym_fits("Organisation for Economic Co-operation and Development", "OECD")
    assert not acronym_fits("Caribbean Development Bank", "CDX")
    assert not acronym_fits("Bank", "B"), "one word defines no acronym"
    assert not acronym_fits("Monday Caribbean Development Bank", "AUS")


def test_bracket_defined_names_are_one_organisation():
    ctx = Context(_parsed("Lenders meet\n\nThe Caribbean Development Bank (CDB) approved a loan. "
                          "The National Agency for Maritime Safety (ANSM) warned fishermen. "
                          "The Eastern Africa Power Pool (EAPP) signed a deal. "
                          "Officials of the Southern African Development Community (SADC) met."), KNOWLEDGE.actors)
    got = [(m.text, m.label) for m in bracket_defined_mentions(ctx)]
    spacy_orgs = {e.text.removeprefix("The ") for e in ctx.nlp.ents if e.label_ == "ORG"}
    for name, acr in (("Caribbean Development Bank", "CDB"), ("National Agency for Maritime Safety", "ANSM"),
                      ("Eastern Africa Power Pool", "EAPP")):
        assert (name, "ORG") in got or name in spacy_orgs, f"{name} must be one ORG (ours or spaCy's): {got}"
        assert (acr, "ORG") in got, f"{acr} in brackets must be an ORG mention: {got}"
    assert ("Southern African Development Community", "ORG") not in got, \
        f"a knowledge-base name is left to the knowledge base: {got}"
    assert not any(t.startswith("Officials") for t, _ in got), f"a name starts on a capitalised word: {got}"


def test_a_bracket_defined_name_and_its_acronym_are_one_actor():
    doc = _parsed("Agencies warn\n\nThe National Agency for Maritime Safety (ANSM) warned fishermen off Senegal. "
                  "The Caribbean Development Bank (CDB) approved a loan to Dominica. Later the CDB said it would pay.")
    found = {a.name: (a.type, sorted(a.aliases)) for a in actors.find_actors(doc, KNOWLEDGE)["actors"]}
    assert found.get("National Agency for Maritime Safety") == ("ORG", ["ANSM"]), f"foreign acronym: {found}"
    assert found.get("Caribbean Development Bank") == ("ORG", ["CDB"]), f"split or typed PERSON: {found}"
    assert not {"Development Bank", "CDB", "ANSM", "Maritime Safety"} & set(found), f"pieces left apart: {found}"
