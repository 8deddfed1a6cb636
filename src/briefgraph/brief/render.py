"""A drafted brief as Markdown, plain text, HTML or JSON.

Every form has the shape of the briefs briefgraph reads (date and genre line,
title, sections, related reading, "Issues:" tags), so that `briefgraph extract`
finds its structure again; footnotes come last, each with the source document,
its date and the exact evidence span (character offsets into its text).
"""

from __future__ import annotations

import json
from html import escape

from . import dates
from .model import Brief, Note, Sentence

FORMATS = ("md", "text", "html", "json")


def _note_line(note: Note) -> str:
    day = dates.start_day(note.published)
    when = dates.long_date(day) if day else (note.published or "undated")
    return f"“{note.document},” {when}, characters {note.start}–{note.end}: “{note.text}”"


def _related_line(item) -> str:
    return f"“{item.title},” {item.label}"


def _marks(sentence: Sentence, style: str) -> str:
    if style == "md":
        return "".join(f"[^{n}]" for n in sentence.notes)
    return "".join(f" [{n}]" for n in sentence.notes)


def to_markdown(brief: Brief) -> str:
    out = [f"{brief.date_line} | {brief.genre}", "", f"# {brief.title}", ""]
    for section in brief.sections:
        out += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            out += [" ".join(s.text + _marks(s, "md") for s in paragraph), ""]
    out += ["## Related Reading", ""]
    for item in brief.related:
        label = _related_line(item)
        out.append(f"- [{label}]({item.url})" if item.url else f"- {label}")
    out += ["", f"Issues: {', '.join(brief.tags)}", "", "---", ""]
    out += [f"[^{n.number}]: {_note_line(n)}" for n in brief.notes]
    return "\n".join(out) + "\n"


def to_text(brief: Brief) -> str:
    out = [f"{brief.date_line} | {brief.genre}", "", brief.title, ""]
    for section in brief.sections:
        out += [section.heading, ""]
        for paragraph in section.paragraphs:
            out += [" ".join(s.text + _marks(s, "text") for s in paragraph), ""]
    out += ["Related Reading", ""]
    out += [_related_line(item) for item in brief.related]
    out += ["", "Issues:", "", ", ".join(brief.tags), "", "Notes", ""]
    out += [f"[{n.number}] {_note_line(n)}" for n in brief.notes]
    return "\n".join(out) + "\n"


def to_html_fragment(brief: Brief, link_documents: str | None = None) -> str:
    """The brief as an <article> (every text escaped). `link_documents`, e.g. "/reader/{id}",
    links each footnote to the document in the reader."""
    parts = ['<article class="brief">',
             f'<p class="dateline">{escape(brief.date_line)} | {escape(brief.genre)}</p>',
             f"<h1>{escape(brief.title)}</h1>"]
    for section in brief.sections:
        parts.append(f'<section class="brief-{escape(section.kind)}"><h2>{escape(section.heading)}</h2>')
        for paragraph in section.paragraphs:
            tag = "blockquote" if section.kind == "analysis" else "p"
            sentences = []
            for s in paragraph:
                marks = "".join(f'<sup><a href="#fn{n}" id="ref{n}-{i}">{n}</a></sup>'
                                for i, n in enumerate(s.notes))
                sentences.append(f"{escape(s.text)}{marks}")
            parts.append(f"<{tag}>{' '.join(sentences)}</{tag}>")
        parts.append("</section>")
    parts.append('<section class="brief-related"><h2>Related Reading</h2><ul>')
    for item in brief.related:
        href = link_documents.format(id=item.document_id) if link_documents else item.url
        label = escape(_related_line(item))
        parts.append(f'<li><a href="{escape(href)}">{label}</a></li>' if href else f"<li>{label}</li>")
    parts.append("</ul></section>")
    parts.append(f'<p class="issues"><strong>Issues:</strong> {escape(", ".join(brief.tags))}</p>')
    parts.append('<section class="brief-notes"><h2>Notes</h2><ol>')
    for n in brief.notes:
        day = dates.start_day(n.published)
        when = dates.long_date(day) if day else (n.published or "undated")
        doc = escape(n.document)
        if link_documents:
            href = link_documents.format(id=n.document_id) + f"#span-{n.start}-{n.end}"
            doc = f'<a href="{escape(href)}">{doc}</a>'
        parts.append(f'<li id="fn{n.number}">“{doc},” {escape(when)}, characters {n.start}–{n.end}: '
                     f'<q>{escape(n.text)}</q></li>')
    parts.append("</ol></section></article>")
    return "\n".join(parts)


HTML_STYLE = ("body{font:17px/1.55 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1d232b}"
              "h1{font-size:1.7rem;line-height:1.25}h2{font-size:1.15rem;margin-top:2rem}"
              ".dateline{color:#5a6472;font:14px system-ui,sans-serif}sup a{text-decoration:none}"
              "blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #c8d1dc}"
              ".brief-notes{font-size:.85rem;color:#3d4650}")


def to_html(brief: Brief) -> str:
    """A standalone HTML document (for download)."""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{escape(brief.title)}</title><style>{HTML_STYLE}</style></head><body>\n"
            f"{to_html_fragment(brief)}\n</body></html>\n")


def to_json(brief: Brief) -> str:
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render(brief: Brief, format: str = "md") -> str:
    """The brief in one of FORMATS (md, text, html, json)."""
    renderers = {"md": to_markdown, "markdown": to_markdown, "text": to_text, "txt": to_text,
                 "html": to_html, "json": to_json}
    if format not in renderers:
        from .errors import BriefError

        raise BriefError(f"format: {format!r} is not one of {', '.join(FORMATS)}")
    return renderers[format](brief)
