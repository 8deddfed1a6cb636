"""Incidents: harm and force told with no doer. "Three schoolchildren were wounded when a
grenade was thrown", "Two priests were kidnapped from their parish house", "A journalist was
arrested on Tuesday": conflict data count these (the dead, the wounded, the held) whoever did
them, so each becomes an event with a `null` source, its target the actor the passive names
as harmed, with the date, place and numbers of any event.

An incident is an agentless passive (no "by" phrase, no acting token the subject rules find)
or a past participle describing the people harmed and telling when or in what ("41 people
detained during protests last week"), whose target is a person or group (not a place),
whose coding is harm or force done to people (clauses.txt `incident_codes`), told as a fact
(asserted or reported, not planned), in a sentence that tells no act of such a type with its
doer (then the harm is that act's toll: "were injured when police baton-charged traders"),
and whose trigger no draft took (agentless.py lends a doer the story told of first: "Four
people were detained" after riot police charged the crowd is the police's arrest).

The record keeps incidents apart from `events`, whose every entry has a doer (the pipeline's
last stage, `stages/incidents.py`, moves them): the shared convention codes an event as one
actor's act on another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...records import Actor, Event, Evidence
from .arguments import actor_of
from .coding import is_event_noun, plover_type, verb_coding
from .dates import event_date
from .drafts import clause_span, location, passive
from .modality import FACT_MODES, modality
from .sections import codable_sentence
from .syntax import negated
from .targets import PLACE_TYPES, Late
from .triggers import is_verb_candidate, verb_found
from .verb_vetoes import VERB_VETOES

if TYPE_CHECKING:
    from .context import Context
    from .drafts import Draft, Found


def incident_events(ctx: Context, drafts: list[Draft], first_id: int) -> list[Event]:
    """The document's incidents, ids e<first_id>, e<first_id + 1>, ... in text order."""
    taken = {d.trigger.i for d in drafts}
    found = [f for sent in ctx.nlp.sents if codable_sentence(ctx, sent) and not doer_told(ctx, sent, drafts)
             for f in sentence_incidents(ctx, sent, taken)]
    return [_event(ctx, f, harmed, f"e{first_id + n}") for n, (f, harmed) in enumerate(found)]


def sentence_incidents(ctx: Context, sent: Span, taken: set[int]) -> list[tuple[Found, Actor | None]]:
    """The sentence's agentless passives of a counted type, each with the actor harmed (none for
    an act on things: "their vehicle was set on fire", "a curfew was imposed")."""
    out: list[tuple[Found, Actor | None]] = []
    for verb in sent:
        if verb.i in taken or not is_verb_candidate(verb):
            continue
        coding = verb_coding(ctx.know.patterns, verb)
        if coding is None or not (counted(ctx, coding.cameo) or on_things(ctx, coding.cameo)):
            continue
        if any(veto(ctx, verb, coding) for veto in VERB_VETOES) or by_mishap(ctx, verb):
            continue
        found = verb_found(ctx, verb, coding)
        if not doerless(ctx, found) or modality(ctx, verb) not in FACT_MODES:
            continue
        harmed = harmed_actor(ctx, found) if counted(ctx, coding.cameo) else None
        if harmed is not None or (on_things(ctx, coding.cameo) and done_to_things(ctx, verb)):
            out.append((found, harmed))
    return out


def doer_told(ctx: Context, sent: Span, drafts: list[Draft]) -> bool:
    """"Five people were injured when police baton-charged traders", "a police team was attacked
    by a mob, and two constables were injured": the sentence tells an act of a counted type with
    its doer, and the harm told without one is that act's toll, not an incident of its own."""
    return any(sent.start <= d.trigger.i < sent.end and not d.negated and counted(ctx, d.coding.cameo) for d in drafts)


def counted(ctx: Context, cameo: str) -> bool:
    """A code of harm or force done to people (clauses.txt `incident_codes`)."""
    return cameo.startswith(tuple(ctx.clause_words("incident_codes")))


def on_things(ctx: Context, cameo: str) -> bool:
    """A code of force told of things or places with no doer: property destroyed, a curfew
    imposed, troops deployed (clauses.txt `thing_incident_codes`)."""
    return cameo.startswith(tuple(ctx.clause_words("thing_incident_codes")))


def done_to_things(ctx: Context, verb: Token) -> bool:
    """The passive's subject is a thing or the forces sent, not a place or a state ("their vehicle
    was set on fire", "troops were deployed"; not "Kharkiv was shelled": a place is where)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects:
        return False
    actor = actor_of(ctx, subjects[0], target=True)
    return actor is None or actor.type not in PLACE_TYPES


def by_mishap(ctx: Context, verb: Token) -> bool:
    """"60 people injured in the stampede", "homes destroyed in the floods": harm the clause
    puts down to an accident or a disaster (clauses.txt `mishap_nouns`) is no act of force."""
    mishaps = ctx.clause_words("mishap_nouns")
    told = [t for c in verb.children if c.dep_ in ("prep", "advcl", "agent") for t in c.subtree]
    return any(t.lemma_.lower() in mishaps for t in told)


def doerless(ctx: Context, found: Found) -> bool:
    """A passive whose acting tokens stand for no actor ("were wounded", "was detained"), or a
    past participle describing the people it was done to ("41 people detained during protests")."""
    verb = found.trigger
    if described_patient(ctx, verb) is not None:
        return True
    return passive(verb) and all(actor_of(ctx, t) is None for t in found.sources)


def described_patient(ctx: Context, verb: Token) -> Token | None:
    """"41 people detained during protests last week", "dozens wounded in an artillery strike":
    the noun a past participle with no "by" phrase describes, when the participle tells when or
    in what it happened (a date, or an event noun); "detainees held in Malian prisons" is a
    state, not an act."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return None
    told = [t for c in verb.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree]
    if any(t.ent_type_ in ("DATE", "TIME") or is_event_noun(ctx.know.patterns, t) for t in told):
        return verb.head
    return None


def harmed_actor(ctx: Context, found: Found) -> Actor | None:
    """The noun a participle describes, else the first target candidate that stands for an actor
    (before the rules' late guesses)."""
    patient = described_patient(ctx, found.trigger)
    if patient is not None:
        return person_or_group(actor_of(ctx, patient, target=True))
    for token in found.targets:
        if isinstance(token, Late):
            return None
        actor = actor_of(ctx, token, target=True)
        if actor is not None:
            return person_or_group(actor)
    return None


def person_or_group(actor: Actor | None) -> Actor | None:
    """Incidents harm people: a place the clause names ("property in the United States was
    blocked") is where, not whom."""
    return actor if actor is not None and actor.type not in PLACE_TYPES else None


def _event(ctx: Context, found: Found, harmed: Actor | None, event_id: str) -> Event:
    codes = ctx.know.patterns.codes
    start, end = clause_span(found)
    trigger: Token = found.trigger
    return Event(
        id=event_id, source=None, target=harmed.id if harmed else None, plover=plover_type(codes, found.coding),
        cameo=found.coding.cameo, negated=negated(trigger), modality=modality(ctx, trigger),
        date=event_date(ctx, found.clause, start), location=location(ctx, found.clause), trigger=trigger.text,
        evidence=Evidence(start, end, ctx.text[start:end]), goldstein=codes.goldstein_of(found.coding.cameo))
