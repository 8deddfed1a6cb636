"""The states that descriptions left out of the record still mention.

"Honduran lawmakers will restore funding ..." names no event, so the affiliation stage
leaves the description "Honduran lawmakers" out of the record (a description is an actor
only when it acts). Its nationality word still mentions a state (annotation.md: every
state the text mentions is an entity; a demonym counts as a mention of its state), so the
state stays an actor of the record, with the nationality word as its mention, unless the
record has that state already. A people is not its state: "Palestinians", "the Palestinian
people" (PEOPLE_NOUNS) keep none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..knowledge.kb import KBEntry, KnowledgeBase, name_key
from ..records import Actor

WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# a demonym before these nouns, or alone, names a people rather than its state
PEOPLE_NOUNS = frozenset({"people", "peoples", "population", "populations", "public", "nation"})


def states_of_dropped(text: str, dropped: Iterable[Actor], kept: list[Actor], kb: KnowledgeBase) -> list[Actor]:
    """A state actor for each state a dropped description names by nationality, in order
    of first mention, numbered after the kept actors."""
    have = {a.kb_id for a in kept if a.kb_id}
    found: dict[str, tuple[KBEntry, list[tuple[int, int]]]] = {}
    for actor in dropped:
        if not actor.country or actor.country in have:
            continue
        entry = kb.entries.get(actor.country)
        if entry is None or not entry.is_state():
            continue
        state = entry
        spans = [span for span in (state_word(text, m, state, kb) for m in actor.mentions) if span]
        if spans:
            found.setdefault(entry.kb_id, (entry, []))[1].extend(spans)
    next_id = 1 + max((int(a.id[1:]) for a in kept if a.id[1:].isdigit()), default=0)
    out: list[Actor] = []
    for n, (entry, spans) in enumerate(sorted(found.values(), key=lambda f: min(f[1])), start=next_id):
        out.append(Actor(id=f"a{n}", name=entry.name, type="GPE", country=entry.kb_id, code=entry.code or entry.kb_id,
                         mentions=sorted(set(spans)), kb_id=entry.kb_id))
    return out


def state_word(text: str, mention: tuple[int, int], entry: KBEntry, kb: KnowledgeBase) -> tuple[int, int] | None:
    """The span of the word of a mention that names the state (its demonym or its name,
    possessive included: "Honduran", "Kenya's")."""
    start, end = mention
    words = list(WORD.finditer(text, start, end))
    if len(words) < 2 or words[-1].group(0).lower() in PEOPLE_NOUNS:
        return None
    for word in words:
        bare = re.sub(r"['’]s$", "", word.group(0))
        key = name_key(bare)
        hit = kb.by_demonym.get(key) or kb.by_name.get(key)
        if hit is not None and hit.kb_id == entry.kb_id:
            return word.start(), word.start() + len(bare)
    return None


def people_of_named_state(actor: Actor, kept: list[Actor], used: set[str], kb: KnowledgeBase) -> bool:
    """A state's people named by its demonym ("Omanis and Emiratis were one family", "Two of
    the detainees are Emirati citizens") that takes part in no event, speaks no quote and is
    nobody's affiliation, when the record has that state: the demonym is a mention of the state
    (annotation.md), so the people are no actor of their own, as unused descriptions are none.
    One word, the plural demonym, or the demonym and a noun of civilians (code <state>CVL);
    "Palestinian factions" (a body) stays."""
    if actor.type != "GROUP" or actor.kb_id or actor.id in used or not actor.country:
        return False
    if not any(a.kb_id == actor.country for a in kept) or any(a.affiliation == actor.id for a in kept):
        return False
    words = name_key(actor.name).split()
    entry = kb.by_demonym.get(words[0]) if words else None
    if entry is None or entry.kb_id != actor.country or not entry.is_state():
        return False
    return len(words) == 1 or (len(words) == 2 and actor.code == f"{actor.country}CVL")
