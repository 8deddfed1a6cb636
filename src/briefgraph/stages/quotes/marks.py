"""Quotation marks: where quoted stretches open and close, paragraph by paragraph.

News text mixes straight and curly marks (even within one quote: `“We lost three
brave souls," Biden said`), nests single or curly marks inside straight ones,
and leaves marks unbalanced (a multi-paragraph quote opens every paragraph and
closes only on the last; a related-reading list keeps only closing marks). So
marks are read by their position against the letters around them, paired with a
stack per paragraph, and an odd mark never reaches past its own paragraph.

`quoted_stretches` is the coarser reading the times stage uses to tell the
speaker's words from the narrator's: it also reads TeX-style ``...'' marks
(wire corpora) and pairs an opening mark with the next closing one, even in a
later paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

DOUBLE_MARKS = "“”\"„«»"
SINGLE_OPENING = "‘'"
SINGLE_CLOSING = "’'"
_OPENERS_BEFORE = "([{—–-/ \t\u00a0"  # what may stand right before an opening mark
MAX_SINGLE_QUOTE_CHARS = 600
MAX_STRETCH_CHARS = 3000
_STRETCH_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))(?:“|\"|``)(?=\S)", re.MULTILINE)
_STRETCH_CLOSE = re.compile(r"(?<=\S)(?:”|\"|'')(?=[\s,.;:!?)\]—–-]|$)", re.MULTILINE)


@dataclass
class MarkedSpan:
    """One quoted stretch: `start`/`end` bound the text inside the marks."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when the paragraph ends first
    line_start: int
    line_end: int
    single: bool = False  # in single marks (‘…’ or '…') rather than double ones

    @property
    def after(self) -> int:
        """Offset just past the closing mark (the paragraph end for an unclosed quote)."""
        return self.close_at + 1 if self.close_at is not None else self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped: one paragraph a line."""
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return out


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every top-level quoted stretch of `text`, in order of position."""
    spans: list[MarkedSpan] = []
    for line_start, line_end in paragraphs(text):
        doubles = _double_spans(text, line_start, line_end)
        spans.extend(doubles)
        spans.extend(_single_spans(text, line_start, line_end, doubles))
    spans.sort(key=lambda s: s.start)
    return [s for s in spans if s.end > s.start]


def _role(text: str, i: int, line_start: int, line_end: int) -> str:
    """'open', 'close' or 'either' for the double mark at offset i."""
    ch = text[i]
    prev = text[i - 1] if i > line_start else " "
    nxt = text[i + 1] if i + 1 < line_end else " "
    prev_open = i == line_start or prev in _OPENERS_BEFORE or prev.isspace()
    next_space = nxt.isspace()
    if ch in "“„«":
        if i > line_start and not prev_open and (next_space or i + 1 >= line_end):
            return "close"  # a curly opening mark used to close: `dropped out“`
        return "open"
    if ch in "”»":
        if i == line_start or (prev_open and not next_space):
            return "open"  # a closing mark used to open: `”What is ...`
        return "close"
    if prev_open and not next_space:
        return "open"
    if not prev_open and (next_space or i + 1 >= line_end or not nxt.isalnum()):
        return "close"
    return "either"


def _double_spans(text: str, line_start: int, line_end: int) -> list[MarkedSpan]:
    spans: list[MarkedSpan] = []
    stack: list[int] = []
    for i in range(line_start, line_end):
        ch = text[i]
        if ch not in DOUBLE_MARKS:
            continue
        role = _role(text, i, line_start, line_end)
        if role == "either":
            role = "close" if stack else "open"
        if role == "open" and stack and ch == '"' and text[stack[-1]] == '"':
            role = "close"  # straight marks cannot nest inside straight ones
        if role == "open":
            stack.append(i)
            continue
        if not stack:
            continue  # a stray closing mark (a title cut from its opening, a typo)
        opened = stack.pop()
        if not stack:
            spans.append(_trimmed(text, opened, i, line_start, line_end))
    if stack:
        spans.append(_trimmed(text, stack[0], None, line_start, line_end))
    return spans


def _trimmed(text: str, opened: int, closed: int | None, line_start: int, line_end: int,
             single: bool = False) -> MarkedSpan:
    start, end = opened + 1, closed if closed is not None else line_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return MarkedSpan(start, end, opened, closed, line_start, line_end, single)


def _single_spans(text: str, line_start: int, line_end: int, doubles: list[MarkedSpan]) -> list[MarkedSpan]:
    """Single-mark quotes outside double ones: ‘…’ (and '…' where it cannot be an apostrophe)."""
    blocked = [(d.open_at, d.after) for d in doubles]
    spans: list[MarkedSpan] = []
    i = line_start
    while i < line_end:
        ch = text[i]
        if ch in SINGLE_OPENING and not _inside(i, blocked) and _single_opens(text, i, line_start, line_end):
            close = _single_close(text, i, line_end, blocked)
            if close is not None:
                spans.append(_trimmed(text, i, close, line_start, line_end, single=True))
                i = close + 1
                continue
        i += 1
    return spans


def _inside(i: int, blocked: list[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in blocked)


def _single_opens(text: str, i: int, line_start: int, line_end: int) -> bool:
    prev = text[i - 1] if i > line_start else " "
    nxt = text[i + 1] if i + 1 < line_end else " "
    if not (i == line_start or prev.isspace() or prev in "([{—–-/\"“"):
        return False
    if not (nxt.isalpha() or nxt in "…."):
        return False  # '90s, ' em-dash, a lone mark
    if text[i + 1:i + 3].lower() in ("em", "n'", "n’") and not text[i + 3:i + 4].isalpha():
        return False  # 'em, rock 'n' roll
    return True


def _single_close(text: str, i: int, line_end: int, blocked: list[tuple[int, int]]) -> int | None:
    limit = min(line_end, i + MAX_SINGLE_QUOTE_CHARS)
    for j in range(i + 2, limit):
        ch = text[j]
        if ch not in SINGLE_CLOSING or _inside(j, blocked):
            continue
        nxt = text[j + 1] if j + 1 < line_end else " "
        prev = text[j - 1]
        if nxt.isalnum():
            continue  # an apostrophe: don’t, Russia’s, o’clock
        if prev.isspace():
            continue
        return j
    return None


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """(opening mark, just past the closing mark) of each stretch between an opening
    and the next closing quotation mark, told apart by the characters around them
    (texts mix curly, straight and `` '' marks); at most MAX_STRETCH_CHARS long."""
    opens = [m.start() for m in _STRETCH_OPEN.finditer(text)]
    closes = [m.end() for m in _STRETCH_CLOSE.finditer(text)]
    spans: list[tuple[int, int]] = []
    pos = 0
    for start in opens:
        if start < pos:
            continue
        at = bisect_right(closes, start + 1)
        end = closes[at] if at < len(closes) else None
        if end is None or end - start > MAX_STRETCH_CHARS:
            continue
        spans.append((start, end))
        pos = end
    return spans


def line_after(text: str, offset: int) -> tuple[int, int] | None:
    """(start, end) of the next non-blank line from `offset`, stripped."""
    pos = offset
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            return (pos + lead, pos + lead + len(line.strip()))
        if nl < 0:
            break
        pos = nl + 1
    return None


def line_before(text: str, offset: int) -> tuple[int, int] | None:
    """(start, end) of the previous non-blank line before the line starting at `offset`."""
    end = text.rfind("\n", 0, offset)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip():
            lead = len(line) - len(line.lstrip())
            return (start + lead, start + lead + len(line.strip()))
        end = start - 1
    return None
