"""Parse stage: the spaCy pipeline over the analysed text, batched with `nlp.pipe`.

The analysed text is the document text with page furniture blanked out, the same
length, so every spaCy offset is an offset into the record's `text`.

Each Doc also gets a sentence index: `token.sent` is answered from a table built once
per document instead of spaCy's default, which walks to the sentence's ends on every
call (the rules ask for it for nearly every token: it was most of the actor stage's time).
Sentence boundaries are final after the parse (no later stage changes them).

Hyphenated verbs of the knowledge ("baton-charge", "tear-gas": `compound_verbs` in
knowledge/words.txt) stay one token in their past and -ing forms, which the tagger reads
through the norm of a plain verb in the same inflection ("hit", "hitting"); the tokenizer
would split them, and the parser read "baton-charged" as an adjective. Their base and -s
forms are left alone: mostly nouns ("fired tear-gas"). Their lemma is the listed
base form, as the event patterns name it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from spacy.symbols import NORM, ORTH

from ..forms import PAST, base_forms
from ..knowledge import Knowledge
from ..nlp import load_nlp, parse_texts
from ..records import Analysis
from .parse_repairs import IsVerb, repair_parse

VOWELS = "aeiou"
STAND_IN = {"ed": "hit", "ing": "hitting"}  # a plain verb per inflection


def build(knowledge: Knowledge) -> Callable[[list[Analysis]], list[dict[str, Any]]]:
    """The parse stage (spaCy, batched), with the knowledge's hyphenated verbs kept whole."""
    lemmas = compound_verb_forms(knowledge.words["compound_verbs"])
    keep_whole(load_nlp(), lemmas)
    patterns = knowledge.patterns
    lone = frozenset(knowledge.words["lone_crowd_verbs"])
    return lambda analyses: parse_batch(analyses, lemmas, lambda t: patterns.has_trigger("verb", verb_forms(t)), lone)


def verb_forms(token: Any) -> list[str]:
    """The forms by which the parse repairs ask the event dictionary whether a word is a verb: its
    lemma, the word, and the bases of a past form, down to two letters and any doubled letter
    undone ("used" -> use, "stopped" -> stop, "expelled" -> expel)."""
    return [token.lemma_.lower(), token.lower_, *base_forms(token.lower_, PAST, shortest=2, kept_doubles="")]


def parse_batch(analyses: list[Analysis], lemmas: Mapping[str, str] | None = None,
                is_verb: IsVerb | None = None, lone_verbs: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """The parse of each analysis; with `is_verb` (a word the event dictionary knows as a
    verb) sentences left with a stranded noun are repaired (parse_repairs.py)."""
    texts = [a.analysed_text if a.analysed_text is not None else a.text for a in analyses]
    docs = parse_texts(texts, batch_size=max(1, len(texts)))
    if is_verb is not None:
        nlp = load_nlp()
        docs = (repair_parse(nlp, doc, is_verb, lone_verbs) for doc in docs)
    return [{"nlp": index_sentences(set_lemmas(doc, lemmas or {}))} for doc in docs]


def inflections(base: str) -> dict[str, str]:
    """The past and -ing forms of a verb ("tear-gas": tear-gased, tear-gasing, tear-gassed,
    tear-gassing), each with its inflection; a final consonant after one vowel is also
    doubled ("gassed")."""
    stems = [base[:-1] if base.endswith("e") else base]
    if len(base) > 2 and base[-1] not in VOWELS + "wy" and base[-2] in VOWELS and base[-3] not in VOWELS:
        stems.append(base + base[-1])
    return {form: kind for s in stems for form, kind in ((s + "ed", "ed"), (s + "ing", "ing"))}


def compound_verb_forms(bases: Iterable[str]) -> dict[str, str]:
    """Every written form (lower case) of the hyphenated verbs -> its base form."""
    return {form: base for base in sorted(bases) for form in inflections(base)}


def keep_whole(nlp: Any, lemmas: Mapping[str, str]) -> None:
    """Tokenizer special cases: each form (lower, capitalised, upper case) one token, with the
    norm of the plain verb in its inflection."""
    for form, base in lemmas.items():
        norm = STAND_IN[inflections(base)[form]]
        for written in dict.fromkeys((form, form.capitalize(), form.upper())):
            nlp.tokenizer.add_special_case(written, [{ORTH: written, NORM: norm}])


def set_lemmas(doc: Any, lemmas: Mapping[str, str]) -> Any:
    """The listed base form as the lemma of each form of a hyphenated verb."""
    for token in doc:
        base = lemmas.get(token.lower_)
        if base is not None:
            token.lemma_ = base
    return doc


class SentenceOf:
    """`token.sent` from a table: the Span of each token's sentence, computed once."""

    def __init__(self, doc: Any):
        self.spans = list(doc.sents)
        self.index = [0] * len(doc)
        for n, span in enumerate(self.spans):
            self.index[span.start:span.end] = [n] * (span.end - span.start)

    def __call__(self, token: Any) -> Any:
        return self.spans[self.index[token.i]]


def index_sentences(doc: Any) -> Any:
    """The Doc with `token.sent` answered from a sentence table (a spaCy user token hook)."""
    doc.user_token_hooks["sent"] = SentenceOf(doc)
    return doc
