"""Parse repairs: a sentence the parser read with a noun and no predicate for it.

"Police fire tear gas at students" (a headline in the present tense) comes out as one
noun phrase, and "Gunmen on a motorcycle opened fire on a car" as "gunmen on a (motorcycle
opened) fire": the verb became a noun or an adjective. Such a sentence is parsed again on
its own with one token's norm changed, the feature the tagger reads a word by; PARSE_REPAIRS
say which token and which norm, tried in order, and the first new parse that makes the
suspect word a verb with a subject replaces the sentence's tags, lemmas and dependencies
(the text, the tokens and the named entities stay as they were).

A suspect is a word the event dictionary knows as a verb that the parser did not read as a
verb with a subject of its own, in a sentence with a stranded noun (its root, or a bare
"dep" of its root) or with a past-tense verb read as a modifier ("after the military
(seized) power"); such verbs are tried first. A past participle of a verb a crowd only does
itself (knowledge/words.txt `lone_crowd_verbs`) hung on the stranded noun as its modifier
("Hundreds of youths (protested) in Conakry") is parsed again as a past tense, before any other
repair (another suspect made the predicate would leave it a modifier: "Dozens of veterans
(protested) in Lima, Peru, demanding pensions"). A "by" the parser hung on a passive as a plain
preposition after an "-ing" modifier of its object ("set on fire by (rioting) youths") is parsed
again with a plain adjective in that word's place, kept when "by" becomes the agent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc, Span, Token

STAND_IN = "hit"  # a plain transitive verb, one form for present and past
STRANDED_DEPS = ("ROOT", "dep")
NOUNS = ("NOUN", "PROPN")
MODIFIER_DEPS = ("amod", "compound", "nmod")
PLACE_STAND_IN = "london"  # a plain place name
OBJECT_STAND_IN = "car"  # a plain noun, never a time
ADJECTIVE_STAND_IN = "Angry"  # a plain adjective opening a sentence
PAST_STAND_IN = "went"  # a verb whose past tense is no participle
MAX_SUSPECTS = 2  # suspect words tried in a sentence
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]

IsVerb = Callable[[Token], bool]
Repair = Callable[[Token], "dict[int, str] | None"]  # suspect -> norms by position in the sentence

def verb_norm(suspect: Token) -> dict[int, str] | None:
    """"Police fire tear gas": the suspect read as a plain verb."""
    return {suspect.i - suspect.sent.start: STAND_IN}

def plural_noun_before(suspect: Token) -> dict[int, str] | None:
    """"Gunmen on a motorcycle opened fire": a singular noun right before the suspect read
    as a plural, so it no longer takes the verb as its participle."""
    before = suspect.doc[suspect.i - 1] if suspect.i > suspect.sent.start else None
    if before is None or before.tag_ != "NN":
        return None
    return {before.i - suspect.sent.start: before.lower_ + "s"}

def place_read_as_modifier(suspect: Token) -> dict[int, str] | None:
    """"Farmers in Punjab blocked railway tracks": a capitalised name right before the suspect
    read as its modifier gets a plain place's norm, so it ends the subject's phrase."""
    before = suspect.doc[suspect.i - 1] if suspect.i > suspect.sent.start else None
    if before is None or not before.is_title or before.dep_ not in MODIFIER_DEPS:
        return None
    return {before.i - suspect.sent.start: PLACE_STAND_IN}

PARSE_REPAIRS: tuple[Repair, ...] = (verb_norm, plural_noun_before, place_read_as_modifier)


def has_stranded_noun(sent: Span) -> bool:
    root = sent.root
    return root.pos_ in NOUNS or any(c.dep_ == "dep" and c.pos_ in NOUNS and c.i < root.i for c in root.children)


def is_past_modifier(token: Token) -> bool:
    """"the military seized power" read as "(seized) power": a past tense as a modifier."""
    return token.tag_ == "VBD" and token.dep_ in ("amod", "compound")


def needs_repair(sent: Span) -> bool:
    return has_stranded_noun(sent) or any(is_past_modifier(t) for t in sent)

def is_predicate(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound") \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)

def suspects(sent: Span, is_verb: IsVerb) -> list[Token]:
    """Words of the sentence the dictionary knows as verbs, not read as a predicate
    (the first word is no suspect: it is the subject if anything)."""
    found = [t for t in sent[1:] if t.pos_ in (*NOUNS, "VERB", "ADJ") and not is_predicate(t)
             and t.ent_type_ not in ("DATE", "TIME", "CARDINAL") and is_verb(t)]
    return sorted(found, key=lambda t: not is_past_modifier(t))[:MAX_SUSPECTS]

def reparse(nlp: Any, sent: Span, norms: dict[int, str]) -> Doc:
    words = [t.text for t in sent]
    spaces = [bool(t.whitespace_) for t in sent]
    doc = Doc(sent.doc.vocab, words=words, spaces=spaces)
    for i, norm in norms.items():
        doc[i].norm_ = norm
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc

def repaired(nlp: Any, sent: Span, is_verb: IsVerb) -> Doc | None:
    """The sentence parsed again by the first repair that makes a suspect a predicate."""
    for suspect in suspects(sent, is_verb):
        at = suspect.i - sent.start
        for repair in PARSE_REPAIRS:
            norms = repair(suspect)
            if norms is None:
                continue
            new = reparse(nlp, sent, norms)
            if is_predicate(new[at]) and len(list(new.sents)) == 1:
                return new
    return None

def object_read_as_time(sent: Span) -> Token | None:
    """"Police broke up a march by nurses": a lower-case noun with "a" after its verb that the
    parser read as a time ("a march" as the month: npadvmod) and the NER as no date."""
    for tok in sent:
        if tok.dep_ == "npadvmod" and tok.pos_ == "NOUN" and tok.is_lower and not tok.ent_type_ \
                and tok.head.pos_ == "VERB" and tok.i > tok.head.i \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return tok
    return None


def object_repaired(nlp: Any, sent: Span) -> Doc | None:
    """The sentence parsed again with the noun object_read_as_time finds given a plain
    noun's norm, when that makes it its verb's object."""
    tok = object_read_as_time(sent)
    if tok is None:
        return None
    at = tok.i - sent.start
    new = reparse(nlp, sent, {at: OBJECT_STAND_IN})
    return new if new[at].dep_ == "dobj" and len(list(new.sents)) == 1 else None


def opening_participle(sent: Span) -> Token | None:
    """"Protesting farmers, demanding higher prices, blocked roads": a sentence opening with a
    present participle the parser read as a clause of its own, with the plural noun after it as
    that clause's object, so the main verb has no subject."""
    first = sent[0]
    if len(sent) < 3 or first.tag_ != "VBG" or first.dep_ != "advcl" or not first.is_title:
        return None
    noun = sent[1]
    if noun.tag_ != "NNS" or noun.dep_ != "dobj" or noun.head.i != first.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in first.head.children):
        return None
    return first


def participle_repaired(nlp: Any, sent: Span) -> Doc | None:
    """The sentence opening_participle finds parsed again with a plain adjective in the participle's
    place, when that makes the noun after it a subject; the participle keeps its own tag and lemma
    (a modifier of the noun, as in "Striking nurses marched")."""
    first = opening_participle(sent)
    if first is None:
        return None
    words = [ADJECTIVE_STAND_IN if t.i == first.i else t.text for t in sent]
    doc = Doc(sent.doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    if doc[1].dep_ != "nsubj" or len(list(doc.sents)) != 1:
        return None
    doc[0].tag_, doc[0].pos_, doc[0].lemma_ = first.tag_, first.pos_, first.lemma_
    doc[0].morph = first.morph
    return doc


def lone_participle(sent: Span, lone_verbs: frozenset[str]) -> Token | None:
    """"Hundreds of youths protested in Conakry", "Witnesses said hundreds of youths protested":
    a past participle of a verb only a crowd does itself, with no agent, read as the modifier of
    a noun that is the sentence's root or its root's subject or object."""
    for tok in sent:
        if tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.lemma_.lower() in lone_verbs \
                and is_root_argument(tok.head) and not any(c.dep_ == "agent" for c in tok.children):
            return tok
    return None


def is_root_argument(noun: Token) -> bool:
    """The noun, or the count its "of" phrase hangs on ("hundreds of youths"), is the root or its
    root's subject or object."""
    if noun.pos_ not in NOUNS:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in NOUNS:
        noun = noun.head.head
    return noun.dep_ == "ROOT" or (noun.dep_ in ("nsubj", "dobj") and noun.head.dep_ == "ROOT")


def lone_verb_repaired(nlp: Any, sent: Span, lone_verbs: frozenset[str]) -> Doc | None:
    """The sentence lone_participle finds parsed again with the participle given a past tense's
    norm, when that makes it a predicate; it keeps its own lemma."""
    tok = lone_participle(sent, lone_verbs)
    if tok is None:
        return None
    at = tok.i - sent.start
    new = reparse(nlp, sent, {at: PAST_STAND_IN})
    if not is_predicate(new[at]) or len(list(new.sents)) != 1:
        return None
    new[at].lemma_ = tok.lemma_
    return new


def misread_agent(sent: Span) -> tuple[Token, Token] | None:
    """"A police post was set on fire by rioting youths": a "by" the parser hung on a passive verb as
    a plain preposition, not as its agent, after an "-ing" word modifying its object; (by, that word)."""
    for tok in sent:
        if tok.lower_ != "by" or tok.dep_ != "prep" or not any(c.dep_ == "auxpass" for c in tok.head.children):
            continue
        for obj in (c for c in tok.children if c.dep_ == "pobj" and c.pos_ in NOUNS):
            modifier = next((m for m in obj.children if m.i < obj.i and m.dep_ in MODIFIER_DEPS
                             and m.lower_.endswith("ing")), None)
            if modifier is not None:
                return tok, modifier
    return None


def agent_repaired(nlp: Any, sent: Span) -> Doc | None:
    """The sentence misread_agent finds parsed again with a plain adjective in the "-ing" word's
    place, when that makes the "by" the passive's agent; the word keeps its own tag and lemma."""
    found = misread_agent(sent)
    if found is None:
        return None
    by, modifier = found
    at = modifier.i - sent.start
    words = [ADJECTIVE_STAND_IN.lower() if t.i == modifier.i else t.text for t in sent]
    doc = Doc(sent.doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    if doc[by.i - sent.start].dep_ != "agent" or len(list(doc.sents)) != 1:
        return None
    doc[at].tag_, doc[at].pos_, doc[at].lemma_ = modifier.tag_, modifier.pos_, modifier.lemma_
    doc[at].morph = modifier.morph
    return doc


def sentence_repaired(nlp: Any, sent: Span, is_verb: IsVerb, lone_verbs: frozenset[str]) -> Doc | None:
    if needs_repair(sent):  # a lone crowd verb first: "Dozens of veterans (protested) in Lima, Peru, demanding"
        return lone_verb_repaired(nlp, sent, lone_verbs) or repaired(nlp, sent, is_verb)
    return object_repaired(nlp, sent) or participle_repaired(nlp, sent) or lone_verb_repaired(nlp, sent, lone_verbs) \
        or agent_repaired(nlp, sent)


def repair_parse(nlp: Any, doc: Doc, is_verb: IsVerb, lone_verbs: frozenset[str] = frozenset()) -> Doc:
    """The document with each sentence that needs it repaired when a repair gives a
    suspect verb its subject or a misread object its verb; other sentences are untouched."""
    fixes = [(sent.start, new) for sent in doc.sents
             if (new := sentence_repaired(nlp, sent, is_verb, lone_verbs)) is not None]
    if not fixes:
        return doc
    array: Any = doc.to_array(ATTRS)  # one row a token, uint64 ids
    for start, new in fixes:
        array[start:start + len(new)] = new.to_array(ATTRS)
    doc.from_array(ATTRS, array)
    return doc
