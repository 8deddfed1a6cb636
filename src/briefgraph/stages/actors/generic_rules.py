"""The rules that decide, in order, whether a token heads a generic actor at all
(GENERIC_RULES: each returns False to refuse it), and the head they judge: "police" of
"police station" is a modifier, "Judge" of "Judge Amina Bello" a title, "people" counts
only when counted or acting as a crowd, "the rebels" after a named group is an anaphor.
The generic actors stage (generic.py) forms a mention from each head they all accept."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Token

from ...knowledge.generic_agents import GenericAgent
from ...nlp import NAMED_LABELS
from ..events.syntax import hyphen_first
from .context import Context

MODIFIER_DEPS = frozenset({"amod", "compound", "nummod", "nmod", "quantmod", "npadvmod"})
SINGLE_DETS = frozenset({"a", "an", "the", "one", "another", "this", "that"})
INSTRUMENT_CATEGORIES = frozenset({"state forces", "external forces", None})


class Head(NamedTuple):
    """A token heading a generic phrase: the form matched and its first token."""

    token: Token
    agent: GenericAgent
    first: int  # index of the first token of the form ("riot" of "riot police")


GenericRule = Callable[[Context, Head], bool]


def is_named(token: Token) -> bool:
    """Inside a named entity (not a nationality word)."""
    return token.ent_type_ in NAMED_LABELS


def not_a_modifier(ctx: Context, head: Head) -> bool:
    """"police station", "police officers": a noun modifying another is not the head."""
    tok = head.token
    return not (tok.dep_ in {"compound", "amod", "nmod"} and tok.head.i > tok.i and tok.head.pos_ in {"NOUN", "PROPN"})


def not_a_title(ctx: Context, head: Head) -> bool:
    """"Judge Maria Lopez", "Officer Kamau": a word before a name is a title."""
    nxt = head.token.nbor(1) if head.token.i + 1 < len(head.token.doc) else None
    return nxt is None or not (nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and is_named(nxt))


def not_in_a_name(ctx: Context, head: Head) -> bool:
    """"Kenya Police Service": part of a longer name; an entity spaCy made of the
    generic phrase's own words ("Police" as ORG, "Riot" of "Riot police") is no name."""
    tokens = head.token.doc[head.first:head.token.i + 1]
    named = [t for t in tokens if is_named(t)]
    ents = [e for e in head.token.doc.ents if any(e.start <= t.i < e.end for t in named)]
    return all(head.first <= e.start and e.end <= head.token.i + 1 for e in ents)


def counted_if_people(ctx: Context, head: Head) -> bool:
    """"people" is an actor only when counted: "20 people", "several young men", "dozens
    of people" (gatherings.txt `people_counts`, `count_heads`); or as the subject of what a crowd does
    (`crowd_acts`)."""
    tok = head.token
    if head.agent.form not in ctx.generic.gatherings["counted_only"]:
        return True
    counts = ctx.generic.gatherings.get("people_counts", frozenset())
    if any(c.dep_ == "nummod" or c.like_num or (c.dep_ == "amod" and c.lower_ in counts) for c in tok.children):
        return True
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and crowd_acts(ctx, tok.head):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" \
        and tok.head.head.lower_ in ctx.generic.gatherings["count_heads"]


CROWD_VERB_LISTS = ("crowd_gathering_verbs", "crowd_protest_verbs", "destruction_verbs", "blockade_verbs")


def crowd_acts(ctx: Context, verb: Token) -> bool:
    """What a crowd does: a protest verb ("Women protested", "People marched": protest_words.txt),
    a verb of a protest's or a gathering's object ("Women staged a protest", "held a sit-in",
    "held a vigil": gatherings.txt `gathering_nouns`; a hyphenated one whole), or a verb of
    gatherings.txt `crowd_gathering_verbs`, `crowd_protest_verbs`, `destruction_verbs` or
    `blockade_verbs` ("People gathered", "Women in Sindh blocked a highway")."""
    protest = ctx.generic.protest_words
    lists = ctx.generic.gatherings
    objects = protest
    if verb.lemma_.lower() not in lists.get("gathering_verbs", frozenset()):  # not "attacked a rally"
        objects = protest | lists.get("gathering_nouns", frozenset())
    if verb.lower_ in protest or any(c.dep_ == "dobj" and (c.lower_ in objects or whole_word(c) in objects)
                                     for c in verb.children):
        return True
    return any(verb.lemma_.lower() in lists.get(name, frozenset()) for name in CROWD_VERB_LISTS)


def whole_word(tok: Token) -> str:
    """The hyphenated word a token ends, in lower case ("staged a sit-in": the tokeniser
    splits it, the object is "in"), or the token's own word."""
    first = hyphen_first(tok)
    return f"{first}-{tok.lower_}" if first is not None else tok.lower_


def bare_count_alone(ctx: Context, head: Head) -> bool:
    """"Thousands rallied", "hundreds were hurt": a bare count of people is an actor
    only as a subject or object and with nothing it counts ("hundreds of students" is
    the students, "thousands of dollars" nobody)."""
    tok = head.token
    if head.agent.form not in ctx.generic.gatherings["bare_counts"]:
        return True
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    return tok.dep_ in {"nsubj", "nsubjpass", "dobj"}


def one_person_determined(ctx: Context, head: Head) -> bool:
    """A singular form ("official", "judge") names one person only with a determiner
    or a nationality: "a Russian official", "the judge"."""
    if not head.agent.singular:
        return True
    tok = head.token
    return any(c.dep_ == "det" and c.lower_ in SINGLE_DETS for c in tok.children) or \
        nationality(ctx, head) is not None


def not_an_anaphor(ctx: Context, head: Head) -> bool:
    """"the rebels", "the soldiers" with nothing else: after a named organisation or
    nationality, a bare definite group refers back to what the text named (the events
    stage resolves it), unless the text named the same generic group before ("Kenyan
    police ... the police")."""
    tok = head.token
    if head.first != tok.i or [c.lower_ for c in tok.children if c.i < tok.i] != ["the"]:
        return True
    if not any(e.label_ in {"ORG", "NORP"} and e.end <= tok.i for e in tok.doc.ents):
        return True
    same = head.agent.concept
    return any((a := ctx.generic.get(t.lower_)) is not None and a.concept == same and _unnamed(ctx, t)
               for t in tok.doc[:tok.i])


def _unnamed(ctx: Context, tok: Token) -> bool:
    """A generic group in its own right: not itself a bare "the rebels", and no name among
    its modifiers but a state's nationality ("Kenyan students"; "Houthi rebels" is named)."""
    if [c.lower_ for c in tok.children if c.i < tok.i] == ["the"]:
        return False
    for child in tok.children:
        if child.i < tok.i and child.ent_type_ and child.ent_type_ not in {"CARDINAL", "QUANTITY"}:
            entry = ctx.demonym_entry(child.text)
            if entry is None or not entry.is_state():
                return False
    return True


def not_a_state_organ(ctx: Context, head: Head) -> bool:
    """"Israeli soldiers", "the Ukrainian military", "Kenyan police": a state's organ or
    institution named with its nationality is the state acting or the state's own
    organisation (nouns.csv organ/institution rules, and state_organ_forms.txt: "Russian armed
    forces"); the affiliation stage gives an institution its category."""
    low = head.agent.form
    if low not in ctx.nouns.get("organ", {}) and low not in ctx.nouns.get("institution", {}) \
            and low not in ctx.generic.state_organs:
        return True
    return nationality(ctx, head) is None


def not_an_instrument(ctx: Context, head: Head) -> bool:
    """"Britain mobilized army reservists", "Syria is willing to withdraw its troops":
    forces or officials with no nationality of their own, the object of what a named
    state or organisation does (or named as its own), are its means, not the one it acts on."""
    tok = head.token
    if head.agent.category not in INSTRUMENT_CATEGORIES or tok.dep_ != "dobj" or nationality(ctx, head):
        return True
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
        return False  # "withdraw its troops"
    verb = tok.head
    while verb.dep_ in {"xcomp", "conj"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return not any(s.ent_type_ in {"GPE", "ORG"} or (s.ent_type_ == "NORP" and _state_people(ctx, s))
                   for s in subjects)


def _state_people(ctx: Context, tok: Token) -> bool:
    """"Israelis", "the French": a state's people; not "Jihadists", a group the NER also
    tags NORP, whose objects are no means of theirs."""
    entry = ctx.demonym_entry(tok.text)
    return entry is not None and entry.is_state()


def machine_as_subject(ctx: Context, head: Head) -> bool:
    """"Military jets bombed a monastery": a machine acts for its forces only as the subject
    of an active verb ("shot down two drones" names no actor)."""
    tok = head.token
    if tok.lower_ not in ctx.generic.machine_words:
        return True
    return tok.dep_ == "nsubj" and tok.head.pos_ == "VERB"


def gathering_acted_on(ctx: Context, head: Head) -> bool:
    """"Police broke up a march", "soldiers fired on a rally": a gathering stands for its
    people only as what forces acted on ("staged a march" names an event, no actor), and
    only when it names none of them ("a march by students", "a march vendors had planned":
    the students, the vendors)."""
    lists = ctx.generic.gatherings
    tok = head.token
    if tok.lower_ not in lists.get("gathering_nouns", frozenset()):
        return True
    if any(c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and c.lower_ in ("by", "of")) for c in tok.children):
        return False
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ in lists["gathering_preps"]:
        verb = verb.head
    elif tok.dep_ != "dobj":
        return False
    if any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and any(
            ctx.generic.get(p.lower_) is not None for p in c.children if p.dep_ == "pobj")) for c in verb.children):
        return False  # "broke up a march by students", the "by" phrase hung on the verb
    return verb.pos_ == "VERB" and verb.lemma_.lower() in lists["gathering_verbs"]


def nationality(ctx: Context, head: Head) -> str | None:
    """The ISO3 code of a nationality word among the modifiers ("Kenyan police") or of a
    state's possessive ("Kenya's police", "India's security forces"), also one hung on a word of
    a multiword form ("Kenyan riot police": "Kenyan" parsed as a modifier of "riot")."""
    doc = head.token.doc
    for child in (c for t in doc[head.first:head.token.i + 1] for c in t.children):
        if child.i >= head.first:
            continue
        if child.dep_ == "poss":
            state = ctx.state_of(child.text)
            if state is not None:
                return state.kb_id
        if child.dep_ in MODIFIER_DEPS and not child.text.islower():
            entry = ctx.demonym_entry(child.text)
            if entry is not None and entry.is_state():
                return entry.kb_id
    return None


def not_a_date(ctx: Context, head: Head) -> bool:
    """"On March 1, smugglers fired on the post": a form the parser reads as a date ("March" of a day,
    a month) is a time, not a march of protesters."""
    return not (head.token.ent_type_ in DATE_LABELS and head.token.text[:1].isupper())


DATE_LABELS = frozenset({"DATE", "TIME"})
GENERIC_RULES: tuple[GenericRule, ...] = (not_a_date, not_a_modifier, not_a_title, not_in_a_name, counted_if_people,
                                          bare_count_alone, one_person_determined, not_an_anaphor, not_a_state_organ,
                                          not_an_instrument, machine_as_subject, gathering_acted_on)
