"""Events done about an earlier act: "China welcomed the ceasefire", "the bloc condemned
the killings", "..., a move welcomed by the Taliban". A reaction (praise, blame, rejection,
a demand) with no target of its own, whose object is a noun naming an act and holding no
actor, is done to whoever did that act: the source of the latest earlier event of the
document of a type the noun names (the `acts_<TYPE>` lists of knowledge/events/clauses.txt:
"killings" names an ASSAULT, "ceasefire" an AGREE; `acts_any`: "move", "decision").

An act with no target done to a thing another actor made is aimed at the maker: a judged
act whose doer a "by" phrase names ("condemned the abduction of pupils by gunmen"), or a thing
a relative clause says another actor made ("refused to attend a summit the bloc proposed"). A
demand to give back what is held is aimed at the holder its object names ("the release of
fighters held in Malian prisons": Mali; "held by the Houthis").

REFERENT_FINDERS each give the act noun a draft's trigger is about, in order; DOER_FINDERS
each give the doer or maker a draft is aimed at, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .arguments import actor_of
from .coding import DEMAND_ROOT, of_types, plover_type, root
from .concessions import conceded_to
from .modality import FACT_MODES
from .subjects import is_receipt
from .syntax import agent_on_patient, children, coordinated, prep_objects
from .target_choice import accused_state
from .targets import PLACE_TYPES

if TYPE_CHECKING:
    from ...records import Actor
    from .context import Context
    from .drafts import Draft

# CAMEO roots of the events that react to another's act: comment, appeal, praise,
# disapproval, rejection, threat ("welcomed the move", "condemned the killings",
# "warned that the seizure will not go unanswered").
REACTION_ROOTS = ("01", "02", "05", "11", "12", "13")

ReferentFinder = Callable[["Context", "Draft"], "Token | None"]


def object_noun(ctx: Context, draft: Draft) -> Token | None:
    """"condemned the killings": the verb's direct object."""
    objects = children(draft.trigger, "dobj")
    return objects[0] if objects and objects[0].pos_ == "NOUN" else None


def described_noun(ctx: Context, draft: Draft) -> Token | None:
    """"a move welcomed by the Taliban": the noun a passive participle describes."""
    trigger = draft.trigger
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.pos_ == "NOUN":
        return trigger.head
    return None


def passive_subject_noun(ctx: Context, draft: Draft) -> Token | None:
    """"the decision was welcomed by Kenya": the passive subject."""
    patients = children(draft.trigger, "nsubjpass")
    return patients[0] if patients and patients[0].pos_ == "NOUN" else None


def complement_subject_noun(ctx: Context, draft: Draft) -> Token | None:
    """"warned that the seizure will not go unanswered", "said the attack was a crime": the
    subject of the clause a threat, a blame or a rejection is about."""
    if root(draft.coding) not in COMPLEMENT_ROOTS:
        return None
    for comp in children(draft.trigger, "ccomp"):
        subjects = children(comp, "nsubj", "nsubjpass")
        if subjects and subjects[0].pos_ == "NOUN":
            return subjects[0]
    return None


# CAMEO roots whose complement clause may be about an earlier act: disapproval, rejection, threat.
COMPLEMENT_ROOTS = ("11", "12", "13")
REJECT_ROOT = "12"


def yielded_noun(ctx: Context, draft: Draft) -> Token | None:
    """"Oslo would not yield to pressure", "refused to bow to the demands", "refused to give in to the
    pressure": the noun a refusal (CAMEO 12) does not give way to, the "to" object of the trigger or
    of the yielding it refuses (clauses.txt `yield_verbs`, its complement)."""
    if root(draft.coding) != REJECT_ROOT:
        return None
    yields = ctx.clause_words("yield_verbs")
    heads = [draft.trigger, *(c for c in children(draft.trigger, "xcomp") if c.lemma_.lower() in yields)]
    nouns = [o for h in heads for p in children(h, "prep") if p.lower_ == "to" for o in children(p, "pobj")]
    return nouns[0] if nouns and nouns[0].pos_ == "NOUN" else None


REFERENT_FINDERS: tuple[ReferentFinder, ...] = (object_noun, described_noun, passive_subject_noun,
                                                complement_subject_noun, yielded_noun)


def act_noun(ctx: Context, draft: Draft) -> Token | None:
    """The noun naming the act a reaction with no target (or aimed only at that act's patient,
    `patient_of_act`) is about, if any."""
    if draft.kind != "verb" or root(draft.coding) not in REACTION_ROOTS:
        return None
    noun = next((n for n in (finder(ctx, draft) for finder in REFERENT_FINDERS) if n is not None), None)
    if noun is None or draft.target is None:
        return noun
    return noun if patient_of_act(ctx, draft.target, noun) else None


# Prepositions by which an act noun names whom the act was done to ("the attack on the students",
# "the use of force against protesters", "the arrest of the journalists").
PATIENT_PREPS = ("on", "against", "of")


def same_patient(act: Draft, patient: Actor) -> bool:
    """An earlier act done to the same actor a reaction names as its act's patient: the act it is
    about ("Soldiers detained three journalists ... condemned the arrests of the journalists")."""
    return act.target is not None and act.target.id == patient.id


def patient_of_act(ctx: Context, target: Actor, noun: Token) -> bool:
    """"The union condemned the use of force against the students", "Amnesty condemned the arrests
    of the journalists": the target is whom the named act was done to (its on/against/of object),
    so the reaction is about that act and aimed at its doer, not at its victim, when the story told
    an act done to the same actor (`same_patient`)."""
    if not named_types(ctx, noun):
        return False
    # an object's subtree holds the phrases below it too ("the use of force against the students")
    phrases = [o for p in children(noun, "prep") if p.lower_ in PATIENT_PREPS for o in coordinated(children(p, "pobj"))]
    return any(getattr(actor_of(ctx, t, target=True), "id", None) == target.id for o in phrases for t in o.subtree)


def named_types(ctx: Context, noun: Token) -> frozenset[str]:
    """The PLOVER types of the events the noun may name ("killings": ASSAULT), "any"
    for a word that names any act ("move"); empty for a noun that names no act."""
    lists = ctx.know.clauses
    word = noun.lower_
    return frozenset(name.removeprefix("acts_") for name in lists.names()
                     if name.startswith("acts_") and word in lists[name])


def antecedent(ctx: Context, draft: Draft, noun: Token, earlier: list[Draft]) -> Draft | None:
    """The latest earlier event by another actor of a type the noun names, the latest told as
    a fact first (`FACT_MODES`): "Egypt and Qatar agreed to co-host talks ... The African Union
    plans to send observers ... The RSF welcomed the initiative" welcomes what was done, not
    what is planned; a planned act when the story told of no such act done. An act told in a
    relative clause (describing its noun) only after the others."""
    kinds = named_types(ctx, noun)
    if not kinds:
        return None
    codes = ctx.know.patterns.codes
    named = [other for other in reversed(earlier)
             if other.source.id != draft.source.id and other.kind != "quote" and other.trigger.i != noun.i
             and ("any" in kinds or plover_type(codes, other.coding) in kinds)]
    # an act told in a relative clause describes its noun ("the secretaries, who also agreed ...");
    # the story's own acts first
    named = [d for d in named if d.trigger.dep_ != "relcl"] + [d for d in named if d.trigger.dep_ == "relcl"]
    return next((d for d in named if d.modality in FACT_MODES and not d.negated), named[0] if named else None)


# A demand (coding.DEMAND_ROOT: "demanded the release of the crew" after a seizure): clauses.txt
# `holding_types` are the acts that leave someone holding what it asks back.

def asks_back(ctx: Context, draft: Draft) -> bool:
    """"London demanded the release of the crew": a demand whose object asks something back
    (clauses.txt `holder_acts`)."""
    if root(draft.coding) != DEMAND_ROOT:
        return False
    noun = object_noun(ctx, draft)
    return noun is not None and noun.lower_ in ctx.clause_words("holder_acts")


def holder(ctx: Context, draft: Draft, earlier: list[Draft]) -> Draft | None:
    """A demand that asks something back is aimed at whoever took it, not at what was taken
    (even when the rules chose the crew): the doer of the latest earlier seizure, arrest or
    attack by another actor; None when the document tells of none."""
    return next((d for d in reversed(earlier) if d.source.id != draft.source.id and d.kind != "quote"
                 and of_types(ctx, d.coding, "holding_types")), None)


# CAMEO roots of judging another's act: praise, disapproval, rejection.
JUDGING_ROOTS = ("05", "11", "12")


def doer_named(ctx: Context, draft: Draft) -> Actor | None:
    """"condemned the abduction of 20 pupils by gunmen", "welcomed the release of two
    journalists by Iran": a judgement of an act whose doer the object names ("by") is aimed
    at that doer, not at those the act was done to."""
    if draft.kind != "verb" or root(draft.coding) not in JUDGING_ROOTS:
        return None
    noun = object_noun(ctx, draft)
    if noun is None:
        return None
    doers = [t for p in children(noun, "prep") if p.lower_ == "by" for t in coordinated(children(p, "pobj"))]
    if not children(draft.trigger, "auxpass", "nsubjpass"):  # the parser's "by" on the active verb
        doers += [t for p in children(draft.trigger, "prep", "agent") if p.lower_ == "by"
                  for t in coordinated(children(p, "pobj"))]
    for token in doers or agent_on_patient(noun):
        actor = actor_of(ctx, token, target=True)
        if actor is not None and actor.id != draft.source.id:
            return actor
    return None


def done_objects(draft: Draft) -> list[Token]:
    """"rejected a plan", "refused to attend a summit": the trigger's direct objects, then
    those of the act its complement names."""
    trigger = draft.trigger
    return children(trigger, "dobj") + [o for comp in children(trigger, "xcomp") for o in children(comp, "dobj")]


def maker_named(ctx: Context, draft: Draft) -> Actor | None:
    """"rejected a plan that the president proposed", "did not attend a meeting the traders had
    called": an act with no target done to (or about) a thing a relative clause says another
    actor made is aimed at that maker, the relative clause's subject."""
    if draft.kind != "verb" or draft.target is not None:
        return None
    for noun in done_objects(draft):
        if noun.pos_ != "NOUN":
            continue
        for clause in children(noun, "relcl"):
            for subject in children(clause, "nsubj"):
                actor = actor_of(ctx, subject, target=True)
                if actor is not None and actor.id != draft.source.id:
                    return actor
    return None


# Prepositions of a participle that name who holds the held ("held by the Houthis", "jailed in
# Malian prisons"): the doer, or the institution that holds them for its state.
HOLDING_PREPS = ("by", "in")


def state_of(ctx: Context, holder: Actor) -> Actor | None:
    """The state the document names for an institution's country ("Malian prisons": Mali)."""
    if holder.type == "GPE" or not holder.country:
        return holder if holder.type == "GPE" and holder.code else None
    return next((a for a in ctx.actors if a.type == "GPE" and a.code and a.country == holder.country), None)


def held_nouns(noun: Token) -> list[Token]:
    """"the release of 12 of its fighters": the nouns the asked-back thing's "of" phrases name."""
    found, todo = [], [noun]
    while todo:
        node = todo.pop()
        for obj in (o for p in children(node, "prep") if p.lower_ == "of" for o in coordinated(children(p, "pobj"))):
            found.append(obj)
            todo.append(obj)
    return found


def holder_named(ctx: Context, draft: Draft) -> Actor | None:
    """"JNIM demanded the release of 12 of its fighters held in Malian prisons", "called for the
    release of detainees held by the Houthis": a demand that asks something back (`asks_back`) is
    aimed at the holder its object names, the "by" phrase of the participle that describes the
    held, or the state whose prisons or camps ("in", not a place) hold them, before any target
    found elsewhere."""
    noun = object_noun(ctx, draft)
    if noun is None or not asks_back(ctx, draft):
        return None
    for prep, obj in holding_phrases(noun):
        actor = actor_of(ctx, obj, target=True)
        if actor is None or actor.id == draft.source.id:
            continue
        holder = actor if prep.lower_ == "by" else (None if actor.type in PLACE_TYPES else state_of(ctx, actor))
        if holder is not None and holder.id != draft.source.id:
            return holder
    return None


def holding_phrases(noun: Token) -> list[tuple[Token, Token]]:
    """(preposition, object) of the `HOLDING_PREPS` phrases of the participles that describe the
    held nouns of `noun` ("fighters held in Malian prisons": (in, prisons))."""
    return [(prep, obj) for held in held_nouns(noun) for verb in children(held, "acl") if verb.tag_ == "VBN"
            for prep in children(verb, "agent", "prep") if prep.lower_ in HOLDING_PREPS
            for obj in coordinated(children(prep, "pobj"))]


def receiver_of_judgement(ctx: Context, draft: Draft) -> Actor | None:
    """"Lebanon's signing of the accord drew praise from the EU", "Uganda's arrest of the editor
    faced criticism from Kenya": praise or blame received (subjects.is_receipt) by an act that a
    possessor did is aimed at that possessor."""
    if draft.kind != "verb" or draft.target is not None or root(draft.coding) not in JUDGING_ROOTS \
            or not is_receipt(ctx, draft.trigger, draft.coding):
        return None
    for subject in children(draft.trigger, "nsubj"):
        for owner in coordinated(children(subject, "poss")):
            actor = actor_of(ctx, owner, target=True)
            if actor is not None and actor.id != draft.source.id:
                return actor
    return None


def doer_of_judged_act(ctx: Context, draft: Draft) -> Actor | None:
    """"Russia's arrest of the reporter was condemned by Washington", "Israel's blockade of Gaza
    was criticised by Turkey": praise or blame of a nominal act told as the passive's subject,
    whose possessor did it to the "of" object, is aimed at the possessor, not at the patient."""
    if draft.kind != "verb" or root(draft.coding) not in JUDGING_ROOTS:
        return None
    for act in children(draft.trigger, "nsubjpass"):
        if not prep_objects(act, ("of",)):
            continue
        for owner in coordinated(children(act, "poss")):
            actor = actor_of(ctx, owner, target=True)
            if actor is not None and actor.id != draft.source.id:
                return actor
    return None


DOER_FINDERS = (accused_state, doer_named, maker_named, holder_named, receiver_of_judgement, doer_of_judged_act,
                conceded_to)


REFUSAL_OBJECT_DEPS = ("dobj", "xcomp", "ccomp", "dative")  # what a refusal may say it refuses


def asker_refused(ctx: Context, draft: Draft, earlier: list[Draft]) -> Draft | None:
    """"Washington asked Cairo to reopen the crossing, but Cairo refused": a refusal (CAMEO 12) with
    no target that names nothing it refuses is aimed at whoever last asked something of the refuser,
    or of a body of the refusing state ("the DPRK's Red Cross asked the Korean Red Cross to arrange
    their return. Seoul declined"): the latest earlier request (PLOVER REQUEST) aimed at it; None
    when the document tells of none."""
    if draft.kind != "verb" or draft.target is not None or root(draft.coding) != REJECT_ROOT \
            or children(draft.trigger, *REFUSAL_OBJECT_DEPS):
        return None
    codes = ctx.know.patterns.codes
    return next((d for d in reversed(earlier) if d.target is not None and asked_of(draft.source, d.target)
                 and d.source.id != draft.source.id and d.kind != "quote"
                 and plover_type(codes, d.coding) == "REQUEST"), None)


def asked_of(refuser: Actor, asked: Actor) -> bool:
    """The one asked is the refuser, or a body of the state the refuser is (a state refuses for its
    bodies, not a body for another)."""
    return asked.id == refuser.id or (refuser.type == "GPE" and refuser.country is not None
                                      and asked.type != "GPE" and asked.country == refuser.country)


def refer_to_acts(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """The drafts, reactions to an earlier act given its doer as their target, and
    demands to give back what an earlier act took given its taker."""
    ordered = sorted(drafts, key=lambda d: d.trigger.i)
    out = []
    for draft in drafts:
        doer = next((a for a in (f(ctx, draft) for f in DOER_FINDERS) if a is not None), None)
        if doer is not None:
            out.append(replace(draft, target=doer))
            continue
        noun = act_noun(ctx, draft)
        back = asks_back(ctx, draft)
        act = None
        # the earlier drafts only for a draft that refers back
        if noun is not None or back or root(draft.coding) == REJECT_ROOT:
            earlier = [d for d in ordered if d.trigger.i < draft.trigger.i
                       and (draft.target is None or same_patient(d, draft.target))]
            act = antecedent(ctx, draft, noun, earlier) if noun is not None else None
            if act is None and back:
                act = holder(ctx, draft, earlier)
            if act is None and noun is None:
                act = asker_refused(ctx, draft, earlier)
        out.append(replace(draft, target=act.source) if act is not None else draft)
    return out
