"""Who and whom of an event through the whole pipeline (stages/events/arguments.py, subjects.py,
coding.py): the doers of a report verb's gerund, an act summed up by a noun after a comma, a relative
clause's object. Sentences written for each."""

from __future__ import annotations

from events_fixtures import pipeline_events


def test_a_material_gerund_of_a_report_verb_is_the_reported_doers():
    found = pipeline_events("Egypt will reopen the Rafah crossing, officials said, yielding to pressure from Qatar.")
    assert ("Egypt", "CONCEDE", "Qatar") in found, f"Egypt yields, not the officials who said so: {found}"


def test_a_speech_gerund_of_a_report_verb_stays_the_speakers():
    found = pipeline_events("Two Kenyan soldiers died when a bomb hit their truck, Kenya's army said, blaming al-Shabaab.")
    assert any(e[1] == "ACCUSE" and e[2] == "al-Shabaab" and e[0] != "al-Shabaab" for e in found), \
        f"blaming is the speaker's act: {found}"


def test_a_move_summed_up_after_a_comma_is_coded_with_its_noun():
    found = pipeline_events("Kenya expelled two Somali diplomats, a move welcomed by Ethiopia.")
    assert ("Ethiopia", "SUPPORT", "Kenya") in found, f"welcoming a move is support of its doer (051): {found}"
    found = pipeline_events("Drones launched by Russia hit Odesa overnight.")
    assert not any(e[0] == "Russia" and e[2] == "Drones" for e in found), f"a participle on a plain noun: {found}"


def test_a_relative_object_is_the_verbs_object() -> None:
    found = pipeline_events("The agreement, which Bangladesh and Myanmar signed in Naypyitaw, sets out a timetable.")
    assert ("Bangladesh", "SUPPORT", "Myanmar") in found, found
