"""Acts done at another's request: "Rwanda would deploy 500 soldiers to Cabo Delgado at
Mozambique's request", "Kenya sent police officers to Haiti at the request of the Haitian
government", "images were provided to Cairo at Egypt's request".

The phrase tells two acts. The one who asked made a request of the doer (CAMEO 10, REQUEST),
an event of its own. And forces sent or deployed where another asked for them are military
protection given to the asker (CAMEO 074, PLOVER AID: "provide military protection or
peacekeeping"), not a mobilisation aimed at the troops or the place they go to.

The request nouns are the `request_nouns` list of knowledge/events/clauses.txt; the asker is the
noun's possessor or its "of" phrase. REQUEST_RULES each give the drafts one draft done at a
request becomes, in order: the first that gives any wins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ...knowledge.patterns import Coding
from .arguments import actor_of
from .coding import plover_type
from .syntax import children, coordinated

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...records import Actor
    from .context import Context
    from .drafts import Draft

# the prepositions that make a request noun the ground of an act ("at", "upon", "on" its request)
REQUEST_PREPS = ("at", "upon", "on")
ASKED = Coding("100", None, "at the request")  # the asker's request of the doer
PROTECTION = Coding("074", None, "at the request")  # forces sent where another asked: its protection
SENT_FORCES = "MOBILIZE"


def request_noun(ctx: Context, draft: Draft) -> Token | None:
    """The request noun of an "at X's request" phrase in the draft's clause, else None."""
    nouns = ctx.clause_words("request_nouns")
    return next((t for t in draft.clause if t.lower_ in nouns and t.head.dep_ == "prep"
                 and t.head.lower_ in REQUEST_PREPS and t.dep_ == "pobj"), None)


def asker(ctx: Context, draft: Draft, noun: Token) -> Actor | None:
    """Who asked: the possessor of the request noun ("Mozambique's request") or its "of" phrase
    ("the request of the Haitian government"); not the doer itself ("at its own request")."""
    tokens = children(noun, "poss") + [o for p in children(noun, "prep") if p.lower_ == "of"
                                       for o in coordinated(children(p, "pobj"))]
    for token in tokens:
        actor = actor_of(ctx, token, target=True)
        if actor is not None and actor.id != draft.source.id:
            return actor
    return None


RequestRule = Callable[["Context", "Draft", "Actor", "Token"], "list[Draft]"]


def forces_sent(ctx: Context, draft: Draft, who: Actor, noun: Token) -> list[Draft]:
    """Forces sent or deployed at another's request protect the asker (AID to it)."""
    if plover_type(ctx.know.patterns.codes, draft.coding) != SENT_FORCES:
        return []
    return [replace(draft, coding=PROTECTION, target=who)]


def asked_for(ctx: Context, draft: Draft, who: Actor, noun: Token) -> list[Draft]:
    """Any act done at a request keeps its coding; the request is the asker's act aimed at the
    doer, told by the request noun."""
    return [draft]


REQUEST_RULES: tuple[RequestRule, ...] = (forces_sent, asked_for)


def requested_acts(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """The drafts, each act done at another's request recoded by REQUEST_RULES, and the asker's
    request of the doer added (one per request noun)."""
    out: list[Draft] = []
    asked: set[int] = set()
    for draft in drafts:
        noun = request_noun(ctx, draft) if draft.kind in ("verb", "noun") else None
        who = asker(ctx, draft, noun) if noun is not None else None
        if noun is None or who is None:
            out.append(draft)
            continue
        out.extend(next(found for found in (rule(ctx, draft, who, noun) for rule in REQUEST_RULES) if found))
        if noun.i not in asked:
            asked.add(noun.i)
            out.append(replace(draft, source=who, target=draft.source, coding=ASKED, trigger=noun,
                               kind="noun", modality="asserted", negated=False))
    return out
