"""Drafting events (stages/events/drafts.py): how the drafts of a document become its events."""

from __future__ import annotations

from events_fixtures import pipeline_events


def test_an_act_told_with_and_without_its_target_is_one_event():
    found = pipeline_events("Bowing to weeks of protests by farmers, Paraguay scrapped the tax on Monday.")
    concessions = [e for e in found if e[0] == "Paraguay" and e[1] == "CONCEDE"]
    assert [e[2] for e in concessions] == ["farmers"], f"one concession, aimed at the farmers: {found}"
    assert ("farmers", "PROTEST", None) in found, f"another doer's act with no target stays: {found}"
    found = pipeline_events("Separatist fighters set fire to a health centre and abducted two nurses in Batibo on Tuesday.")
    attacks = [e for e in found if e[0] == "Separatist fighters" and e[1] == "ASSAULT"]
    assert len(attacks) == 2, f"another act of the same type, with no target, is its own event: {found}"
