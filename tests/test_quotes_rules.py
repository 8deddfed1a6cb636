"""The speaker rules of the quotes stage, one at a time (stages/quotes/speakers.py).

Each test runs one rule of `SPEAKER_RULES` on a quote written for it and checks
what that rule alone finds, so a failure names the rule that changed.
"""

from __future__ import annotations

import re

import pytest

from briefgraph.knowledge import Knowledge
from briefgraph.pipeline import start_analysis
from briefgraph.records import Actor, Analysis, RawDocument
from briefgraph.stages import structure
from briefgraph.stages.parse import parse_batch
from briefgraph.stages.quotes import find_marked_spans
from briefgraph.stages.quotes.assemble import quote_kind
from briefgraph.stages.quotes.context import Attribution, QuoteContext
from briefgraph.stages.quotes.sections import in_quotable_section
from briefgraph.stages.quotes.speakers import (
    SPEAKER_RULES,
    Found,
    Query,
    according_to,
    attribute,
    attribution_line,
    colon_introduction,
    governing_verb,
    no_words,
    previous_paragraph,
    previous_sentence,
    quote_goes_on,
    transcript_label,
    verb_after,
    verb_before,
    weak_cue,
)
from briefgraph.stages.sections import is_opinion_heading

KNOWLEDGE = Knowledge.default()
HEADLINE = "Border Talks Stall as Both Sides Trade Blame\n\n"
HADDAD = ("a1", "Karim Haddad", "PERSON", ["Karim Haddad", "Haddad"])
MINISTRY = ("a2", "Defence Ministry", "ORG", ["Defence Ministry"])


def _doc(text: str, actors: tuple[tuple[str, str, str, list[str]], ...]) -> Analysis:
    doc = start_analysis(RawDocument(text=text, source="<test>"))
    doc = doc.with_additions(structure.build(KNOWLEDGE)(doc))
    doc = doc.with_additions(parse_batch([doc])[0])
    made = [Actor(id=i, name=n, type=t, mentions=sorted((m.start(), m.end()) for s in ms
                                                          for m in re.finditer(re.escape(s), doc.text)))
            for i, n, t, ms in actors]
    return doc.with_additions({"actors": made})


def query(text: str, fragment: str, *actors: tuple[str, str, str, list[str]]) -> Query:
    """The query of the quote holding `fragment`, with the quotes before it attributed."""
    doc = _doc(HEADLINE + text, actors)
    body = doc.analysed_text or doc.text
    ctx = QuoteContext.of(doc, body, [s for s in find_marked_spans(body) if in_quotable_section(doc, s)], KNOWLEDGE)
    index = next((i for i, s in enumerate(ctx.spans) if fragment in body[s.start:s.end]), None)
    assert index is not None, f"test setup: no quote holds {fragment!r}"
    found = []
    for i in range(index):
        attribution = attribute(ctx, i, found)
        found.append(Found(ctx.spans[i], quote_kind(ctx, ctx.spans[i], attribution), attribution))
    q = Query(ctx, index, found)
    q.tokens = ctx.tokens(q.span.start, q.span.end)
    return q


def said_by(q: Query, result: Attribution | None, rule: str) -> str:
    assert result is not None, f"{rule}: found no speaker"
    assert result.mention is not None, f"{rule}: found an attribution without a mention ({result})"
    return q.ctx.text[result.mention[0]:result.mention[1]]


def test_rules_run_in_the_documented_order():
    assert [r.__name__ for r in SPEAKER_RULES] == [
        "transcript_label", "no_words", "governing_verb", "verb_after", "verb_before", "according_to",
        "attribution_line", "colon_introduction", "quote_goes_on", "weak_cue", "previous_sentence",
        "previous_paragraph"], "SPEAKER_RULES changed order: update the quotes stage's docstring and this test"


def test_transcript_label():
    q = query('"HADDAD: We will not sign this text."', "We will")
    assert said_by(q, transcript_label(q), "transcript_label") == "HADDAD"
    q = query('"We will not sign," Haddad said.', "We will")
    assert transcript_label(q) is None, "transcript_label: no NAME: label, no attribution"


def test_no_words():
    q = query('Haddad said "We will not sign."', "We will")
    assert no_words(q) is None and q.tokens, "no_words: a quote with words goes on to the other rules"
    q.tokens = []
    assert no_words(q) is not None or q.tokens, "no_words: sets the query's tokens"


def test_governing_verb():
    q = query('Karim Haddad said that the plan was "a dead end for both sides".', "dead end", HADDAD)
    result = governing_verb(q)
    assert said_by(q, result, "governing_verb").endswith("Haddad") and result.how == "verb", result


def test_governing_verb_notes_a_weak_cue_for_later():
    q = query('Karim Haddad believes the plan is "a dead end for both sides".', "dead end", HADDAD)
    assert governing_verb(q) is None, "governing_verb: a weak cue alone does not decide"
    assert q.weak is not None, "governing_verb: the weak cue is noted on the query for weak_cue"


def test_verb_after():
    q = query('"We will not accept foreign troops on our soil," Karim Haddad said on Tuesday.', "foreign", HADDAD)
    result = verb_after(q)
    assert said_by(q, result, "verb_after") == "Karim Haddad" and result.how == "after", result
    assert result.cue == "said", f"verb_after: cue is {result.cue!r}"


def test_verb_before():
    q = query('Karim Haddad told reporters: "We will not accept foreign troops on our soil."', "foreign", HADDAD)
    result = verb_before(q)
    assert said_by(q, result, "verb_before") == "Karim Haddad" and result.how == "before", result


def test_according_to():
    q = query('The talks are "over for now", according to Karim Haddad.', "over for now", HADDAD)
    result = according_to(q)
    assert said_by(q, result, "according_to") == "Karim Haddad" and result.cue == "according to", result


def test_attribution_line():
    q = query('"Neither side can afford another round of fighting this winter."\n\n'
              "Lena Okafor, senior fellow at the Gulf Policy Center", "Neither side")
    result = attribution_line(q)
    assert said_by(q, result, "attribution_line") == "Lena Okafor" and result.how == "attribution-line", result
    q = query('"Neither side can afford another round."\n\nRead more about the talks here today.', "Neither")
    assert attribution_line(q) is None, "attribution_line: 'Read more ...' is not a name"


def test_colon_introduction():
    q = query("Karim Haddad continued:\n\n\u201cWe will not accept foreign troops on our soil.\u201d",
              "foreign", HADDAD)
    result = colon_introduction(q)
    assert said_by(q, result, "colon_introduction") == "Karim Haddad" and result.how == "colon", result


def test_quote_goes_on():
    q = query('"We will talk," Karim Haddad said. "But not today."', "not today", HADDAD)
    result = quote_goes_on(q)
    assert said_by(q, result, "quote_goes_on") == "Karim Haddad" and result.how == "continued", result


def test_weak_cue():
    q = query('The envoy arrived on Monday. "We will talk."', "We will")
    assert weak_cue(q) is None, "weak_cue: nothing noted, nothing found"
    q.weak = Attribution(None, (0, 6), how="subject-weak")
    assert weak_cue(q) is q.weak and q.weak.how == "subject", "weak_cue: a named subject's cue becomes 'subject'"


def test_previous_sentence():
    q = query('Karim Haddad rejected the plan on Monday. "The younger people are not fooled by this."',
              "younger", HADDAD)
    result = previous_sentence(q)
    assert said_by(q, result, "previous_sentence") == "Karim Haddad", result
    assert result.how == "previous-sentence", result


def test_previous_paragraph():
    q = query('The talks collapsed, "leaving no room for a deal," Karim Haddad said.\n\n'
              'Eight of the wounded soldiers "are in stable condition."', "stable", HADDAD)
    result = previous_paragraph(q)
    assert said_by(q, result, "previous_paragraph") == "Karim Haddad" and result.how == "inherited", result


def test_attribute_gives_an_empty_attribution_when_no_rule_fires():
    q = query('The crowd chanted "peace now and forever" in the square.', "peace")
    assert attribute(q.ctx, q.index, [], rules=()) == Attribution(), "no rules, no speaker"


@pytest.mark.parametrize(("heading", "expected"), [
    ("Expert Analysis", True), ("Analysis: the deal", True), ("What experts say", True), ("Commentary", True),
    ("Latest Developments", False), ("Background", False), (None, False), ("Psychoanalysis", False),
    ("What It Means", True), ("Why It Matters", True), ("Outlook", True), ("What to Watch", True),
    ("What’s Next", True), ("Looking Ahead", True),
    ("What Happened", False), ("Timeline", False), ("Further Reading", False)])
def test_opinion_heading(heading, expected):
    assert is_opinion_heading(heading, KNOWLEDGE.words["opinion_headings"]) is expected, \
        f"{heading!r} is {'' if expected else 'not '}an opinion heading (knowledge/words.txt opinion_headings)"


def test_quote_kind_reads_the_reporting_verbs_list():
    q = query('Karim Haddad said "We will not accept foreign troops on our soil."', "foreign", HADDAD)
    assert quote_kind(q.ctx, q.span, Attribution()) == "direct", "a sentence quoted right after 'said' is direct"
    q = query('Karim Haddad rejected "foreign troops on our soil" in a speech.', "foreign", HADDAD)
    assert quote_kind(q.ctx, q.span, Attribution()) == "partial", "words quoted inside a sentence are partial"
