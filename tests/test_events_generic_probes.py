"""Probe sentences written for issue 17 (round 26, r26-gen; none copied from any text): the events of
generic actors in three shapes the rounds before missed. Each (sentence, event) is run through the
whole pipeline and the event (source, PLOVER type, CAMEO code, target, by actor name) must be found.

- harm told with a clause of time ("Five protesters were wounded when police fired ..."): the act is
  done to the harmed, not to the place named with it (events.targets.harmed_meanwhile);
- state forces' raids are search raids (170, COERCE; events.crowds.raid_coding), and an arrest told
  by a participle after a raid is an event of its own (events.results.own_people_act);
- push-backs and expulsions of people are 174 (COERCE; knowledge/events/patterns-conflict.txt)."""

from __future__ import annotations

import pytest

from events_fixtures import pipeline_events

PROBES = [
    ("Five protesters were wounded when police fired live rounds in Nairobi on Tuesday.",
     ("police", "ASSAULT", "190", "Five protesters")),
    ("Dozens of students were hurt when riot police stormed a campus in Dhaka on Monday.",
     ("riot police", "ASSAULT", "190", "Dozens of students")),
    ("Two villagers were killed when troops shelled a village in Idlib province on Friday.",
     ("troops", "ASSAULT", "190", "Two villagers")),
    ("Eleven worshippers were killed when militants bombed a mosque in Peshawar on Friday.",
     ("militants", "ASSAULT", "190", "Eleven worshippers")),
    ("Seven miners were killed when gunmen attacked a gold mine in Burkina Faso on Tuesday.",
     ("gunmen", "ASSAULT", "190", "Seven miners")),
    ("Police raided a market in Kano on Tuesday, arresting 50 traders.",
     ("Police", "COERCE", "170", "Kano")),
    ("Police raided a market in Kano on Tuesday, arresting 50 traders.",
     ("Police", "COERCE", "173", "50 traders")),
    ("Soldiers raided a village in Tillaberi on Monday, detaining 23 men.",
     ("Soldiers", "COERCE", "173", "23 men")),
    ("police raided a church in asmara on sunday, arresting 30 worshippers.",
     ("Police", "COERCE", "170", "Asmara")),
    ("Police raided the offices of a student union in Islamabad on Friday, arresting eight students.",
     ("Police", "COERCE", "173", "eight students")),
    ("Border guards pushed back 200 migrants at the frontier with Belarus on Monday.",
     ("Border guards", "COERCE", "174", "200 migrants")),
    ("Soldiers pushed dozens of refugees back across the border near Cox's Bazar on Sunday.",
     ("Soldiers", "COERCE", "174", "dozens of refugees")),
    ("Gendarmes expelled hundreds of families from a settlement near Abidjan on Monday.",
     ("Gendarmes", "COERCE", "174", "hundreds of families")),
]


@pytest.mark.parametrize(("text", "event"), PROBES)
def test_generic_probe(text, event):
    found = pipeline_events(text, cameo=True)
    assert event in found, f"{text!r}: no {event} in {found}"


def test_an_armed_groups_raid_stays_an_attack():
    found = pipeline_events("Bandits raided a village in Katsina state on Friday and abducted 30 women.", cameo=True)
    assert [c[:2] for _, p, c, _ in found if p == "ASSAULT"] == ["19", "18"], found
