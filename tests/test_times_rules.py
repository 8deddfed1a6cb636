"""The rules of the times stage, one at a time (stages/times/resolve.py and candidates.py).

Each test finds the candidates of a sentence written for one rule, resolves the
times before it, and calls that rule alone on it; a failure names the rule.
"""

from __future__ import annotations

import pytest

from briefgraph.knowledge import Knowledge
from briefgraph.records import Analysis, RawDocument, normalise_text
from briefgraph.stages import parse, structure
from briefgraph.stages.times import resolver_for
from briefgraph.stages.times.candidates import (
    PLAUSIBILITY_RULES,
    Candidate,
    find_candidates,
    plausible,
    real_day,
    real_month,
    year_not_a_number,
)
from briefgraph.stages.times.resolve import (
    RESOLUTION_RULES,
    Value,
    day_range,
    day_span,
    decade,
    full_date,
    holiday,
    month_day,
    month_name,
    narrative_relative,
    period,
    publication_relative,
    quarter,
    vague,
    weekday,
    year_number,
)
from briefgraph.stages.times.tense import TenseWords, clause_tense

KNOWLEDGE = Knowledge.default()
PUBLISHED = "2024-02-26"  # a Monday


def parsed(text: str, published: str | None = PUBLISHED) -> Analysis:
    doc = Analysis(raw=RawDocument(text=text, source="<test>", published=published), text=normalise_text(text))
    doc = doc.with_additions(structure.build(KNOWLEDGE)(doc))
    return doc.with_additions(parse.parse_batch([doc])[0])


def apply(rule, text: str, expression: str, published: str | None = PUBLISHED) -> Value:
    """`rule` on the candidate `expression` of `text`, with the times before it resolved."""
    doc = parsed(text, published)
    analysed = doc.analysed_text or doc.text
    candidates = find_candidates(analysed, doc.nlp, KNOWLEDGE.times)
    target = next((c for c in candidates if doc.text[c.start:c.end] == expression), None)
    assert target is not None, f"no candidate {expression!r} in {[doc.text[c.start:c.end] for c in candidates]}"
    assert dict(RESOLUTION_RULES)[target.kind] is rule, \
        f"{expression!r} is a {target.kind!r} candidate, resolved by {dict(RESOLUTION_RULES)[target.kind].__name__}"
    resolver = resolver_for(doc, analysed, candidates, KNOWLEDGE)
    for cand in candidates:
        if cand is target:
            break
        resolver.resolve(cand)
    return rule(resolver, target)


def test_every_candidate_kind_has_one_rule():
    kinds = [kind for kind, _ in RESOLUTION_RULES]
    assert len(kinds) == len(set(kinds)), f"a kind has two rules: {kinds}"
    assert set(kinds) == {"full", "date", "month", "year", "decade", "range", "span", "weekday", "relative",
                          "narrative", "vague", "period", "holiday", "quarter"}, kinds


@pytest.mark.parametrize(("rule", "text", "expression", "value", "anchor"), [
    (full_date, "The deal was signed on February 26, 2024 in Ankara.", "February 26, 2024", "2024-02-26", None),
    (month_day, "On October 13, Putin equated the two wars.", "October 13", "2023-10-13", "published"),
    (month_day, "The envoys will meet on March 2 in Doha.", "March 2", "2024-03-02", "published"),
    (month_name, "Talks resumed in September 2022 after a pause.", "September 2022", "2022-09", None),
    (month_name, "The election was held in October last year.", "October last year", "2023-10", "published"),
    (year_number, "The border was closed in 2018.", "2018", "2018", None),
    (decade, "The dispute goes back to the 1990s.", "1990s", "1990/1999", None),
    (day_range, "The summit ran March 6-10, 2023 in Geneva.", "March 6-10, 2023", "2023-03-06/2023-03-10", None),
    (day_span, "The envoys will meet from February 29 to March 2.", "February 29 to March 2",
     "2024-02-29/2024-03-02", "published"),
    (weekday, "Officials met in Baku on Tuesday.", "Tuesday", "2024-02-20", "published"),
    (weekday, "The vote was postponed until Thursday.", "Thursday", "2024-02-29", "published"),
    (publication_relative, "Rebels shelled the town yesterday.", "yesterday", "2024-02-25", "published"),
    (narrative_relative, "Rebels seized the airport on January 10. The next day, talks began.", "The next day",
     "2024-01-11", "t0"),
    (vague, "Attacks have recently increased.", "recently", None, None),
    (period, "The treaty dates from the Korean War.", "the Korean War", "1950/1953", None),
    (holiday, "Fighting paused on Christmas Day last year.", "Christmas Day", "2023-12-25", "published"),
    (quarter, "Rice exports fell in the first quarter of the year.", "the first quarter of the year",
     "2024-01/2024-03", "published"),
    (quarter, "The refinery will reopen in the third quarter of 2025.", "the third quarter of 2025",
     "2025-07/2025-09", None),
    (quarter, "Arrivals rose sharply in the fourth quarter of last year.", "the fourth quarter of last year",
     "2023-10/2023-12", "published"),
    (quarter, "Tourist numbers doubled in the final quarter.", "the final quarter", "2023-10/2023-12", "published"),
])
def test_resolution_rule(rule, text, expression, value, anchor):
    got = apply(rule, text, expression)
    assert (got.value, got.anchor) == (value, anchor), f"{rule.__name__}: {expression!r} gave {got}"


def test_publication_relative_without_a_publication_date_has_no_value():
    got = apply(publication_relative, "Rebels shelled the town yesterday.", "yesterday", published=None)
    assert got == Value(), f"publication_relative: no publication date, no value; got {got}"


def test_narrative_relative_needs_a_day_before_it():
    got = apply(narrative_relative, "Russia left the deal in July 2023. Two days later, drones struck Odesa.",
                "Two days later")
    assert got.value is None, f"narrative_relative: July 2023 has no day to count from, got {got}"


@pytest.mark.parametrize(("rule", "text", "start", "end", "kind", "parts", "expected"), [
    (real_month, "Prime Minister May met the envoy.", 15, 18, "month", {"month": "May"}, False),
    (real_month, "Elections are due in May.", 21, 24, "month", {"month": "May"}, True),
    (real_day, "on March 32", 3, 11, "date", {"month": "March", "day": "32"}, False),
    (real_day, "on March 12", 3, 11, "date", {"month": "March", "day": "12"}, True),
    (year_not_a_number, "She took flight 1985 to Paris.", 16, 20, "year", {"year": "1985"}, False),
    (year_not_a_number, "The border closed in 1985.", 21, 25, "year", {"year": "1985"}, True),
])
def test_plausibility_rule(rule, text, start, end, kind, parts, expected):
    doc = parsed(text)
    assert rule(Candidate(start, end, kind, parts), doc.text, doc.nlp) is expected, \
        f"{rule.__name__}: {text[start:end]!r} in {text!r} should {'' if expected else 'not '}be a time"


def test_plausible_applies_every_rule():
    assert PLAUSIBILITY_RULES == (real_month, real_day, year_not_a_number)
    assert plausible(Candidate(3, 11, "date", {"month": "March", "day": "32"}), "on March 32", None) is False


@pytest.mark.parametrize(("text", "expression", "tense"), [
    ("The ministers will meet on Friday.", "Friday", "future"),
    ("The ministers met on Friday.", "Friday", "past"),
    ("Talks are scheduled for Friday.", "Friday", "future"),
    ("The ministers agreed to meet on Friday.", "Friday", "future"),
    ("The ministers agreed on Friday.", "Friday", "past"),
    ("The governor invited a delegation of nurses to his office on Thursday.", "Thursday", "future"),
    ("Ghana invited the Togolese minister for consultations on Friday.", "Friday", "future"),
    ("On Thursday the governor invited a delegation of nurses to his office.", "Thursday", "past"),
    # words.txt unscheduling_words: "set" in another sense schedules nothing
    ("Protesters set fire to a police station on Sunday.", "Sunday", "past"),
    ("A police post was set on fire by rioting youths on Sunday.", "Sunday", "past"),
    ("Rioters set a bus ablaze on Friday.", "Friday", "past"),
    ("Youths set up roadblocks on Saturday.", "Saturday", "past"),
    ("The vote is set for Friday.", "Friday", "future"),
])
def test_clause_tense_reads_the_future_cues(text, expression, tense):
    doc = parsed(text)
    start = text.index(expression)
    span = doc.nlp.char_span(start, start + len(expression), alignment_mode="expand")
    got, _ = clause_tense(span, TenseWords.of(KNOWLEDGE))
    assert got == tense, f"{expression!r} in {text!r}: tense {got!r}, expected {tense!r}"


def test_narrative_relative_limit_is_the_last_day():
    got = apply(narrative_relative, "The minister said on Monday that Dhaka would drop the duty by the end of the "
                "month.", "by the end of the month")
    assert got.value == "2024-02-29", f"narrative_relative: the month's last day (a leap year), got {got}"
    assert got.day is None and got.year is None, f"a limit is no time the story moves to: {got}"
    got = apply(narrative_relative, "Nepal will lift the export ban by the end of the year.", "by the end of the year")
    assert got.value == "2024-12-31", f"narrative_relative: with no time before it, the page's year; got {got}"
