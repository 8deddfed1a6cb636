"""HTML pages: trafilatura finds the article (menus, banners and footers go) and
its metadata; the article comes out as Markdown so headings and links survive."""

from __future__ import annotations

import re
import warnings
from typing import Any
from urllib.parse import urljoin

from ..dateparse import find_full_dates
from ..errors import InputError
from ..records import RawDocument
from .dates import iso_date
from .markdown import markdown_to_text

MIN_ARTICLE_WORDS = 8


_BLOCKQUOTE = re.compile(r"<blockquote\b.*?</blockquote\s*>", re.IGNORECASE | re.DOTALL)
_FOOTER_TAG = re.compile(r"<(/?)footer\b", re.IGNORECASE)


def keep_quote_attributions(html: str) -> str:
    """A block quote's `<footer>` ("— Name, Title") says who spoke; article
    extraction drops every footer, so inside block quotes it becomes a paragraph."""
    return _BLOCKQUOTE.sub(lambda m: _FOOTER_TAG.sub(r"<\1p", m.group(0)), html)


def read_html(html: str, source: str) -> RawDocument:
    import trafilatura

    html = keep_quote_attributions(html)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        meta = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        markdown = trafilatura.extract(html, output_format="markdown", include_links=True,
                                       include_comments=False, include_tables=False)
    if not markdown or len(markdown.split()) < MIN_ARTICLE_WORDS:
        raise InputError(source, "no article text found in the HTML page")
    text, md_title, headings, links = markdown_to_text(markdown)
    page = page_tree(html)
    masthead = masthead_lines(page)
    text = with_masthead_date(text, masthead)
    info = meta.as_dict() if meta is not None and hasattr(meta, "as_dict") else (meta or {})
    tags = [t.strip() for raw in info.get("tags") or [] for t in re.split(r"[,;]", raw) if t.strip()]
    return RawDocument(
        text=text,
        source=source,
        format="html",
        title=(info.get("title") or md_title or None),
        published=iso_date(info.get("date")),
        url=info.get("url") or None,
        author=info.get("author") or None,
        tags=list(dict.fromkeys(tags)),
        headings=headings,
        links=links,
        related=[dict(r, url=urljoin(info["url"], r["url"]) if info.get("url") and r["url"] else r["url"])
                 for r in related_links(page)],
        masthead=masthead,
    )


_MASTHEAD_MARK = re.compile(r"(?i)\b(?:meta|kicker|eyebrow|overline|category|label|dateline|byline)")
MAX_MASTHEAD_WORDS = 12


def masthead_lines(page: Any) -> list[str]:
    """Short lines a page (its text or `page_tree`) shows beside its headline in elements marked
    as such ("meta", "kicker", "category" ...: "January 15, 2025 | Analysis"), which article
    extraction drops."""
    root = page_tree(page) if isinstance(page, str) else page
    if root is None:
        return []
    out: list[str] = []
    for el in root.iter("p", "div", "span", "time", "header"):
        text = " ".join(el.text_content().split())
        if (_MASTHEAD_MARK.search(str(el.get("class") or "")) and text and text not in out
                and len(text.split()) <= MAX_MASTHEAD_WORDS
                and not any(a.tag in ("nav", "aside", "footer") for a in el.iterancestors())):
            out.append(text)
    return out


TOP_LINES = 6  # the lines of the text that would show the page's date as a header line


def with_masthead_date(text: str, masthead: list[str]) -> str:
    """The text with the first full date of its masthead lines ("July 22, 2026 | Flash Brief") put
    before it as a line of its own: the page's date, a date of the text as a text brief's header
    line is (the structure stage blanks it as the header, the times stage lists it), and every
    offset then indexes the text the record holds. Unchanged when the top of the text gives that
    day already or the masthead has no full date."""
    found = next(((line[s:e], day) for line in masthead for s, e, day in find_full_dates(line)), None)
    if found is None:
        return text
    top = "\n".join(text.split("\n")[:TOP_LINES * 2])
    if any(day == found[1] for _, _, day in find_full_dates(top)):
        return text
    return f"{found[0]}\n\n{text}"


_RELATED_MARK = re.compile(r"related|further[-_ ]?reading|read[-_ ]?more|see[-_ ]?also|recommended", re.I)


def page_tree(html: str) -> Any:
    """The page's lxml tree, or None when lxml cannot read it (it raises several types on garbage)."""
    import lxml.html

    try:
        return lxml.html.document_fromstring(html)
    except Exception:
        return None


def related_links(page: Any) -> list[dict[str, str | None]]:
    """Further-reading links a page (its text or `page_tree`) lists apart from the article (an
    aside or a block marked "related"), which article extraction leaves out."""
    root = page_tree(page) if isinstance(page, str) else page
    if root is None:
        return []
    out: list[dict[str, str | None]] = []
    for el in root.iter("aside", "section", "div", "ul", "nav"):
        marks = " ".join(str(el.get(a) or "") for a in ("class", "id", "aria-label"))
        heading = next((h.text_content() for h in el.iter("h2", "h3", "h4") if h is not None), "")
        if not (_RELATED_MARK.search(marks) or _RELATED_MARK.match(heading.strip())):
            continue
        for a in el.iter("a"):
            title = " ".join(a.text_content().split())
            if len(title.split()) >= 3 and not any(r["title"] == title for r in out):
                out.append({"title": title, "url": a.get("href") or None})
        if out:
            break
    return out


# characters XML (so lxml) refuses in a tree: C0 controls but tab and newlines, DEL, non-characters
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), paragraphs kept apart."""
    import lxml.html

    fragment = _NOT_XML.sub("", fragment)  # lxml refuses them when paragraph breaks are added (ValueError)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on garbage; treat as plain text
        return fragment
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr", "pre"}
    for el in root.iter():
        if el.tag in blocks:
            el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
