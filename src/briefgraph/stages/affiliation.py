"""Affiliation stage (after `places`): each generic actor ("Police", "protesters",
"a Russian official"; knowledge/actors/agents.tsv) gets its country with the reason,
its code (country + role code, or the role alone) and its conflict-data category.

The country, in order (affiliation_country.country_rules; the first that gives one wins):

  nationality  a nationality word or a state's possessive in its own phrase ("Kenyan
               police", "Kenya's police"): set by the actors stage, kept here
  location     the country of the places where its events happened ("arrested ... in
               Ahmedabad"; the places stage sets them)
  dateline     the place a wire story was filed from ("NAIROBI (Reuters) -")
  document     the one country the document's places and states all belong to

and otherwise none (`country: null, country_from: null`): never a guess.

A generic actor that takes part in no event, speaks no quote and is nobody's
affiliation is left out of the record: a description is an actor only when it acts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from ..knowledge import Knowledge
from ..knowledge.generic_agents import PROTESTERS, STATE_FORCES, GenericAgent, GenericAgents
from ..knowledge.kb import KnowledgeBase, name_key
from ..records import Actor, Analysis
from .affiliation_country import CountryRules, country_rules, sentence_at, sentence_start
from .demonym_states import people_of_named_state, states_of_dropped

GENERIC_TYPES = frozenset({"GROUP", "PERSON"})
# a group of these categories that stages a protest is counted as protesters
PROTESTING_CATEGORIES = frozenset({"civilians", "protesters"})
# the role of a protest's people
OPPOSITION_ROLE = "OPP"
# forces from abroad ("foreign troops", "peacekeepers"): where they act says nothing of their country
FOREIGN_CATEGORIES = frozenset({"external forces"})

# "Students in Bangladesh", "rebels throughout Mali": a generic phrase with the state it is in
# (the actors stage codes these groups with that state)
PLACE_TAIL = re.compile(r"\s+(?:in|from|throughout|across|inside)\s+\S.*$", re.IGNORECASE)

def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, Any]]:
    """The affiliation stage for this knowledge (its generic actors, its place prepositions)."""
    generic = knowledge.actors.generic
    rules = country_rules(knowledge.actors.locative_preps, knowledge.case_lexicon,
                          frozenset(knowledge.place_cues["route_nouns"]), partial(is_abroad, generic=generic))
    crowds = knowledge.clauses["crowd_categories"]  # the crowds plain people acted on at a protest or riot join
    return lambda doc: affiliate(doc, knowledge.actors.generic, rules, crowds, knowledge.actors.kb)


def generic_agent(actor: Actor, generic: GenericAgents) -> GenericAgent | None:
    """The generic actor phrase an actor's name ends with, if it is an unnamed one
    (no knowledge-base entry, a group or one person)."""
    if actor.kb_id is not None or actor.type not in GENERIC_TYPES:
        return None
    words = name_key(actor.name).split()
    owners = generic.owners(words[-1], words[:-1]) if len(words) > 1 else None
    if owners is not None:  # "the farmers' union": the farmers' body
        return owners[1]
    found = generic.longest_ending(words)
    return found[1] if found is not None else unnamed_crowd(actor, generic)


def unnamed_crowd(actor: Actor, generic: GenericAgents) -> GenericAgent | None:
    """"Marketeers protested": a group the actors stage made protesters though no agent phrase
    names it (actors.generic.unnamed_protesters), of the role and category of "protesters"."""
    protesters = generic.forms.get(PROTESTERS)
    if protesters is None or actor.type != "GROUP" or actor.country:
        return None
    return protesters if (actor.category, actor.code) == (protesters.category, protesters.role) else None


def state_institution(actor: Actor, generic: GenericAgents, kb: KnowledgeBase | None = None) -> GenericAgent | None:
    """A state's institution named by nationality and a generic noun ("Kenyan police",
    "Kenya's army", "Sri Lankan police": an ORG of the actors stage): the generic phrase, for
    its category; the words before it one nationality word, or the actor's state's name or
    nationality in the knowledge base."""
    if actor.type != "ORG" or actor.kb_id is not None or not actor.country:
        return None
    words = name_key(actor.name).split()
    found = generic.longest_ending(words)
    if found is None or found[0] >= len(words):
        return None
    before = " ".join(words[:len(words) - found[0]])
    return found[1] if found[0] == len(words) - 1 or state_words(before, actor.country, kb) else None


def state_words(words: str, country: str, kb: KnowledgeBase | None) -> bool:
    """Whether `words` name the state `country` or its nationality ("south african")."""
    if kb is None:
        return False
    entry = kb.by_demonym.get(words) or kb.lookup(words)
    return entry is not None and country in (entry.kb_id, entry.country)


def placed_agent(actor: Actor, generic: GenericAgents) -> GenericAgent | None:
    """A group the actors stage coded with the state after its generic phrase ("Students in
    Bangladesh", "Protesters across Chile"): the generic phrase, for its category."""
    if actor.type != "GROUP" or actor.kb_id is not None or not actor.country:
        return None
    head = PLACE_TAIL.sub("", actor.name)
    if head == actor.name:
        return None
    words = name_key(head).split()
    found = generic.longest_ending(words)
    return found[1] if found is not None else None


def affiliate(doc: Analysis, generic: GenericAgents, rules: CountryRules, crowds: frozenset[str],
              kb: KnowledgeBase | None = None) -> dict[str, Any]:
    used = referenced_ids(doc)
    out: list[Actor] = []
    dropped: list[Actor] = []
    for actor in doc.actors:
        agent = generic_agent(actor, generic)
        institution = state_institution(actor, generic, kb) if agent is None else None
        placed = placed_agent(actor, generic) if agent is None and institution is None else None
        if institution is not None:
            out.append(replace(actor, category=institution.category, country_from="nationality"))
        elif placed is not None and actor.id in used:
            origin = " from " in f" {name_key(actor.name)} "  # "fighters from Chad" come from there
            out.append(replace(actor, country_from="nationality" if origin else "location",
                               category=category_of(doc, actor, placed, generic)))
        elif agent is None and not (actor.id not in used and member_group(actor, doc.actors)):
            out.append(actor)
        elif agent is None:
            continue  # "ICRC delegates" who do nothing: the body is the record's actor already
        elif actor.id in used:
            out.append(affiliated(doc, actor, agent, generic, rules, kb))
        else:
            dropped.append(actor)
    out = [crowd_people(doc, a, out, generic, crowds) for a in out]
    if kb is not None:
        out = [a for a in out if not people_of_named_state(a, out, used, kb)]
        out = in_mention_order(out, states_of_dropped(doc.text, dropped, out, kb))
    kept = {a.id for a in out}
    return {"actors": [a if a.affiliation in kept or a.affiliation is None else replace(a, affiliation=None)
                       for a in out]}


def crowd_people(doc: Analysis, actor: Actor, actors: list[Actor], generic: GenericAgents,
                 crowds: frozenset[str]) -> Actor:
    """Plain people (bystander_people.txt: "37 people") whom state forces acted on in a sentence
    where a crowd protested, rioted or was acted on by them too, and who did nothing themselves,
    are that crowd: its role and category ("broke up a march by students and detained 37
    people": EDU; a protesting crowd of plain civilians names no role); else, when they
    count as protesters, the protest's opposition (OPP)."""
    agent = generic_agent(actor, generic)
    if agent is None or agent.concept not in generic.bystanders or any(e.source == actor.id for e in doc.events):
        return actor
    forces = {a.id for a in actors if a.category == STATE_FORCES}
    if any(e.target == actor.id and e.source in forces for e in doc.events):
        crowd = next((a for a in actors if a.id != actor.id and a.category in crowds and a.code
                      and a.country == actor.country and not (a.category == "protesters" and role_of(a) == "CVL")
                      and crowd_beside(doc, a, actor, forces)), None)
        if crowd is not None:
            return replace(actor, category=crowd.category, code=(actor.country or "") + role_of(crowd))
    if actor.category == "protesters":
        return replace(actor, code=(actor.country or "") + OPPOSITION_ROLE)
    return actor


def role_of(actor: Actor) -> str:
    """The role code of a generic actor's code (its last three letters)."""
    return (actor.code or "")[-3:]


def crowd_beside(doc: Analysis, crowd: Actor, actor: Actor, forces: set[str]) -> bool:
    """In a sentence that names the actor, the crowd protests (a rioting crowd: does anything,
    but not to the actor) or state forces act on it."""
    if doc.nlp is None:
        return False
    sents = {s for start, end in actor.mentions if (s := sentence_start(doc, start, end)) is not None}
    for e in doc.events:
        own = e.source == crowd.id and e.target != actor.id and (e.plover == "PROTEST" or crowd.category == "rioters")
        if (own or (e.target == crowd.id and e.source in forces)) and \
                sentence_start(doc, e.evidence.start, max(e.evidence.end, e.evidence.start + 1)) in sents:
            return True
    return False



def referenced_ids(doc: Analysis) -> set[str]:
    """Ids of actors that events or quotes refer to (an actor kept only as another's
    affiliation loses that affiliation with it)."""
    ids = {e.source for e in doc.events} | {e.target for e in doc.events} | {q.speaker for q in doc.quotes}
    return {i for i in ids if i}


def is_abroad(actor: Actor, generic: GenericAgents) -> bool:
    """A generic actor from abroad (`from_abroad`)."""
    agent = generic_agent(actor, generic)
    return agent is not None and from_abroad(agent, generic)


def from_abroad(agent: GenericAgent, generic: GenericAgents) -> bool:
    """Forces from abroad ("foreign troops", "peacekeepers") and people from another country
    ("migrants", "refugees"; foreign_people.txt): where they are says nothing of their country."""
    return agent.category in FOREIGN_CATEGORIES or agent.concept in generic.foreign_people


def in_mention_order(kept: list[Actor], added: list[Actor]) -> list[Actor]:
    """The record lists actors in order of first mention: each added actor (a state that
    only a left-out description names, "Two Pakistani police officers ...") goes before the
    first kept actor mentioned after it, keeping its own id."""
    out = list(kept)
    for actor in added:
        first = min(actor.mentions)[0] if actor.mentions else float("inf")
        k = next((i for i, a in enumerate(out) if a.mentions and min(a.mentions)[0] > first), len(out))
        out.insert(k, actor)
    return out


def member_group(actor: Actor, actors: list[Actor]) -> bool:
    """An unnamed group of a named body's people ("ICRC delegates", "Red Crescent volunteers"):
    a GROUP with no entry whose name is another actor's name or alias followed by lower-case
    words only. Unused, it says nothing the body's own actor does not."""
    if actor.type != "GROUP" or actor.kb_id is not None:
        return False
    for other in actors:
        if other.id == actor.id or other.type == "GROUP":
            continue
        for name in (other.name, *other.aliases):
            rest = actor.name[len(name):] if actor.name.startswith(name + " ") else ""
            if rest.strip() and rest.strip().replace(" ", "").isalpha() and rest.strip().islower():
                return True
    return False


def affiliated(doc: Analysis, actor: Actor, agent: GenericAgent, generic: GenericAgents, rules: CountryRules,
               kb: KnowledgeBase | None = None) -> Actor:
    country, reason = actor.country, actor.country_from
    if country:  # its nationality: the actors stage coded it ("Zambian people" are ZMB, the people)
        return replace(actor, country_from=reason or "nationality", code=actor.code or country + agent.role,
                       category=category_of(doc, actor, agent, generic))
    country = group_country(actor, agent, kb)
    if country:  # "Hezbollah fighters": the group's members, of the group's country
        return replace(actor, country=country, country_from="nationality", code=country + agent.role,
                       category=category_of(doc, actor, agent, generic))
    for name, rule in rules if not from_abroad(agent, generic) else ():
        country = rule(doc, actor)
        if country:
            reason = name
            break
    return replace(actor, country=country or None, country_from=reason if country else None,
                   code=(country or "") + agent.role,
                   category=category_of(doc, actor, agent, generic))


def group_country(actor: Actor, agent: GenericAgent, kb: KnowledgeBase | None) -> str | None:
    """"Hezbollah fighters", "Houthi gunmen", "M23 rebels": the members of a named armed group
    or organisation (a knowledge-base ORG named in the words before the generic form) are of the
    group's country, not of where they fought; None without such a group or with no country."""
    if kb is None:
        return None
    words = name_key(PLACE_TAIL.sub("", actor.name)).split()
    words = words[:len(words) - len(agent.form.split())]
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            entry = kb.lookup(" ".join(words[i:i + n])) or kb.by_demonym.get(" ".join(words[i:i + n]))
            if entry is not None and entry.type == "ORG" and entry.country:
                return entry.country
    return None


def category_of(doc: Analysis, actor: Actor, agent: GenericAgent, generic: GenericAgents) -> str | None:
    """The agent's category; civilians who stage a protest, or are named in a sentence
    about one, are protesters."""
    category = agent.category
    if category not in PROTESTING_CATEGORIES:
        return category
    if any(e.source == actor.id and e.plover == "PROTEST" for e in doc.events):
        return "protesters"
    return "protesters" if in_protest_sentence(doc, actor, generic) else category


def in_protest_sentence(doc: Analysis, actor: Actor, generic: GenericAgents) -> bool:
    """A mention of the actor in a sentence with a protest word (not the strike of "air
    strikes") or a PROTEST event."""
    if doc.nlp is None:
        return False
    protests = [e.evidence.start for e in doc.events if e.plover == "PROTEST"]
    for start, end in actor.mentions:
        sent = sentence_at(doc, start, end)
        if sent is None:
            continue
        if any(is_protest_word(t, generic) for t in sent) or any(
                sent.start_char <= p < sent.end_char for p in protests):
            return True
    return False


def is_protest_word(token: Any, generic: GenericAgents) -> bool:
    """A protest word, unless a strike an attack word modifies ("air strikes", "a drone strike")."""
    if token.lower_ not in generic.protest_words:
        return False
    before = token.nbor(-1) if token.i > 0 else None
    return not (token.lemma_.lower() == "strike" and (
        any(c.lower_ in generic.attack_strikes for c in token.children if c.dep_ in ("compound", "amod"))
        or (before is not None and before.lower_ in generic.attack_strikes)))
