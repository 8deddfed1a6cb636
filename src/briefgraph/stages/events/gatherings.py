"""Crowd gatherings: "Protesters gathered outside parliament", "Supporters of the former
president massed outside the court", "hundreds of villagers assembled at the district office
in protest", "Protesters chanted outside the court". A crowd coming together, or doing what
a demonstration is made of, is how conflict data count a demonstration (CAMEO 141,
PROTEST), but the pattern dictionary reads these verbs as a meeting of leaders (CAMEO 040
with a partner) or not at all. A verb of knowledge/actors/gatherings.txt
`crowd_gathering_verbs` or `crowd_protest_verbs` whose subject is a crowd (clauses.txt
`crowd_categories`: protesters, rioters), or any generic group in a sentence about a protest
(protest_words.txt), is that crowd's demonstration; a weak meeting coding of the same verb gives way to it. Other
subjects ("Leaders gathered in Brussels", "worshippers gathered for prayers") keep the
dictionary's reading, and people gathering for a feast, a rite or a show meet nobody ("mourners
gathered for the funeral"). A crowd or plain people (clauses.txt `property_categories`) destroying
property with a verb no pattern codes (gatherings.txt `destruction_verbs`: "youths burnt a police
post", "supporters burned tyres", "shops were looted by rioters") is drafted as destruction,
which crowds.crowd_coding makes a riot (CAMEO 145); not when done to people or to what is no one's
property (`burnt_no_property`).

GATHERING_SOURCES decide, in order, whether a subject actor counts as a gathering crowd
(each returns True to accept it)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...knowledge.patterns import Coding
from ...records import Actor
from .coding import plover_type
from .crowds import named_for_crowds, of_category, policed_protest
from .draft_filters import not_a_fact
from .drafts import make_drafts
from .syntax import children, prep_objects
from .targets import PLACE_TYPES
from .triggers import is_verb_candidate, verb_found

if TYPE_CHECKING:
    from .context import Context
    from .drafts import Draft

DEMONSTRATE = "141"
SOURCE = "actors/gatherings.txt"
GATHERING = Coding(DEMONSTRATE, None, SOURCE)
DESTRUCTION = Coding("1712", None, SOURCE)  # destroying property, a riot when a crowd does it
# gatherings.txt: verbs of a crowd coming together, and of its demonstrative acts ("chanted")
LIST_NAMES = ("crowd_gathering_verbs", "crowd_protest_verbs")

GatheringSource = Callable[["Context", Token, Actor], bool]


def crowd_subject(ctx: Context, verb: Token, actor: Actor) -> bool:
    """"Protesters gathered", "a mob assembled": the subject is a crowd by what it is."""
    return of_category(ctx, actor, "crowd_categories")


def group_in_protest(ctx: Context, verb: Token, actor: Actor) -> bool:
    """"Hundreds of villagers gathered outside the district office to protest the eviction":
    a generic group of people, in a sentence that says it is a protest (protest_words.txt)."""
    if actor.type != "GROUP" or not actor.category:
        return False
    words = ctx.know.generic.protest_words
    return any(t.lower_ in words for t in verb.sent)


def named_a_crowd(ctx: Context, verb: Token, actor: Actor) -> bool:
    """"A crowd of about 2,000 people gathered", "the crowd that gathered outside the market":
    a subject named by a crowd word (gatherings.txt `crowd_words`)."""
    words = ctx.know.generic.gatherings.get("crowd_words", frozenset())
    subject = verb.head if verb.dep_ == "relcl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ in words


def gathered_to_demand(ctx: Context, verb: Token, actor: Actor) -> bool:
    """"Residents gathered outside the town hall to demand clean water", "farmers paraded through
    the town demanding higher prices": a generic group coming together for what a demonstration
    is for (gatherings.txt `protest_purpose_verbs`, the verb of a purpose or participle clause)."""
    if actor.type != "GROUP" or not actor.category:
        return False
    purposes = ctx.know.generic.gatherings.get("protest_purpose_verbs", frozenset())
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in purposes for c in verb.children)


def counted_at_seat(ctx: Context, verb: Token, actor: Actor) -> bool:
    """"Hundreds of pensioners gathered outside parliament", "300 teachers assembled outside the
    governorate": a counted generic group (a count word of gatherings.txt `count_heads` or a
    number) coming together at a seat of power (`seats_of_power`), with no object, no "for"
    phrase and no purpose but a protest's ("gathered for prayers", "gathered their belongings",
    "gathered outside the palace to mourn the chief" are no demonstration)."""
    lists = ctx.know.generic.gatherings
    misread = misread_places(verb)
    objects = [o for o in children(verb, "dobj") if o not in misread]
    if actor.type != "GROUP" or not actor.category or not counted(lists, verb) or objects:
        return False
    if other_purpose(lists, verb):
        return False
    seats = lists.get("seats_of_power", frozenset())
    places = [*prep_objects(verb, SEAT_PREPS), *misread]
    return any(t.lemma_.lower() in seats for place in places for t in (place, *prep_objects(place, ("of",))))


SEAT_PREPS = ("outside", "at", "before", "in", "near", "to", "on")
# prepositions the parser may read as a modifier of the place, the place as the verb's object
MISREAD_PREPS = frozenset({"outside", "near", "inside"})


def misread_places(verb: Token) -> list[Token]:
    """"gathered outside parliament in Bucharest": the parser's object with "outside" as its modifier
    is the place the preposition governs, no object."""
    return [o for o in children(verb, "dobj") if any(
        c.i < o.i and c.lower_ in MISREAD_PREPS and c.dep_ in ("amod", "advmod", "prep") for c in o.children)]


def other_purpose(lists: Mapping[str, frozenset[str]], verb: Token) -> bool:
    """The gathering is for something ("for prayers") or has a purpose or participle clause that is
    no protest's (gatherings.txt `protest_purpose_verbs`: "to mourn", "to celebrate")."""
    purposes = lists.get("protest_purpose_verbs", frozenset())
    return bool(prep_objects(verb, ("for",))) or any(
        c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() not in purposes for c in verb.children)


def counted(lists: Mapping[str, frozenset[str]], verb: Token) -> bool:
    """The verb's subject is counted: "hundreds of pensioners", "300 teachers"."""
    heads = lists.get("count_heads", frozenset())
    return any(s.lower_ in heads or s.like_num or any(c.dep_ == "nummod" for c in s.children)
               for s in children(verb, "nsubj"))


GATHERING_SOURCES: tuple[GatheringSource, ...] = (
    crowd_subject, group_in_protest, named_a_crowd, gathered_to_demand, counted_at_seat)


def is_gathering_verb(ctx: Context, verb: Token) -> bool:
    lists = ctx.know.generic.gatherings
    lemma = verb.lemma_.lower()
    return is_verb_candidate(verb) and any(lemma in lists.get(name, frozenset()) for name in LIST_NAMES)


def crowd_gatherings(ctx: Context, sent: Span, drafts: list[Draft]) -> list[Draft]:
    """The sentence's drafts with its crowd gatherings as demonstrations: a weak coding of a
    gathering verb by a crowd recoded (dropped when the sentence tells the crowd's protest
    already: "assembled ... to protest"), a gathering verb no pattern made a draft of drafted."""
    out = []
    for draft in drafts:
        if people_meeting_a_place(ctx, draft) or festive_meeting(ctx, draft) or named_for_crowds(ctx, draft) \
                or policed_protest(ctx, draft, drafts):
            continue
        if not weak_gathering(ctx, draft):
            out.append(draft)
        elif not protests(ctx, draft.source, [d for d in drafts if d is not draft]):
            out.append(replace(draft, coding=GATHERING))
    taken = {d.trigger.i for d in drafts}
    for verb in sent:
        if verb.i in taken:
            continue
        if is_gathering_verb(ctx, verb):
            new = [d for d in make_drafts(ctx, verb_found(ctx, verb, GATHERING))
                   if gathers(ctx, verb, d.source) and not protests(ctx, d.source, out)]
        elif is_destruction_verb(ctx, verb):
            new = [d for d in make_drafts(ctx, verb_found(ctx, verb, DESTRUCTION))
                   if crowd_or_people(ctx, d.source) and not on_people(ctx, d.target)]
        else:
            continue
        out.extend(d for d in new if not not_a_fact(ctx, d, [*out, d]))
    return out


def is_destruction_verb(ctx: Context, verb: Token) -> bool:
    """"Youths burnt a police post", "opposition supporters burned tyres", "shops were looted by
    rioters": a verb of gatherings.txt `destruction_verbs` with an object (`destroyed`), which no
    pattern coded (it is no draft)."""
    lists = ctx.know.generic.gatherings
    spared = lists.get("burnt_no_property", frozenset())
    return is_verb_candidate(verb) and verb.lemma_.lower() in lists.get("destruction_verbs", frozenset()) and any(
        c.lemma_.lower() not in spared for c in destroyed(verb))


def destroyed(verb: Token) -> list[Token]:
    """What the verb destroys: its object, or the subject of its passive with a doer ("a police
    post was burned by youths", "shops were looted by rioters"; not "the post was burned")."""
    if children(verb, "agent"):
        return [*children(verb, "dobj"), *children(verb, "nsubjpass")]
    return children(verb, "dobj")


def on_people(ctx: Context, target: Actor | None) -> bool:
    """"A mob burned a man to death": done to people (a person, or a group of clauses.txt
    `crowd_categories` or `property_categories`: plain people, not what they own), it is no
    destruction of property."""
    people = ctx.clause_words("crowd_categories") | ctx.clause_words("property_categories")
    return target is not None and target.type not in PLACE_TYPES and (
        target.type == "PERSON" or target.category in people)


def crowd_or_people(ctx: Context, actor: Actor) -> bool:
    """A crowd (clauses.txt `crowd_categories`) or plain people (`property_categories`): their
    destruction is a riot (crowds.crowd_coding recodes it); an armed group's is left to the patterns."""
    return of_category(ctx, actor, "crowd_categories") or of_category(ctx, actor, "property_categories")


def protests(ctx: Context, actor: Actor, drafts: list[Draft]) -> bool:
    """"assembled at the district office to protest": the sentence tells the actor's protest already."""
    codes = ctx.know.patterns.codes
    return any(d.source.id == actor.id and plover_type(codes, d.coding) == "PROTEST" for d in drafts)


def gathers(ctx: Context, verb: Token, actor: Actor) -> bool:
    return not festive_end(ctx.know.generic.gatherings, verb) and any(
        rule(ctx, verb, actor) for rule in GATHERING_SOURCES)


def festive_end(lists: Mapping[str, frozenset[str]], verb: Token) -> bool:
    """"Crowds gathered in Kathmandu to celebrate the New Year", "crowds gathered for the festival",
    "a crowd gathered outside the hospital to mourn the victims": a gathering whose purpose clause
    (gatherings.txt `festive_purposes`) or "for" phrase (`festive_occasions`) is a feast, a rite or
    a show is no demonstration, whoever gathers."""
    purposes = lists.get("festive_purposes", frozenset())
    occasions = lists.get("festive_occasions", frozenset())
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in purposes for c in verb.children) \
        or any(t.lemma_.lower() in occasions for t in prep_objects(verb, ("for",)))


def people_meeting_a_place(ctx: Context, draft: Draft) -> bool:
    """"Worshippers gathered at the mosque in Kano": people of a generic group (one with a
    category) coming together at a place meet nobody; the weak meeting coding has no partner."""
    return draft.kind == "verb" and draft.coding.weak and is_gathering_verb(ctx, draft.trigger) \
        and bool(draft.source.category) and draft.target is not None and draft.target.type in PLACE_TYPES \
        and not gathers(ctx, draft.trigger, draft.source)


def festive_meeting(ctx: Context, draft: Draft) -> bool:
    """"Mourners gathered for the funeral of the slain journalist", "pilgrims gathered in Karbala for
    the Arbaeen festival": people of a generic group (one with a category) coming together for a
    feast, a rite or a show (`festive_end`) meet nobody; the weak meeting coding is dropped."""
    return draft.kind == "verb" and draft.coding.weak and bool(draft.source.category) \
        and is_gathering_verb(ctx, draft.trigger) and festive_end(ctx.know.generic.gatherings, draft.trigger)


def weak_gathering(ctx: Context, draft: Draft) -> bool:
    """A weak (generated, no context word) coding of a gathering verb by a gathering crowd."""
    return draft.kind == "verb" and draft.coding.weak and is_gathering_verb(ctx, draft.trigger) \
        and gathers(ctx, draft.trigger, draft.source)
