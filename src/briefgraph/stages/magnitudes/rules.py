"""The rules that give a stated number its kind, in order: the first that answers wins.

Each rule takes the noun phrase the number counts (`np`: its head token, e.g.
"militants" in "two suspected militants", or the number itself in "killing 9") and
the stage's words, and returns a kind or None. A number no rule gives a kind to is
not a magnitude: a year, an age, a date or a sum of money has no cue word around it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...knowledge.quantities import KINDS, MagnitudeWords

Token = Any  # a spaCy Token
Rule = Callable[[Token, MagnitudeWords], "str | None"]

COMPLEMENTS = ("acomp", "oprd", "xcomp", "ccomp")  # "shot dead", "left four people dead"
RELATIVES = ("who", "that", "which", "whom")


def kind_of(token: Token, words: MagnitudeWords) -> str | None:
    """The kind a cue word gives, read from the word, then from its lemma; a
    passive-only cue ("held") counts in the passive or as a participle only."""
    if token.lower_ in words.cues["passive_only"] or token.lemma_.lower() in words.cues["passive_only"]:
        passive = any(c.dep_ == "auxpass" for c in token.children) or \
            (token.tag_ == "VBN" and token.dep_ in ("acl", "amod", "relcl"))
        if not passive:
            return None
    return words.kind_of(token.lower_) or words.kind_of(token.lemma_) or _phrasal_kind(token, words)


def _phrasal_kind(token: Token, words: MagnitudeWords) -> str | None:
    """"picked up", "rounded up": the kind of a phrasal verb (knowledge: <kind>_phrasal)."""
    for particle in (c for c in token.children if c.dep_ == "prt"):
        phrase = f"{token.lemma_.lower()}-{particle.lower_}"
        for kind in KINDS[:-1]:
            if f"{kind}_phrasal" in words.cues and phrase in words.cues[f"{kind}_phrasal"]:
                return kind
    return None


def heads_of_phrase(np: Token) -> list[Token]:
    """The phrase's head and, for "hundreds of residents" or "19 of them", the counted noun."""
    out = [np]
    for child in np.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _predicate_kind(verb: Token, words: MagnitudeWords) -> str | None:
    """The kind of a verb, or of its complement: "killed", "shot dead", "beat to death"."""
    kind = kind_of(verb, words)
    if kind:
        return kind
    for child in verb.children:
        if child.dep_ in COMPLEMENTS[:2] and kind_of(child, words):
            return kind_of(child, words)
        if child.dep_ == "prep" and child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj" and kind_of(obj, words) == "killed":
                    return "killed"
    return None


def _undergoes(verb: Token, words: MagnitudeWords) -> bool:
    """A verb whose subject undergoes it: passive, a bare participle, an intransitive
    cue ("fleeing air strikes"), or no object."""
    if verb.lemma_.lower() in words.cues["intransitive"] or verb.lower_ in words.cues["intransitive"]:
        return True
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN":
        return True
    return not any(c.dep_ == "dobj" and c.lower_ not in RELATIVES for c in verb.children)


def cue_in_phrase(np: Token, words: MagnitudeWords) -> str | None:
    """"at least seven dead", "16 abducted villagers", "41 people detained during", "people who were held"."""
    for head in heads_of_phrase(np):
        if head.pos_ in ("ADJ", "NOUN") and kind_of(head, words):
            return kind_of(head, words)
        for child in head.children:
            if child.dep_ == "amod" and kind_of(child, words):
                return kind_of(child, words)
            if child.dep_ in ("acl", "relcl") and kind_of(child, words) and _undergoes(child, words):
                return kind_of(child, words)
    return None


def object_of_cue(np: Token, words: MagnitudeWords) -> str | None:
    """"killed three deminers", "killing 9", "shot dead two militants", "arrested between 300 and 400"."""
    while np.dep_ == "conj" and np.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        np = np.head  # "arrested 11 men and three women"
    if np.dep_ == "pobj" and np.head.lower_ == "between":
        np = np.head
    if np.dep_ in ("dobj", "prep"):
        return _predicate_kind(np.head, words)
    return None


def subject_of_cue(np: Token, words: MagnitudeWords) -> str | None:
    """"Eight people were arrested", "five wounded", "at least 15 were hurt", "four people died"."""
    if np.dep_ == "nsubjpass":
        return _predicate_kind(np.head, words)
    if np.dep_ == "nsubj" and _undergoes(np.head, words):
        return _predicate_kind(np.head, words)
    return None


def object_control(np: Token, words: MagnitudeWords) -> str | None:
    """"forcing hundreds of residents to flee": the object is the subject of the cue verb."""
    if np.dep_ != "dobj":
        return None
    for child in np.head.children:
        if child.dep_ in ("xcomp", "ccomp") and kind_of(child, words):
            return kind_of(child, words)
    return None


def nominal_cue(np: Token, words: MagnitudeWords) -> str | None:
    """"the killing of a herder", "the arrest of 20 students", "the deaths of 12 miners"."""
    if np.dep_ == "pobj" and np.head.lower_ == "of" and np.head.head.pos_ == "NOUN":
        return kind_of(np.head.head, words)
    return None


def crowd_modifier(np: Token, words: MagnitudeWords) -> str | None:
    """"hundreds of students protesting", "three prisoners on hunger strike"."""
    for head in heads_of_phrase(np):
        for child in head.children:
            if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in words.cues["crowd_verbs"]:
                return "crowd"
            if child.dep_ == "prep" and child.lower_ in ("on", "in"):
                if any(o.lemma_.lower() in words.cues["crowd_nouns"] for o in child.children if o.dep_ == "pobj"):
                    return "crowd"
    return None


def crowd_noun(np: Token, words: MagnitudeWords) -> str | None:
    """"a crowd of several hundred", "a march by more than 10,000 women"."""
    if np.dep_ == "pobj" and np.head.lower_ in ("of", "by") and \
            np.head.head.lemma_.lower() in words.cues["crowd_nouns"]:
        return "crowd"
    return None


def _crowd_predicate(verb: Token, words: MagnitudeWords) -> bool:
    if verb.lemma_.lower() in words.cues["crowd_verbs"]:
        return True
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in words.cues["crowd_verbs"]:
            return True  # "sailed their boats into the harbour to protest"
        if child.dep_ == "prep" and any(o.lemma_.lower() in words.cues["crowd_nouns"]
                                        for o in child.children if o.dep_ == "pobj"):
            return True  # "went on strike", "took part in the march", "walked off the job in protest"
    return False


def crowd_subject(np: Token, words: MagnitudeWords) -> str | None:
    """"Thousands of farmers blocked highways", "roads were blocked by thousands of demonstrators"."""
    if np.dep_ == "nsubj" and _crowd_predicate(np.head, words):
        return "crowd"
    if np.dep_ == "pobj" and np.head.dep_ == "agent" and _crowd_predicate(np.head.head, words):
        return "crowd"
    return None


def crowd_object(np: Token, words: MagnitudeWords) -> str | None:
    """"used tear gas to disperse hundreds of farmers", "baton-charged hundreds of students"."""
    if np.dep_ == "dobj" and (np.head.lemma_.lower() in words.cues["dispersal_verbs"]
                              or np.head.lower_ in words.cues["dispersal_verbs"]):
        return "crowd"
    return None


RULES: tuple[Rule, ...] = (
    cue_in_phrase, object_of_cue, subject_of_cue, object_control, nominal_cue,
    crowd_modifier, crowd_noun, crowd_subject, crowd_object,
)
CASUALTY_RULES: tuple[Rule, ...] = RULES[:5]  # "a journalist" counts 1 only as a casualty or an arrest


def kind_by_rules(np: Token, words: MagnitudeWords, rules: tuple[Rule, ...] = RULES) -> str | None:
    for rule in rules:
        kind = rule(np, words)
        if kind:
            return kind
    return None
