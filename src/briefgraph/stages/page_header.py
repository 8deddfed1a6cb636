"""The top of a page: its header lines ("March 4, 2024 | Flash Brief", a lone date, a
genre label, a masthead "Outlet — Local news"), the datelines that open a release or a
wire story ("Geneva, 14 May 2024 –", "BRUSSELS (Reuters) -"), and the page's date and
genre they give. The structure stage (stages/structure.py) reads them first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dateparse import find_full_dates

TOP_LINES = 6  # header, genre and date lines are looked for among the first lines
HEADER_SEPARATORS = re.compile(r"\s+[|•·–—-]\s+")
_RELEASE_DATE = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?"  # "Wednesday 4 March 2026"
                 r"(?:\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})")
_PLACE = r"[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)*"
_PLACES = _PLACE + r"(?:\s*/\s*" + _PLACE + r")*(?:,\s*" + _PLACE + r")*"
_SHORT_DATE = r"[A-Z][a-z]{2,8}\.? \d{1,2}"  # a wire dateline's date without its year: "Nov 4", "Sept. 9"
_WIRE = r"(?:/[A-Za-z ]*Newswire/|\((?:[A-Z]+ )*NEWSWIRE\))"  # "/PRNewswire/", "(GLOBE NEWSWIRE)"
DATELINE = re.compile(
    r"^(?:" + _PLACES + r"(?:,\s*|\s+[-–—]+\s+)"
    + _RELEASE_DATE + r"(?:\s*[-–—]+\s|\s*:\s|\s*$)|"  # "Geneva/Sana’a, 14 May 2024 –", "Suva, Fiji, 3 May 2024:"
    + _PLACES + r"\s*\(" + _RELEASE_DATE + r"\)\s*[-–—]+\s|"  # "TEGUCIGALPA (4 March 2026) –"
    + _PLACES + r",\s*" + _RELEASE_DATE + r"\s*" + _WIRE + r"\s*[-–—]+\s|"  # "CITY, March 4, 2026 /PRNewswire/ --"
    + _PLACES + r"\s*--\s*\([A-Z ]+\)\s*--\s*" + _RELEASE_DATE + r"\s*--\s?|"  # "CITY--(BUSINESS WIRE)--DATE--"
    r"\([A-Z][A-Za-z ]+\)\s*|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*\s*/\s*|"  # (MENAFN) / Shafaq News/
    r"[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][A-Za-z. ]+)*(?:,\s*" + _SHORT_DATE + r")?"  # "MUSCAT, Nov 4 (Reuters) -"
    r"\s*(?:\([A-Za-z .]+\))?\s*[-–—_]+(?:\s|$))")
SENTENCE_END = re.compile(r"[.!?:;,]$")


@dataclass
class Line:
    """A line of the page that is not blank, with its offsets in the text."""

    start: int
    end: int
    text: str  # stripped

    @property
    def words(self) -> list[str]:
        return self.text.split()


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the wire datelines that open lines ("BRUSSELS (Reuters) -"): the
    place a story was filed from, never an actor of its first sentence. Each line is
    matched on its own: `DATELINE`'s "^" does not match at a position after a newline."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        found = DATELINE.match(line)
        if found is not None:
            spans.append((offset, offset + found.end()))
        offset += len(line) + 1
    return spans


def read_header(lines: list[Line], furniture: set[int], genres: dict[str, str],
                 ) -> tuple[list[int], str | None, str | None]:
    """Header lines among the first ones: "DATE | GENRE", a lone date, a lone genre label."""
    header: list[int] = []
    genre = published = None
    for i, line in enumerate(lines[:TOP_LINES]):
        if i in furniture:
            continue
        parts = HEADER_SEPARATORS.split(line.text)
        dates = find_full_dates(line.text)
        labels = [genres.get(p.strip().lower()) for p in parts]
        date_only = _is_date_line(line.text, dates)
        if len(parts) > 1 and dates and any(labels):
            published = published or dates[0][2].isoformat()
            genre = genre or next(lab for lab in labels if lab)
            header.append(i)
        elif date_only:
            published = published or dates[0][2].isoformat()
            header.append(i)
        elif line.text.lower().rstrip(":") in genres and len(line.words) <= 4:
            genre = genre or genres[line.text.lower().rstrip(":")]
            header.append(i)
        elif len(parts) > 1 and dates and len(parts) <= 3 and len(line.words) <= 10:
            published = published or dates[0][2].isoformat()  # "DATE | Some Label"
            genre = genre or next((p.strip() for p in parts if _is_label(p)), None)
            header.append(i)
        elif _masthead_label(parts, labels, line):
            genre = genre or labels[-1]  # "Outlet — Local news"
            header.append(i)
        elif REFERENCE_LINE.fullmatch(line.text):
            header.append(i)  # "No. 045/2026" under "PRESS RELEASE": the release's number, then its date
        elif (header or i > 1) and not _title_over_date_line(lines, i, header):
            break
    return header, genre, published


def _title_over_date_line(lines: list[Line], i: int, header: list[int]) -> bool:
    """The title printed between the genre line and the date line ("PRESS RELEASE" / title /
    "Wed 4 Mar 2026"): the header goes on past it, once."""
    if i + 1 >= min(len(lines), TOP_LINES) or (header and header[-1] != i - 1):
        return False
    below = lines[i + 1].text
    return not SENTENCE_END.search(lines[i].text) and _is_date_line(below, find_full_dates(below))


MAX_MASTHEAD_WORDS = 8
MAX_DATE_LINE_WORDS = 9  # words of a date line besides its dates ("Updated 4:52 PM GMT,")


def dateline_date(text: str, datelines: list[tuple[int, int]]) -> str | None:
    """The date of the first dateline that gives one ("Geneva, 14 May 2024 –"): a release
    that prints no date line of its own is dated by it."""
    for start, end in datelines:
        dates = find_full_dates(text[start:end])
        if dates:
            return dates[0][2].isoformat()
    return None


def masthead_genre(masthead: list[str], genres: dict[str, str]) -> str | None:
    """The first known genre label among the page's masthead lines (readers/html.py)."""
    labels = (genres.get(p.strip().lower()) for line in masthead for p in HEADER_SEPARATORS.split(line))
    return next((label for label in labels if label), None)


_NO_LABEL = re.compile(r"(?i)\s*(?:by\s.*|\d+\s*min(?:ute)?s?(?:\s+read)?|updated\b.*)\s*")


def _is_label(part: str) -> bool:
    """A part of a "DATE | Some Label" line that can be the page's genre: no date, no byline
    ("By Ana Ruiz | March 4, 2026"), no reading time ("March 4, 2026 · 5 min read")."""
    return not find_full_dates(part) and not _NO_LABEL.fullmatch(part)


def _masthead_label(parts: list[str], labels: list[str | None], line: Line) -> bool:
    """A short undated line naming the outlet and then a known genre label: "Valley Courier — Local news"."""
    return (1 < len(parts) <= 3 and labels[-1] is not None and len(line.words) <= MAX_MASTHEAD_WORDS
            and not SENTENCE_END.search(line.text))


_DATE_LINE_NOISE = re.compile(
    r"(?i)\b(?:published|updated|posted|issued|released?|last|date|on|at|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|[ap]\.?m\.?|"
    r"gmt|utc|[ecmp][sd]t|cet|cest|bst)\b|[|,:•·–—-]")


REFERENCE_LINE = re.compile(r"(?:(?:Press )?Release )?(?:No\.|Ref(?:erence)?\.?:?|Number:?)\s*[\w/.-]*\d[\w/.-]*")
BYLINE_END = re.compile(  # "by Ana Ruiz", "by the Ministry of Foreign Affairs."
    r"\s[Bb]y\s+(?:the\s+)?[A-Z][\w.’'-]+(?:\s+(?:[A-Z][\w.’'-]+|of|and|for|the|on)){0,7}\.?\s*$")
CLOSING_LINES = 3  # a statement's signature block ("Ministry of ..." / "Tegucigalpa" / "4 March 2026")
_CLOSING_PLACE = re.compile(r"^" + _PLACE + r"(?:,\s*" + _PLACE + r")*,\s*(?=\S)")


def closing_date(lines: list[Line], skip: set[int], end: int) -> tuple[int, str] | None:
    """The date of a signature block among the last lines before `end` ("4 March 2026",
    "Tegucigalpa, March 4, 2026.", "Issued on 4 March 2026 by the Ministry of ..."): the page's
    date when its top gives none. Returns the line's index and the date."""
    last = [i for i in range(end - 1, -1, -1) if i not in skip][:CLOSING_LINES]
    for i in last:
        text = _CLOSING_PLACE.sub("", lines[i].text).rstrip(".")
        dates = find_full_dates(text)
        if _is_date_line(text, dates):
            return i, dates[0][2].isoformat()
    return None


def _is_date_line(text: str, dates: list) -> bool:
    """A line that only dates the page: "June 12, 2024", "Updated 4:52 PM GMT, July 10, 2024"."""
    if not dates:
        return False
    rest, last = "", 0
    for start, end, _ in dates:  # "Posted: Jun 3, 2026 9:40 AM | Last Updated: Jun 3, 2026 11:05 AM"
        rest, last = rest + text[last:start] + " ", end
    rest = BYLINE_END.sub(" ", rest + text[last:])  # "Posted on March 4th, 2026 by Ana Ruiz"
    return len(rest.split()) <= MAX_DATE_LINE_WORDS and not re.search(r"\w", _DATE_LINE_NOISE.sub(" ", rest))
