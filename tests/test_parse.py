"""The parse stage: spaCy Docs whose `token.sent` comes from a sentence table, the same
sentences spaCy itself gives."""

from __future__ import annotations

from briefgraph.knowledge import Knowledge
from briefgraph.nlp import load_nlp
from briefgraph.records import Analysis, RawDocument
from briefgraph.stages.parse import build, compound_verb_forms, index_sentences, inflections, parse_batch, verb_forms

TEXT = ("Kenya and Uganda agreed on Monday to reopen the Busia border crossing. “We will not wait,” "
        "the minister said.\nLatest Developments\nRussia's foreign minister met his Chinese counterpart "
        "in Beijing on Tuesday, officials said.\n\nThe talks ended.")


def test_indexed_sentences_are_spacys_sentences():
    nlp = load_nlp()
    expected = [(t.i, t.sent.start, t.sent.end, t.sent.text) for t in nlp(TEXT)]
    doc = index_sentences(nlp(TEXT))
    assert "sent" in doc.user_token_hooks
    assert [(t.i, t.sent.start, t.sent.end, t.sent.text) for t in doc] == expected
    assert [s.text for s in doc.sents] == [s.text for s in nlp(TEXT).sents]


def analysis_of(text: str) -> Analysis:
    return Analysis(raw=RawDocument(text=text, source="<test>"), text=text)


def test_verb_forms_read_a_past_form_down_to_its_base():
    doc = load_nlp()("They used it, blocked it, stopped it and expelled him.")
    found = {t.text: verb_forms(t) for t in doc}
    for word, base in (("used", "use"), ("blocked", "block"), ("stopped", "stop"), ("expelled", "expel")):
        assert base in found[word], f"{word!r} should be read as a form of {base!r}: {found[word]}"
    assert found["it"][-1] == "it", "a word with no past ending has only its lemma and itself"


def test_inflections_double_a_final_consonant_after_one_vowel():
    assert inflections("tear-gas") == {"tear-gased": "ed", "tear-gasing": "ing",
                                       "tear-gassed": "ed", "tear-gassing": "ing"}
    assert inflections("baton-charge") == {"baton-charged": "ed", "baton-charging": "ing"}
    assert inflections("pepper-spray") == {"pepper-sprayed": "ed", "pepper-spraying": "ing"}


def test_a_hyphenated_verb_is_one_verb_token_with_its_base_lemma():
    lemmas = compound_verb_forms(["baton-charge", "tear-gas"])
    build(Knowledge.default())  # registers the knowledge's compound verbs with the tokenizer
    doc = parse_batch([analysis_of("Officers baton-charged the marchers, then tear-gassed them in Accra.")],
                      lemmas)[0]["nlp"]
    verbs = {t.text: (t.pos_, t.lemma_) for t in doc if "-" in t.text}
    assert verbs == {"baton-charged": ("VERB", "baton-charge"), "tear-gassed": ("VERB", "tear-gas")}


def test_the_base_form_of_a_hyphenated_verb_is_left_to_the_tokenizer():
    build(Knowledge.default())
    doc = parse_batch([analysis_of("Officers fired tear-gas at the marchers.")])[0]["nlp"]
    assert "tear-gas" not in [t.text for t in doc]
