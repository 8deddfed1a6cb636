"""Bodies and offices that are no actors of their own (knowledge/actors/offices.txt, generated
by tools/build_agents.py from the Phoenix nouns of the GOV, JUD, LEG and PTY roles: "court",
"junta", "cabinet", "district magistrate", "rector"). News names them by what they are and
where or whose they are: "a court in Moscow sentenced ...", "the junta in Ouagadougou refused
...", "the rector of the University of Dhaka", "a Kenyan court". They act, and are acted on, as
the named place, organisation or state they are of, an actor the text already names: no new
unnamed actor is made of them (the gold lists the state or place beside the office).

`office_in_named` is one of arguments.ACTOR_RULES; `is_office` lets arguments.demonym_modifier
read "a Kenyan court" as Kenya, as it reads "Kenyan troops"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...records import actor_at
from .syntax import children, end_char

if TYPE_CHECKING:
    from .arguments import Ask, Verdict
    from .context import Context

OFFICE_PREPS = frozenset({"in", "of", "at"})  # "the court in Moscow", "the rector of the University"
HOLDER_TYPES = frozenset({"GPE", "LOC", "ORG"})  # a place, state or organisation holds an office


def is_office(ctx: Context, token: Token) -> bool:
    """A common noun (lower case) ending a body or office noun of offices.txt ("court",
    "district magistrate", "home ministry")."""
    if token.pos_ != "NOUN" or not token.text.islower():
        return False
    words = [t.lower_ for t in token.doc[max(token.i - 2, token.sent.start):token.i + 1]]
    return ctx.know.generic.office_ending(words) > 0


def office_in_named(ctx: Context, ask: Ask) -> Verdict:
    """"a court in Moscow", "the junta in Ouagadougou", "the rector of the University of
    Dhaka", "the mayor of Acapulco": a body or office with no actor of its own, "in", "of" or
    "at" a named place, state or organisation, stands for that one."""
    token = ask.token
    if not is_office(ctx, token):
        return None
    for prep in children(token, "prep"):
        if prep.lower_ not in OFFICE_PREPS:
            continue
        for pobj in children(prep, "pobj"):
            found = actor_at(ctx.actors, pobj.idx, end_char(pobj))
            if found is not None and found.type in HOLDER_TYPES:
                return found
    return None
