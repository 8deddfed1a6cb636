"""Markdown: headings, quotes, lists and links become plain text whose lines the
structure stage reads; the first `# ` heading is the title, `##` headings are
section headings, and links are kept (for related reading)."""

from __future__ import annotations

import re

from ..records import RawDocument

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\3(?![\w*])")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_FOOTNOTE_REF = re.compile(r"(?<=\S)\[\^[^\]\s]{1,20}\]")


def markdown_to_text(markdown: str) -> tuple[str, str | None, list[str], list[dict[str, str | None]]]:
    """Return (plain text, title, section headings, links) of a Markdown document."""
    lines_out: list[str] = []
    title: str | None = None
    headings: list[str] = []
    links: list[dict[str, str | None]] = []
    in_code = False
    for line in markdown.replace("\r\n", "\n").split("\n"):
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            lines_out.append(line)
            continue
        if _RULE.match(line):
            lines_out.append("")
            continue
        m = _HEADING.match(line)
        if m:
            text = _inline(m.group(2), links)
            if len(m.group(1)) == 1 and title is None:
                title = text
            else:
                headings.append(text)
            lines_out.append(text)
            continue
        line = _QUOTE.sub("", line)
        line = _QUOTE.sub("", line)
        line = _LIST.sub("", line)
        lines_out.append(_inline(line, links))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines_out)).strip()
    return text, title, headings, links


def _inline(text: str, links: list[dict[str, str | None]]) -> str:
    def link(m: re.Match[str]) -> str:
        label = m.group(1).strip()
        if label and not m.group(0).startswith("!"):
            links.append({"title": label, "url": m.group(2) or None})
        return label

    text = _FOOTNOTE_REF.sub("", text)  # footnote references ("[^1]"); their definitions are furniture
    text = _LINK.sub(link, text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    for _ in range(2):
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    return text.replace("\\", "") if "\\" in text and not re.search(r"\\\w", text) else text


def read_markdown(text: str, source: str) -> RawDocument:
    plain, title, headings, links = markdown_to_text(text)
    return RawDocument(text=plain, source=source, format="markdown", title=title,
                       headings=headings, links=links)
