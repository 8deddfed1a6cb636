"""Every state's nationality word names it: "Nigerien troops closed the border" is Niger's act
(knowledge/actors/demonyms.csv merged into the knowledge base; the whole pipeline, one sentence
a state)."""

from __future__ import annotations

from briefgraph.knowledge import Knowledge
from briefgraph.knowledge.kb import name_key
from briefgraph.pipeline import analyse
from briefgraph.records import Analysis, RawDocument

KB = Knowledge.default().actors.kb
STATES = sorted((e for e in KB.entries.values() if e.is_state() and e.demonyms), key=lambda e: e.kb_id)


def sharers(demonym: str) -> set[str]:
    """The states whose demonyms include `demonym` ("Congolese": both Congos)."""
    return {e.kb_id for e in STATES if name_key(demonym) in {name_key(d) for d in e.demonyms}}


def test_every_demonym_is_known_as_its_states():
    wrong = [(e.kb_id, d) for e in STATES for d in e.demonyms
             if (KB.by_demonym.get(name_key(d)) is None or KB.by_demonym[name_key(d)].kb_id not in sharers(d))]
    assert not wrong, f"demonyms the knowledge base does not give their state: {wrong}"


def test_every_states_demonym_names_the_state_in_a_sentence():
    texts = [f"{e.demonyms[0]} officials closed the border on Monday." for e in STATES]
    docs = [RawDocument(text=t, source=f"d{i}", format="text") for i, t in enumerate(texts)]
    missed = []
    for entry, doc in zip(STATES, analyse(docs), strict=True):
        assert isinstance(doc, Analysis), doc
        states = {a.kb_id or a.country for a in doc.actors}
        if not states & sharers(entry.demonyms[0]):
            missed.append((entry.kb_id, entry.demonyms[0], [a.name for a in doc.actors]))
    assert not missed, f"demonyms that name no state actor: {missed}"
