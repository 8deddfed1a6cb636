"""The date of an event: the time named in its own clause, else the days a clause of time
counts back from the act it follows ("on 19 April, a day after fighters kidnapped him": 18
April), else a day of the story's week named in a modifier of the clause, else the narrative
time the story is at (the last day or month named before it).

A meeting told as an intent ("she would meet hawkers' representatives at City Hall on Thursday")
whose clause names its own day is a meeting scheduled for that day, told in reported speech
("would" for "will"): the meeting itself, planned (scheduled_meetings), not an intent to meet."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...knowledge.timewords import NUMBER_WORDS
from ...records import TimeExpr
from ..times import narrative_time_at
from ..times.narrative import is_day
from ..times.tense import after_destination
from .coding import MEET_INTENT, noun_coding, root, verb_coding

if TYPE_CHECKING:
    from .context import Context
    from .drafts import Draft

STORY_DAYS = 7  # a day this many days before the page's date at most is a day of the story
OTHER_CLAUSES = frozenset({"conj", "advcl", "parataxis", "csubj"})  # acts with days of their own
MAX_HOPS = 12  # head links from a time up to its clause's verb


def event_date(ctx: Context, clause: list[Token], start: int) -> str | None:
    """The value of the first time inside the clause (a time with no value makes
    the date unknown), else of a story day told in a modifier of the clause, else of
    the narrative time at `start`."""
    own = _time_among(ctx, {t.idx for t in clause} - _count_offsets(clause))
    if own is not None and _destination_time(ctx, clause, own):
        return told_date(ctx, clause, start)  # "invited farmers to the prefecture on Monday": the visit's day
    if own is not None:
        if said_now(ctx, clause) and not direct_time(clause, own):
            return ctx.document.published if ctx.document else None  # "condemns the detention ... on Saturday"
        if said_lately(clause) and (not direct_time(clause, own) or object_act(ctx, clause)):
            # "has condemned the arrest ... on 28 February": the statement's day is the page's
            return reported_day(ctx, clause) or (ctx.document.published if ctx.document else None)
        return own.value
    counted = counted_back(ctx, clause) or conjunct_day(ctx, clause)
    if counted is not None:
        return counted
    below = _time_among(ctx, {t.idx for head in clause for t in _modifiers(head)})
    if below is not None and _story_day(ctx, below):
        return below.value  # "fired tear gas at hawkers who blocked the avenue on Monday"
    lately = _time_among(ctx, {t.idx for t in lately_object_modifiers(ctx, clause)})
    if lately is not None:
        return lately.value  # "has condemned the arrest of three drivers on 28 February": the arrest's day
    phase = _time_among(ctx, {t.idx for t in phase_modifiers(ctx, clause)})
    if phase is not None:
        return phase.value  # "the withdrawal of French troops was completed on Friday"
    return told_date(ctx, clause, start)


def told_date(ctx: Context, clause: list[Token], start: int) -> str | None:
    """The date of an act with no time of its own: the day of the reporting clause that attributes
    it, else the page's day for an act told in the simple present, else the narrative time."""
    reported = reported_day(ctx, clause)
    if reported is not None:
        return reported  # "moved two battalions ..., the ministry announced on March 3"
    if said_now(ctx, clause):
        return ctx.document.published if ctx.document else None
    found = narrative_time_at(ctx.narrative_times, start, ctx.document, months=True, past=told_past(clause))
    return found.value if found else None


def conjunct_day(ctx: Context, clause: list[Token]) -> str | None:
    """"Youths looted shops and set cars ablaze in Nairobi on Tuesday", "Traders shut their shops and
    blocked roads on Saturday": an act with no time of its own takes the story day that the next verb
    coordinated with it, sharing its subject and auxiliary (none of its own: "were arrested and will be
    charged today" is another time), tells; not when the act is timed by another ("detained during the rally
    and released on Wednesday": clauses.txt `timing_preps`); None without one."""
    timing = ctx.clause_words("timing_preps")
    for verb in _roots(clause):
        if any(c.dep_ == "prep" and c.lower_ in timing for c in verb.children):
            continue
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.pos_ != "VERB" or conj.i < verb.i \
                    or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children):
                continue
            time = _time_among(ctx, {t.idx for c in conj.children if c.dep_ in ("prep", "npadvmod")
                                     for t in _modifiers(c)})
            if time is not None and _story_day(ctx, time):
                return time.value
    return None


def phase_modifiers(ctx: Context, clause: list[Token]) -> list[Token]:
    """"The pullout of the troops began on 3 March": the modifiers of the verb of phase (clauses.txt
    `phase_verbs`) whose subject is the clause's act noun, short of its subject and other clauses."""
    head = _hung_outside(clause)
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = head.head
    if verb.lemma_.lower() not in ctx.clause_words("phase_verbs"):
        return []
    return [t for child in verb.children if child.dep_ in ("prep", "npadvmod") for t in _modifiers(child)]


# Days in the units a clause of time counts ("two weeks after ...").
UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
MONTH_UNITS = frozenset({"month", "months"})  # counted, but not in days: no day counted back
APPROXIMATE = frozenset({"less", "more", "nearly", "almost", "about", "around", "over", "some", "roughly"})


def counted_back(ctx: Context, clause: list[Token]) -> str | None:
    """"Mexico extradited 12 suspects on Thursday, two weeks after Washington threatened": an act
    told in a clause of time ("after") that counts days or weeks back from the act it hangs on
    is dated that many days before that act's day (None unless that act has a day)."""
    root = next((t for t in clause if t.dep_ == "advcl" and t.head.i != t.i and t.head not in clause), None)
    if root is None or not any(c.dep_ == "mark" and c.lower_ == "after" for c in root.children):
        return None
    days = next((n * UNIT_DAYS[c.lower_] for c in root.children if c.dep_ == "npadvmod" and c.lower_ in UNIT_DAYS
                 for n in [_count(c)] if n is not None), None)
    if days is None:
        return None
    head = root.head
    own = _time_among(ctx, {t.idx for t in _modifiers(head) if t.i not in {c.i for c in root.subtree}})
    found = own or narrative_time_at(ctx.narrative_times, head.idx, ctx.document, months=True)
    if found is None or not is_day(found.value):
        return None
    return (date.fromisoformat(found.value or "") - timedelta(days=days)).isoformat()


def reported_day(ctx: Context, clause: list[Token]) -> str | None:
    """"Venezuela's armed forces moved two battalions into Bolívar state, the Defense Ministry
    announced on March 3": an act with no time of its own, told before the reporting clause that
    attributes it, is dated by that clause's day (not by an older day the story told before); not
    an act told as done before ("had fled")."""
    roots = _roots(clause)
    if len(roots) != 1 or any(c.dep_ == "aux" and c.lower_ == "had" for c in roots[0].children):
        return None
    root = roots[0]
    verbs = [root.head] if root.dep_ == "ccomp" and root.head.i > root.i else []
    verbs += [c for c in root.children if c.dep_ in ("advcl", "parataxis") and c.i > root.i]
    for verb in verbs:
        if verb.lemma_.lower() not in ctx.clause_words("report_verbs"):
            continue
        time = _time_among(ctx, {t.idx for c in verb.children if c.dep_ in ("prep", "npadvmod") for t in _modifiers(c)})
        if time is not None and is_day(time.value):
            return time.value
    return None


# Tags of a verb in the simple present ("calls on", "urge").
PRESENT_TAGS = ("VBZ", "VBP")


def said_now(ctx: Context, clause: list[Token]) -> bool:
    """"The EU calls on the Belarusian authorities to release ...", "“We now urge the parties ...”":
    an act told in the simple present (no auxiliary) is done as the page is written: the page's
    day, not the day the story last named."""
    published = ctx.document.published if ctx.document else None
    roots = _roots(clause)
    return bool(published) and is_day(published) and len(roots) == 1 and roots[0].tag_ in PRESENT_TAGS \
        and roots[0].pos_ == "VERB" and not any(c.dep_ in ("aux", "auxpass") for c in roots[0].children)


def told_past(clause: list[Token]) -> bool:
    """An act told in the simple past ("The Minister called on ..."): done by the page's day, so a
    coming month the story named before is not its time."""
    roots = _roots(clause)
    return len(roots) == 1 and roots[0].tag_ == "VBD" and roots[0].pos_ == "VERB"


def direct_time(clause: list[Token], time: TimeExpr) -> bool:
    """Whether a time of the clause dates its act, not a thing the act is about: no noun lies
    between the time and the clause's verb ("condemns the detention of eight monitors during a
    protest on Saturday": Saturday dates the detention, not the condemnation)."""
    token = next((t for t in clause if time.start <= t.idx < time.end), None)
    members = {t.i for t in clause}
    for _ in range(MAX_HOPS):
        if token is None or token.head is token or token.head.i not in members:
            return True
        token = token.head
        if token.idx >= time.end or token.idx < time.start:
            if token.pos_ in ("NOUN", "PROPN", "PRON"):
                return False
            if token.pos_ in ("VERB", "AUX"):
                return True
    return True


def said_lately(clause: list[Token]) -> bool:
    """An act told in the present perfect ("has condemned", "have welcomed"; not "had"): done as
    the page is written, so a day told inside its object is the object's."""
    roots = _roots(clause)
    return len(roots) == 1 and roots[0].tag_ == "VBN" and roots[0].pos_ == "VERB" \
        and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in roots[0].children) \
        and not any(c.dep_ == "auxpass" for c in roots[0].children)


def object_act(ctx: Context, clause: list[Token]) -> bool:
    """Whether a past day told in a present-perfect clause is its object act's: a perfect takes no
    past day of its own, so "has condemned the arrest of three drivers by soldiers on 28 February"
    dates the arrest even where the parse hangs the day on the verb; not "has deployed troops to the
    border on Monday" (no act noun for an object: the day stays the act's)."""
    roots = _roots(clause)
    return len(roots) == 1 and any(c.pos_ == "NOUN" and noun_coding(ctx.know.patterns, c) is not None
                                   for c in object_nouns(ctx, roots[0]))


def object_nouns(ctx: Context, verb: Token) -> list[Token]:
    """The verb's objects, and the objects of a preposition that tell what a stance taken
    (clauses.txt `stance_nouns`) is about: "has expressed deep concern over the closure",
    "has expressed its regret at the expulsion" (the closure, the expulsion)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    stances = ctx.clause_words("stance_nouns")
    if not any(o.lemma_.lower() in stances for o in objects):
        return objects
    preps = [c for head in (verb, *objects) for c in head.children if c.dep_ == "prep"]
    return objects + [p for prep in preps for p in prep.children if p.dep_ == "pobj"]


def lately_object_modifiers(ctx: Context, clause: list[Token]) -> list[Token]:
    """The day hung on a present-perfect verb whose object is the clause's act noun ("has condemned
    the arrest ... on 28 February", "has expressed deep concern over the closure ... on 2 March":
    the arrest's, the closure's day)."""
    head = _hung_outside(clause)
    if head is None or head.pos_ != "NOUN":
        return []
    verb = lately_verb(ctx, head)
    if verb is None:
        return []
    return [t for child in verb.children if child.dep_ in ("prep", "npadvmod") and child.i > head.i
            for t in _modifiers(child)]


def lately_verb(ctx: Context, noun: Token) -> Token | None:
    """The present-perfect verb the act noun is an object of (`object_nouns`: "has condemned the
    arrest", "has expressed deep concern over the closure"), if any."""
    verb = next((up for up in (noun.head, noun.head.head, noun.head.head.head) if up.pos_ == "VERB"), None)
    if verb is None or not said_lately([verb]):
        return None
    return verb if any(o.i == noun.i for o in object_nouns(ctx, verb)) else None


def _roots(clause: list[Token]) -> list[Token]:
    """The clause's tokens that hang on no other token of it (the sentence root, or a word hung
    on one outside the clause)."""
    return [t for t in clause if t.head.i == t.i or t.head not in clause]


def _hung_outside(clause: list[Token]) -> Token | None:
    """The first token of the clause hung on a word outside it ("the arrest" of "has condemned the
    arrest"); None for a clause that holds its sentence's root."""
    return next((t for t in clause if t.head not in clause), None)


def _destination_time(ctx: Context, clause: list[Token], time: TimeExpr) -> bool:
    """Whether the clause's verb is one whose time told after its destination is the destination's
    (knowledge/times/future_cues.txt `destination`: "invited them to talks on Monday")."""
    first = next((t for t in clause if time.start <= t.idx < time.end), None)
    roots = _roots(clause)
    return first is not None and len(roots) == 1 and roots[0].tag_ == "VBD" \
        and after_destination(roots[0], first.i, ctx.know.destination_verbs)


def _count_offsets(clause: list[Token]) -> set[int]:
    """The offsets of a clause of time's own count and "after" ("two weeks after gunmen seized
    them"): the time they make ("two weeks after" = the later act's day) dates the act the clause
    hangs on, not the clause's act, which counted_back dates."""
    return {t.idx for root in clause if root.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "after" for c in root.children)
            for c in root.children if c.dep_ == "mark" and c.lower_ == "after"
            or c.dep_ == "npadvmod" and (c.lower_ in UNIT_DAYS or c.lower_ in MONTH_UNITS) for t in c.subtree}


def _count(unit: Token) -> int | None:
    """"two weeks": 2, "a day": 1; None for a count told loosely ("less than two weeks")."""
    if any(t.lower_ in APPROXIMATE for t in unit.subtree):
        return None
    for child in unit.children:
        if child.dep_ in ("nummod", "det"):
            word = child.lower_
            if word.isdigit():
                return int(word)
            if word in NUMBER_WORDS:
                return NUMBER_WORDS[word]
    return None


def _modifiers(token: Token) -> list[Token]:
    """The token and what hangs below it, short of other clauses of their own."""
    out = [token]
    for child in token.children:
        if child.dep_ not in OTHER_CLAUSES:
            out += _modifiers(child)
    return out


def _time_among(ctx: Context, offsets: set[int]) -> TimeExpr | None:
    for time in ctx.times:
        if time.text.split()[0].lower() in ctx.clause_words("duration_words"):
            continue  # "within two months" bounds a plan, it does not date the clause
        if ctx.in_dateline_offset(time.start):
            continue  # "Geneva, 14 May 2024 – The ICRC on Monday facilitated": the page's date, not the act's
        if time.start in offsets or any(time.start <= o < time.end for o in offsets):
            return time
    return None


def _story_day(ctx: Context, time: TimeExpr) -> bool:
    return story_day(time, ctx.document.published if ctx.document else None, coming=True)


def story_day(time: TimeExpr, published: str | None, coming: bool = False) -> bool:
    """A day told relative to the page's date and at most a week before it ("on Monday",
    "yesterday"): the days of a news story, not the date of some earlier thing. With `coming`,
    a day of the week after it counts too ("will allow garments to enter from Friday")."""
    if time.anchor != "published" or not is_day(time.value) or not published or not is_day(published):
        return False
    days = (date.fromisoformat(published) - date.fromisoformat(time.value or "")).days
    return (-STORY_DAYS if coming else 0) <= days <= STORY_DAYS


MEETING_ROOT = "04"


def scheduled_meetings(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """The drafts, each intent to meet whose clause names its own time ("would meet them on
    Thursday") coded as the meeting its trigger tells (CAMEO 04, CONSULT), still planned."""
    out = []
    for draft in drafts:
        own = draft.coding.cameo == MEET_INTENT and _time_among(ctx, {t.idx for t in draft.clause})
        told = (verb_coding if draft.kind == "verb" else noun_coding)(ctx.know.patterns, draft.trigger) \
            if own and draft.kind in ("verb", "noun") else None
        out.append(replace(draft, coding=told) if told is not None and root(told) == MEETING_ROOT else draft)
    return out
