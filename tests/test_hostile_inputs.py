"""Property-based tests (hypothesis) of every reader and of the stages on hostile
input (issue 14): arbitrary Unicode with zero-width, right-to-left, combining and
control characters, huge lines, unbalanced quotes and brackets, broken markup,
impossible dates, documents of 0 and 1 characters.

Properties: no exception escapes (a reader yields documents or Failures, or raises
InputError by design); the stages, run with debug=True so that any exception in a
stage would surface, produce records valid against spec/record.md with every
offset inside the text. `make fuzz` runs the same generators over 10,000 inputs.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefgraph.errors import InputError
from briefgraph.pipeline import Pipeline, start_analysis
from briefgraph.readers import detect_kind, read_bytes
from briefgraph.readers.dates import iso_date, struct_time_date
from briefgraph.readers.decode import decode_bytes
from briefgraph.readers.feed import read_feed
from briefgraph.readers.html import html_fragment_to_text, read_html, related_links
from briefgraph.readers.jsonl import read_jsonl
from briefgraph.readers.markdown import markdown_to_text, read_markdown
from briefgraph.readers.text import read_text
from briefgraph.records import Failure, RawDocument
from hostile import (
    DATES,
    check_record,
    document_text,
    feed,
    hostile_text,
    html_page,
    jsonl_file,
    jsonl_line,
)

READERS = settings(max_examples=60, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
STAGES_SETTINGS = settings(max_examples=30, deadline=None, database=None,
                           suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _check_raw(raw: RawDocument | Failure) -> None:
    if isinstance(raw, Failure):
        assert isinstance(raw.source, str) and isinstance(raw.reason, str) and raw.reason
        assert "internal error" not in raw.reason, raw.reason
        assert "Traceback" not in raw.reason
        return
    assert isinstance(raw, RawDocument)
    assert isinstance(raw.text, str) and raw.text.strip()
    assert raw.published is None or iso_date(raw.published) == raw.published, raw.published
    for value in (raw.title, raw.url, raw.author, raw.input_id):
        assert value is None or isinstance(value, str)
    assert all(isinstance(t, str) for t in raw.tags)


# ---- readers -------------------------------------------------------------------------

@READERS
@given(hostile_text, st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252", "utf-8-sig"]),
       st.sampled_from(["doc.txt", "doc.md", "doc.html", "doc.xml", "doc.jsonl", "doc", "-"]))
@example("", "utf-8", "doc.txt")
@example("x", "utf-8", "doc.txt")
@example("\x00", "utf-8", "doc.html")
def test_read_bytes_never_raises(text, encoding, name):
    data = text.encode(encoding, "replace")
    kind = detect_kind(data, name)
    assert kind in ("text", "markdown", "html", "feed", "jsonl")
    for raw in read_bytes(data, "<test>", name=name):
        _check_raw(raw)


@READERS
@given(st.binary(max_size=300), st.sampled_from(["doc.txt", "doc.html", "doc.xml", "doc.jsonl"]))
def test_read_bytes_on_arbitrary_bytes(data, name):
    for raw in read_bytes(data, "<bytes>", name=name):
        _check_raw(raw)


@READERS
@given(st.binary(max_size=200))
def test_decode_bytes_gives_text_or_input_error(data):
    try:
        text = decode_bytes(data, "<bytes>")
    except InputError as exc:
        assert exc.source == "<bytes>" and exc.reason
        return
    assert isinstance(text, str) and text.strip()


@READERS
@given(html_page())
def test_html_reader(html):
    try:
        raw = read_html(html, "<page>")
    except InputError as exc:
        assert exc.reason
        return
    _check_raw(raw)
    assert all(isinstance(r["title"], str) for r in raw.related)


@READERS
@given(hostile_text)
@example("<p>a\x01</p>b\x0b<br>c")  # found by this test: lxml refused the paragraph breaks (ValueError escaped)
@example("<br>\x0c")
def test_html_helpers_on_fragments(fragment):
    assert isinstance(html_fragment_to_text(fragment), str)
    assert isinstance(related_links(fragment or "<p>"), list)


@READERS
@given(feed())
@example(b"<rss version='2.0'><channel><item><description><![CDATA[<p>x</p>\x1b]]></description></item></channel></rss>")
@example(b"<rss version='2.0'><channel><item><title>a&#x110000;</title></item></channel></rss>")  # chr() out of range
def test_feed_reader(data):
    try:
        for raw in read_feed(data, "<feed>"):
            _check_raw(raw)
    except InputError as exc:
        assert exc.reason


@READERS
@given(jsonl_file)
@example('{"text": "Russia met Hamas.", "published": "February 30, 2024"}')
@example('{"text": "x", "published": "2023-02-29", "tags": [1, null, "a"], "id": 0}')
@example('[{"text": "a list"}]\n"text"\n{"text": ""}\n{"text": null}')
@example('{"text": "x", "tags": 5}\n{"text": "y", "tags": 1.5}\n{"text": "z", "tags": true}')  # found by make fuzz
def test_jsonl_reader(text):
    for raw in read_jsonl(text, "<jsonl>"):
        _check_raw(raw)


@READERS
@given(jsonl_line())
def test_jsonl_line_through_read_bytes(line):
    for raw in read_bytes(line.encode("utf-8", "surrogatepass"), "<line>", name="x.jsonl"):
        _check_raw(raw)


@READERS
@given(hostile_text)
def test_markdown_and_text_readers(text):
    plain, title, headings, links = markdown_to_text(text)
    assert isinstance(plain, str) and (title is None or isinstance(title, str))
    assert all(isinstance(h, str) for h in headings) and all(isinstance(link, dict) for link in links)
    assert read_markdown(text, "<md>").text == plain
    assert read_text(text, "<txt>").text == text


@READERS
@given(st.one_of(st.sampled_from(DATES), hostile_text, st.none()))
@example("2024-02-30")
@example("31/31/2023")
@example("Fri, 30 Feb 2024 10:00:00 GMT")
def test_metadata_dates_are_real_days_or_none(value):
    day = iso_date(value)
    assert day is None or (len(day) == 10 and iso_date(day) == day)


@READERS
@given(st.one_of(st.none(), st.tuples(st.integers(), st.integers(), st.integers()), st.lists(st.integers())))
def test_feed_time_tuples(value):
    day = struct_time_date(value)
    assert day is None or iso_date(day) == day


# ---- stages ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pipeline():
    return Pipeline.build()


def _analyse(pipeline: Pipeline, text: str, published: str | None = None):
    raw = RawDocument(text=text, source="<hostile>", published=published)
    done, failed = pipeline.run([start_analysis(raw)], debug=True)  # debug: a stage's exception raises here
    return done[0], failed[0]


@STAGES_SETTINGS
@given(document_text, st.one_of(st.none(), st.sampled_from(["2024-02-26", "2024-02-29", "1999-12-31"])))
@example("", None)
@example("x", None)
@example("\u201c", None)
@example("Russia said on February 30, 2024 that talks on 31/31/2023 ((([[[ \u201cwould resume.", "2024-02-26")
@example("\u202eaissuR\u202c condemned \u200bHamas\u200b on \u0645\u0648\u0633\u0643\u0648 Monday.", None)
@example("# \n## \n> \n\x00\x01\x1b", None)
def test_stages_on_hostile_text(pipeline, text, published):
    analysis, failure = _analyse(pipeline, text, published)
    if analysis is None:  # a stage may refuse a document on purpose, with a reason
        assert failure is not None and failure.reason and "internal error" not in failure.reason
        return
    check_record(analysis.to_record())


@pytest.mark.parametrize("published", [*DATES, "garbage", "", " ", "2024-00", "0000", "2024-02-29T25:00"])
def test_impossible_published_hints_never_reach_the_record(pipeline, published):
    """Found by this suite: a `published` given with a document (API, Python) went into
    the record unchecked ("2024-02-30"); now it is dropped with a diagnostic."""
    analysis, _ = _analyse(pipeline, "Russia met Hamas yesterday in Moscow.", published)
    check_record(analysis.to_record())


@STAGES_SETTINGS
@given(st.lists(st.sampled_from(['"', "\u201c", "\u201d", "(", ")", "[", "]", "Russia", "said", " ", ".", "\n"]),
                min_size=1, max_size=300).map("".join))
def test_stages_on_unbalanced_quotes_and_brackets(pipeline, text):
    analysis, _ = _analyse(pipeline, text)
    if analysis is not None:
        check_record(analysis.to_record())


@pytest.mark.parametrize("text", [
    '"\u00d8\x08\x03x\u00b1\U0007b5d8\U0009f9303_\U00103b68\u00dc\u00f2"Dhtk Rcij Rcij',
    "\U00064d99\u00a1\u00f2\U000455af" + "<" * 120 + "will host\u00c1\x84q\u00b9\u00b2r\u201dRfcupxbbRfcupxbbOForeign Minister<",
])
def test_structure_stage_on_fuzz_regressions(pipeline, text):
    analysis, _ = _analyse(pipeline, text)
    check_record(analysis.to_record())


@pytest.mark.parametrize("text", ["", " ", "\n", "x", ".", "\u201c", "\x00", "\u200b", "\u0301", "\U0001f600"])
def test_documents_of_zero_and_one_character(pipeline, text):
    analysis, failure = _analyse(pipeline, text)
    if analysis is None:
        assert failure is not None and "internal error" not in failure.reason
    else:
        check_record(analysis.to_record())


def test_one_huge_line(pipeline):
    line = "x" * 100_000 + " Russia condemned Hamas on February 30. " + "Moscow " * 1_000 + "\u200b" * 20_000
    analysis, _ = _analyse(pipeline, line)
    assert analysis is not None
    check_record(analysis.to_record())


def test_a_long_run_of_punctuation_is_analysed_in_time():
    from briefgraph.pipeline import analyse

    (result,) = analyse([RawDocument(text="(" * 4_000, source="<brackets>")], budget_seconds=60)  # a hang guard, not a speed test (make bench measures speed)
    assert not isinstance(result, Failure), result.reason


def test_one_long_sentence_of_many_verbs_is_analysed_in_time():
    from briefgraph.pipeline import analyse

    # a hang guard, not a speed test: about 5 s on an idle 2-core machine since the places stage and
    # the events stage's names_inside_objects stopped walking the sentence once per verb (was > 8 s)
    (result,) = analyse([RawDocument(text="Russia condemned Hamas (" * 500, source="<long>")], budget_seconds=30)
    assert not isinstance(result, Failure), result.reason
