"""Places that are no party to an act: a target the act's sentence names only in the story's
dateline (`venue_target`), only after a place preposition of a meeting or an agreement
(`venue_place`), or only inside a relative clause of the object (`described_place`) is where the
act was done or what its object does, and `pairs.aim_at_pairs` clears it (NO_PARTY_PLACES).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .coding import plover_type
from .syntax import children, is_purpose
from .targets import PLACE_TYPES

if TYPE_CHECKING:
    from ...records import Actor
    from .context import Context
    from .drafts import Draft


def venue_target(ctx: Context, draft: Draft) -> bool:
    """"Geneva/Sana'a, 14 May 2024 – The ICRC facilitated the release of 38 detainees": the target
    of an act done to a party (clauses.txt `party_act_types`) that is a place its sentence names
    only inside the dateline filed the story, it is no party to the act (as
    sections.dateline_source for a source)."""
    target = draft.target
    if target is None or target.type not in PLACE_TYPES or draft.kind == "quote":
        return False
    kind = plover_type(ctx.know.patterns.codes, draft.coding)
    if kind is None or kind.lower() not in ctx.clause_words("party_act_types"):
        return False
    sent = draft.trigger.sent
    tokens = [t for t in sent if any(s <= t.idx < e and a.id == target.id for s, e, a in ctx.mentions)]
    return bool(tokens) and all(ctx.in_dateline(t) for t in tokens)


def venue_place(ctx: Context, draft: Draft) -> bool:
    """"agreed to a ceasefire at the Torkham crossing", "a meeting at Wagah", "praised the
    volunteers from Riga": the target of an act done to a party (clauses.txt `party_act_types`)
    that is a place with no state code its sentence names only where something is (a meeting or an
    agreement: `talks_act_types`), comes from or goes (`place_phrase`) is where it was done, not a
    party to it (an act on a place's people keeps it: "lifted a state of emergency in West Darfur
    State")."""
    target = draft.target
    if target is None or target.type not in PLACE_TYPES or target.code or draft.kind == "quote":
        return False
    kind = plover_type(ctx.know.patterns.codes, draft.coding)
    if kind is None or kind.lower() not in ctx.clause_words("party_act_types"):
        return False
    preps = ctx.clause_words("place_only_preps")
    if kind.lower() in ctx.clause_words("talks_act_types"):
        preps = preps | ctx.shared_words("locative_preps")
    tokens = named_tokens(ctx, draft.trigger, target)
    if kind.lower() == ASKING_TYPE and any(asked_of(draft.trigger, _phrase_head(t)) for t in tokens):
        return False
    return bool(tokens) and all(place_phrase(ctx, draft.trigger, _phrase_head(t), preps) for t in tokens)


ASKING_TYPE = "request"  # the PLOVER type whose "from" phrase names whom it is asked of


def asked_of(trigger: Token, head: Token) -> bool:
    """"demanded an explanation from Moscow", "sought assurances from Nairobi": the object of
    "from" on a demand's trigger or on its direct object is whom the demand is made of, a party
    (a capital standing for its state), not where the demand came from."""
    if head.dep_ != "pobj" or head.head.lower_ != "from":
        return False
    holder = head.head.head
    return holder.i == trigger.i or (holder.dep_ == "dobj" and holder.head.i == trigger.i)


def place_phrase(ctx: Context, trigger: Token, head: Token, preps: frozenset[str]) -> bool:
    """A name (or the noun it names) that is the object of one of `preps` ("at the Torkham
    crossing", "from Riga"), of "of" after a compass word ("20 kilometres south of Hanko"), or of
    any preposition of a verb outside the trigger's clause ("towed it to Kotka, accusing its crew":
    where the tow went)."""
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ in preps:
        return True
    if prep.lower_ == "of" and prep.head.lower_ in ctx.clause_words("compass_words"):
        return True
    return prep.head.pos_ == "VERB" and prep not in trigger.subtree and not is_purpose(trigger)


def _phrase_head(token: Token) -> Token:
    """The noun a name modifies ("Torkham" in "the Torkham crossing": crossing), else the name."""
    while token.dep_ in ("compound", "amod") and token.head.i != token.i:
        token = token.head
    return token


def described_place(ctx: Context, draft: Draft) -> bool:
    """"blew up a section of the pipeline that carries oil to the Atlantic coast", "lifting a
    restriction that had forced exporters to ship through Kolkata's seaport": a place target (no
    state: "measures to stop Venezuela from annexing" keeps it) its
    sentence names only inside a relative clause of the trigger's object tells where the thing
    goes or what it did, it is not what the act was done to."""
    target = draft.target
    if target is None or target.type not in PLACE_TYPES or target.code or draft.kind != "verb":
        return False
    clauses = [t for obj in children(draft.trigger, "dobj") for t in obj.subtree
               if t.dep_ == "relcl" and draft.trigger not in t.subtree]
    inner = {t.i for clause in clauses for t in clause.subtree}
    tokens = named_tokens(ctx, draft.trigger, target)
    return bool(tokens) and all(t.i in inner for t in tokens)


def named_tokens(ctx: Context, trigger: Token, actor: Actor) -> list[Token]:
    """The tokens of the trigger's sentence that start inside a mention of the actor (looked up
    from the actor's own mentions: a sentence of many verbs is not walked once per mention)."""
    sent = trigger.sent
    out: list[Token] = []
    for start, end in actor.mentions:
        if sent.start_char <= start < sent.end_char:
            span = ctx.nlp.char_span(start, end, alignment_mode="expand")
            out += [t for t in span or () if t.idx >= start]
    return out


NO_PARTY_PLACES = (venue_target, venue_place, described_place)
