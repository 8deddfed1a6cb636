"""stages/events/target_choice.py: whom an event is aimed at, on sentences written for it."""

from __future__ import annotations

from briefgraph.stages.events import target_choice
from events_fixtures import pipeline_events


def test_accused_state():
    events = pipeline_events("Nepal's foreign minister accused India of a breach of the border treaty and demanded "
                             "the return of the seized lorries.")
    assert [e for e in events if e[1] == "REQUEST" and e[2] == "India"], \
        f"a demand told with an accusation of a state is made of that state: {events}"
    events = pipeline_events("The union praised the ministry's offer and demanded the release of the two organisers.")
    assert not [e for e in events if e[1] == "REQUEST" and e[2] == "India"], "no accusation, no state"
    assert target_choice.ACCUSATION_ROOT == "11"
