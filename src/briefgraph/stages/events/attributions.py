"""Who did an act the text attributes to its doer's own word ("Islamic State claimed responsibility
for the bombing"): the doer of an event noun that names none itself. ATTRIBUTION_RULES each
return the doer's tokens, tried in order; the words are clauses.txt `claim_verbs` and
`responsibility_nouns`. Blame laid by others ("blamed X for the attack", "an attack blamed on
X") is an accusation, not a fact: the shared PLOVER gold codes the ACCUSE only."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .subjects import subjects
from .syntax import in_list

if TYPE_CHECKING:
    from .context import Context

AttributionRule = Callable[["Context", Token], list[Token]]


def _for_object_of(noun: Token) -> Token | None:
    """The word a noun is the "for" object of ("responsibility for the bombing")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return None
    return prep.head


def claimed_responsibility(ctx: Context, noun: Token) -> list[Token]:
    """"X claimed responsibility for the bombing": who claims it did it."""
    owner = _for_object_of(noun)
    if owner is None or not in_list(owner, ctx.clause_words("responsibility_nouns")):
        return []
    verb = owner.head
    if owner.dep_ != "dobj" or not in_list(verb, ctx.clause_words("claim_verbs")):
        return []
    return [t for t in subjects(ctx, verb)[0] if t.i != noun.i]


ATTRIBUTION_RULES: tuple[AttributionRule, ...] = (claimed_responsibility,)


def attributed_doer(ctx: Context, noun: Token) -> list[Token]:
    """The tokens of whoever the text says did the act an event noun names."""
    for rule in ATTRIBUTION_RULES:
        doers = rule(ctx, noun)
        if doers:
            return doers
    return []
