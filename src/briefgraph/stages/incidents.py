"""Incidents stage: the record's `events` are acts with a doer ("who did what to whom");
the events the events stage found with no doer ("Three schoolchildren were wounded", source
null: stages/events/incidents.py) are the record's `incidents`, with the same fields.

It runs last, so the magnitudes, places and affiliation stages read incidents as any event
(the toll of "Two priests were kidnapped", its place, the country of the priests).
"""

from __future__ import annotations

from collections.abc import Callable

from ..knowledge import Knowledge
from ..records import Analysis, Event


def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, list[Event]]]:
    """The incidents stage (it reads no knowledge)."""
    return split_incidents


def split_incidents(doc: Analysis) -> dict[str, list[Event]]:
    """The events with a source stay events; those without are incidents."""
    return {"events": [e for e in doc.events if e.source is not None],
            "incidents": [*doc.incidents, *(e for e in doc.events if e.source is None)]}
