"""Readers: each input kind becomes documents; each bad input becomes one Failure
naming it, and the other inputs go on."""

from __future__ import annotations

import io
import json

from briefgraph.readers import detect_kind, read_inputs
from briefgraph.readers.html import with_masthead_date
from briefgraph.readers.markdown import markdown_to_text
from briefgraph.records import Failure, RawDocument

HTML_PAGE = """<!DOCTYPE html><html><head><title>Envoy Meets Sudanese Rebels | Example Institute</title>
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta name="keywords" content="Sudan, Horn of Africa, Arms Control">
</head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<article><h1>Envoy Meets Sudanese Rebels</h1>
<h2>Latest Developments</h2>
<p>The UN special envoy met leaders of the Rapid Support Forces in Juba on Monday, officials said.
It was the first such meeting this year and it lasted several hours, according to two people present.</p>
<blockquote>"This is a real chance for peace," the envoy told reporters afterwards.</blockquote>
<h2>Background</h2>
<p>Two days later, the Sudanese army rejected the talks. The defence ministry said in a statement that
it would not negotiate with the paramilitary group while its fighters held civilian areas.</p>
</article><footer>Copyright 2024 Example Institute. All rights reserved. Privacy policy.</footer></body></html>
"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://example.org</link>
<item><title>Kenya sends police officers to Haiti</title><link>https://example.org/kenya-haiti</link>
<pubDate>Tue, 25 Jun 2024 18:00:00 GMT</pubDate><category>Haiti</category>
<description>&lt;p&gt;Kenya sent the first 400 police officers to Haiti on Tuesday.&lt;/p&gt;
&lt;p&gt;President William Ruto said the mission would restore order.&lt;/p&gt;</description></item>
<item><title>An entry with no text</title><link>https://example.org/empty</link></item>
<item><title>Chad closes its border with Sudan</title><link>https://example.org/chad</link>
<pubDate>Wed, 26 Jun 2024 08:00:00 GMT</pubDate>
<description>Chad closed its eastern border with Sudan on Wednesday, the interior ministry said.</description></item>
</channel></rss>
"""

MARKDOWN = """# Sahel Juntas Leave ECOWAS

March 1, 2024 | Analysis

## Latest Developments

Mali, Burkina Faso and Niger **announced** their withdrawal from the *Economic Community of West
African States* on January 28.

> "We will not return," said a spokesman for the junta in Niamey.
> — Colonel Amadou Example, spokesman

## Further reading

- [The Sahel's New Alliance](https://example.org/sahel) by Jane Writer
- [ECOWAS at Fifty](https://example.org/ecowas)

Tags: Mali, Niger, Burkina Faso
"""


def read_one(write, name, content):
    docs = list(read_inputs([str(write(name, content))]))
    assert len(docs) == 1, docs
    return docs[0]


def test_plain_text(write):
    doc = read_one(write, "brief.txt", "Qatar and Egypt agreed on a truce plan on Sunday.\n")
    assert isinstance(doc, RawDocument) and doc.format == "text"
    assert doc.text.startswith("Qatar and Egypt agreed")


def test_html_page_keeps_article_drops_menus_and_reads_metadata(write):
    doc = read_one(write, "page.html", HTML_PAGE)
    assert isinstance(doc, RawDocument), doc
    assert doc.format == "html"
    assert doc.title == "Envoy Meets Sudanese Rebels"
    assert doc.published == "2024-03-05"
    assert doc.tags == ["Sudan", "Horn of Africa", "Arms Control"]
    assert "Rapid Support Forces" in doc.text
    assert "cookies" not in doc.text and "All rights reserved" not in doc.text
    assert "Latest Developments" in doc.headings


def test_feed_gives_one_document_per_entry_and_a_failure_for_the_broken_one(write):
    docs = list(read_inputs([str(write("wire.xml", FEED))]))
    assert [type(d).__name__ for d in docs] == ["RawDocument", "Failure", "RawDocument"], docs
    first, broken, last = docs
    assert first.title == "Kenya sends police officers to Haiti"
    assert first.published == "2024-06-25"
    assert first.url == "https://example.org/kenya-haiti"
    assert first.tags == ["Haiti"]
    assert "400 police officers" in first.text and "\n\n" in first.text, "paragraphs stay apart"
    assert broken.source.endswith("wire.xml#entry2") and "no text" in broken.reason
    assert last.published == "2024-06-26"


def test_jsonl_lines_with_bad_lines_in_between(write):
    lines = [
        json.dumps({"id": "a", "text": "Egypt and Qatar agreed on a truce.", "published": "2024-03-01"}),
        "{not json",
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "e", "text": "Turkey condemned the strike.", "title": "Turkey Condemns Strike",
                    "url": "https://example.org/e"}),
    ]
    docs = list(read_inputs([str(write("set.jsonl", "\n".join(lines)))]))
    kinds = [type(d).__name__ for d in docs]
    assert kinds == ["RawDocument", "Failure", "Failure", "Failure", "RawDocument"], kinds
    assert docs[0].input_id == "a" and docs[0].published == "2024-03-01"
    assert docs[1].source.endswith("set.jsonl:2") and "not valid JSON" in docs[1].reason
    assert docs[2].source.endswith("set.jsonl:3") and "text" in docs[2].reason
    assert docs[3].source.endswith("set.jsonl:4")
    assert docs[4].title == "Turkey Condemns Strike" and docs[4].url == "https://example.org/e"


def test_markdown_headings_links_and_quotes():
    text, title, headings, links = markdown_to_text(MARKDOWN)
    assert title == "Sahel Juntas Leave ECOWAS"
    assert headings == ["Latest Developments", "Further reading"]
    assert links == [{"title": "The Sahel's New Alliance", "url": "https://example.org/sahel"},
                     {"title": "ECOWAS at Fifty", "url": "https://example.org/ecowas"}]
    assert "announced their withdrawal from the Economic Community" not in text  # line break kept
    assert "**" not in text and "> " not in text and "[" not in text
    assert '"We will not return," said a spokesman' in text


def test_folder_is_read_recursively_in_sorted_order(write):
    write("b/two.txt", "Second document text here.")
    path = write("a/one.md", "# One\n\nFirst document text here.")
    folder = path.parent.parent
    write("notes.json", "{}")  # not a document kind: skipped
    docs = list(read_inputs([str(folder)]))
    assert [d.text.splitlines()[0] for d in docs] == ["One", "Second document text here."]


def test_stdin_is_read_by_content():
    stream = io.BytesIO(b"<!DOCTYPE html><html><body><article><p>" + b"Kenya sent police officers. " * 5
                        + b"</p></article></body></html>")
    (doc,) = list(read_inputs(["-"], stdin=stream))
    assert doc.format == "html" and doc.source == "<stdin>"


def test_detect_kind_by_content_first():
    assert detect_kind(b'{"text": "x"}\n', "input.dat") == "jsonl"
    assert detect_kind(b"<?xml version='1.0'?><rss></rss>", "x.txt") == "feed"
    assert detect_kind(b"<!doctype html><html></html>", "x") == "html"
    assert detect_kind(b"# Title", "x.md") == "markdown"
    assert detect_kind(b"Plain words.", "x") == "text"


# --- bad input: one Failure naming the input and the reason ---

def failure_of(write, name, content, **kwargs) -> Failure:
    docs = list(read_inputs([str(write(name, content))], **kwargs))
    assert len(docs) == 1 and isinstance(docs[0], Failure), docs
    assert name in docs[0].source, docs[0]
    return docs[0]


def test_empty_file(write):
    assert "empty" in failure_of(write, "empty.txt", "").reason
    assert "empty" in failure_of(write, "blank.txt", "\n  \n").reason


def test_binary_file(write):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    assert "binary" in failure_of(write, "image.txt", png).reason


def test_undecodable_bytes_are_detected_not_crashed(write):
    latin1 = "Le ministre français a déclaré mardi à Paris que la réunion était reportée.".encode("latin-1")
    (doc,) = list(read_inputs([str(write("latin1.txt", latin1))]))
    assert isinstance(doc, RawDocument) and "français" in doc.text, doc


def test_html_with_no_article(write):
    page = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    assert "no article" in failure_of(write, "menu.html", page).reason


def test_markdown_of_markup_only(write):
    reason = failure_of(write, "fences.md", "``````````\n```\n").reason
    assert "no text" in reason, f"a Markdown file of code fences alone has no text: {reason}"


def test_file_over_the_size_limit(write):
    reason = failure_of(write, "big.txt", "word " * 100, max_bytes=100).reason
    assert "over the 100 bytes limit" in reason and "--max-size" in reason


def test_missing_path_and_empty_folder(tmp_path):
    docs = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path)]))
    assert [d.reason for d in docs] == ["no such file or folder", docs[1].reason]
    assert "no document files" in docs[1].reason


def test_broken_feed(write):
    reason = failure_of(write, "broken.xml", "<?xml version='1.0'?><rss><channel><item><title>x</ti").reason
    assert "malformed feed" in reason or "not a readable" in reason, reason


def test_html_related_links_in_an_aside_are_kept(write):
    page = HTML_PAGE.replace("</article>", """</article><aside class="related"><h2>Related coverage</h2><ul>
<li><a href="/a/sudan-ceasefire-explained">Why Sudan's Ceasefires Keep Failing</a></li>
<li><a href="/b/juba-talks">The Juba Track and Its Limits</a></li></ul></aside>""")
    doc = read_one(write, "page.html", page)
    assert [r["title"] for r in doc.related] == ["Why Sudan's Ceasefires Keep Failing", "The Juba Track and Its Limits"]
    assert doc.related[0]["url"].endswith("/a/sudan-ceasefire-explained")


def test_block_quote_footer_attribution_survives_article_extraction(write):
    page = HTML_PAGE.replace(
        '<blockquote>"This is a real chance for peace," the envoy told reporters afterwards.</blockquote>',
        "<blockquote><p>“We will keep talking until the guns fall silent.”</p>"
        "<footer>— Amina Example, UN special envoy</footer></blockquote>")
    doc = read_one(write, "page.html", page)
    assert "— Amina Example, UN special envoy" in doc.text, doc.text


def test_html_masthead_line_dropped_by_extraction_is_kept_apart(write):
    page = HTML_PAGE.replace("<article><h1>", '<article><p class="meta">March 5, 2024 | Analysis</p><h1>')
    doc = read_one(write, "page.html", page)
    assert doc.masthead == ["March 5, 2024 | Analysis"], doc.masthead
    assert "| Analysis" not in doc.text, "the masthead is no article text"
    assert doc.text.startswith("March 5, 2024\n\n"), "its date is the text's header line"
    plain = read_one(write, "plain.html", HTML_PAGE)
    assert plain.masthead == [], "a page without marked masthead elements has none"


def test_with_masthead_date():
    text = "Envoy Meets Rebels\n\nThe envoy met rebel leaders in Juba on Monday."
    assert with_masthead_date(text, ["July 22, 2026 | Flash Brief"]) == "July 22, 2026\n\n" + text
    assert with_masthead_date(text, ["By Jane Example · 22 July 2026"]).startswith("22 July 2026\n\n")
    assert with_masthead_date(text, ["Flash Brief"]) == text, "a masthead without a date adds nothing"
    dated = "July 22, 2026 | Flash Brief\n\n" + text
    assert with_masthead_date(dated, ["July 22, 2026 | Flash Brief"]) == dated, "a header the text prints stays one"
