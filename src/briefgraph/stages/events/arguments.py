"""Which actor a token stands for: a name, a pronoun's antecedent, "the bloc",
a title's holder, a group's members, a state behind its demonym.

`actor_of` tries ACTOR_RULES in order on the token (after a relative pronoun is
replaced by the noun its clause hangs on). A rule returns the actor, None when
it has nothing to say, or NOBODY when the token stands for no actor at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from spacy.tokens import Token

from ...records import Actor, actor_at
from .coding import is_event_noun
from .kinds import kind_description
from .nationals import state_of_demonym
from .office_holders import office_holder
from .offices import is_office, office_in_named
from .pronouns import antecedent
from .syntax import acl_agents, children, clause, conjuncts, end_char, in_list, window_start

if TYPE_CHECKING:
    from .context import Context

MAX_DEPTH = 2  # how far appositions and group nouns are followed
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod")


class Nobody:
    """A rule's verdict that the token stands for no actor (stop looking)."""


NOBODY: Final = Nobody()


@dataclass(frozen=True)
class Ask:
    """A token to resolve: how deep inside another's resolution, and whether it is a target."""

    token: Token
    depth: int = 0
    target: bool = False


Verdict = Actor | Nobody | None
ActorRule = Callable[["Context", Ask], Verdict]


def actor_of(ctx: Context, token: Token, depth: int = 0, target: bool = False) -> Actor | None:
    """The actor a token (the head of a subject or object) stands for. A state
    adjective makes the state the actor of its troops, drones and strikes, and
    the target in anything done to its people or land ("Israeli citizens")."""
    noun = relative_noun(ctx, token)
    if noun is None:
        return None
    ask = Ask(noun, depth, target)
    for rule in ACTOR_RULES:
        verdict = rule(ctx, ask)
        if isinstance(verdict, Nobody):
            return None
        if verdict is not None:
            return speaks_for(ctx, verdict)
    return None


def speaks_for(ctx: Context, actor: Actor) -> Actor:
    """A capital named apart as a city that speaks for its state (its affiliation, set by
    the actors stage: "A senior Kenyan official said Nairobi would ...") acts as the state."""
    if actor.type == "GPE" and actor.kb_id is None and actor.affiliation in ctx.by_id:
        return ctx.by_id[actor.affiliation]
    return actor


def relative_noun(ctx: Context, token: Token) -> Token | None:
    """"the crimes that ...": a relative pronoun is the noun its clause hangs on
    (None when the parse did not hang the clause on a noun)."""
    if token.lower_ in ctx.shared_words("relative_pronouns") and token.pos_ in ("PRON", "DET"):
        return token.head.head if token.head.dep_ == "relcl" else None
    return token


def is_pronoun(ctx: Context, token: Token) -> bool:
    """A personal pronoun ("us", not the "US")."""
    pronouns = ctx.shared_words("person_pronouns") | ctx.shared_words("body_pronouns") \
        | ctx.shared_words("speaker_pronouns")
    return token.lower_ in pronouns and (token.pos_ == "PRON" or token.text.islower())


# ---- the rules, in the order they are tried ----

def pronoun_antecedent(ctx: Context, ask: Ask) -> Verdict:
    """"he", "they", "we": the actor mentioned before it, or nobody."""
    if not is_pronoun(ctx, ask.token):
        return None
    return antecedent(ctx, ask.token) or NOBODY


def other_pronoun(ctx: Context, ask: Ask) -> Verdict:
    """"those who bomb", "this": no actor to resolve to."""
    return NOBODY if ask.token.pos_ == "PRON" else None


def named_apposition(ctx: Context, ask: Ask) -> Verdict:
    """"a Russian opposition journalist, Pavel Sorokin", "the rebel group, M23": a common
    noun with a proper name in apposition stands for the one the name names."""
    token = ask.token
    if token.pos_ != "NOUN" or not token.text.islower():
        return None
    for child in children(token, "appos"):
        if child.pos_ == "PROPN":
            found = actor_at(ctx.actors, child.idx, end_char(child))
            if found is not None and found.type in ("PERSON", "ORG", "GROUP"):
                return found
    return None


def named_actor(ctx: Context, ask: Ask) -> Verdict:
    """An actor's mention at the token, unless the token is in a wire dateline
    ("BRUSSELS (Reuters) -": the place filed the story, it did not act)."""
    token = ask.token
    if ctx.in_dateline(token):
        return None
    return actor_at(ctx.actors, token.idx, end_char(token))


def too_deep(ctx: Context, ask: Ask) -> Verdict:
    """Appositions and group nouns are followed no further than MAX_DEPTH."""
    return NOBODY if ask.depth > MAX_DEPTH else None


def definite_description(ctx: Context, ask: Ask) -> Verdict:
    """"the bloc", "the organization", "the militia": a bare definite description
    stands for the nearest organisation or group named before it, within the
    sentence and the two before (knowledge/events/clauses.txt, description_nouns)."""
    token = ask.token
    if token.lower_ not in ctx.clause_words("description_nouns") or not bare_definite(token):
        return None
    return last_named_before(ctx, token, lambda actor: not (actor.code or "").endswith("MED"))


def named_head_description(ctx: Context, ask: Ask) -> Verdict:
    """"the ministry" after "the Kyrgyz Foreign Ministry said", "the guards" after "Kazakh border
    guards": a bare definite description stands for the nearest organisation or group named
    before it, within the sentence and the two before, whose name has the same head word."""
    token = ask.token
    if not bare_definite(token):
        return None
    return last_named_before(ctx, token, lambda actor: head_word(actor.name) == token.lower_)


def bare_definite(token: Token) -> bool:
    """A common noun in lower case with "the" and no modifier, phrase or apposition."""
    kids = list(token.children)
    return token.pos_ in ("NOUN", "PROPN") and token.text.islower() \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in kids) \
        and not any(c.dep_ in (*MODIFIER_DEPS, "prep", "acl", "relcl", "appos") for c in kids)


def last_named_before(ctx: Context, token: Token, fits: Callable[[Actor], bool]) -> Actor | None:
    """The organisation or group that fits, named last before the token within its sentence
    and the two before."""
    start_char = window_start(token, 2)
    best = None
    for m_start, m_end, actor in ctx.mentions:
        if m_start >= start_char and m_end <= token.idx and actor.type in ("ORG", "GROUP") and fits(actor):
            best = actor
    return best


def head_word(name: str) -> str:
    """"Kyrgyz Foreign Ministry" -> "ministry", "Ministry of Defence" -> "ministry"."""
    words = name.lower().split(" of ")[0].split()
    return words[-1] if words else ""


def compass_short_name(ctx: Context, ask: Ask) -> Verdict:
    """"the North", "the South": the last actor named before it whose name begins with the
    word ("North Korea ... the North"; clauses.txt `compass_words`)."""
    token = ask.token
    if not token.text[:1].isupper() or token.lower_ not in ctx.clause_words("compass_words") \
            or [c.lower_ for c in token.children if c.dep_ != "case"] != ["the"]:  # "the North's launch"
        return None
    prefix = f"{token.lower_} "
    best = None
    for m_start, _, actor in ctx.mentions:
        if m_start < token.idx and actor.name.lower().startswith(prefix):
            best = actor
    return best


def titled_person(ctx: Context, ask: Ask) -> Verdict:
    """The last person named inside a noun phrase whose head is a title
    ("Deputy Foreign Minister and Special Envoy ... Mikhail Bogdanov"). An act whose possessor names
    its doer is no title ("Iran's detention of the diplomat": Iran's act, not the diplomat)."""
    if children(ask.token, "poss") and is_event_noun(ctx.know.patterns, ask.token):
        return None
    found = None
    for t in clause(ask.token):
        if t.i == ask.token.i or placed_below(ctx, t, ask.token):
            continue
        actor = actor_at(ctx.actors, t.idx, end_char(t))
        if actor is not None and actor.type == "PERSON":
            found = actor
    return found


def placed_below(ctx: Context, token: Token, head: Token) -> bool:
    """"the army base at Malam Fatori": a name inside a place phrase (words.txt `locative_preps`)
    of the head says where it is, not who holds it."""
    node = token
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in ctx.shared_words("locative_preps"):
            return True
        node = node.head
    return False


def group_of(ctx: Context, ask: Ask) -> Verdict:
    """"envoys from Cuba", "a group of diplomats": the group's actor."""
    if not in_list(ask.token, ctx.clause_words("group_nouns")):
        return None
    for child in children(ask.token, "prep"):
        if child.lower_ in ctx.clause_words("member_preps"):
            for pobj in children(child, "pobj"):
                if found := actor_of(ctx, pobj, ask.depth + 1):
                    return found
    return None


def weapon_user(ctx: Context, ask: Ask) -> Verdict:
    """"wounded by gunfire from guards", "injured by rubber bullets fired by police": a
    weapon or its fire stands for the one named as using it (else for no one)."""
    token = ask.token
    if token.pos_ != "NOUN" or token.lemma_.lower() not in ctx.clause_words("weapon_nouns"):
        return None
    users = [*acl_agents(token), *(p for c in children(token, "prep") if c.lower_ in ("from", "by")
                                   for p in children(c, "pobj"))]
    for user in users:
        if found := actor_of(ctx, user, ask.depth + 1):
            return found
    return None


def counted_of(ctx: Context, ask: Ask) -> Verdict:
    """"arrested 19 of them", "killing two of the attackers": a number of a group is that group."""
    token = ask.token
    if not token.like_num or token.pos_ not in ("NUM", "NOUN"):
        return None
    for child in children(token, "prep"):
        if child.lower_ == "of":
            for pobj in children(child, "pobj"):
                if found := actor_of(ctx, pobj, ask.depth + 1, ask.target):
                    return found
    return None


def apposition(ctx: Context, ask: Ask) -> Verdict:
    """"its emir, Sheikh Tamim": the actor of the apposition."""
    for child in children(ask.token, "appos"):
        if found := actor_of(ctx, child, ask.depth + 1):
            return found
    return None


def place_of(ctx: Context, ask: Ask) -> Verdict:
    """"the Ukrainian city of Kharkiv", "the southern Philippine region of Mindanao": a
    place noun (clauses.txt `named_place_nouns`) stands for the place its "of" names."""
    token = ask.token
    if token.pos_ != "NOUN" or not in_list(token, ctx.clause_words("named_place_nouns")):
        return None
    for pobj in (p for c in children(token, "prep") if c.lower_ == "of" for p in children(c, "pobj")):
        found = actor_at(ctx.actors, pobj.idx, end_char(pobj))
        if found is not None and found.type in ("GPE", "LOC"):
            return found
    return None


def _modifiers(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in MODIFIER_DEPS and c.i < token.i]


def named_modifier(ctx: Context, ask: Ask) -> Verdict:
    """"the Hamas delegation", "Egypt's envoy": the nearest actor named before the head; not one that only
    made, backed or funded it (clauses.txt `maker_participles`: "Beijing-backed hackers", "the Chinese-built
    port" are not Beijing's or China's own)."""
    makers = ctx.clause_words("maker_participles")
    for child in reversed(_modifiers(ask.token)):
        if child.tag_ == "VBN" and child.lemma_.lower() in makers:
            continue
        found = actor_at(ctx.actors, child.left_edge.idx, end_char(child))
        if found is not None:
            return found
    return None


def demonym_modifier(ctx: Context, ask: Ask) -> Verdict:
    """"Iranian strikes", "Israeli troops" (not "French workers"), and any target
    ("Israeli citizens"): the state of the demonym modifying the head."""
    if not (ask.target or acts_for_state(ctx, ask.token)):
        return None
    for child in reversed(_modifiers(ask.token)):
        found = state_of_demonym(ctx, child)
        if found is not None:
            return found
    return None


def demonym_itself(ctx: Context, ask: Ask) -> Verdict:
    """"the Palestinians", "an Iranian": the state the demonym names (top level only)."""
    return state_of_demonym(ctx, ask.token) if ask.depth == 0 else None


def more_of_the_same(ctx: Context, ask: Ask) -> Verdict:
    """"fired at supporters of the candidate, ... and detained dozens more": a count followed
    by "more" is more of the last group named before it in the sentence that is not the
    clause's subject (nor a place)."""
    token = ask.token
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "more" or token.ent_type_ != "CARDINAL":
        return None
    subjects = {t.i for t in token.sent if t.dep_ in ("nsubj", "nsubjpass")}
    best = None
    for start, end, actor in ctx.mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.sent != token.sent or span.end > token.i or span.root.i in subjects:
            continue
        if actor.type == "GROUP":
            best = actor
    return best


ACTOR_RULES: tuple[ActorRule, ...] = (
    pronoun_antecedent,
    other_pronoun,
    more_of_the_same,
    named_apposition,
    named_actor,
    too_deep,
    compass_short_name,
    named_head_description,
    kind_description,
    definite_description,
    office_holder,
    titled_person,
    group_of,
    weapon_user,
    counted_of,
    apposition,
    place_of,
    named_modifier,
    demonym_modifier,
    office_in_named,
    demonym_itself,
)


# ---- what the rules lean on ----

def acts_for_state(ctx: Context, token: Token) -> bool:
    """Troops, drones, officials, events, and bodies and offices ("a Kenyan court": offices.py):
    what a state adjective makes the state's."""
    return in_list(token, ctx.clause_words("state_agents")) or is_event_noun(ctx.know.patterns, token) \
        or is_office(ctx, token)


def with_coordinated_modifiers(ctx: Context, tokens: list[Token]) -> list[Token]:
    """"Armenian and Azerbaijani delegations": each state stands for its delegation."""
    out = []
    for token in tokens:
        out.append(token)
        if actor_at(ctx.actors, token.idx, end_char(token)) is not None:
            continue
        for child in children(token, "amod", "compound"):
            if any(c.dep_ == "conj" for c in child.children):
                out.extend(c for c in conjuncts(child)
                           if actor_of(ctx, c, depth=1) or state_of_demonym(ctx, c))
    return out
