"""Drafts: an event found but not yet finished. `make_drafts` turns a coded
trigger with its source and target candidates into one draft per source actor;
`finish` orders them, drops repeats and makes the `records.Event`s."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...knowledge.patterns import Coding
from ...records import Actor, Event, Evidence, Location
from .arguments import actor_of, with_coordinated_modifiers
from .coding import (
    COOPERATE_ROOT,
    JOINT_ACTION,
    OWN_TYPE_WHEN_PLANNED,
    REFUSAL,
    SHOW_OF_FORCE,
    intent_coding,
    is_symmetric,
    plover_type,
    refusal_coding,
    root,
    threat_coding,
)
from .crowds import (
    armed_looting,
    crowd_coding,
    crowd_siege,
    fight_coding,
    forces_blockade,
    forces_easing,
    hijack_coding,
    policing_coding,
    protest_refusal,
    raid_coding,
    riot_target,
    state_shutdown,
    strike_coding,
    weak_riot,
)
from .dates import event_date
from .modality import agreed_jointly, conditional_future, modality, states_an_intent
from .nationals import coordinated_nationals, state_of_demonym
from .pairs import is_story
from .syntax import children, conjuncts, determined_by, end_char, negated
from .target_choice import choose_target
from .targets import Candidate, Late

if TYPE_CHECKING:
    from .context import Context


@dataclass
class Draft:
    source: Actor
    target: Actor | None
    coding: Coding
    trigger: Token
    kind: str  # verb | noun | quote
    clause: list[Token]
    anchor: Token  # the verb that carries negation and modality (a light verb for its noun)
    negated: bool = False
    modality: str = "asserted"
    location: Location | None = None
    start: int = 0
    end: int = 0
    candidates: tuple[Candidate, ...] = ()  # the target candidates found with the trigger (targets.py)


@dataclass(frozen=True)
class Found:
    """A coded trigger with what the rules found around it."""

    trigger: Token
    kind: str
    coding: Coding
    sources: list[Token]
    targets: list[Candidate]
    clause: list[Token]
    anchor: Token | None = None


def mode_and_coding(ctx: Context, found: Found) -> tuple[str, Coding]:
    """The found trigger's modality, and its coding (a planned act is an intent or a threat)."""
    anchor = found.anchor if found.anchor is not None else found.trigger
    mode = modality(ctx, anchor)
    coding = found.coding
    changed = refusal_coding(ctx, anchor, coding) or threat_coding(ctx, anchor, coding)
    if changed is not None:
        return mode, changed
    if root(coding) == COOPERATE_ROOT and agreed_jointly(ctx, anchor):
        return mode, coding  # "agreed to mount joint patrols": the planned cooperation itself
    if mode == "planned" and (root(coding) not in OWN_TYPE_WHEN_PLANNED or states_an_intent(ctx, anchor)):
        coding = intent_coding(coding, conditional_future(anchor))
    return mode, coding


def clause_span(found: Found) -> tuple[int, int]:
    """The character span of the found trigger's clause."""
    return min(t.idx for t in found.clause), end_char(max(found.clause, key=lambda t: t.idx))


def make_drafts(ctx: Context, found: Found) -> list[Draft]:
    """One draft per distinct source actor, with its target."""
    mode, coding = mode_and_coding(ctx, found)
    start, end = clause_span(found)
    anyone = ctx.clause_words("any_determiners")  # "not recognised by any member state": nobody in particular
    sources = [t for t in found.sources if not determined_by(t, anyone)]
    source_actors = [a for a in (actor_of(ctx, t) for t in with_coordinated_modifiers(ctx, sources))
                     if a is not None]
    coding = shown_together(coding, [*source_actors, *coordinated_nationals(ctx, found.sources)])
    coding = forces_easing(ctx, coding, sources)
    together = reciprocal(ctx, found.clause)
    symmetric = (is_symmetric(coding) or together) \
        and not passive(found.trigger)
    nationals = coordinated_nationals(ctx, found.sources) if symmetric else []
    if nationals:  # "Pakistani and Indian officers met": the first-named state's act with the second
        return [_draft(ctx, found, coding, mode, nationals[0], nationals[1], (start, end))]
    drafts = []
    seen = set()
    for source in source_actors:
        if source.id in seen:
            continue
        seen.add(source.id)
        partner = next((a for a in source_actors if a.id != source.id), None) \
            if symmetric else None
        target = choose_target(ctx, source, partner, found.targets, coding)
        if target is None and coding.weak and not weak_riot(ctx, source, found.trigger, coding):
            continue
        riot = strike_coding(ctx, source, target, found.trigger, coding) \
            or protest_refusal(ctx, source, found.trigger, coding) \
            or crowd_coding(ctx, source, target, coding, found.trigger) \
            or crowd_siege(ctx, source, found.trigger, coding) \
            or hijack_coding(ctx, source, found.trigger, coding)
        if riot is not None:
            target = riot_target(target)
        riot = riot or fight_coding(ctx, found.trigger, (source, target), coding) \
            or policing_coding(ctx, source, target, coding) or raid_coding(ctx, source, found.trigger, coding) \
            or armed_looting(ctx, source, found.trigger, coding) \
            or forces_blockade(ctx, source, coding) or state_shutdown(ctx, source, found.trigger, coding)
        drafts.append(_draft(ctx, found, riot or coding, mode, source, target, (start, end)))
        drafts.extend(_draft(ctx, found, riot or coding, mode, source, other, (start, end))
                      for other in separate_targets(ctx, found, source, target))
        if partner is not None and target is not None and target.id == partner.id and fight(riot or coding) \
                and source.type == partner.type == "GROUP":
            break  # "troops and militiamen clashed": one fight of two unnamed groups, the first-named's
    return drafts


def shown_together(coding: Coding, sources: list[Actor]) -> Coding:
    """"French and Egyptian warships launched war games": a show of force (drills, war
    games) that two actors put on together is their cooperation (CAMEO 062)."""
    if coding.cameo == SHOW_OF_FORCE and len({a.id for a in sources}) >= 2:
        return JOINT_ACTION
    return coding


def separate_targets(ctx: Context, found: Found, source: Actor, target: Actor | None) -> list[Actor]:
    """"met separately with Ukrainian and Russian officials": the other coordinated targets,
    each its own event, when the clause says the act was done to each apart
    (clauses.txt `separate_words`)."""
    if target is None or not any(t.lower_ in ctx.clause_words("separate_words") for t in found.clause):
        return []
    out: list[Actor] = []
    for token in found.targets:
        if isinstance(token, Late):
            break
        words = [w for c in conjuncts(token) for w in [c, *(m for a in children(c, "amod", "compound")
                                                           for m in conjuncts(a))]]
        for each in words:
            actor = actor_of(ctx, each, target=True) or state_of_demonym(ctx, each)
            if actor is not None and actor.id not in (source.id, target.id) and actor not in out:
                out.append(actor)
    return out


def lent_source_draft(ctx: Context, found: Found, source: Actor) -> Draft | None:
    """The draft of a trigger with no acting token of its own, done by `source` (an agentless
    passive whose doer the story told of before)."""
    mode, coding = mode_and_coding(ctx, found)
    target = choose_target(ctx, source, None, found.targets, coding)
    if target is None and coding.weak or target is not None and target.id == source.id:
        return None
    return _draft(ctx, found, coding, mode, source, target, clause_span(found))


def fight(coding: Coding) -> bool:
    """A clash or a riot (CAMEO 18x, 19x, 145): between unnamed groups, told once."""
    return root(coding) in ("18", "19") or coding.cameo.startswith("145")


def _draft(ctx: Context, found: Found, coding: Coding, mode: str, source: Actor, target: Actor | None,
           span: tuple[int, int]) -> Draft:
    anchor = found.anchor if found.anchor is not None else found.trigger
    refused = coding.source == REFUSAL  # "will not release": a refusal, not a negated release
    return Draft(source, target, coding, found.trigger, found.kind, found.clause, anchor,
                 not refused and (negated(anchor) or negated(found.trigger)), mode, location(ctx, found.clause), *span,
                 tuple(found.targets))


def passive(trigger: Token) -> bool:
    """"The warships will be joined by X and Y": the agents of a passive act together on
    its subject, not on each other."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)


def reciprocal(ctx: Context, clause: list[Token]) -> bool:
    """"X and Y restored ties", "suspended a joint commission", "accused each
    other": coordinated actors do it to each other, whatever the type."""
    words = ctx.clause_words("reciprocal_words")
    return any(t.lower_ in words or (t.lower_ == "other" and t.i > 0 and t.nbor(-1).lower_ == "each")
               for t in clause)


def location(ctx: Context, clause: list[Token]) -> Location | None:
    """The first place named after in/at/to/near in the clause ("to Moscow")."""
    preps = ctx.shared_words("locative_preps") | {"to"}
    for token in clause:
        if token.dep_ == "pobj" and token.head.lower_ in preps:
            for start, end, actor in ctx.mentions:
                if start <= token.idx < end and actor.type in ("GPE", "LOC"):
                    name = ctx.text[start:end]
                    exact = name == actor.name  # an alias ("Moscow" for Russia) has not the state's point
                    return Location(name, actor.country, actor.lat if exact else None,
                                    actor.lon if exact else None)
    return None


def without_mirrors(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """"Chile and Peru held talks" in a lone sentence or a short text: one act of the coordinated
    parties, the first-named's with the second (sentences README rule 6); the second's copy, drafted
    so that the rules could see the act as two-sided (pairs), is dropped. In a story each side's
    part is told (`pairs.is_story`), but one act of coordinated doers on the same third party ("the
    ministers of Armenia and Azerbaijan met Blinken") is still one event (`co_subject_copy`)."""
    story = is_story(ctx)
    kept: list[Draft] = []
    told: set[tuple[int, str, str]] = set()
    aimed: set[tuple[int, str, str | None]] = set()
    doers: set[tuple[int, str, str]] | None = None if story else set()
    for draft in drafts:
        if not story and draft.target is not None and (draft.trigger.i, draft.target.id, draft.source.id) in told:
            continue
        if co_subject_copy(draft, aimed, doers):
            continue
        if draft.target is not None:
            told.add((draft.trigger.i, draft.source.id, draft.target.id))
        kept.append(draft)
    return kept


def co_subject_copy(draft: Draft, aimed: set[tuple[int, str, str | None]],
                    doers: set[tuple[int, str, str]] | None) -> bool:
    """"Greek and Cypriot ministers appealed to the EU", "Neither Tokyo nor Seoul rejected the
    plan", "ministers from Mexico, Canada and the US gathered": one act of
    coordinated doers is one event, its source the first-named (sentences README rule 6: the gold
    lists every member's names in one event). A later draft of the same trigger and code is a
    copy when it has the same target, or is aimed at a doer drafted before (not in a story, where
    `doers` is None: each side's part of a symmetric act is told there). Records `draft`'s act with
    its target in `aimed` and with its doer in `doers`."""
    act = (draft.trigger.i, draft.coding.cameo)
    target = draft.target.id if draft.target is not None else None
    if (*act, target) in aimed or doers is not None and target is not None and (*act, target) in doers:
        return True
    aimed.add((*act, target))
    if doers is not None:
        doers.add((*act, draft.source.id))
    return False


def finish(ctx: Context, drafts: list[Draft]) -> list[Event]:
    """The events, ids e1, e2, ... in text order; a draft that repeats one
    (same actors, code and trigger, or an untargeted event noun mentioned again) is dropped."""
    codes = ctx.know.patterns.codes
    drafts = sorted(without_mirrors(ctx, drafts), key=lambda d: (d.start, d.trigger.idx, d.source.id))
    events: list[Event] = []
    seen: set[tuple[str, str | None, str, int]] = set()
    seen_untargeted: set[tuple[str, str | None, str]] = set()
    aimed = {told_act(d) for d in drafts if d.target is not None}
    for draft in drafts:
        plover = plover_type(codes, draft.coding)
        if plover == "none":
            plover = None
        if draft.target is None and plover is not None and told_act(draft) in aimed:
            continue  # "Bowing to the farmers, Paraguay scrapped the tax": the act aimed, told again
        key = (draft.source.id, draft.target.id if draft.target else None, draft.coding.cameo, draft.trigger.idx)
        if key in seen:
            continue
        seen.add(key)
        again = (draft.source.id, plover, draft.trigger.lemma_.lower())
        if draft.kind == "noun" and draft.target is None and again in seen_untargeted:
            continue  # "the attack", "the strikes" again: a re-mention, not a new event
        seen_untargeted.add(again)
        events.append(_event(ctx, draft, plover, f"e{len(events) + 1}"))
    return events


def told_act(draft: Draft) -> tuple[int, str, str, bool, str | None]:
    """What a draft tells, for finding it told twice in a sentence: the sentence, the doer, the CAMEO
    code, negation and modality. A sentence's draft with no target that tells what another draft
    tells with a target is the same act (`finish` keeps the aimed one); another act of the same
    type is not ("set fire to a health centre and abducted two nurses": arson 1712, abduction 181)."""
    return (draft.trigger.sent.start, draft.source.id, draft.coding.cameo, draft.negated, draft.modality)


def _event(ctx: Context, draft: Draft, plover: str | None, event_id: str) -> Event:
    return Event(
        id=event_id, source=draft.source.id, target=draft.target.id if draft.target else None,
        plover=plover, cameo=draft.coding.cameo, negated=draft.negated, modality=draft.modality,
        date=event_date(ctx, draft.clause, draft.start), location=draft.location, trigger=draft.trigger.text,
        evidence=Evidence(draft.start, draft.end, ctx.text[draft.start:draft.end]),
        goldstein=ctx.know.patterns.codes.goldstein_of(draft.coding.cameo))
