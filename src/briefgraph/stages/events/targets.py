"""The target of an event: an ordered list of candidate tokens, the first that
stands for an actor other than the source wins. Candidates after a LATE mark
are guesses (the place, any actor named later in the phrase): a weak coding
does not take them, and coordinated actors take each other first.

VERB_TARGET_RULES add a verb's candidates, in order; an event noun's are in
noun_targets.py (NOUN_TARGET_RULES).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from spacy.tokens import Token

from .arguments import actor_of
from .coding import COOPERATE_ROOT, is_event_noun, root, verb_coding
from .noun_sources import noun_sources
from .subjects import subjects
from .syntax import (
    CONTENT_POS,
    SUBJECT_DEPS,
    acl_agents,
    agents,
    children,
    clause,
    condition_subjects,
    conjuncts,
    coordinated,
    has_to_infinitive,
    prep_objects,
    proper_nouns_below,
)
from .unaimed_words import destinations, made_by

if TYPE_CHECKING:
    from .context import Context

PLACE_TYPES = ("GPE", "LOC")  # actor types that are places
DIRECTED_PREPS = ("to", "against", "toward", "towards", "at")  # the actors named inside their objects are aimed at


class Late:
    """The mark in a candidate list after which candidates are guesses."""


LATE: Final = Late()
Candidate = Token | Late


VerbTargetRule = Callable[["Context", Token, bool], list[Candidate]]


def verb_targets(ctx: Context, verb: Token, passive: bool, place: bool = False) -> list[Candidate]:
    """Candidate targets of a verb (`place`: the place it acts on may be one)."""
    if passive:
        return passive_targets(ctx, verb, place)
    return [t for rule in VERB_TARGET_RULES for t in rule(ctx, verb, place)]


def passive_targets(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"Egypt was received by Ethiopia": the passive subject (and names inside it)."""
    patients = children(verb, "nsubjpass")
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        patients = [verb.head]
    elif not patients and verb.dep_ == "conj":  # "... who entered and are wanted"
        # "were pushed and kicked by X": the head's passive subject
        patients = children(verb.head, "nsubjpass") or subjects(ctx, verb.head)[0]
    if joins(ctx, verb):  # "South Africa's case against Israel was joined by Colombia": aimed at Israel
        partners = {t.i for s in patients for p in children(s, "poss") for t in p.subtree}
        inside = [t for s in patients for t in s.subtree if t.pos_ == "PROPN" and t.i not in partners]
        return [*inside, *late_targets(ctx, verb, place)]
    inside = [t for s in patients for made in [made_by(ctx, s)] for t in s.subtree
              if t.pos_ == "PROPN" and t.i not in made]
    held = [t for s in patients for t in event_holders(ctx, s)]
    return [*coordinated(patients), *held, *reason_holder(ctx, verb, place), *inside, *late_targets(ctx, verb, place)]


def joins(ctx: Context, verb: Token) -> bool:
    """"Chile joined Mexico's lawsuit against Peru": who brought what is joined (the object's
    possessor) is a partner in it, not its target (clauses.txt `joining_verbs`). Joining in
    cooperation ("joined Colombia's naval operations against traffickers") is done with that
    partner: the possessor stays the target."""
    if verb.lemma_.lower() not in ctx.clause_words("joining_verbs"):
        return False
    coding = verb_coding(ctx.know.patterns, verb)
    return coding is None or root(coding) != COOPERATE_ROOT


def event_holders(ctx: Context, noun: Token) -> list[Token]:
    """"banned a march that vendors had planned", "a protest by nurses was dispersed": done
    to an event (a march, a rally, a strike), an act is done to those who hold it."""
    if not is_event_noun(ctx.know.patterns, noun):
        return []
    organising = ctx.clause_words("organising_verbs") | ctx.clause_words("light_verbs")
    out = [t for t in noun_sources(ctx, noun) if t.i != noun.i]
    for child in children(noun, "relcl", "acl"):
        if child.lemma_.lower() in organising:
            out.extend(t for t in coordinated(children(child, "nsubj")) if t.i != noun.i)
            out.extend(agents(child))
    return out


def held_objects(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """The holders of an event the verb's object names ("broke up a rally by students"; the
    parser often hangs that "by" on the active verb, which has no agent of its own)."""
    out: list[Candidate] = []
    for noun in children(verb, "dobj"):
        out.extend(event_holders(ctx, noun))
        if is_event_noun(ctx.know.patterns, noun) and not children(verb, "auxpass"):
            out.extend(t for c in children(verb, "prep") if c.lower_ == "by" for t in coordinated(children(c, "pobj")))
    return out


# ---- candidates of an active verb, in order ----

def relative_clause_noun(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"the citizens it captured": the noun the object-less relative clause hangs on."""
    if verb.dep_ == "relcl" and not children(verb, "dobj", "dative") and not any(
            c.lower_ in ctx.shared_words("relative_pronouns") for c in verb.children if c.dep_ in SUBJECT_DEPS):
        return [verb.head]
    return []


def recipient(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"handed three suspects to Somalia's intelligence agency": who receives what a
    transfer verb hands over (clauses.txt `transfer_verbs`) comes before what was handed."""
    if verb.lemma_.lower() not in ctx.clause_words("transfer_verbs"):
        return []
    # a dative is the receiver itself ("gave Kyiv tanks") or, as the parser often labels it,
    # the "to" whose object receives ("granted asylum to a journalist")
    datives = children(verb, "dative")
    return [*(d for d in datives if d.pos_ != "ADP"), *(p for d in datives for p in coordinated(children(d, "pobj"))),
            *prep_objects(verb, ("to",))]


def opened_to(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"reopened the Torkham crossing to Afghan trucks", "opened the bridge to allow grain into
    Afghanistan": whom a passage is opened for (clauses.txt `opening_verbs`, `passage_nouns`)
    comes before the place opened."""
    passages = ctx.clause_words("passage_nouns")
    opened = [o for o in children(verb, "dobj") if o.lemma_.lower() in passages or o.lower_ in passages]
    if verb.lemma_.lower() not in ctx.clause_words("opening_verbs") or not opened:
        return []
    given = [t for h in (verb, *opened) for t in prep_objects(h, ("to",))]  # "to Afghan trucks": or their state
    return [*given, *(t for g in given for t in g.subtree if t.i != g.i and t.dep_ in ("amod", "compound", "poss")),
            *(t for c in children(verb, "advcl", "xcomp") if has_to_infinitive(c)
              for t in verb_targets(ctx, c, False) if not isinstance(t, Late))]


def refuge_place(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"sought asylum in Germany": refuge (clauses.txt `refuge_nouns`) is asked of where it is."""
    refuges = [o for o in children(verb, "dobj") if o.lemma_.lower() in ctx.clause_words("refuge_nouns")]
    return [t for h in (verb, *refuges) for t in prep_objects(h, ctx.shared_words("locative_preps"))] if refuges else []


def objects(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """Direct and dative objects, their possessors, prepositional objects and
    participles' agents ("condemned the attack on Gaza by Israel")."""
    out: list[Candidate] = []
    preps = ctx.clause_words("noun_target_preps") | {"of", "by"}
    for child in verb.children:
        if not (child.dep_ in ("dobj", "dative") or (child.dep_ == "npadvmod" and child.pos_ == "NUM")):
            continue
        joined = joins(ctx, verb)  # the joined act's own doer is no target: the act's aim is
        out.extend([] if joined else conjuncts(child))
        for grand in (g for c in conjuncts(child) for g in c.children):  # "water cannon and pepper spray against X"
            if grand.dep_ == "poss":
                if not joined:
                    out.append(grand)
            elif grand.dep_ == "prep" and grand.lower_ in preps:
                for pobj in children(grand, "pobj"):
                    out.extend(conjuncts(pobj))
                    out.extend(acl_agents(pobj))
            elif grand.dep_ == "acl":
                out.extend(acl_agents(child))
    return out


def journey_purpose(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"travelled to Addis Ababa to meet Abiy", "flew to Beijing for talks with Wang": whom a
    journey is for comes before where it goes (clauses.txt `travel_verbs`)."""
    if verb.lemma_.lower() not in ctx.clause_words("travel_verbs"):
        return []
    out: list[Candidate] = [t for c in children(verb, "advcl", "xcomp") if has_to_infinitive(c)
                            for t in verb_targets(ctx, c, False) if not isinstance(t, Late)]
    preps = ctx.clause_words("noun_target_preps")
    out += [t for p in prep_objects(verb, ("for",)) if is_event_noun(ctx.know.patterns, p)
            for t in prep_objects(p, preps)]
    return out


def state_mission(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"protested outside the Russian embassy", "a sit-in at the embassy of Israel": a
    protest or attack at a state's mission (clauses.txt `state_facility_nouns`) is aimed at that state."""
    if not place:
        return []
    missions = ctx.clause_words("state_facility_nouns")
    found = [p for p in prep_objects(verb, ctx.shared_words("locative_preps")) if p.lemma_.lower() in missions
             or p.lower_ in missions]
    return [*found, *(t for p in found for t in prep_objects(p, ("of",)))]


def prepositional_objects(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"launched rockets at Israel", "talks with Hamas"."""
    return list(prep_objects(verb, ctx.clause_words("target_preps") - {"according"}))


def reason_holder(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"suspended the talks in protest at Addis Ababa's unilateral filling", "expelled two
    diplomats in retaliation for Britain's move": an act done in answer to another's act (a noun of
    clauses.txt `reason_nouns` after "in", hung on the verb or its object) is aimed at that act's
    doer, its possessor or "by" agent. The act is the object of the preposition right after the noun
    (the parser hangs it on the noun or on the verb)."""
    nouns = ctx.clause_words("reason_nouns")
    heads = [verb, *children(verb, "dobj", "nsubjpass")]
    reasons = [r for h in heads for r in prep_objects(h, ("in",)) if r.lemma_.lower() in nouns]
    doc = verb.doc
    acts = [a for r in reasons if r.i + 1 < len(doc) and doc[r.i + 1].dep_ == "prep"
            for a in children(doc[r.i + 1], "pobj")]
    return [h for a in acts for h in [*children(a, "poss"), *prep_objects(a, ("by",))]]


def controller_object(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"ordered the blogger Timur Aliev to stand trial": an infinitive complement with no subject of
    its own is done to the object of the verb it completes (the one who is made to do it)."""
    if verb.dep_ != "xcomp" or not has_to_infinitive(verb) or children(verb, *SUBJECT_DEPS) \
            or verb.head.pos_ != "VERB":
        return []
    return list(coordinated(children(verb.head, "dobj")))


def complement_targets(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """An xcomp's targets ("agreed to release X"), a ccomp's subject ("urged that X ...")."""
    out: list[Candidate] = []
    for child in verb.children:
        if child.dep_ == "xcomp":
            out.extend(t for t in verb_targets(ctx, child, False) if not isinstance(t, Late))
        elif child.dep_ == "ccomp":
            out.extend(children(child, "nsubj", "nsubjpass"))
            out.extend(announced_action_targets(ctx, child))
    return out


def announced_action_targets(ctx: Context, action: Token) -> list[Candidate]:
    """"warned that the group would strike Haifa's port": what an announced action (a
    complement in the future) would be done to, after its subject (often the speaker)."""
    modals = ctx.shared_words("future_aux") | {"would"}
    if not any(c.dep_ == "aux" and c.lower_ in modals for c in action.children):
        return []
    return [t for t in verb_targets(ctx, action, False) if not isinstance(t, Late)]


def conditioned_actor(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"threatened ... unless the Kremlin closes its base": the Kremlin."""
    return list(condition_subjects(verb, ctx.shared_words("conditional_marks")))


def names_inside_objects(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """Names inside the objects, and inside directed prepositional objects
    ("to West Africans ordered out of Nigeria")."""
    below = ctx.proper_below
    objs = children(verb, "dobj", "dative")
    out: list[Candidate] = [t for c in objs for gone in [destinations(ctx, c) | made_by(ctx, c)]
                            for t in proper_nouns_below(below, c) if t.i not in gone]
    out += [t for c in verb.children if c.dep_ == "prep" and c.lower_ in DIRECTED_PREPS
            for p in children(c, "pobj") for t in proper_nouns_below(below, p) if t.i != p.i]
    return out


def late_targets(ctx: Context, head: Token, place: bool) -> list[Candidate]:
    """Last resort: the place named with the event ("in West Darfur"), then any
    actor named after the trigger in its phrase ("to demand reforms by X")."""
    locations = ctx.shared_words("locative_preps")
    out: list[Candidate] = [LATE]
    if place:
        out += [c for child in children(head, "prep") if child.lower_ in locations for c in children(child, "pobj")]
    phrase = clause(head)
    for child in children(head, "advcl", "xcomp"):  # purpose: "staged demonstrations to demand reforms by X"
        if has_to_infinitive(child):
            phrase += clause(child)
    attributions = {t.i for c in children(head, "prep") if c.lower_ == "according"
                    or (not place and c.lower_ in locations) for t in c.subtree}
    attributions |= {i for t in phrase for i in destinations(ctx, t)}
    out += [t for t in sorted(phrase, key=lambda t: t.i)
            if t.i > head.i and t.pos_ in CONTENT_POS and t.i not in attributions]
    return out


def message_addressee(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"In a letter to the Security Council, Guyana requested measures": a message the act is made
    in (clauses.txt `message_nouns`) is addressed to whom the act is aimed at."""
    nouns = ctx.clause_words("message_nouns")
    return [t for p in prep_objects(verb, ("in", "through", "via")) if p.lemma_.lower() in nouns
            for t in prep_objects(p, ("to",))]


def answered_actor(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"protesters hurled stones at soldiers, and troops responded with rubber bullets":
    an answer with no object of its own is done to the subject of the act it answers."""
    if verb.dep_ != "conj" or verb.lemma_.lower() not in ctx.clause_words("response_verbs") \
            or children(verb, "dobj"):
        return []
    return list(coordinated(children(verb.head, "nsubj")))


def yielded_to(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"Bowing to weeks of blockades by farmers, Paraguay scrapped the tax", "restored the subsidies,
    giving in to a demand from the unions": a yielding told as a participle clause (clauses.txt
    `yield_verbs`) is made to whom the pressure it yields to is or comes from ("by", "from",
    "of", down the nouns of its "to" phrase)."""
    if verb.lemma_.lower() not in ctx.clause_words("yield_verbs") or verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return []
    return [t for pressure in prep_objects(verb, ("to",)) for t in (pressure, *pressure_makers(pressure))]


def pressure_makers(noun: Token, depth: int = 3) -> list[Token]:
    """"weeks of blockades by farmers": the nouns after by/from/of below a noun, nearest first."""
    if depth == 0:
        return []
    found = prep_objects(noun, ("by", "from", "of"))
    return [t for f in found for t in (f, *pressure_makers(f, depth - 1))]


def shared_object(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"Police beat and arrested dozens of protesters": a verb with no object of its own
    shares the object of the verb joined to it by "and" under the same subject."""
    if children(verb, "dobj", "nsubjpass"):
        return []
    out: list[Candidate] = []
    for other in children(verb, "conj"):
        if other.pos_ == "VERB" and not children(other, "nsubj", "nsubjpass"):
            for obj in children(other, "dobj"):
                out.extend(conjuncts(obj))
                out.extend(p for c in children(obj, "prep") if c.lower_ == "of" for p in children(c, "pobj"))
    return out


def harmed_meanwhile(ctx: Context, verb: Token, place: bool) -> list[Candidate]:
    """"Five protesters were wounded when police fired live rounds in Nairobi", "were hurt when riot
    police stormed a campus in Dhaka": an act told in a clause of time (clauses.txt `answer_marks`) on
    a passive of harm (`toll_verbs`) is done to those the passive names as harmed, unless its object
    names other people ("were injured when police baton-charged traders"), not to a place."""
    marks = ctx.clause_words("answer_marks")
    if verb.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in verb.children):
        return []
    head = verb.head
    if head.lemma_.lower() not in ctx.clause_words("toll_verbs") or not children(head, "auxpass"):
        return []
    hit = [*children(verb, "dobj"), *prep_objects(verb, ctx.clause_words("target_preps"))]
    if any((a := actor_of(ctx, t, target=True)) is not None and a.type not in PLACE_TYPES for t in hit):
        return []
    return list(coordinated(children(head, "nsubjpass")))


VERB_TARGET_RULES: tuple[VerbTargetRule, ...] = (
    relative_clause_noun,
    recipient,
    opened_to,
    yielded_to,
    harmed_meanwhile,
    objects,
    refuge_place,
    held_objects,
    shared_object,
    answered_actor,
    journey_purpose,
    state_mission,
    prepositional_objects,
    reason_holder,
    message_addressee,
    controller_object,
    complement_targets,
    conditioned_actor,
    names_inside_objects,
    late_targets,
)


def force_targets(ctx: Context, verb: Token) -> list[Candidate]:
    """For force: the place it hit ("in a Houthi-controlled area") or any actor
    named inside the object ("drones belonging to the Houthis")."""
    out: list[Candidate] = [LATE]
    for child in children(verb, "prep"):
        if child.lower_ in ctx.shared_words("locative_preps"):
            out.extend(t for c in children(child, "pobj") for t in c.subtree if t.pos_ in CONTENT_POS)
    for child in children(verb, "dobj", "nsubjpass"):
        gone = destinations(ctx, child) | made_by(ctx, child)
        out.extend(t for t in child.subtree if t.i != child.i and t.pos_ in CONTENT_POS and t.i not in gone)
    return out
