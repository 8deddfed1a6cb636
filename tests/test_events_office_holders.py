"""stages/events/office_holders.py: "the president" is the one president named before it;
sentences written for these tests (round 26, r26-ref)."""

from __future__ import annotations

from briefgraph.stages.events import office_holders
from events_fixtures import actor_by_rule, context_of, extra_actors, pipeline_events, token

PERSONS = {name: ("PERSON", []) for name in ("William Ruto", "Wang Yi", "Yoweri Museveni", "Uhuru Kenyatta")}
ROLES = {"William Ruto": ["Kenyan President"], "Wang Yi": ["Foreign Minister"],
         "Yoweri Museveni": ["Ugandan President"], "Uhuru Kenyatta": ["Former President"]}


def test_office_holder():
    text = "Kenyan President William Ruto arrived in Addis Ababa. The president met Ethiopian officials."
    assert holder(text, "president") == "William Ruto"
    text = "Foreign Minister Wang Yi held talks in Moscow. The foreign minister condemned Japan."
    assert holder(text, "minister") == "Wang Yi"


def test_office_holder_needs_one_holder():
    text = ("Kenyan President William Ruto spoke in Nairobi. Ugandan President Yoweri Museveni arrived. "
            "The president accused Sudan.")
    assert holder(text, "president") is None, "two presidents: which one?"


def test_office_holder_past_holders():
    text = "Former President Uhuru Kenyatta travelled to Goma. The president urged Rwanda to leave."
    assert holder(text, "president") is None, "a former president is not the president"
    text = "Former President Uhuru Kenyatta travelled to Goma. The former president urged Rwanda to leave."
    assert holder(text, "president") == "Uhuru Kenyatta"


def test_office_words():
    ctx = context_of("The prime minister met the Ugandan president and the president of Kenya.")
    assert office_words_of(ctx, "minister") == ["prime", "minister"]
    assert office_words_of(ctx, "president") is None, "a named modifier: another rule's"
    assert office_words_of(ctx, "president", 1) is None, "an 'of' phrase: another rule's"


def test_holds():
    ctx = context_of("Egypt met Israel.")
    assert office_holders.holds(ctx, "Kenyan President", ["president"])
    assert not office_holders.holds(ctx, "Former President", ["president"])
    assert office_holders.holds(ctx, "Former President", ["former", "president"])
    assert not office_holders.holds(ctx, "President", ["prime", "minister"])


def test_office_holder_in_the_pipeline():
    events = pipeline_events("French President Emmanuel Macron visited Algeria on Tuesday. "
                             "The president criticised Russia over the war in Ukraine.")
    assert any(s == "Emmanuel Macron" and t == "Russia" for s, _, t in events), events


def holder(text, word):
    with extra_actors(**PERSONS):
        return actor_by_rule(office_holders.office_holder, text, word, roles=ROLES)


def office_words_of(ctx, word, nth=0):
    return office_holders.office_words(token(ctx, word, nth))
