"""Agentless passives the story tells the doer of: "Four people were detained" after riot
police used tear gas on the crowd, "The crew was released" after a coast guard seized the
boat. A passive arrest or release with no "by" phrase and no actor of its own is lent the
doer the document has just told of (SOURCE_FINDERS, tried in order, each given the earlier
drafts of the document); without one, without an actor as its patient, or in a clause that
describes a noun ("a party organizer who was detained"), it stays no event, as before.

An act two sides do to each other (a meeting, an agreement, cooperation, a fight, a signing)
told as done, whose subject names the two sides of the story and no actor ("the two commissions
met in Dushanbe and agreed", "the two governments exchanged lists", "both sides signed"), is
the act of the sides of the document's first two-sided act told before (pairs.two_sided_acts):
the first-named side as source, the other as target. So is such an act told by a participle
describing its noun whose "by" phrase names the sides ("an agreement reached by the parties in
Muscat", `sides_of_noun`), with the sides the whole document tells.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...records import Actor
from .arguments import actor_of
from .coding import is_symmetric, of_types, plover_type, verb_coding
from .crowds import of_category
from .draft_filters import not_a_fact
from .drafts import lent_source_draft
from .modality import FACT_MODES
from .pairs import is_pair_phrase, parallel_acts, state_pair, two_sided_acts
from .subjects import subjects
from .syntax import children, coordinated, forms, in_list, prep_objects
from .targets import PLACE_TYPES
from .triggers import is_verb_candidate, verb_found
from .verb_vetoes import VERB_VETOES

if TYPE_CHECKING:
    from ...knowledge.patterns import Coding
    from .context import Context
    from .drafts import Draft

# The arrests a state force makes (the acts that leave someone held: clauses.txt `holding_types`).
ARREST_CAMEO = ("173", "174")  # arrest, detain; expel or deport
# The types of act an authority decides and announces ("a curfew was eased", "the bill was withdrawn",
# "three diplomats were expelled"), and the releases of people among them, which a mediator announces
# as often as the holder.
DECISION_TYPES = frozenset({"CONCEDE", "RETREAT", "COERCE", "SANCTION"})
RELEASE_CAMEO = "084"

FindSource = Callable[["Context", Token, "Coding", list["Draft"]], "Actor | None"]


@dataclass(frozen=True)
class SourceFinder:
    """A rule that finds an agentless passive's doer, and whether the act it lends that doer
    needs a target (an arrest or a release does; an announced decision may have none)."""

    find: FindSource
    needs_target: bool = True


def latest_holder(ctx: Context, earlier: list[Draft], forces_only: bool) -> Actor | None:
    """The doer of the latest earlier seizure, arrest or attack told as a fact (only a state
    force's, clauses.txt `force_categories`, when `forces_only`)."""
    act = next((d for d in reversed(earlier) if d.kind != "quote" and not d.negated
                and of_types(ctx, d.coding, "holding_types")
                and (not forces_only or of_category(ctx, d.source, "force_categories"))), None)
    return act.source if act is not None else None


def holder_of_release(ctx: Context, verb: Token, coding: Coding, earlier: list[Draft]) -> Actor | None:
    """"The crew was released": by whoever seized or attacked them, the doer of the latest
    earlier seizure, arrest or attack."""
    if plover_type(ctx.know.patterns.codes, coding) != "RETREAT":
        return None
    return latest_holder(ctx, earlier, forces_only=False)


def force_of_arrest(ctx: Context, verb: Token, coding: Coding, earlier: list[Draft]) -> Actor | None:
    """"Seventeen people were arrested": by the state force whose force or arrests the story
    told last."""
    if not coding.cameo.startswith(ARREST_CAMEO):
        return None
    return latest_holder(ctx, earlier, forces_only=True)


def announcer_of_decision(ctx: Context, verb: Token, coding: Coding, earlier: list[Draft]) -> Actor | None:
    """"A curfew in Gondar was eased, regional officials announced", "The bill was withdrawn, the
    ruling party announced": a decision (a concession, a retreat, a coercive measure or a sanction:
    `DECISION_TYPES`) told as the agentless passive that a verb of announcing a decision
    (clauses.txt `decision_report_verbs`) introduces, was made by its announcer (the sentences'
    annotation rule 14), and so is one a state's body says was made (`said_by_state_body`). Not a
    release of people (`RELEASE_CAMEO`): whoever tells of a release need not have done it
    ("hostages were released, Qatar announced"). Aid sent is
    the act of whoever says it was sent ("Tents were flown to Kathmandu, the Indian
    foreign ministry said": `announced`)."""
    if verb.dep_ != "ccomp":
        return None
    source = teller(ctx, verb.head)
    if announced(ctx, verb.head, coding) or said_by_state_body(ctx, verb, coding, source):
        return source
    return None


def said_by_state_body(ctx: Context, verb: Token, coding: Coding, source: Actor | None) -> bool:
    """"The curfew in Jaffna was lifted, the Sri Lankan army said": a decision (`DECISION_TYPES`; no
    release, access allowed or forces withdrawn: clauses.txt `unsaid_decision_codes`) told as an
    agentless passive under any report verb by a state's body (a state, its government, army or
    police: `state_body`) is that body's act (the sentences' annotation rule 14), an arrest only
    when the body is a force (clauses.txt `force_categories`); a reporter, a witness or a rights
    group saying it is not, nor a state saying it of its own people ("Russian diplomats were
    expelled, the Russian foreign ministry said")."""
    kind = plover_type(ctx.know.patterns.codes, coding)
    unsaid = tuple(ctx.clause_words("unsaid_decision_codes"))
    if source is None or kind not in DECISION_TYPES or coding.cameo.startswith(unsaid) \
            or not in_list(verb.head, ctx.clause_words("report_verbs")) or not state_body(ctx, source):
        return False
    if coding.cameo.startswith(ARREST_CAMEO) and not of_category(ctx, source, "force_categories"):
        return False  # "journalists were detained in Kampala, the Kenyan foreign ministry said"
    patients = [actor_of(ctx, t) for p in children(verb, "nsubjpass") for t in p.subtree]
    own = source.code[:3] if source.code else None
    return not any(a is not None and a.code and a.code[:3] == own for a in patients)


def state_body(ctx: Context, actor: Actor) -> bool:
    """A state (a GPE with an actor code) or one of its bodies by the code's sector (clauses.txt
    `state_body_sectors`: government, army, police)."""
    code = actor.code or ""
    return (actor.type == "GPE" and len(code) >= 3) or code[3:6].lower() in ctx.clause_words("state_body_sectors")


def announced(ctx: Context, teller: Token, coding: Coding) -> bool:
    """Whether what `teller` tells is its own act: a decision under a verb of deciding, or aid sent
    (clauses.txt `reported_own_types`) under any report verb."""
    kind = plover_type(ctx.know.patterns.codes, coding)
    if in_list(teller, ctx.clause_words("decision_report_verbs")) and kind in DECISION_TYPES \
            and not coding.cameo.startswith(RELEASE_CAMEO):
        return True
    return in_list(teller, ctx.clause_words("report_verbs")) \
        and (kind or "").lower() in ctx.clause_words("reported_own_types")


def summoner(ctx: Context, verb: Token, coding: Coding, earlier: list[Draft]) -> Actor | None:
    """"Serbia's envoy was summoned, Croatia said", "The ambassador was summoned to the Foreign
    Ministry in Zagreb": a summons (clauses.txt `summons_verbs`) told as an agentless passive is
    the act of the state whose ministry it was summoned to (a state or city named there, or "in" it, before
    the ministry itself), else of whoever tells of it (a state summons a foreign envoy, nobody else does)."""
    if not in_list(verb, ctx.clause_words("summons_verbs")):
        return None
    places = [*prep_objects(verb, ("to",)), *prep_objects(verb, ("in",))]
    hosts = [a for a in (actor_of(ctx, t) for obj in places for t in obj.subtree) if a is not None]
    # "to the Foreign Ministry in Zagreb": the state or its city before the ministry named as an actor
    host = next((a for a in hosts if a.type in PLACE_TYPES), hosts[0] if hosts else None)
    if host is not None or verb.dep_ != "ccomp" or not in_list(verb.head, ctx.clause_words("report_verbs")):
        return host
    return teller(ctx, verb.head)


def teller(ctx: Context, verb: Token) -> Actor | None:
    """The first subject of a verb of telling that stands for an actor ("..., Croatia said")."""
    tellers = (actor_of(ctx, token) for token in subjects(ctx, verb)[0])
    return next((actor for actor in tellers if actor is not None), None)


SOURCE_FINDERS: tuple[SourceFinder, ...] = (
    SourceFinder(holder_of_release), SourceFinder(force_of_arrest),
    SourceFinder(announcer_of_decision, needs_target=False), SourceFinder(summoner))


def agentless_drafts(ctx: Context, sent: Span, drafts: list[Draft]) -> list[Draft]:
    """Drafts for the sentence's agentless passive arrests and releases, given the doer the
    earlier drafts of the document tell of, and for its acts of both sides (`sides_draft`)."""
    out: list[Draft] = []
    taken = {d.trigger.i for d in drafts}
    for verb in sent:
        if not is_verb_candidate(verb) or verb.i in taken:
            continue
        coding = verb_coding(ctx.know.patterns, verb)
        if coding is None or any(veto(ctx, verb, coding) for veto in VERB_VETOES):
            continue
        sources, passive = subjects(ctx, verb)
        earlier = sorted((d for d in drafts if d.trigger.i < verb.i), key=lambda d: d.trigger.i)
        if not passive:
            draft = sides_draft(ctx, verb, coding, sources, earlier)
        elif sources or describes_its_noun(verb):
            continue
        else:
            draft = lent_draft(ctx, verb, coding, earlier)
        if draft is not None and not not_a_fact(ctx, draft, [*drafts, draft]):
            out.append(draft)
    return out


def lent_draft(ctx: Context, verb: Token, coding: Coding, earlier: list[Draft]) -> Draft | None:
    """An agentless passive's draft, done by the doer a SOURCE_FINDERS rule finds (None
    without one). The act of a finder that `needs_target` (an arrest or release lent a doer told
    before) needs one: its own or `held_people`'s; an announced decision may have none ("the bill
    was withdrawn")."""
    found = ((f, f.find(ctx, verb, coding, earlier)) for f in SOURCE_FINDERS)
    finder, source = next(((f, s) for f, s in found if s is not None), (None, None))
    if finder is None or source is None:
        return None
    draft = lent_source_draft(ctx, verb_found(ctx, verb, coding), source)
    if draft is not None and draft.target is None and finder.needs_target:
        held = held_people(ctx, verb, source, earlier)
        draft = replace(draft, target=held) if held is not None else None
    return draft


def held_people(ctx: Context, verb: Token, source: Actor, earlier: list[Draft]) -> Actor | None:
    """"A Venezuelan coast guard vessel detained a Guyanese fishing boat and its six crew members
    ... The crew was released": people (clauses.txt `people_nouns`) released with no actor of their
    own, whom the source's latest earlier seizure or arrest named ("crew members"), are those it was
    done to: its target."""
    people = ctx.clause_words("people_nouns")
    patients = [p for p in children(verb, "nsubjpass") if p.lemma_.lower() in people or p.lower_ in people]
    act = next((d for d in reversed(earlier) if d.source.id == source.id and d.kind != "quote"
                and of_types(ctx, d.coding, "holding_types")), None)
    if not patients or act is None or act.target is None:
        return None
    named = {t.lemma_.lower() for t in act.clause} | {t.lower_ for t in act.clause}
    return act.target if any(p.lemma_.lower() in named or p.lower_ in named for p in patients) else None


def sides_draft(ctx: Context, verb: Token, coding: Coding, sources: list[Token],
                earlier: list[Draft]) -> Draft | None:
    """"The two commissions met and agreed on the border": a symmetric act (coding.is_symmetric) told as
    done whose subjects are all pair phrases naming no actor (pairs.is_pair_phrase) is the
    first-named side's act on the other side of the first two-sided act told before (or else of
    two parallel acts of one sentence, `pairs.parallel_acts`, or else the document's two most-named
    states, `pairs.state_pair`); None when the story tells of no sides."""
    if not is_symmetric(coding) or not sources \
            or not all(is_pair_phrase(ctx, s) and actor_of(ctx, s) is None for s in sources):
        return None
    acts = two_sided_acts(earlier) or parallel_acts(ctx, earlier) or state_pair(ctx)
    if not acts or len(acts[0][1]) < 2:
        return None
    first, other = acts[0][1][:2]
    draft = lent_source_draft(ctx, verb_found(ctx, verb, coding), first)
    # the sides' plans ("the two delegations plan to discuss") are coded as intents, which the
    # rules cannot tell from an agreement of both sides: only acts told as done
    if draft is None or draft.modality not in FACT_MODES or not is_symmetric(draft.coding):
        return None
    return replace(draft, target=other)



def sides_of_noun(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """"as part of an agreement reached by the parties in Muscat last month": a symmetric act told
    by a passive participle describing its noun, whose "by" phrase is only a pair phrase naming no
    actor (pairs.is_pair_phrase), is the first-named side's act on the other: the sides of the
    first two-sided act told before, else of two parallel acts of the document, else its two
    most-named states; none without sides."""
    out: list[Draft] = []
    taken = {d.trigger.i for d in drafts}
    for verb in ctx.nlp:
        if verb.i in taken or verb.dep_ != "acl" or verb.tag_ != "VBN" or not is_verb_candidate(verb):
            continue
        agents = [t for by in children(verb, "agent") for t in coordinated(children(by, "pobj"))]
        if not agents or not all(is_pair_phrase(ctx, a) and actor_of(ctx, a) is None for a in agents):
            continue
        coding = described_coding(ctx, verb)
        if coding is None or not is_symmetric(coding):
            continue
        earlier = sorted((d for d in drafts if d.trigger.i < verb.i), key=lambda d: d.trigger.i)
        acts = two_sided_acts(earlier) or parallel_acts(ctx, drafts) or state_pair(ctx)
        if not acts or len(acts[0][1]) < 2:
            continue
        first, other = acts[0][1][:2]
        draft = lent_source_draft(ctx, verb_found(ctx, verb, coding), first)
        if draft is not None and draft.modality in FACT_MODES and is_symmetric(draft.coding):
            out.append(replace(draft, target=other))
    return out


def described_coding(ctx: Context, participle: Token) -> Coding | None:
    """"an agreement reached by ...": a participle coded with the noun it describes as its object."""
    return ctx.know.patterns.code("verb", forms(participle), [frozenset(forms(participle.head))])


def describes_its_noun(verb: Token) -> bool:
    """"a party organizer who was detained during the rally": a relative or participle clause
    describes its noun, it does not tell the story's next act."""
    return any(v.dep_ in ("relcl", "acl") for v in (verb, *conjunct_heads(verb)))


def conjunct_heads(verb: Token) -> list[Token]:
    """The verbs a conjunct hangs on ("who was detained and released": released -> detained)."""
    out = []
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        out.append(verb)
    return out
