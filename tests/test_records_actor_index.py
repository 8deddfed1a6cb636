"""`records.actor_at` answered from an index of the mentions: the same actor as a scan
of every mention, including ties, and a fresh answer when the mentions change."""

from __future__ import annotations

import random

from briefgraph.records import Actor, ActorIndex, actor_at


def _scan(actors, start, end):
    best, best_overlap = None, 0
    for actor in actors:
        for m_start, m_end in actor.mentions:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
    return best


def _actors(rng, n):
    actors = []
    for i in range(n):
        mentions = []
        for _ in range(rng.randint(0, 4)):
            start = rng.randint(0, 300)
            mentions.append((start, start + rng.randint(1, 30)))
        actors.append(Actor(id=f"a{i}", name=f"Actor {i}", type="PERSON", mentions=mentions))
    return actors


def test_the_index_names_the_same_actor_as_a_scan_of_every_mention():
    rng = random.Random(5)
    for _ in range(200):
        actors = _actors(rng, rng.randint(0, 12))
        index = ActorIndex(actors)
        for _ in range(40):
            start = rng.randint(-5, 330)
            end = start + rng.randint(-2, 40)
            want = _scan(actors, start, end)
            assert index.at(start, end) is want, f"span {start}-{end}: expected {want and want.id}"
            assert actor_at(actors, start, end) is want


def test_a_tie_goes_to_the_first_actor():
    first = Actor(id="a1", name="Ruiz", type="PERSON", mentions=[(10, 14)])
    second = Actor(id="a2", name="Ana Ruiz", type="PERSON", mentions=[(6, 14)])
    assert actor_at([first, second], 10, 14) is first
    assert actor_at([second, first], 10, 14) is second


def test_a_changed_mention_list_is_seen():
    actor = Actor(id="a1", name="Ruiz", type="PERSON", mentions=[(10, 14)])
    actors = [actor]
    assert actor_at(actors, 40, 45) is None
    actor.mentions.append((40, 45))
    assert actor_at(actors, 40, 45) is actor, "a mention added after a lookup must be found"
    actors.append(Actor(id="a2", name="Chile", type="GPE", mentions=[(60, 65)]))
    assert actor_at(actors, 60, 65).id == "a2"
