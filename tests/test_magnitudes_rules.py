"""The magnitudes stage: its number reader, each kind rule on its own, and the stage
on texts written for these tests (named actors, so that events exist today)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from briefgraph.errors import KnowledgeError
from briefgraph.knowledge import Knowledge
from briefgraph.knowledge.quantities import MagnitudeWords
from briefgraph.nlp import load_nlp
from briefgraph.stages.magnitudes import phrase_head, text_magnitudes
from briefgraph.stages.magnitudes import rules as r
from briefgraph.stages.magnitudes.numbers import find_quantities
from conftest import analyse_text

WORDS = Knowledge.default().magnitudes


@lru_cache(maxsize=64)
def _parse(sentence: str) -> Any:
    return load_nlp()(sentence)


def np_of(sentence: str, number: str) -> Any:
    """The noun phrase head the number (a word of the sentence) counts."""
    doc = _parse(sentence)
    token = next((t for t in doc if t.text == number), None)
    assert token is not None, f"{number!r} is not a token of {sentence!r}"
    return phrase_head(token)


def quantities(text: str) -> list[tuple]:
    return [(text[q.start:q.end], q.value, q.min, q.max) for q in find_quantities(text, WORDS)]


# ---- numbers ----
@pytest.mark.parametrize("text, expected", [
    ("killing two", [("two", 2, None, None)]),
    ("Twenty-one passengers", [("Twenty-one", 21, None, None)]),
    ("two hundred and fifty men", [("two hundred and fifty", 250, None, None)]),
    ("more than 1,000 people", [("more than 1,000", None, 1000, None)]),
    ("at least 12 dead", [("at least 12", None, 12, None)]),
    ("nearly 400 workers", [("nearly 400", None, None, 400)]),
    ("about 50 women", [("about 50", 50, None, None)]),
    ("between 300 and 400 protesters", [("between 300 and 400", None, 300, 400)]),
    ("300 to 400 protesters", [("300 to 400", None, 300, 400)]),
    ("a dozen villagers", [("a dozen", 12, None, None)]),
    ("dozens injured", [("dozens", None, 12, None)]),
    ("several hundred marchers", [("several hundred", None, 200, None)]),
    ("tens of thousands of people", [("tens of thousands", None, 10000, None)]),
    ("the team won 2-1", []),
    ("1" * 5000 + " people", []),
    ("2,000,000,000,000 men", []),
    ("3.5 percent", []),
    ("someone and no one", [("one", 1, None, None)]),
    ("forced 2 million people", [("2 million", 2000000, None, None)]),
    ("more than 1.5 million refugees", [("more than 1.5 million", None, 1500000, None)]),
    ("half a dozen guards", [("half a dozen", 6, None, None)]),
    ("several dozen nurses", [("several dozen", None, 24, None)]),
    ("2 millionaires", [("2", 2, None, None)]),
])
def test_numbers_are_read_with_their_bounds(text, expected):
    assert quantities(text) == expected


def test_a_malformed_knowledge_line_names_its_file(tmp_path):
    for name in ("cues.txt", "numbers.txt", "vague.txt", "bounds.txt"):
        src = WORDS_DIR / name
        (tmp_path / name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "vague.txt").write_text("dozens = many\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="vague.txt"):
        MagnitudeWords.load(tmp_path)


from briefgraph.knowledge.files import data_path  # noqa: E402

WORDS_DIR = data_path("magnitudes")


# ---- the rules, one by one ----
def test_cue_in_phrase():
    assert r.cue_in_phrase(np_of("Medics treated 16 wounded villagers at the clinic.", "16"), WORDS) == "injured"
    assert r.cue_in_phrase(np_of("The clash left at least nine dead.", "nine"), WORDS) == "killed"
    assert r.cue_in_phrase(np_of("Lawyers visited 30 men detained after the riot.", "30"), WORDS) == "arrested"
    assert r.cue_in_phrase(np_of("Twelve gunmen who killed a guard escaped.", "Twelve"), WORDS) is None
    assert r.cue_in_phrase(np_of("Five of the injured are in critical condition.", "Five"), WORDS) == "injured"


def test_object_of_cue():
    assert r.object_of_cue(np_of("Soldiers killed 14 rebels near the border.", "14"), WORDS) == "killed"
    assert r.object_of_cue(np_of("Troops shot dead three smugglers at dawn.", "three"), WORDS) == "killed"
    assert r.object_of_cue(np_of("Police detained 11 men and 4 women.", "4"), WORDS) == "arrested"
    assert r.object_of_cue(np_of("Farmers drove 300 tractors into the capital.", "300"), WORDS) is None


def test_subject_of_cue():
    assert r.subject_of_cue(np_of("Seven miners were kidnapped on Sunday.", "Seven"), WORDS) == "abducted"
    assert r.subject_of_cue(np_of("Four people died in the blast.", "Four"), WORDS) == "killed"
    assert r.subject_of_cue(np_of("Two guards were killed and six wounded.", "six"), WORDS) == "injured"
    assert r.subject_of_cue(np_of("Five gunmen killed a farmer.", "Five"), WORDS) is None
    assert r.subject_of_cue(np_of("Nine traders were picked up by detectives.", "Nine"), WORDS) == "arrested", \
        "a phrasal cue (pick up) should give its kind with its particle"
    assert r.subject_of_cue(np_of("Nine traders picked the winners.", "Nine"), WORDS) is None


def test_object_control():
    assert r.object_control(np_of("The floods forced 2,000 families to flee.", "2,000"), WORDS) == "displaced"
    assert r.object_control(np_of("The union asked 500 members to vote.", "500"), WORDS) is None


def test_nominal_cue():
    assert r.nominal_cue(np_of("Rights groups condemned the arrest of 25 students.", "25"), WORDS) == "arrested"
    assert r.nominal_cue(np_of("Officials confirmed the deaths of 6 miners.", "6"), WORDS) == "killed"
    assert r.nominal_cue(np_of("The report lists the names of 40 donors.", "40"), WORDS) is None


def test_crowd_modifier():
    assert r.crowd_modifier(np_of("Police watched 500 nurses protesting outside.", "500"), WORDS) == "crowd"
    assert r.crowd_modifier(np_of("Doctors examined 9 inmates on hunger strike.", "9"), WORDS) == "crowd"
    assert r.crowd_modifier(np_of("Divers rescued 17 fishermen off the coast.", "17"), WORDS) is None


def test_crowd_noun():
    assert r.crowd_noun(np_of("Police dispersed a crowd of 800 in the square.", "800"), WORDS) == "crowd"
    assert r.crowd_noun(np_of("A march by 6,000 teachers filled the avenue.", "6,000"), WORDS) == "crowd"
    assert r.crowd_noun(np_of("A group of 8 tourists visited the fort.", "8"), WORDS) is None


def test_crowd_subject():
    assert r.crowd_subject(np_of("Thousands of truckers blocked the ring road.", "Thousands"), WORDS) == "crowd"
    assert r.crowd_subject(np_of("About 700 dockers went on strike on Monday.", "700"), WORDS) == "crowd"
    assert r.crowd_subject(np_of("The bridge was blocked by 200 villagers.", "200"), WORDS) == "crowd"
    assert r.crowd_subject(np_of("Forty students passed the exam.", "Forty"), WORDS) is None


def test_crowd_object():
    assert r.crowd_object(np_of("Police used tear gas to disperse hundreds of traders.", "hundreds"), WORDS) == "crowd"
    assert r.crowd_object(np_of("The council hired 30 cleaners.", "30"), WORDS) is None


def test_destinations_give_a_kind_to_a_transitive_or_passive_verb():
    assert r.object_of_cue(np_of("Officers took 14 traders into custody.", "14"), WORDS) == "arrested"
    assert r.subject_of_cue(np_of("Nine clerks were taken into custody.", "Nine"), WORDS) == "arrested"
    assert r.subject_of_cue(np_of("About 300 nurses marched to the prison gates.", "300"), WORDS) is None, \
        "walking to a prison puts no one in it"


def test_staying_verbs_hold_their_subject_in_custody():
    assert r.subject_of_cue(np_of("Police said 23 clerks were in custody on Friday.", "23"), WORDS) == "arrested"
    assert r.subject_of_cue(np_of("Six bloggers remain behind bars.", "Six"), WORDS) == "arrested"
    assert r.subject_of_cue(np_of("Six bloggers were in the square.", "Six"), WORDS) is None, \
        "being somewhere other than custody holds no one"


def test_a_number_word_scaling_a_dozen_counts_the_noun():
    assert [(m.kind, m.value, m.min) for m, _ in text_magnitudes(
        _parse("Police detained more than two dozen clerks on Friday."), "", WORDS)] == [("arrested", None, 24)]


def test_origins_second_objects_passive_complements_and_conjoined_subjects():
    assert r.subject_of_cue(np_of("About 900 herders were forced from their homes.", "900"), WORDS) == "displaced"
    assert r.object_of_cue(np_of("Pirates took 30 sailors hostage at sea.", "30"), WORDS) == "abducted", \
        "a second object that is a cue should give its kind"
    assert r.object_of_cue(np_of("Rebels took 12 aid workers captive in the east.", "12"), WORDS) == "abducted", \
        "an adjective complement that is a cue should give its kind"
    assert r.subject_of_cue(np_of("At least 8 guards were reported killed.", "8"), WORDS) == "killed"
    assert r.subject_of_cue(np_of("Five nurses refused to kill the birds.", "Five"), WORDS) is None, \
        "an active verb's complement is what the subject does, not what it undergoes"
    assert r.subject_of_cue(np_of("Two guards and three cooks were killed in the blast.", "three"), WORDS) == "killed"


def test_undergoing_verbs():
    assert r.subject_of_cue(np_of("Twelve miners lost their lives in the collapse.", "Twelve"), WORDS) == "killed"
    assert r.subject_of_cue(np_of("Four guards sustained injuries in the fire.", "Four"), WORDS) == "injured"
    assert r.subject_of_cue(np_of("Twelve clubs lost their matches.", "Twelve"), WORDS) is None


def test_tally():
    assert r.tally(np_of("The death toll from the flood rose to 23 on Friday.", "23"), WORDS) == "killed"
    assert r.tally(np_of("Medics put the death toll at 17.", "17"), WORDS) == "killed"
    assert r.tally(np_of("The number of people killed has risen to 45.", "45"), WORDS) == "killed"
    assert r.tally(np_of("A storm with a death toll of 31 hit the coast.", "31"), WORDS) == "killed"
    assert r.tally(np_of("The price rose to 23 dollars.", "23"), WORDS) is None
    assert r.tally(np_of("The number of visitors rose to 900.", "900"), WORDS) is None


def test_member_of_cue():
    assert r.member_of_cue(np_of("Four nurses were among the dead.", "Four"), WORDS) == "killed"
    assert r.member_of_cue(np_of("Among the injured were three firemen.", "three"), WORDS) == "injured"
    assert r.member_of_cue(np_of("The dead included two teachers.", "two"), WORDS) == "killed"
    assert r.member_of_cue(np_of("Two guards were among the six people killed.", "Two"), WORDS) is None, \
        "a part of a stated toll is not the toll"
    assert r.member_of_cue(np_of("Four nurses were among the guests.", "Four"), WORDS) is None


def test_counted_by_verb():
    assert r.counted_by_verb(np_of("Strikers numbering some 600 blocked the port.", "600"), WORDS) == "crowd"
    assert r.counted_by_verb(np_of("A crowd numbering about 2,000 waited outside.", "2,000"), WORDS) == "crowd"
    assert r.counted_by_verb(np_of("Villagers numbering 40 were abducted.", "40"), WORDS) == "abducted"
    assert r.counted_by_verb(np_of("Books numbering 300 filled the shelves.", "300"), WORDS) is None
    assert r.counted_by_verb(np_of("A crowd estimated at 5,000 filled the square.", "5,000"), WORDS) == "crowd"
    assert r.counted_by_verb(np_of("Police put the crowd at 8,000.", "8,000"), WORDS) == "crowd"
    assert r.counted_by_verb(np_of("Officials put the damage at 300.", "300"), WORDS) is None
    assert r.counted_by_verb(np_of("Nurses numbering in the thousands marched on Monday.", "thousands"), WORDS) == \
        "crowd", "numbering in the thousands gives the size of the crowd"


def test_crowd_subject_reads_streets_and_inflected_crowd_verbs():
    assert r.crowd_subject(np_of("Thousands took to the streets of the port city.", "Thousands"), WORDS) == "crowd"
    assert r.crowd_subject(np_of("Some 3,000 nurses staged a sit-in on Monday.", "3,000"), WORDS) == "crowd"


def test_crowd_subject_reads_gatherings_and_crowd_people():
    assert r.crowd_subject(np_of("Some 200 widows held a vigil outside the court.", "200"), WORDS) == "crowd"
    assert r.crowd_subject(np_of("About 300 protesters stormed the town hall.", "300"), WORDS) == "crowd"
    assert r.crowd_subject(np_of("Five gunmen attacked a rally.", "Five"), WORDS) is None
    assert r.crowd_subject(np_of("A rally attended by some 5,000 people ended calmly.", "5,000"), WORDS) == "crowd"


def test_crowd_target():
    assert r.crowd_target(np_of("Police fired tear gas at around 500 protesters.", "500"), WORDS) == "crowd"
    assert r.crowd_target(np_of("Troops opened fire on hundreds of demonstrators.", "hundreds"), WORDS) == "crowd"
    assert r.crowd_target(np_of("Police fired at 3 suspects.", "3"), WORDS) is None


def test_sized_crowd():
    assert r.sized_crowd(np_of("A 2,000-strong march crossed the bridge.", "2,000"), WORDS) == "crowd"
    assert r.sized_crowd(np_of("A 40-strong squad guarded the bridge.", "40"), WORDS) is None


def test_rules_run_in_order_and_casualties_win_over_crowds():
    assert r.RULES[0] is r.cue_in_phrase and r.RULES[-1] is r.sized_crowd
    assert r.RULES[:len(r.CASUALTY_RULES)] == r.CASUALTY_RULES, "casualty rules should come before crowd rules"
    head = np_of("Three protesters were wounded by rubber bullets.", "Three")
    assert r.kind_by_rules(head, WORDS) == "injured"


# ---- the stage ----
def _magnitudes(text: str) -> list[tuple]:
    doc = analyse_text(text, published="2025-03-10")
    return [(m.kind, m.value, m.min, m.max, m.text) for m, _ in text_magnitudes(doc.nlp, doc.text, WORDS)]


@pytest.mark.parametrize("text, expected", [
    ("Gunmen abducted a priest in the town on Monday.", [("abducted", 1, None, None, "a priest")]),
    ("The army said 40 suspects had been held since 2019.", [("arrested", 40, None, None, "40 suspects")]),
    ("A 16-year-old boy was killed in the raid on Tuesday.", [("killed", 1, None, None, "A 16-year-old boy")]),
    ("The ministry paid 300 dollars to 12 families in 2024.", []),
    ("The group held a meeting with 20 elders on Friday.", []),
])
def test_numbers_need_a_kind_cue(text, expected):
    assert _magnitudes(text) == expected


def test_events_carry_the_magnitudes_of_their_clause():
    doc = analyse_text("Israeli forces killed 12 people in Gaza on Monday.", published="2025-03-10")
    assert doc.events, "the named-actor event should be found"
    found = [(m.kind, m.value) for e in doc.events for m in e.magnitudes]
    assert found == [("killed", 12)]
    m = doc.events[0].magnitudes[0]
    assert doc.text[m.start:m.end] == m.text == "12 people"


def test_a_participle_clause_gives_its_kind_to_the_main_event():
    doc = analyse_text("Russian troops shelled Kharkiv on Sunday, killing at least seven civilians.",
                       published="2025-03-10")
    found = [(m.kind, m.min) for e in doc.events for m in e.magnitudes]
    assert found == [("killed", 7)]


def test_every_event_has_a_magnitudes_list_in_the_record():
    record = analyse_text("Turkey and Greece agreed to resume talks in Athens on Monday.",
                          published="2025-03-10").to_record()
    assert record["events"] and all(e["magnitudes"] == [] for e in record["events"])


def _with_events(text: str, triggers: list[tuple[str, str]]) -> dict[str, list[tuple]]:
    """The stage on a text whose events are given (trigger word, PLOVER type), as the
    events stage will give them once generic actors (police, protesters) are actors."""
    from dataclasses import replace

    from briefgraph.records import Event, Evidence
    from briefgraph.stages.magnitudes import find_magnitudes

    doc = analyse_text(text, published="2025-03-10")
    events = [Event(id=f"e{i}", source=None, target=None, plover=plover, cameo=None, negated=False,
                    modality="asserted", date=None, location=None, trigger=trigger,
                    evidence=Evidence(0, len(doc.text), doc.text)) for i, (trigger, plover) in enumerate(triggers, 1)]
    out = find_magnitudes(replace(doc, events=events), Knowledge.default())["events"]
    return {e.trigger: [(m.kind, m.value, m.min) for m in e.magnitudes] for e in out}


def test_generic_actor_events_get_the_numbers_of_their_clause():
    got = _with_events("The police opened fire on a mob in Vadodara, killing two.", [("opened", "ASSAULT")])
    assert got == {"opened": [("killed", 2, None)]}, "a casualty participle clause belongs to the main event"
    got = _with_events("Riot police detained 11 people and dispersed a crowd of several hundred on Tuesday.",
                       [("detained", "COERCE"), ("dispersed", "ASSAULT")])
    assert got == {"detained": [("arrested", 11, None)], "dispersed": [("crowd", None, 200)]}, \
        "each number should go to the event whose clause holds it most narrowly"
    got = _with_events("Students marched in Dhaka on Monday. Police said 40 of them were arrested.",
                       [("marched", "PROTEST")])
    assert got == {"marched": []}, "a number of another sentence is not this event's"


def test_a_number_goes_to_an_event_of_its_kind():
    got = _with_events("Police fired tear gas at hundreds of nurses who had marched in Accra, injuring at least 12.",
                       [("fired", "ASSAULT"), ("marched", "PROTEST")])
    assert got == {"fired": [("injured", None, 12)], "marched": [("crowd", None, 100)]}, \
        "a crowd size sits on the protest, the injured on the force used"
    got = _with_events("Police arrested 40 people and injured dozens when they broke up a rally in Lusaka.",
                       [("arrested", "COERCE"), ("injured", "ASSAULT")])
    assert got["arrested"] == [("arrested", 40, None)], "arrests on the arrest"


def test_a_place_is_no_person():
    got = _with_events("Rebels shelled a government-held town in Darfur, killing nine civilians.",
                       [("shelled", "ASSAULT")])
    assert got == {"shelled": [("killed", 9, None)]}, "'a government-held town' is no arrest"
