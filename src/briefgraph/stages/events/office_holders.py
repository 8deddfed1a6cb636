"""Office holders told before: "President William Ruto arrived in Addis Ababa ... The president
met Ethiopian officials", "Foreign Minister Wang Yi ... the foreign minister condemned Japan". A
bare office noun with "the" ("the president", "the prime minister", "the envoy") stands for the one
person the document named before it holding an office of that name (a role of the actors stage
ending with the phrase's words). None when two persons named before hold such an office ("Ruto met
Ugandan President Museveni ... The president"): the phrase does not say which. A past holder
("Former President Uhuru Kenyatta") holds no office now: "the president" is not him, "the former
president" is (clauses.txt `past_office_words`).

`office_holder` is one of arguments.ACTOR_RULES."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .arguments import Ask, Verdict
    from .context import Context

OFFICE_MODIFIER_DEPS = ("amod", "compound")  # "prime minister", "foreign minister", "former president"


def office_holder(ctx: Context, ask: Ask) -> Verdict:
    """The one person named before a bare office phrase ("the president") who holds that office."""
    words = office_words(ask.token)
    if words is None:
        return None
    holders = [a for a in ctx.actors if a.type == "PERSON" and a.mentions and a.mentions[0][0] < ask.token.idx
               and any(holds(ctx, role, words) for role in a.roles)]
    return holders[0] if len(holders) == 1 else None


def office_words(token: Token) -> list[str] | None:
    """"the prime minister": ["prime", "minister"]; a singular noun with "the", in lower case (or
    as a title, "The President"), whose other children are lower-case modifiers before it; None for
    anything else ("the Ugandan president", "the president of Kenya", "the presidents")."""
    if token.tag_ not in ("NN", "NNP") or not (token.text.islower() or token.text.istitle()):
        return None
    kids = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" and c.i < token.i for c in kids):
        return None
    mods = [c for c in kids if c.dep_ != "det"]
    if any(c.dep_ not in OFFICE_MODIFIER_DEPS or c.i > token.i or not c.text.islower() for c in mods):
        return None
    return [t.lower_ for t in token.doc[min((c.i for c in mods), default=token.i):token.i + 1]]


def holds(ctx: Context, role: str, words: list[str]) -> bool:
    """A role ("Kenyan President", "Former President") ending with the office's words, not told as
    past unless the words tell it too."""
    role_words = role.lower().replace("-", " ").split()
    if len(role_words) < len(words) or role_words[-len(words):] != words:
        return False
    past = ctx.clause_words("past_office_words")
    return not any(w in past for w in role_words[:-len(words)])

