"""JSON Lines: one document a line, `{"id", "text", "title", "published", "url"}`,
only `text` required. A bad line is a Failure naming the line; the others go on."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..records import Failure, RawDocument
from .dates import iso_date


def read_jsonl(text: str, source: str) -> Iterator[RawDocument | Failure]:
    """The documents of a JSON Lines text held in memory."""
    yield from read_jsonl_lines(enumerate(text.splitlines(), start=1), source)


def read_jsonl_lines(lines: Iterable[tuple[int, str]], source: str) -> Iterator[RawDocument | Failure]:
    """The documents of numbered JSON lines, read as they come (a file is never loaded whole)."""
    for lineno, line in lines:
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield Failure(where, "a JSON Lines document must be an object with a \"text\" field")
            continue
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield Failure(where, "no \"text\" field with the document's text")
            continue
        published = obj.get("published")
        yield RawDocument(
            text=body,
            source=str(obj.get("url") or where),
            format="jsonl",
            input_id=str(obj["id"]) if obj.get("id") is not None else None,
            title=_str(obj.get("title")),
            published=iso_date(published) if isinstance(published, str) else None,
            url=_str(obj.get("url")),
            author=_str(obj.get("author")),
            tags=_tags(obj.get("tags")),
        )


def _tags(value: object) -> list[str]:
    """A line's tags: a list of strings (other items skipped) or one string; anything else none."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [t for t in value if isinstance(t, str)] if isinstance(value, list) else []


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
