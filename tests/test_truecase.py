"""Truecasing: a text in lower case or in capitals is parsed with its case restored."""

from __future__ import annotations

import pytest

from briefgraph import extract_text
from briefgraph.knowledge import Knowledge
from briefgraph.truecase import CaseLexicon, caseless, restore_case

LEXICON = CaseLexicon.build(["New Delhi", "India", "Indian", "Reading", "Cox’s Bazar", "US"],
                            common=["police", "reading", "us", "said", "of", "the", "saw"], keep_lower=["us"],
                            titles=["minister", "governor"])


@pytest.mark.parametrize("text, expected", [
    ("police arrested 20 people in new delhi.", "Police arrested 20 people in New Delhi."),
    ("the indian army said india’s border was calm.", "The Indian army said India’s border was calm."),
    ("reading the report, minister ana ruiz said us officials agreed.",
     "Reading the report, minister Ana Ruiz said us officials agreed."),
    ("refugees in cox’s bazar. i saw them.", "Refugees in Cox’s Bazar. I saw them."),
    ("governor of the province said", "Governor of the province said"),
])
def test_restore_case(text, expected):
    restored = restore_case(text, LEXICON)
    assert restored == expected, f"{text!r} -> {restored!r}"
    assert len(restored) == len(text), "offsets must still hold"


def test_capitals_are_lowered_then_restored():
    assert restore_case("POLICE ARRESTED 20 PEOPLE IN NEW DELHI.", LEXICON) == "Police arrested 20 people in New Delhi."


@pytest.mark.parametrize("text, kind", [
    ("police arrested twenty people in ahmedabad on friday after clashes", "lower"),
    ("POLICE ARRESTED TWENTY PEOPLE IN AHMEDABAD ON FRIDAY AFTER CLASHES", "upper"),
    ("Police arrested twenty people in Ahmedabad on Friday after clashes", None),
    ("short", None),
])
def test_caseless_detection(text, kind):
    assert caseless(text) == kind


def test_the_shipped_lexicon_knows_states_places_and_titles():
    lexicon = Knowledge.default().case_lexicon()
    assert lexicon.names[("pakistan",)] == ("Pakistan",)
    assert lexicon.names[("new", "delhi")] == ("New", "Delhi")
    assert "police" in lexicon.common and "minister" in lexicon.titles


@pytest.mark.parametrize("transform", [str.lower, str.upper])
def test_a_caseless_text_gives_the_actors_of_its_normal_form(transform):
    text = ("Pakistan and India held talks in New Delhi on Monday. "
            "Foreign Minister Ana Ruiz of Chile welcomed the meeting.")
    normal = extract_text(text, published="2025-03-12")
    changed = extract_text(transform(text), published="2025-03-12")
    names = lambda record: sorted(a["name"].lower() for a in record["actors"])  # noqa: E731
    missing = set(names(normal)) - set(names(changed))
    assert not missing, f"the {transform.__name__}-case text lost actors {missing}"
    assert changed["text"] == transform(text), "the record keeps the original text"
    assert any("parsed with its case restored" in note for note in changed["diagnostics"])
    assert [e["plover"] for e in changed["events"]] == [e["plover"] for e in normal["events"]]


WIRE_STORY = ("KABUL, Afghanistan — U.S. forces struck a Taliban position in Kandahar province on March 10, "
              "the Pentagon said. Pakistan’s foreign ministry condemned the strike on Monday. "
              "Iran accused the United States of violating Afghan sovereignty, and UN officials urged restraint.")


def _actors_and_events(record: dict) -> tuple[list[str], list[tuple]]:
    names = {a["id"]: a["name"].lower() for a in record["actors"]}
    events = sorted((e.get("plover"), e.get("cameo"), names.get(e.get("source")), names.get(e.get("target")))
                    for e in record["events"])
    return sorted(names.values()), events


@pytest.mark.parametrize("transform", [str.lower, str.upper])
def test_a_caseless_wire_story_gives_the_actors_and_events_of_its_normal_form(transform):
    normal = extract_text(WIRE_STORY, published="2025-03-12")
    changed = extract_text(transform(WIRE_STORY), published="2025-03-12")
    assert normal["events"], "the story must have events to compare"
    assert _actors_and_events(changed) == _actors_and_events(normal), \
        f"the {transform.__name__}-case story differs from the normal one"
    assert changed["document"]["title"] == normal["document"]["title"] or not normal["document"]["title"]


def test_the_layout_of_a_caseless_document_is_read_in_its_likely_case():
    text = ("March 4, 2025 | Analysis\n\nTurkey Hosts Black Sea Mine Clearing Talks\n\n"
            "ANKARA (Reuters) - Turkey will host naval officers from Romania and Bulgaria in Istanbul "
            "next week, the Turkish defence ministry said on Tuesday.\n")
    normal = extract_text(text)["document"]
    for transform in (str.lower, str.upper):
        document = extract_text(transform(text))["document"]
        assert (document["published"], document["genre"]) == (normal["published"], normal["genre"]) == \
            ("2025-03-04", "Analysis"), f"{transform.__name__}: the header was not read: {document}"
        assert document["title"] == transform(normal["title"]), "the title is the text's own line"
