"""Which candidate an event is aimed at: the first candidate token that stands for an actor other
than the source (targets.py finds the candidates, in order), skipping the place beside the people an
act is done to and the site of a symmetric act, and giving way to the state of a site abroad."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...knowledge.generic_agents import STATE_FORCES
from ...knowledge.patterns import Coding
from ...records import Actor
from .arguments import actor_of
from .coding import DEMAND_ROOT, root, verb_coding
from .syntax import children
from .targets import PLACE_TYPES, Candidate, Late

if TYPE_CHECKING:
    from .context import Context
    from .drafts import Draft


def choose_target(ctx: Context, source: Actor, partner: Actor | None, candidates: list[Candidate],
                  coding: Coding) -> Actor | None:
    """The first candidate that stands for an actor other than the source. At
    LATE a weak coding stops, and a coordinated partner ("X and Y resumed talks
    in Caracas") comes before the guesses."""
    locations = ctx.shared_words("locative_preps")
    for n, token in enumerate(candidates):
        if isinstance(token, Late):
            if coding.weak:
                break
            if partner is not None:
                return partner
            continue
        if partner is not None and token.dep_ == "pobj" and token.head.lower_ in locations:
            continue  # "X and Y resumed talks in Caracas": the place, not the other party
        candidate = actor_of(ctx, token, target=True)
        if candidate is not None and candidate.id != source.id:
            if candidate.type in PLACE_TYPES and (place_beside_people(ctx, token, candidates[:n])
                                                  or place_of_people_act(ctx, token, candidate, coding)):
                continue
            if own_forces_moved(ctx, candidate, source, coding) \
                    or own_side_announced(ctx, token, candidate, source, coding):
                continue
            if partner is not None and candidate.type in PLACE_TYPES and not candidate.code:
                continue  # "X and Y agreed to a ceasefire at the Torkham crossing": a site, not a party
            if partner is not None and candidate.id != partner.id and (candidate.country == source.country
                                                                       or candidate.name.islower()):
                continue  # "the Chinese and Indian sides agreed to pull back troops": its own, not a party
            return site_state(ctx, token, candidate, source, coding) or candidate
    return partner  # set only for symmetric codes and reciprocal clauses


def own_forces_moved(ctx: Context, candidate: Actor, source: Actor, coding: Coding) -> bool:
    """"Sudan deployed thousands of troops to the border", "40,000 reservists were called up by
    Venezuela", "Eritrea's withdrawal of troops from Tigray": in a show, move or pullout of force
    (clauses.txt `own_forces_roots`, codes or their prefixes) the source's own state forces (of its
    state, or of none named) are what it moves, not whom the act is aimed at."""
    return candidate.category == STATE_FORCES and candidate.country in (None, source.country) \
        and coding.cameo.startswith(tuple(ctx.clause_words("own_forces_roots")))


THREAT_ROOT = "13"


def own_side_announced(ctx: Context, token: Token, candidate: Actor, source: Actor, coding: Coding) -> bool:
    """"Baghdad would ask coalition troops to leave if attacks continued, a senior Iraqi official
    warned": a threat whose complement tells what the speaker's own side (its state, or an actor of
    its country) would do is aimed at whom that act would be done to (targets.announced_action_targets),
    not at its own side, the complement's subject."""
    return root(coding) == THREAT_ROOT and source.country is not None and candidate.country == source.country \
        and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ccomp"


def site_state(ctx: Context, token: Token, candidate: Actor, source: Actor, coding: Coding) -> Actor | None:
    """"Vilnius closed its consulate in Kaliningrad and ordered Russian consular staff out": a
    diplomatic or material act (clauses.txt `site_state_roots`) at a site in another state, named
    after in/at/near, is aimed at that state when the sentence names it; the site is where it happened.
    A site the gazetteer does not place ("Japan will provide a grant for a new weather radar at Cedar
    Ridge" after "The Governments of Jamaica and Japan signed") is in the one other state the
    sentence names (`named_states`), if it names only one."""
    if candidate.type not in PLACE_TYPES or candidate.code:
        return None
    if candidate.country == source.country or root(coding) not in ctx.clause_words("site_state_roots"):
        return None
    if site_token(ctx, token) is None:
        return None
    states = named_states(ctx, token.sent, source)
    if candidate.country:
        return next((s for s in states if s.country == candidate.country), None)
    return states[0] if len({s.country for s in states}) == 1 else None


def named_states(ctx: Context, sent: Span, source: Actor) -> list[Actor]:
    """The states (coded actors that are their country: "Jamaica", not "Kingston" or the
    Jamaican police) the sentence names, other than the source and its own state."""
    return [actor for start, _end, actor in ctx.mentions
            if sent.start_char <= start < sent.end_char and actor.code and actor.country
            and actor.kb_id == actor.country and actor.type not in PLACE_TYPES[1:] and actor.id != source.id
            and actor.country != source.country]


def site_token(ctx: Context, token: Token) -> Token | None:
    """The place named after in/at/near: the token itself, or the place of an office that stands
    for it ("its consulate in Kaliningrad": offices.py reads the consulate as Kaliningrad). A word
    of a name stands for the name's head ("Cedar" in "at Cedar Ridge")."""
    preps = ctx.shared_words("locative_preps")
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in preps:
        return token
    return next((p for c in children(token, "prep") if c.lower_ in preps for p in children(c, "pobj")), None)


def place_beside_people(ctx: Context, token: Token, earlier: list[Candidate]) -> bool:
    """"fired tear gas at protesters in Nairobi": when the clause names people or a
    group as what the event is done to, the place after in/at/near is where it happened."""
    if not (token.dep_ == "pobj" and token.head.lower_ in ctx.shared_words("locative_preps")):
        return False
    people = ctx.clause_words("people_nouns")
    return any(not isinstance(t, Late) and t.pos_ in ("NOUN", "PRON", "NUM") and t.lemma_.lower() in people
               for t in earlier)


def place_of_people_act(ctx: Context, token: Token, place: Actor, coding: Coding) -> bool:
    """"seized a boat off the Natuna Islands and arrested its 12 crew members", "intercepted a
    flotilla bound for Gaza and detained its crew": an act done only to people (clauses.txt
    `people_act_codes`: arrests, expulsions, abductions) is not aimed at a place named in the clause
    of another act (the first verb of a pair), nor at a place below a state that a possessive
    pronoun was read as. A place in its own clause stays ("arrest 30 over an attack in Mombasa",
    with no people actor), and so does a state ("seized a Ukrainian ship and detained its crew")."""
    codes = ctx.clause_words("people_act_codes")
    if not any(coding.cameo.startswith(c) for c in codes):
        return False
    if token.dep_ == "poss" and token.pos_ == "PRON":
        return place.kb_id is None or place.kb_id != place.country
    if token.dep_ != "pobj" or token.head.lower_ == "to":  # "deported them to Mexico": the receiver
        return False
    verb = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
    other = verb_coding(ctx.know.patterns, verb) if verb is not None else None
    return other is not None and not any(other.cameo.startswith(c) for c in codes)


# CAMEO root of the accusation a demand is told with ("accused Peru of ... and demanded the miners'
# release").
ACCUSATION_ROOT = "11"


def accused_state(ctx: Context, draft: Draft) -> Actor | None:
    """"accused Peru of a violation of its sovereignty and demanded the miners' release": a
    demand told as a conjunct of its source's accusation or condemnation of a state (a coded
    GPE, the accusing verb's object) is made of that state, not of whom its object names."""
    trigger = draft.trigger
    if draft.kind != "verb" or root(draft.coding) != DEMAND_ROOT:
        return None
    linked = [trigger.head] if trigger.dep_ == "conj" and trigger.head.pos_ == "VERB" else []
    linked += [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for verb in linked:
        coding = verb_coding(ctx.know.patterns, verb)
        if coding is None or root(coding) != ACCUSATION_ROOT:
            continue
        for obj in children(verb, "dobj"):
            state = actor_of(ctx, obj, target=True)
            if state is not None and state.type == "GPE" and state.code and state.id != draft.source.id:
                return state
    return None
