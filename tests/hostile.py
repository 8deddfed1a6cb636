"""Hostile inputs for the reliability tests and the fuzz run (issue 14): hypothesis
strategies that build documents out of the things that break text pipelines.

- arbitrary Unicode, with zero-width, right-to-left, combining marks, NUL and other
  control characters mixed in;
- huge lines, unbalanced quotes and brackets, nested or broken markup;
- impossible dates ("February 30", "31/31/2023") next to real ones;
- documents of 0 and 1 characters;
- the same pieces wrapped as HTML pages, RSS/Atom feeds and JSON Lines.

`check_record` is the spec (../shared/spec/record.md) as assertions: the shape,
the closed vocabularies, and every offset inside the text.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from hypothesis import strategies as st

from briefgraph.readers.dates import published_date
from briefgraph.records import ACTOR_TYPES, MODALITIES, PLOVER_TYPES, QUOTE_KINDS

# ---- the pieces ----------------------------------------------------------------------

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2069"]
COMBINING = ["\u0301", "\u0308", "\u0327", "\u20dd", "\u0489", "e\u0301" * 3, "Z\u0336\u0337\u0338" * 4]
CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\r", "\t"]
QUOTES = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u300c", "\u300d", "``", "''"]
BRACKETS = ["(", ")", "[", "]", "{", "}", "<", ">", "((((", "))))", "[[", "]]"]
MARKUP = ["<p>", "</p>", "<div><div><div>", "</div>", "<script>alert(1)</script>", "<!--", "-->", "<![CDATA[",
          "]]>", "<br/>", "<b><i>x</b></i>", "&amp;", "&#0;", "&#x110000;", "&bogus;", "<a href='javascript:x'>",
          "# ", "## ", "> ", "* ", "**", "__", "```", "[x](", "![y](z)", "[^1]", "---", "|", "\\"]
DATES = ["February 30, 2024", "31/31/2023", "2023-02-29", "0000-00-00", "9999-99-99", "April 31", "on 32 March",
         "March 0, 2024", "the 45th of June", "Monday, February 30", "2024-13-01", "1/2/3", "Feb. 29, 2023",
         "from 30 to 2 February", "between 5 and 3 May 2024", "12:99", "next Febtober", "last year's 31st",
         "October 7, 2023", "2024-02-26", "on Monday", "three days later", "the 1990s", "2024"]
WORDS = ["Russia", "Hamas", "Ukraine", "said", "condemned", "attacked", "met", "will host", "did not invite",
         "President Vladimir Putin", "the United Nations", "according to", "told reporters", "on Tuesday", "in Moscow",
         "Foreign Minister", "talks", "sanctions", "ceasefire", ".", ",", ";", ":", "\u2014", "\u2013", "\n", "\n\n",
         " ", "  ", "Flash Brief", "Latest Developments", "Expert Analysis", "|", "Issues:", "—\u00a0Name, Title"]
SCRIPTS = ["\u0645\u0648\u0633\u0643\u0648", "\u05e8\u05d5\u05e1\u05d9\u05d4", "\u041c\u043e\u0441\u043a\u0432\u0430",
           "\u4e2d\u56fd", "\U0001f600", "\U0001f1fa\U0001f1e6", "\ud7ff", "\U0010ffff", "\ufffd", "\ufdd0"]

FRAGMENTS = ZERO_WIDTH + BIDI + COMBINING + CONTROLS + QUOTES + BRACKETS + MARKUP + DATES + WORDS + SCRIPTS

# ---- strategies ------------------------------------------------------------------------

# any code point except surrogates (they cannot be encoded, so no reader can meet one)
any_char = st.characters(codec="utf-8")
any_text = st.text(any_char, max_size=60)


# the longest run of one piece; the fuzz run (fuzz/run.py) sets it lower to try more inputs an hour
MAX_RUN = int(os.environ.get("BRIEFGRAPH_HOSTILE_MAX_RUN", "1500"))


@st.composite
def huge_line(draw: st.DrawFn) -> str:
    """One long run of a repeated piece (a line of thousands of characters)."""
    piece = draw(st.sampled_from(FRAGMENTS + ["a", "a ", "Russia ", "\u201c", "(", "<b>", "9"]))
    return piece * draw(st.integers(MAX_RUN // 8, MAX_RUN) if len(piece) < 4 else st.integers(MAX_RUN // 30, MAX_RUN // 4))


piece = st.one_of(
    st.sampled_from(FRAGMENTS),
    any_text,
    st.from_regex(r"[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9}){0,2}", fullmatch=True),
)

hostile_text = st.one_of(
    st.just(""),
    any_char.map(str),                                     # one character
    st.lists(piece, max_size=40).map("".join),
    st.tuples(st.lists(piece, max_size=8).map("".join), huge_line(),
              st.lists(piece, max_size=8).map("".join)).map("".join),
)
# texts the readers hand on: something to analyse
document_text = hostile_text.filter(lambda t: bool(t.strip()))


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


@st.composite
def html_page(draw: st.DrawFn) -> str:
    """An HTML page, well formed or not, around hostile text."""
    title = draw(hostile_text)
    paras = draw(st.lists(hostile_text, max_size=6))
    broken = draw(st.booleans())
    body = "".join(f"<p>{p}" + ("" if broken else "</p>") for p in paras)
    head = draw(st.sampled_from([
        "<!DOCTYPE html><html><head>", "<html>", "", "<!doctype html><head><meta charset='utf-8'>",
        "<?xml version='1.0'?><html>"]))
    meta = f"<title>{title}</title><meta property='article:published_time' content=\"{_attr(draw(st.sampled_from(DATES)))}\">"
    aside = draw(st.sampled_from(["", "<aside class='related'><h3>Related</h3><a href='/x'>Russia Hosts More Talks</a></aside>",
                                  "<nav id='read-more'><a href='javascript:alert(1)'>a b c d</a>"]))
    nest = draw(st.integers(0, 60))
    return (head + meta + "</head><body>" + "<div>" * nest + f"<article><h1>{title}</h1>{body}</article>"
            + aside + "</div>" * draw(st.integers(0, nest)) + draw(st.sampled_from(["</body></html>", "", "<body"])))


@st.composite
def feed(draw: st.DrawFn) -> bytes:
    """An RSS or Atom feed, possibly malformed, with hostile entries."""
    entries = draw(st.lists(st.tuples(hostile_text, hostile_text, st.sampled_from(DATES + ["Mon, 26 Feb 2024 10:00:00 GMT"])),
                            max_size=4))
    cdata = draw(st.booleans())

    def body(text: str) -> str:
        return f"<![CDATA[{text}]]>" if cdata else text.replace("&", "&amp;").replace("<", "&lt;")

    if draw(st.booleans()):
        items = "".join(f"<item><title>{body(t)}</title><description>{body(d)}</description><pubDate>{p}</pubDate>"
                        f"<link>http://example.org/{i}</link></item>" for i, (t, d, p) in enumerate(entries))
        xml = f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>x</title>{items}</channel></rss>"
    else:
        items = "".join(f"<entry><title>{body(t)}</title><content type='html'>{body(d)}</content><updated>{p}</updated>"
                        f"<id>urn:{i}</id></entry>" for i, (t, d, p) in enumerate(entries))
        xml = f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>x</title>{items}</feed>"
    cut = draw(st.integers(0, 3))
    if cut == 0:  # truncated mid-feed
        xml = xml[: draw(st.integers(0, len(xml)))]
    return xml.encode("utf-8", "surrogatepass")


json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | any_text,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
                          max_leaves=8)


@st.composite
def jsonl_line(draw: st.DrawFn) -> str:
    """One JSON Lines line: a document, a wrong shape, or not JSON at all."""
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return draw(hostile_text.map(lambda t: t.replace("\n", " ")))
    if kind == 1:
        return json.dumps(draw(json_value), ensure_ascii=draw(st.booleans()))
    doc: dict[str, Any] = {"text": draw(hostile_text)}
    for key in ("id", "title", "published", "url", "author", "tags"):
        if draw(st.booleans()):
            doc[key] = draw(st.one_of(json_value, st.sampled_from(DATES), hostile_text))
    line = json.dumps(doc, ensure_ascii=draw(st.booleans()))
    if kind == 2:  # broken: cut short
        line = line[: draw(st.integers(0, len(line)))]
    return line.replace("\n", "\\n")


jsonl_file = st.lists(jsonl_line(), min_size=0, max_size=5).map("\n".join)

# ---- the record contract -----------------------------------------------------------------

_DAY = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
DATE_VALUE = re.compile(rf"^(?:{_DAY}(?:/{_DAY})?|\d{{4}}-W\d{{2}}|\d{{3}}X|\d{{2}}XX)$")


def _span(start: Any, end: Any, n: int, what: str) -> None:
    assert isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool), f"{what}: not offsets"
    assert 0 <= start <= end <= n, f"{what}: [{start}, {end}) outside the text (length {n})"


def _date(value: Any, what: str) -> None:
    assert value is None or (isinstance(value, str) and value), f"{what}: {value!r}"


def check_record(record: dict[str, Any]) -> None:
    """Assert that `record` is valid against spec/record.md, every offset inside its text."""
    for key in ("document", "text", "actors", "quotes", "times", "events"):
        assert key in record, f"record has no {key!r}"
    text, doc = record["text"], record["document"]
    assert isinstance(text, str) and isinstance(doc, dict)
    n = len(text)
    assert isinstance(doc.get("id"), str) and re.fullmatch(r"[0-9a-f]{64}", doc["id"]), doc.get("id")
    assert isinstance(doc.get("source"), str)
    for key in ("title", "genre"):
        assert doc.get(key) is None or isinstance(doc[key], str), (key, doc.get(key))
    published = doc.get("published")
    assert published is None or (re.fullmatch(_DAY, published) and published_date(published) == published), published
    for section in doc.get("sections") or []:
        _span(section.get("start"), section.get("end"), n, "section")
    assert all(isinstance(t, str) for t in doc.get("tags") or [])
    assert all(isinstance(r, dict) and "title" in r for r in doc.get("related") or [])
    ids = set()
    for actor in record["actors"]:
        assert isinstance(actor.get("id"), str) and actor["id"] not in ids, actor
        ids.add(actor["id"])
        assert isinstance(actor.get("name"), str) and actor["name"].strip(), actor
        assert actor.get("type") in ACTOR_TYPES, actor
        assert all(isinstance(a, str) for a in actor.get("aliases") or [])
        assert all(isinstance(r, str) for r in actor.get("roles") or [])
        for mention in actor.get("mentions") or []:
            assert len(mention) == 2
            _span(mention[0], mention[1], n, f"mention of {actor['name']!r}")
    for actor in record["actors"]:
        assert actor.get("affiliation") in (None, *ids), actor
    for quote in record["quotes"]:
        assert quote.get("kind") in QUOTE_KINDS, quote
        assert quote.get("speaker") in (None, *ids), quote
        assert isinstance(quote.get("text"), str)
        _span(quote.get("start"), quote.get("end"), n, "quote")
    for i, time in enumerate(record["times"]):
        _span(time.get("start"), time.get("end"), n, "time")
        assert text[time["start"]:time["end"]] == time["text"], (time, i)
        value = time.get("value")
        assert value is None or DATE_VALUE.match(value), f"time value {value!r}"
        anchor = time.get("anchor")
        assert anchor in (None, "published") or re.fullmatch(r"t\d+", anchor), anchor
        if anchor and anchor.startswith("t"):
            assert int(anchor[1:]) < len(record["times"]), anchor
    for event in record["events"]:
        assert event.get("plover") is None or event["plover"] in PLOVER_TYPES, event
        cameo = event.get("cameo")
        assert cameo is None or (re.fullmatch(r"\d{2,4}", cameo) and 1 <= int(cameo[:2]) <= 20), event
        assert isinstance(event.get("negated"), bool), event
        assert event.get("modality") in (None, *MODALITIES), event
        assert event.get("source") in (None, *ids) and event.get("target") in (None, *ids), event
        date = event.get("date")
        assert date is None or DATE_VALUE.match(date), f"event date {date!r}"
        evidence = event.get("evidence") or {}
        _span(evidence.get("start"), evidence.get("end"), n, "evidence")
