"""Helpers over the spaCy dependency parse: a token's forms, coordination, the
clause a head governs, negation and purpose infinitives. They know grammar only,
no word lists of the knowledge (those that need one take it as an argument)."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from ...forms import PAST, PROGRESSIVE, base_forms
from ...nlp import SUBJECT_DEPS

# Clauses hung under a head that are not part of its own clause.
CUT_DEPS = ("relcl", "acl", "ccomp", "advcl", "parataxis", "appos")
CONTENT_POS = ("PROPN", "NOUN", "ADJ")  # tokens that may name an actor


def forms(token: Token) -> list[str]:
    """The lemma and the word, and for an inflected verb the bases its ending may
    hide (forms.base_forms): the lemmatiser turns "staged" into "stag"."""
    out = [token.lemma_.lower(), token.lower_]
    if token.tag_ in ("VBD", "VBN"):
        out += base_forms(token.lower_, PAST)
    elif token.tag_ == "VBG":
        out += base_forms(token.lower_, PROGRESSIVE)
    return list(dict.fromkeys(out))


def context_forms(token: Token) -> list[str]:
    """The forms of a word after a trigger, for the patterns' context words: also the whole
    of a hyphenated word the token ends ("broke up a sit-in": sit-in)."""
    out = forms(token)
    if (first := hyphen_first(token)) is not None:
        out += [f"{first}-{form}" for form in out[:2]]
    return out


def noun_forms(token: Token, wholes: Collection[str]) -> list[str]:
    """The forms of a noun that may be an event noun: also the whole of a hyphenated word the
    token ends when that whole is one of `wholes` ("a sit-in by students": the trigger is
    sit-in, not "in"); other hyphenated words keep their last part only."""
    out = forms(token)
    if (first := hyphen_first(token)) is not None:
        out += [whole for form in out[:2] if (whole := f"{first}-{form}") in wholes]
    return out


def hyphen_first(token: Token) -> str | None:
    """The word before a hyphen written tight against the token ("sit-in", split by the
    tokeniser into sit, -, in): the token's forms include the whole word."""
    if token.i < 2:
        return None
    hyphen, first = token.doc[token.i - 1], token.doc[token.i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or first.whitespace_ or not first.is_alpha:
        return None
    return first.lower_


def in_list(token: Token, words: Collection[str]) -> bool:
    """The token's lemma or its word is in the list."""
    return token.lemma_.lower() in words or token.lower_ in words


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Egypt and Sudan")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def children(head: Token, *deps: str) -> list[Token]:
    return [c for c in head.children if c.dep_ in deps]


def determined_by(token: Token, words: frozenset[str]) -> bool:
    """Whether one of these words is the token's determiner ("any attack", "the kidnapping")."""
    return any(c.dep_ == "det" and c.lower_ in words for c in token.children)


def coordinated(tokens: list[Token]) -> list[Token]:
    """Each token with its conjuncts, in order."""
    return [t for token in tokens for t in conjuncts(token)]


def prep_objects(head: Token, preps: Collection[str]) -> list[Token]:
    """Objects (and their conjuncts) of the head's prepositions in `preps`."""
    return [t for child in head.children if child.dep_ == "prep" and child.lower_ in preps
            for c in child.children if c.dep_ == "pobj" for t in conjuncts(c)]


def infinitive_subjects(verb: Token) -> list[Token]:
    """"wants Germany and France to pay": the subjects of an infinitive complement that has
    a subject of its own (conjuncts expanded); none for "wants to join"."""
    return [s for c in verb.children if c.dep_ == "ccomp" and any(a.lower_ == "to" for a in children(c, "aux"))
            for s in coordinated(children(c, "nsubj"))]


def agents(head: Token) -> list[Token]:
    """The objects of the head's "by" agent phrases (not expanded)."""
    return [p for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def stranded_agents(verb: Token) -> list[Token]:
    """"was received in Tashkent by the minister": the parser hangs a passive's "by" phrase
    on the object of a preposition after the verb; the verb then has no agent of its own.
    The objects of such "by" phrases, down the verb's chain of prepositions ("by Sunday",
    a date, is a deadline, not an agent)."""
    out: list[Token] = []
    stack = [p for p in children(verb, "prep") if p.i > verb.i and p.lower_ != "by"]
    while stack:
        for pobj in children(stack.pop(), "pobj"):
            for prep in children(pobj, "prep"):
                if prep.lower_ != "by":
                    stack.append(prep)
                    continue
                out.extend(p for p in children(prep, "pobj") if p.ent_type_ not in ("DATE", "TIME"))
    return out


def acl_agents(noun: Token) -> list[Token]:
    """"drones launched by Russia": the agent of a participle hung on a noun."""
    return [p for acl in noun.children if acl.dep_ == "acl" for p in agents(acl)]


def condition_subjects(verb: Token, marks: Collection[str]) -> list[Token]:
    """"... unless the Kremlin closes its base", "until Israel ends the war": the
    subjects of the verb's conditional clauses (`marks`: "if", "unless", "until")."""
    return [c for child in verb.children if child.dep_ == "advcl"
            and any(m.lower_ in marks for m in child.children if m.dep_ == "mark")
            for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]


def clause(head: Token) -> list[Token]:
    """The head's subtree without the clauses hung under it (relative clauses,
    complements, coordinated verbs), sorted by position."""
    out, stack = [], [head]
    while stack:
        token = stack.pop()
        out.append(token)
        for child in token.children:
            if child.dep_ in CUT_DEPS:
                continue
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and token.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def merged(*clauses: list[Token]) -> list[Token]:
    """The tokens of several clauses, once each, by position."""
    return sorted({t for c in clauses for t in c}, key=lambda t: t.i)


def is_purpose(verb: Token) -> bool:
    """An infinitive of purpose hung on a verb: "sent observers to investigate",
    "in order to end"."""
    return verb.dep_ == "advcl" and verb.head.pos_ == "VERB" and verb.tag_ == "VB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and not any(c.dep_ in SUBJECT_DEPS or (c.dep_ == "mark" and c.lower_ != "in") for c in verb.children)


def has_to_infinitive(token: Token) -> bool:
    return any(a.lower_ == "to" for a in token.children if a.dep_ == "aux")


def window_start(token: Token, sentences_back: int) -> int:
    """Character offset where the window of the token's sentence and the
    `sentences_back` sentences before it begins."""
    start = token.sent.start
    for _ in range(sentences_back):
        if start > 0:
            start = token.doc[start - 1].sent.start
    return token.doc[start].idx


def complement_of(token: Token, head: Token) -> bool:
    """Whether `token` lies in what `head` demands, offers or rejects: below it
    through an object or complement, not through a coordinated verb."""
    node = token
    while node.head.i != node.i:
        if node.head.i == head.i:
            return node.dep_ not in ("conj", "cc", "nsubj", "nsubjpass", "punct", "advmod", "npadvmod")
        node = node.head
    return False


def is_means(token: Token) -> bool:
    """"violated the ceasefire by shelling X": a gerund after "by" hung on a verb, how that verb's
    act was done (a fact told with it, not its content)."""
    prep = token.head
    return token.dep_ == "pcomp" and token.tag_ == "VBG" and prep.lower_ == "by" and prep.head.pos_ == "VERB"


def is_reason(token: Token) -> bool:
    """"charged 40 farmers for blocking the motorway": a gerund after "for" hung on a verb or on a
    verb's object, what the act was done to its object for (a deed of that object's)."""
    prep = token.head
    return token.dep_ == "pcomp" and token.tag_ == "VBG" and prep.lower_ == "for" and prep.dep_ == "prep" \
        and (prep.head.pos_ == "VERB" or (prep.head.dep_ == "dobj" and prep.head.head.pos_ == "VERB"))


COUNTERFACTUAL_MODALS = ("would", "could", "might")  # "would have met": it did not happen
PERFECT_AUX = ("have", "'ve", "’ve")  # the lemmas of the perfect's auxiliary


def negated(token: Token) -> bool:
    """"did not condemn", and "refused not to ..." through an xcomp's head;
    "neither X nor Y condemned"; "would have met" (it did not happen)."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if neither_actor(token) or counterfactual(token):
        return True
    return token.dep_ == "xcomp" and any(c.dep_ == "neg" for c in token.head.children)


def neither_actor(verb: Token) -> bool:
    """"Neither Tokyo nor Seoul rejected it", "administered by neither X nor Y"."""
    actors = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    actors += [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return any(c.lower_ == "neither" for a in actors for c in a.children if c.dep_ in ("preconj", "det", "cc"))


def modal_perfect(verb: Token) -> str | None:
    """"would have met", "may have struck": the modal of a past told with a modal and "have"
    (any form of it, "would've"), else None."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    if verb.tag_ != "VBN" or not any(a.lemma_.lower() in PERFECT_AUX for a in auxes):
        return None
    return next((a.lower_ for a in auxes if a.tag_ == "MD"), None)


def counterfactual(verb: Token) -> bool:
    """"would have met", "could have stopped": a past that did not happen (`COUNTERFACTUAL_MODALS`;
    "may have met" is one that may have)."""
    return modal_perfect(verb) in COUNTERFACTUAL_MODALS


def end_char(token: Token) -> int:
    return token.idx + len(token.text)


def proper_nouns_below(cache: dict[int, list[Token]], token: Token) -> list[Token]:
    """The proper nouns of `token.subtree` in its order, each token's list computed once per
    document (`cache`) and without recursion: a long chain of clauses ("X condemned Y (X
    condemned Y (...") would otherwise walk the sentence once per verb."""
    stack = [(token, False)]
    while stack:
        node, children_done = stack.pop()
        if node.i in cache:
            continue
        if not children_done:
            stack.append((node, True))
            stack.extend((c, False) for c in node.children if c.i not in cache)
            continue
        out: list[Token] = []
        for child in node.lefts:
            out += cache[child.i]
        if node.pos_ == "PROPN":
            out.append(node)
        for child in node.rights:
            out += cache[child.i]
        cache[node.i] = out
    return cache[token.i]


def is_hedge(verb: Token) -> bool:
    """"men believed to be jihadists": a participle with a "to be" complement, no auxiliary
    and no object, said of the noun before it (the caller checks the verb is a hedge word)."""
    return any(c.lemma_ == "be" for c in children(verb, "xcomp")) and not children(verb, "aux", "auxpass", "dobj") \
        and any(s.i < verb.i for s in children(verb, "nsubj", "nsubjpass"))


def agent_on_patient(noun: Token) -> list[Token]:
    """"the arrest of 12 activists by police": the parser hangs the noun's "by" phrase on
    the "of" object it follows; that "by" names who did it."""
    return [t for of in children(noun, "prep") if of.lower_ == "of"
            for patient in children(of, "pobj")
            for by in children(patient, "prep") if by.lower_ == "by"
            for t in coordinated(children(by, "pobj"))]
