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
SECOND_PREDICATES = ("oprd", "advcl", "xcomp", "ccomp", "acomp")  # "took 12 aid workers captive"


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
    """The kind of a verb, or of its complement: "killed", "shot dead", "beat to death",
    "took 14 activists into custody"."""
    kind = kind_of(verb, words)
    if kind:
        return kind
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for child in verb.children:
        if child.dep_ in COMPLEMENTS[:2] and kind_of(child, words):
            return kind_of(child, words)
        if passive and child.dep_ == "xcomp" and kind_of(child, words):
            return kind_of(child, words)  # "were reported killed", "were forced to flee"
        if child.dep_ == "prep" and child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj" and kind_of(obj, words) == "killed":
                    return "killed"
    return _destination_kind(verb, words)


def _destination_kind(verb: Token, words: MagnitudeWords) -> str | None:
    """"took 14 activists into custody", "were forced from their homes": a place that gives a kind
    (knowledge: <kind>_destinations, <kind>_origins), for a verb with an object or in the passive
    only ("marched to the prison" puts no one in it)."""
    if verb.lemma_.lower() in words.cues["staying_verbs"]:  # "23 suspects were in custody", "remain in jail"
        held_in = words.cues["arrested_destinations"]
        return "arrested" if any(o.dep_ == "pobj" and (o.lemma_.lower() in held_in or o.lower_ in held_in)
                                 for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "behind")
                                 for o in p.children) else None
    if not any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in verb.children) and verb.tag_ != "VBN":
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into", "from")):
        places_of = "origins" if prep.lower_ == "from" else "destinations"
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            for kind in KINDS[:-1]:
                places = words.cues[f"{kind}_{places_of}"] if f"{kind}_{places_of}" in words.cues else ()
                if obj.lemma_.lower() in places or obj.lower_ in places:
                    return kind
    return None


def _undergoes(verb: Token, words: MagnitudeWords) -> bool:
    """A verb whose subject undergoes it: passive, a bare participle, an intransitive
    cue ("fleeing air strikes"), or no object."""
    if verb.lemma_.lower() in words.cues["intransitive"] or verb.lower_ in words.cues["intransitive"]:
        return True
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN":
        return True
    return not any(c.dep_ == "dobj" and c.lower_ not in words.relatives for c in verb.children)


def cue_in_phrase(np: Token, words: MagnitudeWords) -> str | None:
    """"at least seven dead", "16 abducted villagers", "41 people detained during", "people who were held"."""
    for head in heads_of_phrase(np):
        nominal = head.pos_ in ("ADJ", "NOUN") or (head.dep_ == "pobj" and any(c.dep_ == "det" for c in head.children))
        if nominal and kind_of(head, words):  # "16 wounded villagers", "five of the injured"
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
        kind = _predicate_kind(np.head, words)
        if kind or np.dep_ != "dobj":
            return kind
        for other in (c for c in np.head.children if c is not np and (
                (c.dep_ == "dobj" and c.pos_ == "NOUN") or (c.dep_ in SECOND_PREDICATES and c.pos_ == "ADJ"))):
            if kind_of(other, words):
                return kind_of(other, words)  # "took 30 people hostage" (a second object), "took 12 captive"
    return None


def subject_of_cue(np: Token, words: MagnitudeWords) -> str | None:
    """"Eight people were arrested", "five wounded", "at least 15 were hurt", "four people died",
    "two soldiers and three civilians were killed"."""
    while np.dep_ == "conj" and np.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        np = np.head
    if np.dep_ == "nsubjpass":
        return _predicate_kind(np.head, words)
    if np.dep_ == "nsubj" and _undergoes(np.head, words):
        return _predicate_kind(np.head, words)
    if np.dep_ == "nsubj" and np.head.lemma_.lower() in words.cues["undergoing_verbs"]:
        for obj in (c for c in np.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
            if kind_of(obj, words):
                return kind_of(obj, words)  # "12 people lost their lives", "five sustained injuries"
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


def _tally_kind(noun: Token, words: MagnitudeWords) -> str | None:
    """The kind a tally noun sums up: "the death toll", "the number of people killed"."""
    if noun.lemma_.lower() not in words.cues["tallies"] and noun.lower_ not in words.cues["tallies"]:
        return None
    for child in noun.children:
        if child.dep_ in ("compound", "amod") and kind_of(child, words):
            return kind_of(child, words)
    return cue_in_phrase(noun, words)


def tally(np: Token, words: MagnitudeWords) -> str | None:
    """"the death toll rose to 23", "put the death toll at 17", "raised the toll to 31",
    "a death toll of 23", "the number of people killed reached 40"."""
    if np.dep_ == "pobj" and np.head.lower_ == "of" and np.head.head.pos_ == "NOUN":
        return _tally_kind(np.head.head, words)
    verb = np.head.head if np.dep_ == "pobj" and np.head.lower_ in ("to", "at") else \
        np.head if np.dep_ in ("dobj", "attr") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child is not np and _tally_kind(child, words):
            return _tally_kind(child, words)
    return None


def member_of_cue(np: Token, words: MagnitudeWords) -> str | None:
    """"four soldiers were among the dead", "among the dead were three children",
    "the dead included three children"."""
    if np.dep_ in ("nsubj", "attr"):
        for prep in (c for c in np.head.children if c.dep_ == "prep" and c.lower_ == "among"):
            for obj in (o for o in prep.children if o.dep_ == "pobj" and not _has_number(o)):
                if kind_of(obj, words) or cue_in_phrase(obj, words):
                    return kind_of(obj, words) or cue_in_phrase(obj, words)
    if np.dep_ == "dobj" and np.head.lower_ in words.cues["including_verbs"]:
        for subject in (c for c in np.head.children if c.dep_ == "nsubj"):
            if kind_of(subject, words) or cue_in_phrase(subject, words):
                return kind_of(subject, words) or cue_in_phrase(subject, words)
    return None


def _has_number(noun: Token) -> bool:
    """"among the five people killed": the whole has its own number (the part is not the toll)."""
    return any(t.like_num or t.dep_ == "nummod" for t in noun.subtree)


def counted_by_verb(np: Token, words: MagnitudeWords) -> str | None:
    """"protesters numbering some 600", "the crowd, which numbered about 2,000": the number is
    the size of the phrase the counting verb speaks of, whose kind the other rules give."""
    verb = np.head.head if np.dep_ == "pobj" and np.head.lower_ in ("at", "in") else \
        np.head if np.dep_ == "dobj" else None  # "numbering in the thousands"
    if verb is None or (verb.lower_ not in words.cues["counting_verbs"]
                        and verb.lemma_.lower() not in words.cues["counting_verbs"]):
        return None  # "numbering some 600", "a crowd estimated at 5,000", "put the crowd at 5,000"
    roles = ("dobj", "nsubjpass") if np.dep_ == "pobj" else ("nsubj",)
    counted = verb.head if verb.dep_ in ("acl", "relcl") else \
        next((c for c in verb.children if c.dep_ in roles and c is not np and c.lower_ not in words.relatives), None)
    if counted is None or counted is verb:
        return None
    kind = kind_by_rules(counted, words, tuple(r for r in RULES if r is not counted_by_verb))
    return kind or ("crowd" if _is_crowd_people(counted, words) else None)


def _is_crowd_people(noun: Token, words: MagnitudeWords) -> bool:
    return any(h.lemma_.lower() in words.cues["crowd_people"] or h.lower_ in words.cues["crowd_people"]
               for h in heads_of_phrase(noun))


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
    if verb.lemma_.lower() in words.cues["crowd_verbs"] or verb.lower_ in words.cues["crowd_verbs"]:
        return True
    holds = verb.lemma_.lower() in words.cues["gathering_verbs"] or verb.lower_ in words.cues["gathering_verbs"]
    for child in verb.children:
        if holds and child.dep_ == "dobj" and child.lemma_.lower() in words.cues["crowd_nouns"]:
            return True  # "held a vigil", "organised a march"
        if child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in words.cues["crowd_verbs"]:
            return True  # "sailed their boats into the harbour to protest"
        if child.dep_ == "prep" and any(o.lemma_.lower() in words.cues["crowd_nouns"]
                                        for o in child.children if o.dep_ == "pobj"):
            return True  # "went on strike", "took part in the march", "walked off the job in protest"
        if child.dep_ == "prep" and child.lower_ in ("to", "into", "onto") and \
                any(o.lemma_.lower() in words.cues["crowd_places"] for o in child.children if o.dep_ == "pobj"):
            return True  # "took to the streets", "poured into the square"
    return False


def crowd_subject(np: Token, words: MagnitudeWords) -> str | None:
    """"Thousands of farmers blocked highways", "roads were blocked by thousands of demonstrators"."""
    if np.dep_ == "nsubj" and (_crowd_predicate(np.head, words) or _is_crowd_people(np, words)):
        return "crowd"  # "about 200 protesters stormed the parliament"
    if np.dep_ == "pobj" and np.head.dep_ == "agent" and _crowd_predicate(np.head.head, words):
        return "crowd"
    if np.dep_ == "pobj" and np.head.dep_ == "agent" and np.head.head.dep_ == "acl" and \
            np.head.head.head.lemma_.lower() in words.cues["crowd_nouns"]:
        return "crowd"  # "a rally attended by some 5,000 people"
    return None


def crowd_object(np: Token, words: MagnitudeWords) -> str | None:
    """"used tear gas to disperse hundreds of farmers", "baton-charged hundreds of students"."""
    if np.dep_ == "dobj" and (np.head.lemma_.lower() in words.cues["dispersal_verbs"]
                              or np.head.lower_ in words.cues["dispersal_verbs"]):
        return "crowd"
    return None


def sized_crowd(np: Token, words: MagnitudeWords) -> str | None:
    """"a 2,000-strong march", "a 300-strong crowd": a gathering or crowd people given a size."""
    is_crowd = np.lemma_.lower() in words.cues["crowd_nouns"] or _is_crowd_people(np, words)
    if is_crowd and any(c.dep_ == "amod" and c.lower_ == "strong" for c in np.children):
        return "crowd"
    return None


def crowd_target(np: Token, words: MagnitudeWords) -> str | None:
    """"fired tear gas at about 500 protesters", "opened fire on hundreds of demonstrators",
    "clashed with some 300 strikers": crowd people met by force."""
    if np.dep_ == "pobj" and np.head.lower_ in ("at", "on", "against", "with") and _is_crowd_people(np, words):
        return "crowd"
    return None


# "a journalist" counts 1 only as a casualty or an arrest
CASUALTY_RULES: tuple[Rule, ...] = (
    cue_in_phrase, object_of_cue, subject_of_cue, object_control, nominal_cue, tally, member_of_cue,
)
RULES: tuple[Rule, ...] = (
    *CASUALTY_RULES, counted_by_verb,
    crowd_modifier, crowd_noun, crowd_subject, crowd_object, crowd_target, sized_crowd,
)


def kind_by_rules(np: Token, words: MagnitudeWords, rules: tuple[Rule, ...] = RULES) -> str | None:
    for rule in rules:
        kind = rule(np, words)
        if kind:
            return kind
    return None
