"""Structure stage: title, publication date, genre, sections, related reading, tags,
and the page furniture to leave out of the analysed text.

It works on lines: briefs, press releases and wire stories put one paragraph on
a line, and what a line is (a header, a heading, a related-reading item, the
tag line) shows in its shape. Furniture is blanked with spaces in
`analysed_text`, so every offset still points into the record's `text`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..knowledge import Knowledge
from ..knowledge.tagwords import TagVocabulary
from ..records import Analysis, DocumentInfo, Related, Section, text_id
from ..truecase import caseless, restore_case
from .page_header import (
    DATELINE,
    SENTENCE_END,
    TOP_LINES,
    Line,
    closing_date,
    dateline_date,
    dateline_spans,
    masthead_genre,
    read_header,
)
from .tags import split_tags

MAX_TITLE_WORDS = 25
MAX_HEADING_WORDS = 14

_CLOSE_QUOTES = "”\"’'"
_TAG_LABEL = re.compile(
    r"^(?:issues|topics|tags|filed under|keywords|related topics|subjects?|categories)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE)
_RELATED_HEADING = re.compile(
    r"^(?:further reading|related(?: reading| analysis| articles| content| coverage| stories)?|"
    r"read more|also read|read also|see also|more on this(?: topic)?|recommended(?: reading)?)\s*:?$", re.IGNORECASE)
_RELATED_INLINE = re.compile(
    r"^(?:further reading|related(?: reading| analysis| articles| story| stories)?|read more|also read|read also|"
    r"see also)\s*:\s*(?P<rest>\S.{4,})$",
    re.IGNORECASE)
_RELATED_ITEM = re.compile(
    r"^[“\"]?(?P<title>[^“”\"]{6,}?)[,.;]?[”\"]\s*,?\s*(?:(?:by|By)\s+(?P<author>[^“”\"]{3,80})|"
    r"(?P<outlet>[A-Z][^“”\".!?,]{1,60}))$")
_PROSE_END = re.compile(r"[.!?][”\"’')]*$")
_ATTRIBUTION = re.compile(r"^\s*[—–-]{1,2}\s*\S")



def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, Any]]:
    """The structure stage for this knowledge (genre labels, furniture, tags)."""
    return lambda doc: find_structure(doc, knowledge)


def find_structure(doc: Analysis, knowledge: Knowledge | None = None) -> dict[str, Any]:
    """Title, date, genre, sections, related, tags, datelines and furniture of one document
    (with the shipped knowledge unless another is given)."""
    knowledge = knowledge or Knowledge.default()
    layout, vocab = knowledge.layout, knowledge.tags
    raw, text = doc.raw, doc.text
    layout_text = _likely_case(text, knowledge)
    lines = _split_lines(layout_text)
    genres = layout.genres
    furniture = _furniture_lines(lines, layout.furniture)

    header, genre, published = read_header(lines, furniture, genres)
    title_line = _find_title(lines, furniture, header, raw.title)
    title = raw.title or (_original(title_line, text) if title_line else None)

    tag_lines, tags = _find_tags(lines, raw.tags, vocab)
    body_end = tag_lines[0] if tag_lines else len(lines)
    related_idx, related = _find_related(lines, furniture, body_end, raw.links)
    if not related and raw.related:
        related = [Related(title=str(r["title"]), url=r.get("url")) for r in raw.related if r.get("title")]
    sections = _sections(lines, furniture, header, title_line, related_idx, tag_lines, raw.headings)
    if layout_text is not text:
        headings = {line.text: _original(line, text) for line in lines}
        sections = [replace(s, heading=headings.get(s.heading, s.heading) if s.heading else s.heading)
                    for s in sections]

    datelines = dateline_spans(layout_text)
    published = raw.published or published or dateline_date(layout_text, datelines)
    closing = None if published else closing_date(lines, furniture | set(related_idx), body_end)
    if closing is not None:
        published = closing[1]
    signature = {closing[0]} if closing else set()
    blank = [(lines[i].start, lines[i].end) for i in sorted(furniture | set(header) | signature)]
    analysed = list(text)
    for start, end in blank:
        analysed[start:end] = " " * (end - start)
    info = DocumentInfo(
        id=text_id(text),
        source=raw.source,
        title=title,
        published=published,
        genre=raw.genre or genre or masthead_genre(raw.masthead, genres),
        sections=sections,
        tags=tags,
        related=related,
        url=raw.url,
        input_id=raw.input_id,
        format=raw.format,
        furniture=blank,
        datelines=datelines,
    )
    return {"document": info, "analysed_text": "".join(analysed)}


def _likely_case(text: str, knowledge: Knowledge) -> str:
    """A text all in lower case or in capitals is read in its likely case (same length): its
    header date, title, headings and datelines show in capitals (briefgraph/truecase.py)."""
    return restore_case(text, knowledge.case_lexicon()) if caseless(text) else text


def _original(line: Line, text: str) -> str:
    """The line as the text writes it (the layout may be read in another case)."""
    return text[line.start:line.end].strip()


def _split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        if stripped:
            lead = len(raw_line) - len(raw_line.lstrip())
            lines.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw_line) + 1
    return lines


def _furniture_lines(lines: list[Line], patterns: tuple[re.Pattern[str], ...]) -> set[int]:
    """Indexes of lines that are page furniture: known patterns, and short lines that
    repeat an earlier one (a page header printed twice)."""
    seen: set[str] = set()
    out: set[int] = set()
    for i, line in enumerate(lines):
        key = line.text.lower()
        if any(p.fullmatch(line.text) for p in patterns):
            out.add(i)
        elif key in seen and len(line.words) <= MAX_TITLE_WORDS and not SENTENCE_END.search(line.text):
            out.add(i)
        seen.add(key)
    return out


def _is_title_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > MAX_TITLE_WORDS or len(text) > 220 or text.endswith((":", ",")):
        return False
    if DATELINE.match(text) or _ATTRIBUTION.match(text):
        return False
    if text[-1] in ".!?":  # a sentence in capitals ends with a full stop; a headline in capitals does not
        return not (text[-1] == "." and text.isupper()) and _title_case_ratio(words) >= 0.6
    return True


def _title_case_ratio(words: list[str]) -> float:
    long = [w.strip("“”\"'‘’(),") for w in words if len(w.strip("“”\"'‘’(),")) > 3]
    if not long:
        return 1.0
    return sum(1 for w in long if w[:1].isupper() or w[:1].isdigit()) / len(long)


def _find_title(lines: list[Line], furniture: set[int], header: list[int],
                hint: str | None) -> Line | None:
    """The title line: the line the page's own title names (`hint`, which may come after a
    label such as "Media release"), else the first line at the top that reads like a title,
    or the headline under an issuer's name ("Council of the EU" / "Press release" / date /
    "Belarus: Council sanctions 14 individuals ...")."""
    top = [i for i in range(min(len(lines), TOP_LINES + 2)) if i not in furniture and i not in header]
    if hint:
        return next((lines[i] for i in top if _same_text(lines[i].text, hint)), None)
    if not top or not _heads_title(lines, furniture, top[0]):
        return None
    first = lines[top[0]]
    if len(top) > 1 and _is_issuer_name(first.text) and _heads_title(lines, furniture, top[1]) \
            and not _is_issuer_name(lines[top[1]].text):
        return lines[top[1]]
    return first


def _heads_title(lines: list[Line], furniture: set[int], i: int) -> bool:
    heads_something = any(j not in furniture for j in range(i + 1, len(lines)))
    return heads_something and _is_title_like(lines[i].text)


_NAME_GLUE = frozenset({"of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "to", "at", "&"})


def _is_issuer_name(text: str) -> bool:
    """A short line of capitalised words only, an organisation's name ("Council of the EU",
    "International Committee of the Red Cross (ICRC)"): no headline in sentence case."""
    words = [w.strip("()[],.") for w in text.split()]
    words = [w for w in words if w]
    if not words or len(words) > 8 or SENTENCE_END.search(text):
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_GLUE for w in words)


def _same_text(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return norm(a) == norm(b)


def _find_tags(lines: list[Line], hinted: list[str], vocab: TagVocabulary) -> tuple[list[int], list[str]]:
    """The tag line ("Issues: ...", or the label alone with the tags on the next line)."""
    for i in range(len(lines) - 1, -1, -1):
        m = _TAG_LABEL.match(lines[i].text)
        if not m:
            continue
        rest = m.group("rest").strip()
        if rest:
            return [i], _merge_tags(hinted, split_tags(rest, vocab))
        if i + 1 < len(lines) and len(lines[i + 1].words) <= 40:
            return [i, i + 1], _merge_tags(hinted, split_tags(lines[i + 1].text, vocab))
    return [], list(hinted)


def _merge_tags(first: list[str], second: list[str]) -> list[str]:
    seen, out = set(), []
    for tag in [*first, *second]:
        if tag.lower() not in seen:
            seen.add(tag.lower())
            out.append(tag)
    return out


def _find_related(lines: list[Line], furniture: set[int], body_end: int,
                  links: list[dict[str, str | None]]) -> tuple[list[int], list[Related]]:
    """Further-reading items: the lines under a "Further reading" heading, or the run
    of `Title,” by Author` / `Title,” Outlet` lines closing the body."""
    indexes = sorted({j for i in range(body_end) if _RELATED_HEADING.match(lines[i].text)
                      for j in _heading_run(lines, i, furniture, body_end)}
                     | {i for i in range(body_end) if _RELATED_INLINE.match(lines[i].text)})
    if not indexes:
        j = body_end - 1
        while j >= 0 and (j in furniture or _related_item(lines[j].text)):
            j -= 1
        indexes = [k for k in range(j + 1, body_end) if k not in furniture]
    items: list[Related] = []
    for i in indexes:
        if _RELATED_HEADING.match(lines[i].text):
            continue
        inline = _RELATED_INLINE.match(lines[i].text)
        text = inline.group("rest") if inline else lines[i].text
        item = _related_item(text) or Related(title=_strip_byline(text))
        url = next((ln["url"] for ln in links if ln.get("title") and _same_text(str(ln["title"]), item.title)), None)
        if url is None:
            url = next((ln["url"] for ln in links if ln.get("title") and ln["title"] in text), None)
        item.url = url
        items.append(item)
    return indexes, items


def _heading_run(lines: list[Line], i: int, furniture: set[int], body_end: int) -> list[int]:
    """A related-reading heading and the item lines under it, up to the first prose
    paragraph: a "READ MORE:" line mid-story lists one or two titles, then the story goes on."""
    run = [i]
    for j in range(i + 1, body_end):
        if j in furniture:
            continue
        if _prose_paragraph(lines[j].text) or _RELATED_HEADING.match(lines[j].text):
            break
        run.append(j)
    return run


def _prose_paragraph(text: str) -> bool:
    """A story paragraph, not a listed title: a sentence ending in a full stop (titles
    seldom do), or a long one ending in any sentence mark."""
    words = text.split()
    if not _PROSE_END.search(text) or _related_item(text) is not None:
        return False
    return len(words) > MAX_HEADING_WORDS or (len(words) >= 8 and text.rstrip(_CLOSE_QUOTES).endswith("."))


def _related_item(text: str) -> Related | None:
    if len(text.split()) > 40:
        return None
    m = _RELATED_ITEM.match(text)
    if not m:
        return None
    outlet = m.group("outlet")
    if outlet and (len(outlet.split()) > 6 or _title_case_ratio(outlet.split()) < 0.99):
        return None
    author = m.group("author")
    if author and len(author.split()) > 8:
        return None
    title = m.group("title").strip().rstrip(",;").lstrip("“\"")
    return Related(title=title, author=author.strip() if author else None)


def _strip_byline(text: str) -> str:
    text = re.sub(r"\s+(?:by|By)\s+[A-Z][\w.' -]{2,60}$", "", text)
    text = re.sub(r"\s+[—–|-]\s+[^—–|-]{2,60}$", "", text)
    return text.strip(" “”\"").rstrip(",")


def _runs(indexes: list[int], furniture: set[int]) -> list[tuple[int, int]]:
    """First and last index of each run of consecutive lines (furniture between them joins a run)."""
    runs: list[tuple[int, int]] = []
    for i in sorted(indexes):
        if runs and all(k in furniture for k in range(runs[-1][1] + 1, i)):
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _is_heading(lines: list[Line], i: int, hinted: set[str]) -> bool:
    line = lines[i]
    if line.text.lower() in hinted:
        return True
    words = line.words
    if len(words) > MAX_HEADING_WORDS or len(line.text) > 120:
        return False
    if line.text[-1] in ".!?:;,”\"’)" or _ATTRIBUTION.match(line.text) or DATELINE.match(line.text):
        return False
    if _title_case_ratio(words) < 0.75 or not line.text[0].isupper():
        return False
    if i > 0 and lines[i - 1].text[-1:] in _CLOSE_QUOTES and "," in line.text:
        return False  # "Name, Title" under a block quote is its attribution
    if i + 1 >= len(lines):
        return False
    nxt = lines[i + 1].text
    return len(nxt.split()) > MAX_HEADING_WORDS or bool(SENTENCE_END.search(nxt)) or nxt[-1:] in _CLOSE_QUOTES


def _sections(lines: list[Line], furniture: set[int], header: list[int], title_line: Line | None,
              related: list[int], tag_lines: list[int], hinted_headings: list[str]) -> list[Section]:
    """Sections in reading order, each running to the line before the next one."""
    hinted = {h.lower() for h in hinted_headings}
    starts: list[tuple[int, str | None, str]] = []  # (line index, heading, kind)
    title_idx = lines.index(title_line) if title_line is not None else -1
    top = [i for i in [*header, title_idx] if i >= 0]
    if top:
        starts.append((min(top), title_line.text if title_line else None, "header"))
    body_from = max(top) + 1 if top else 0
    special = set(related) | set(tag_lines) | furniture
    first_body = next((i for i in range(body_from, len(lines)) if i not in special), None)
    if first_body is not None and not _is_heading(lines, first_body, hinted):
        starts.append((first_body, None, "body"))
    for i in range(body_from, len(lines)):
        if i not in special and _is_heading(lines, i, hinted):
            starts.append((i, lines[i].text, "body"))
    for first, last in _runs(related, furniture):
        heading = lines[first].text if _RELATED_HEADING.match(lines[first].text) else None
        starts.append((first, heading, "related"))
        after = next((k for k in range(last + 1, len(lines)) if k not in furniture), None)
        if after is not None and after not in special and all(s[0] != after for s in starts):
            starts.append((after, None, "body"))  # the story goes on after a related-reading line
    if tag_lines:
        starts.append((tag_lines[0], lines[tag_lines[0]].text.split(":")[0], "tags"))
    starts.sort(key=lambda s: (s[0], s[1] is not None, s[1] or "", s[2]))  # a heading may be None
    sections = []
    for n, (i, heading, kind) in enumerate(starts):
        last = (starts[n + 1][0] if n + 1 < len(starts) else len(lines)) - 1
        while last > i and last in furniture:
            last -= 1
        sections.append(Section(heading=heading, start=lines[i].start, end=lines[last].end, kind=kind))
    return sections
