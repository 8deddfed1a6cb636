"""Acts aimed at "both sides": "urged all sides to show restraint", "Officials from both
countries will meet", "talks between the two governments", "praised both delegations and
urged them to agree". A draft with no target whose object, or whose subject's "from"/"of"
phrase, is such a pair phrase (clauses.txt `pair_nouns` with "both", "all", "two" or "the ...
parties"; clauses.txt `party_nouns` paired or counted: "the three delegations"), or whose
object is a pronoun standing for one, is aimed at the sides of the document's first two-sided
act (one trigger drafted from both sides), else at the state the document is most about: the
state actor mentioned most often, other than the source's own. A pair phrase that is the
trigger's own object overrides a target found elsewhere. A third party's meeting or offer with
no target, or only a venue ("offered to host a round in Astana"), is aimed at those sides too, and
so are coordinated co-subjects attending a meeting (`co_attendee`). With no two-sided act told,
"the parties" are two parallel acts' doers or the two states named most (`parallel_acts`,
`state_pair`, for agentless.sides_draft). A place named only in a relative clause of the object
is no target (`party_places`); a deployment toward "the border with X" is aimed at X.

PAIR_FINDERS each give the pair-phrase token of a draft, in order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .arguments import actor_of
from .coding import of_types, plover_type
from .crowds import SANCTIONS, SEIZURE, category
from .described import described_target
from .modality import FACT_MODES
from .party_places import NO_PARTY_PLACES, named_tokens
from .syntax import children, prep_objects
from .targets import PLACE_TYPES

if TYPE_CHECKING:
    from ...records import Actor
    from .context import Context
    from .drafts import Draft

PAIR_WORDS = ("both", "all", "two")  # "both sides", "all sides", "the two countries"
PAIR_PREPS = ("with", "between", "among", "to")

PairFinder = Callable[["Context", "Draft"], "Token | None"]


def is_pair_phrase(ctx: Context, token: Token) -> bool:
    """"both sides", "all sides", "the two governments", "the parties"; "both delegations",
    "the three delegations" (clauses.txt `party_nouns`, plural, paired or counted); people a
    pair phrase possesses ("the two countries' commerce secretaries")."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN":
        return False
    if token.tag_ == "NNS" and any(is_pair_phrase(ctx, p) for p in children(token, "poss")):
        return True  # "the two countries' commerce secretaries", "both sides' negotiators"
    party = token.tag_ == "NNS" and lemma in ctx.clause_words("party_nouns")
    if not party and lemma not in ctx.clause_words("pair_nouns"):
        return False
    words = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "nummod", "preconj", "amod")}
    counted = "the" in words and any(c.dep_ == "nummod" for c in token.children)
    return bool(words & set(PAIR_WORDS)) or (party and counted) or (lemma == "party" and "the" in words
                                                                     and token.tag_ == "NNS")


def pair_object(ctx: Context, draft: Draft) -> Token | None:
    """"urged all sides", "talks with both governments": the trigger's object."""
    objects = children(draft.trigger, "dobj") + prep_objects(draft.trigger, PAIR_PREPS)
    return next((o for o in objects if is_pair_phrase(ctx, o)), None)


def pair_members(ctx: Context, draft: Draft) -> Token | None:
    """"Officials from both countries will meet": the subject's "from"/"of" phrase."""
    subjects = children(draft.trigger, "nsubj")
    found = [o for s in subjects for o in prep_objects(s, ctx.clause_words("member_preps"))]
    return next((o for o in found if is_pair_phrase(ctx, o)), None)


PLURAL_PRONOUNS = ("them", "they")
PLURAL_TAGS = ("NNS", "NNPS")


def pronoun_object(draft: Draft) -> Token | None:
    """"urged them": the trigger's object when it is a plural pronoun."""
    return next((o for o in children(draft.trigger, "dobj") if o.lower_ in PLURAL_PRONOUNS), None)


def pair_pronoun(ctx: Context, draft: Draft) -> Token | None:
    """"praised both delegations for returning and urged them to agree": a plural pronoun
    object whose nearest plural noun before it in the sentence is a pair phrase stands for it."""
    pronoun = pronoun_object(draft)
    if pronoun is None:
        return None
    before = [t for t in pronoun.sent if t.i < pronoun.i and t.tag_ in PLURAL_TAGS]
    return before[-1] if before and is_pair_phrase(ctx, before[-1]) else None


PAIR_FINDERS: tuple[PairFinder, ...] = (pair_object, pair_members, pair_pronoun)
# The finders of a pair phrase that is the trigger's own object: it overrides a target the
# rules found elsewhere ("We urge the parties to ...": not the family of the sentence before).
OBJECT_FINDERS = (pair_object, pair_pronoun)


def main_state(ctx: Context, source: Actor) -> Actor | None:
    """The state actor mentioned most often, not the source nor of the source's country."""
    counts: Counter[str] = Counter(a.id for _s, _e, a in ctx.mentions if a.type == "GPE" and a.id != source.id
                                   and not (source.country and a.country == source.country))
    return ctx.by_id[counts.most_common(1)[0][0]] if counts else None


Sides = tuple[int, list["Actor"]]  # a two-sided act's trigger index, its sides (first-told source first)


def two_sided_acts(drafts: list[Draft]) -> list[Sides]:
    """"Negotiators for Colombia and the ELN resumed talks": the document's acts drafted from
    both sides (one trigger, roles swapped), in the order of their triggers, each with its sides
    as the first-told of the two drafts gives them (the lead tells who the story is between)."""
    order: dict[int, int] = {}
    for i, d in enumerate(drafts):
        order.setdefault(id(d), i)  # a draft's first place in the list
    aimed = sorted(((d, d.target) for d in drafts if d.target is not None), key=lambda pair: pair[0].trigger.i)
    acts: list[Sides] = []
    for later, later_target in aimed:
        mirror = next((d for d, target in aimed if d.trigger.i == later.trigger.i
                       and d.source.id == later_target.id and target.id == later.source.id), None)
        if mirror is not None:
            first = min((later, mirror), key=lambda d: order[id(d)])
            acts.append((later.trigger.i, [first.source, *([first.target] if first.target is not None else [])]))
    return acts


def parallel_acts(ctx: Context, drafts: list[Draft]) -> list[Sides]:
    """"20 detainees released by the Houthi authorities ... and 18 released by the Government of
    Yemen": two acts of one code told as done in one sentence by two actors, neither aimed at the
    other (an exchange, a swap), give the sides when no act was drafted from both sides."""
    done = sorted((d for d in drafts if d.kind != "quote" and d.modality in FACT_MODES and not d.negated),
                  key=lambda d: d.trigger.i)
    for i, first in enumerate(done):
        for later in done[i + 1:]:
            if later.trigger.sent.start == first.trigger.sent.start and later.trigger.i != first.trigger.i \
                    and later.coding.cameo == first.coding.cameo and later.source.id != first.source.id \
                    and not (first.target is not None and first.target.id == later.source.id) \
                    and not (later.target is not None and later.target.id == first.source.id):
                return [(later.trigger.i, [first.source, later.source])]
    return []


def state_pair(ctx: Context) -> list[Sides]:
    """The two states the document names most often (coded state actors of two countries), as
    the sides "the two countries" stand for when no two-sided act was told; none without two."""
    counts: Counter[str] = Counter(a.id for _s, _e, a in ctx.mentions if a.type == "GPE" and a.code)
    states: list[Actor] = []
    for actor_id, _n in counts.most_common():
        actor = ctx.by_id[actor_id]
        if all(actor.country != other.country for other in states):
            states.append(actor)
    return [(-1, states[:2])] if len(states) >= 2 else []


def sides_told(draft: Draft, acts: list[Sides], third: bool = False) -> Actor | None:
    """The sides of the first two-sided act told before the draft (`two_sided_acts`): the
    first-named side not the source's own (None when the source is one of them and `third`
    asks for a third party)."""
    for trigger_i, sides in acts:
        if trigger_i >= draft.trigger.i:
            break
        if third and draft.source.id in (side.id for side in sides):
            return None
        for side in sides:
            if side.id != draft.source.id and not (draft.source.country and side.country == draft.source.country):
                return side
    return None


def venue_only(ctx: Context, draft: Draft) -> bool:
    """"offered to host a later round in Astana": the target is a place the clause names only
    after a place preposition (words.txt `locative_preps`): where, not with whom."""
    target = draft.target
    if target is None or target.type != "GPE":
        return False
    tokens = [t for t in draft.clause if any(s <= t.idx < e and a.id == target.id for s, e, a in ctx.mentions)]
    preps = ctx.shared_words("locative_preps")
    return bool(tokens) and all(t.dep_ == "pobj" and t.head.lower_ in preps for t in tokens)


def third_party(ctx: Context, draft: Draft, acts: list[Sides]) -> Actor | None:
    """"Georgia's minister, who hosted the opening session", "Oman has offered to mediate",
    "offered to host a round in Astana": a meeting or an offer with no target (or only a venue),
    by an actor who is not one of the sides, after a two-sided act of the document, is the
    source's part in the talks of those sides."""
    if not of_types(ctx, draft.coding, "talks_act_types") or not (
            draft.target is None or venue_only(ctx, draft)):
        return None
    return sides_told(draft, acts, third=True)


# A story of at least this many sentences names whom its acts are aimed at somewhere; a lone
# sentence (or two) may leave the target untold.
STORY_SENTENCES = 3


def is_story(ctx: Context) -> bool:
    """A document of `STORY_SENTENCES` sentences or more."""
    return sum(1 for _ in islice(ctx.nlp.sents, STORY_SENTENCES)) >= STORY_SENTENCES


def unaimed(ctx: Context, draft: Draft) -> bool:
    """"China offered to help", "the Council agreed", "Benin rejected" with no one found: an act of
    a kind done to someone (not clauses.txt `at_large_types`: an attack on a place, a deployment,
    a threat, a demonstration; nor `at_large_roots`: an appeal; nor a restriction laid on an area
    with no one named to lay it on, `restriction_at_large`: a curfew, a ban on rallies) that still
    has no target after the document was searched for one (its clause, pronouns, earlier acts,
    both sides) is not coded. In a story the one an act is aimed at is named; a target the rules
    cannot find marks a clause they misread more often than an act done to no one (only in a
    story: `is_story`). A generic actor's
    act on people its clause names only by a noun of clauses.txt `people_nouns` ("Police later
    arrested four suspects") is kept: conflict data codes it with no named target."""
    if draft.target is not None or draft.kind == "quote" or on_unnamed_people(ctx, draft):
        return False
    kind = plover_type(ctx.know.patterns.codes, draft.coding)
    if kind is None or kind == "none" or kind.lower() in ctx.clause_words("at_large_types"):
        return False
    return not (draft.coding.cameo.startswith(tuple(ctx.clause_words("at_large_roots")))
                or restriction_at_large(ctx, draft) or shutdown_at_large(ctx, draft)
                or looting_at_large(ctx, draft))


# Entity types of an "on" phrase that says when, not on whom ("imposed a curfew on Monday").
WHEN_TYPES = ("DATE", "TIME")


def restriction_at_large(ctx: Context, draft: Draft) -> bool:
    """A restriction laid on an area (clauses.txt `at_large_restrictions`: "Police imposed a curfew
    on Monday", "Authorities banned all protests") whose clause names no one it could be laid on:
    every object of the trigger is a restriction or a gathering (`restriction_objects`) and no
    "on"/"against" phrase names anything but a time ("imposed restrictions on six townships",
    "blocked news websites", "intercepted a flotilla" have a target the rules missed)."""
    if not draft.coding.cameo.startswith(tuple(ctx.clause_words("at_large_restrictions"))):
        return False
    objects = ctx.clause_words("restriction_objects")
    dobjs = children(draft.trigger, "dobj")
    if any(obj.lemma_.lower() not in objects and obj.lower_ not in objects for obj in dobjs):
        return False
    return all(t.ent_type_ in WHEN_TYPES for head in (draft.trigger, *dobjs)
               for t in prep_objects(head, ("on", "against")))


def shutdown_at_large(ctx: Context, draft: Draft) -> bool:
    """"Police in Dhaka closed the shops", "authorities shuttered the markets": premises shut by the
    state (crowds.state_shutdown: 172 with objects all of clauses.txt `shutdown_objects`) are a
    restriction laid on an area, with no one named it is laid on."""
    if draft.coding.cameo != SANCTIONS:
        return False
    premises = ctx.clause_words("shutdown_objects")
    dobjs = children(draft.trigger, "dobj")
    return bool(dobjs) and all(obj.lemma_.lower() in premises for obj in dobjs)


def looting_at_large(ctx: Context, draft: Draft) -> bool:
    """"Soldiers had looted their homes, villagers said": an armed group's looting (crowds.armed_looting:
    171 on a verb of clauses.txt `loot_verbs`) is done to property; with no owner named it is coded
    at large, as a crowd's looting (a riot) or a burning (1712) is."""
    return draft.coding.cameo == SEIZURE and draft.trigger.lemma_.lower() in ctx.clause_words("loot_verbs")


def on_unnamed_people(ctx: Context, draft: Draft) -> bool:
    """A generic actor's act (a state's institution named by nationality too: "Kenyan police")
    whose object is people named by a common noun ("arrested four suspects")."""
    if category(ctx, draft.source) is None:
        return False
    people = ctx.clause_words("people_nouns")
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in people for c in draft.anchor.children)


def passage_object(ctx: Context, draft: Draft) -> bool:
    """"reopened the crossing", "shut its side of the border", "closed the border crossing at
    Karamyk": the trigger's object is a passage (clauses.txt `passage_nouns`), itself or
    through its "of" phrase; or a place closed or opened "to" traffic (`passage_users`: "closed
    Torkham to all traffic")."""
    passages = ctx.clause_words("passage_nouns")
    users = ctx.clause_words("passage_users")
    if any(t.lower_ in users for t in prep_objects(draft.trigger, ("to",))):
        return True
    return any(word.lower_ in passages for obj in children(draft.trigger, "dobj")
               for word in (obj, *prep_objects(obj, ("of",))))


# The trigger's phrases that name whom an act on a passage is done to or for.
AIMED_PREPS = ("to", "for", "against", "with", "on")


def only_guessed(ctx: Context, draft: Draft) -> bool:
    """"closed its side of the border in line with sanctions imposed by ECOWAS": the target is
    named neither in the trigger's object nor in a phrase saying whom it was done to or for
    (`AIMED_PREPS`), only elsewhere in its clause (a guess of targets.late_targets)."""
    target = draft.target
    if target is None:
        return False
    aimed = {t.i for h in (*children(draft.trigger, "dobj", "dative"), *prep_objects(draft.trigger, AIMED_PREPS))
             for t in h.subtree}
    tokens = named_tokens(ctx, draft.trigger, target)
    return bool(tokens) and not any(t.i in aimed for t in tokens)


def across_passage(ctx: Context, draft: Draft, acts: list[Sides]) -> Actor | None:
    """"Pakistan reopened the crossing", "Benin closed its side of the border": closing or
    opening a passage with no one named as its target (none, only a place that is no state:
    "the crossing at Karamyk", or an actor named outside its object and aimed phrases:
    `only_guessed`), by an act done to someone (not clauses.txt `at_large_types`: "protesters
    blocked a road" is no act on a neighbour), is aimed at the neighbour across it:
    the other side of the first two-sided act told before, else the document's main state."""
    if draft.kind != "verb":
        return None
    kind = plover_type(ctx.know.patterns.codes, draft.coding)
    if kind is None or kind.lower() in ctx.clause_words("at_large_types") or not passage_object(ctx, draft):
        return None
    target = draft.target
    if target is not None and (target.type not in PLACE_TYPES or target.code) and not only_guessed(ctx, draft):
        return None
    return sides_told(draft, acts) or main_state(ctx, draft.source)


DEPLOYMENT = "MOBILIZE"


def border_partner(ctx: Context, draft: Draft, acts: list[Sides]) -> Actor | None:
    """"moved two armored battalions into Bolívar state, near the border with Guyana": a
    deployment with no one as its target (none, or only a place that is no state) toward a
    border (clauses.txt `border_nouns`) with a state is aimed at that state."""
    target = draft.target
    if target is not None and (target.type not in PLACE_TYPES or target.code) \
            or plover_type(ctx.know.patterns.codes, draft.coding) != DEPLOYMENT:
        return None
    borders = ctx.clause_words("border_nouns")
    for noun in (t for t in draft.clause if t.lemma_.lower() in borders or t.lower_ in borders):
        for other in prep_objects(noun, ("with",)):
            state = actor_of(ctx, other, target=True)
            if state is not None and state.code and state.id != draft.source.id \
                    and not (draft.source.country and state.country == draft.source.country):
                return state
    return None


def mentioned_in(ctx: Context, actor: Actor, head: Token) -> bool:
    """Whether the actor is named inside the head's subtree."""
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    return any(a.id == actor.id and start <= s < end for s, _e, a in ctx.mentions)


def co_attendee(ctx: Context, draft: Draft, acts: list[Sides]) -> Actor | None:
    """"Envoys from Venezuela, Cuba and Norway attended the opening session": coordinated
    co-subjects attending a meeting (the verb's object is one of clauses.txt `meeting_nouns`),
    drafted as meeting each other, are third parties at the talks of the sides of the first
    two-sided act told before: each is aimed at those sides (none of them is a side)."""
    target = draft.target
    if draft.kind != "verb" or target is None or not of_types(ctx, draft.coding, "talks_act_types"):
        return None
    meetings = ctx.clause_words("meeting_nouns")
    if not any(o.lemma_.lower() in meetings for o in children(draft.trigger, "dobj")):
        return None
    subjects = children(draft.trigger, "nsubj")
    if not any(mentioned_in(ctx, target, s) and mentioned_in(ctx, draft.source, s) for s in subjects):
        return None
    side = sides_told(draft, acts, third=True)
    return None if side is None or side.id == target.id else side


# Places a draft's target may be that are no party to its act: cleared before the sides are sought.
def aim_at_pairs(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """The drafts, those with no target aimed at "both sides" given the sides of the first
    two-sided act told before, or else the document's main state; a third party's meeting or
    offer with no target given those sides, an act on a passage the neighbour across it
    (`across_passage`); a party's act aimed at the dateline's place first
    given none (`venue_target`); then those still without a target dropped when their act is one done to
    someone (`unaimed`)."""
    drafts = [replace(d, target=None) if any(rule(ctx, d) for rule in NO_PARTY_PLACES) else d for d in drafts]
    acts = two_sided_acts(drafts)
    out = []
    for draft in drafts:
        pair = None
        if draft.kind == "verb":
            finders = PAIR_FINDERS if draft.target is None else OBJECT_FINDERS
            pair = next((p for p in (f(ctx, draft) for f in finders) if p is not None), None)
        side = (sides_told(draft, acts) or main_state(ctx, draft.source)) if pair is not None \
            else third_party(ctx, draft, acts) or across_passage(ctx, draft, acts) \
            or co_attendee(ctx, draft, acts) or border_partner(ctx, draft, acts)
        if side is None and draft.target is None:
            side = described_target(ctx, draft.candidates)
        out.append(replace(draft, target=side) if side is not None else draft)
    story = is_story(ctx)
    return [d for d in out if not (unaimed(ctx, d) and (story or short_unaimed(ctx, d)))]


def short_unaimed(ctx: Context, draft: Draft) -> bool:
    """Outside a story, an act of a kind that always has a party on its other end (clauses.txt
    `unaimed_short_types`: an accusation, aid, an arrest, a meeting) and no target found."""
    kind = plover_type(ctx.know.patterns.codes, draft.coding)
    return kind is not None and kind.lower() in ctx.clause_words("unaimed_short_types")
