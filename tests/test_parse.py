"""The parse stage: spaCy Docs whose `token.sent` comes from a sentence table, the same
sentences spaCy itself gives."""

from __future__ import annotations

from briefgraph.nlp import load_nlp
from briefgraph.stages.parse import index_sentences

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
