"""Trigger rules: which tokens of a sentence are events.

A verb is a trigger unless one of verb_vetoes.VERB_VETOES says why not (each returns that
reason, or None); an event noun is one when the dictionary codes it and it has a
source; "X said Y must ..." is X's demand. TRIGGER_FINDERS run in order over a
sentence; draft_filters.DRAFT_FILTERS then drop what did not happen as a fact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...knowledge.patterns import Coding
from .aims import aims, demand_makers, has_own_name
from .arguments import actor_of
from .attributions import attributed_doer
from .coding import (
    COOPERATE_ROOT,
    FORCE_ROOTS,
    JOINT_ACTION,
    OBLIGATION,
    PLACE_TARGET_ROOTS,
    PROTEST_ROOT,
    SYMMETRIC_ROOTS,
    WISH,
    departure_deadline,
    is_event_noun,
    noun_coding,
    plover_type,
    root,
    verb_coding,
    walkout_on,
)
from .draft_filters import not_a_fact
from .drafts import Draft, Found, make_drafts
from .modality import done_jointly, quoted
from .noun_sources import holder_on, misplaced_agent, noun_sources, protest_manner
from .noun_targets import NounUse, noun_targets
from .sections import quote_at
from .subjects import givers_of_receipt, subjects
from .syntax import (
    agent_on_patient,
    children,
    clause,
    coordinated,
    infinitive_subjects,
    is_purpose,
    merged,
    prep_objects,
)
from .targets import LATE, Candidate, force_targets, verb_targets
from .verb_vetoes import (
    VERB_VETOES,
    coded_by_head,
    describes_event_noun,
    event_objects_of_light_verb,
    ordered_event_nouns,
)

if TYPE_CHECKING:
    from .context import Context


TriggerFinder = Callable[["Context", Span, set[int]], list[Draft]]




def is_verb_candidate(token: Token) -> bool:
    return token.pos_ == "VERB" and token.dep_ not in ("amod", "compound")




def light_nouns(ctx: Context, sent: Span) -> set[int]:
    """Positions of event nouns that are the object of a light verb ("held talks") or of an
    uncoded verb of ordering ("ordered the release of the detainees")."""
    out: set[int] = set()
    for verb in sent:
        if is_verb_candidate(verb) and coded_by_head(ctx, verb, None) is None \
                and describes_event_noun(ctx, verb, None) is None:
            out.update(o.i for o in event_objects_of_light_verb(ctx, verb))
            out.update(o.i for o in ordered_event_nouns(ctx, verb))
    return out


def verb_events(ctx: Context, sent: Span, light: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    for verb in sent:
        if not is_verb_candidate(verb):
            continue
        coding = verb_coding(ctx.know.patterns, verb)
        if coding is None or any(veto(ctx, verb, coding) for veto in VERB_VETOES):
            continue
        drafts.extend(make_drafts(ctx, verb_found(ctx, verb, coding)))
    return drafts


def verb_found(ctx: Context, verb: Token, coding: Coding) -> Found:
    for recode in VERB_RECODINGS:
        coding = recode(ctx, verb, coding)
    sources, passive = subjects(ctx, verb)
    sources = [t for t in sources if not is_event_noun(ctx.know.patterns, t)]
    givers = [] if passive else givers_of_receipt(ctx, verb, coding)
    if givers:  # "received aid from X": X's aid to the receiver
        return Found(verb, "verb", coding, givers, list(sources), clause(verb))
    targets = verb_targets(ctx, verb, passive, place=root(coding) in PLACE_TARGET_ROOTS)
    if not passive and (plover_type(ctx.know.patterns.codes, coding) or "").lower() \
            in ctx.clause_words("purpose_aimed_types"):  # "blockaded a harbour to protest X's incursions"
        targets = [*aims(ctx, verb), *targets]
    targets = [*demand_makers(ctx, verb, coding), *targets]  # "agreed to X, a key demand of the opposition"
    if root(coding) in FORCE_ROOTS:
        targets += force_targets(ctx, verb)
    if is_purpose(verb):  # "sent observers to Bosnia to investigate"
        targets += [LATE, *verb_targets(ctx, verb.head, False)]
    return Found(verb, "verb", coding, sources, targets, clause(verb))


def joined_act(ctx: Context, verb: Token, coding: Coding) -> Coding:
    """"Canada joined the sanctions against Russia", "joined the campaign against Boko Haram": joining
    an act (clauses.txt `joining_verbs`, coded as cooperation) whose doer the object does not name is
    doing it: the joined noun's own coding. With its doer named ("joined the EU's sanctions", "joined
    Nigeria's campaign") the joining is cooperation with that doer (targets.joins)."""
    if root(coding) != COOPERATE_ROOT or verb.lemma_.lower() not in ctx.clause_words("joining_verbs"):
        return coding
    for noun in children(verb, "dobj"):
        if not is_event_noun(ctx.know.patterns, noun):
            continue
        if any(actor_of(ctx, t) is not None for t in noun_sources(ctx, noun)):
            return coding
        own = noun_coding(ctx.know.patterns, noun, hyphen_gatherings(ctx))
        if own is not None and root(own) != COOPERATE_ROOT:
            return own
    return coding


# a verb's coding read again with what its clause says of the act (each returns the coding, changed or not)
VERB_RECODINGS: tuple[Callable[[Context, Token, Coding], Coding], ...] = (joined_act, departure_deadline)


# ---- event nouns ----

def noun_events(ctx: Context, sent: Span, light: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    wholes = hyphen_gatherings(ctx)
    for noun in sent:
        if is_event_noun(ctx.know.patterns, noun, wholes):
            found = noun_found(ctx, noun, noun.i in light)
            if found is not None:
                drafts.extend(make_drafts(ctx, found))
    return drafts


def hyphen_gatherings(ctx: Context) -> frozenset[str]:
    """The gathering nouns (actors/gatherings.txt `gathering_nouns`) written with a hyphen: read
    whole as event nouns ("a sit-in by nurses"); other hyphenated nouns are not triggers."""
    return frozenset(w for w in ctx.know.generic.gatherings.get("gathering_nouns", frozenset()) if "-" in w)


def light_governor(noun: Token, from_light_verb: bool) -> Token | None:
    """The light verb an event noun is the object of ("held talks", "launched a
    mediation effort", "launched ten days of war games")."""
    if not from_light_verb:
        return None
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and noun.head.pos_ == "VERB":
        return noun.head
    if noun.dep_ in ("compound", "pobj"):
        carrier = noun.head if noun.dep_ == "compound" else noun.head.head  # effort / days
        if carrier.dep_ in ("dobj", "attr") and carrier.head.pos_ == "VERB":
            return carrier.head
    return None


def noun_found(ctx: Context, noun: Token, from_light_verb: bool) -> Found | None:
    coding = walkout_on(ctx, noun) or noun_coding(ctx.know.patterns, noun, hyphen_gatherings(ctx))
    if coding is None:
        return None
    undergoer = undergone_by(ctx, noun)
    if undergoer is not None:
        return undergone_found(ctx, noun, undergoer, coding)
    sources = noun_sources(ctx, noun)
    parts = [clause(noun)]  # the clause: the noun's, its describing verbs', its light verb's
    for child in children(noun, "acl", "relcl"):
        lemma = child.lemma_.lower()
        if lemma == "target":
            parts.append(clause(child))
        elif lemma in ctx.clause_words("light_verbs") | ctx.clause_words("organising_verbs"):
            if not sources:  # "the attack launched by Pakistan", "the talks he held"
                sources.extend(t for t in subjects(ctx, child)[0] if t.i != noun.i)
            parts.append(clause(child))
    governor = light_governor(noun, from_light_verb)
    # "X and Y resumed their talks": the light verb's subjects, not the one "their" resolves to
    if governor is not None and all(s.tag_ == "PRP$" for s in sources):
        sources = subjects(ctx, governor)[0] or sources
        parts.append(clause(governor))
    if not sources:
        sources = misplaced_agent(noun) or agent_on_patient(noun) or attributed_doer(ctx, noun) or \
            (holder_on(ctx, noun) or protest_manner(ctx, noun) if root(coding) == PROTEST_ROOT else [])
    if not sources and root(coding) in SYMMETRIC_ROOTS:
        sources = parties_between(ctx, noun)
    if not sources:
        return None
    use = NounUse(noun, governor, root(coding) in PLACE_TARGET_ROOTS)
    anchor = governor if governor is not None else noun
    return Found(noun, "noun", coding, sources, noun_targets(ctx, use), merged(*parts), anchor=anchor)


def undergone_by(ctx: Context, noun: Token) -> Token | None:
    """The verb an event noun is undergone with ("came under attack": clauses.txt `undergo_verbs`)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ == "VERB" \
            and noun.head.head.lemma_.lower() in ctx.clause_words("undergo_verbs"):
        return noun.head.head
    return None


def undergone_found(ctx: Context, noun: Token, verb: Token, coding: Coding) -> Found | None:
    """"The convoy came under attack from Houthi rebels", "Kherson came under Russian shelling": the
    act is done by the noun's own doer or its "from" phrase, when that names an actor with a name
    of its own (aims.has_own_name: no "unknown gunmen"), to the subject of `verb` (undergone_by); none
    without one."""
    doers = [*noun_sources(ctx, noun), *(t for h in (noun, verb) for t in prep_objects(h, ("from",)))]
    doers = [t for t in doers if has_own_name(ctx, t)]
    if not doers:
        return None
    targets: list[Candidate] = list(coordinated(children(verb, "nsubj")))
    return Found(noun, "noun", coding, doers, targets, merged(clause(noun), clause(verb)), anchor=verb)


def parties_between(ctx: Context, noun: Token) -> list[Token]:
    """"talks between Israel and Hamas": the parties of a meeting, an agreement or a
    fight between actors each do it (and are each other's targets), when two of them
    are actors."""
    parties = [t for child in children(noun, "prep") if child.lower_ in ("between", "among")
               for t in coordinated(children(child, "pobj"))]
    return parties if len({a.id for t in parties if (a := actor_of(ctx, t)) is not None}) >= 2 else []


# ---- "X said Y must reach an agreement": X demands it of Y ----

def obligation_events(ctx: Context, sent: Span, light: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    for verb in sent:
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in ctx.clause_words("report_verbs"):
            continue
        if not any(c.lower_ in ctx.clause_words("obligation_aux") for c in children(verb, "aux")):
            continue
        sources, _ = subjects(ctx, verb.head)
        targets: list[Candidate] = list(coordinated(children(verb, "nsubj", "nsubjpass")))
        found = Found(verb.head, "verb", OBLIGATION, sources, targets, merged(clause(verb.head), clause(verb)))
        drafts.extend(make_drafts(ctx, found))
    return drafts


# ---- "X wants Y to withdraw": X asks it of Y ----

def wish_events(ctx: Context, sent: Span, light: set[int]) -> list[Draft]:
    """A wish verb (clauses.txt `wish_verbs`) whose infinitive has a subject of its own
    ("wants Germany to pay") asks it of that subject; "wants to join" asks nothing."""
    drafts: list[Draft] = []
    for verb in sent:
        targets: list[Candidate] = list(infinitive_subjects(verb))
        if not targets or verb.lemma_.lower() not in ctx.clause_words("wish_verbs"):
            continue
        sources, _ = subjects(ctx, verb)
        drafts.extend(make_drafts(ctx, Found(verb, "verb", WISH, sources, targets, clause(verb))))
    return drafts


# ---- "X and Y jointly hunted militants", "carried out joint checks": they cooperate ----

def joint_action_events(ctx: Context, sent: Span, light: set[int]) -> list[Draft]:
    """An action the dictionary does not code, done jointly by coordinated actors, is their
    cooperation (CAMEO 062) with each other; a coded action keeps its own coding. With no
    partner found, nothing is coded."""
    drafts: list[Draft] = []
    for verb in sent:
        if not is_verb_candidate(verb) or verb_coding(ctx.know.patterns, verb) is not None:
            continue
        if not done_jointly(ctx, verb) or any(o.i in light for o in children(verb, "dobj")):
            continue
        sources, passive = subjects(ctx, verb)
        if passive:
            continue
        found = Found(verb, "verb", JOINT_ACTION, sources, [LATE], clause(verb))
        drafts.extend(d for d in make_drafts(ctx, found) if d.target is not None)
    return drafts


TRIGGER_FINDERS: tuple[TriggerFinder, ...] = (
    verb_events, noun_events, obligation_events, wish_events, joint_action_events)


def sentence_events(ctx: Context, sent: Span) -> list[Draft]:
    """The drafts of one sentence of facts."""
    light = light_nouns(ctx, sent)
    drafts = [d for finder in TRIGGER_FINDERS for d in finder(ctx, sent, light)]
    kept = [d for d in drafts if not not_a_fact(ctx, d, drafts)]
    for draft in kept:
        if quote_at(ctx, draft.trigger.idx) is not None:
            draft.modality = quoted(draft.modality)
    return kept
