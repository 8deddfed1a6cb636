"""RSS and Atom feeds: one document per entry. An entry with no text is a
Failure naming the entry; the others go on."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..records import Failure, RawDocument
from .dates import iso_date, struct_time_date
from .html import html_fragment_to_text


def read_feed(data: bytes, source: str) -> Iterator[RawDocument | Failure]:
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except ValueError as exc:  # feedparser's own crash on "&#x110000;" (a character beyond Unicode)
        raise InputError(source, f"not a readable RSS/Atom feed ({exc})") from exc
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        raise InputError(source, f"not a readable RSS/Atom feed{f' ({why})' if why else ''} "
                                 "or a feed with no entries")
    for n, entry in enumerate(entries, start=1):
        where = f"{source}#entry{n}"
        html = ""
        if entry.get("content"):
            html = max((c.get("value") or "" for c in entry["content"]), key=len)
        html = html or entry.get("summary") or entry.get("description") or ""
        text = html_fragment_to_text(html) if "<" in html else html.strip()
        if not text.strip():
            broken = parsed.get("bozo_exception")
            yield Failure(where, "feed entry has no text" + (f" (malformed feed: {broken})" if broken else ""))
            continue
        published = (struct_time_date(entry.get("published_parsed"))
                     or struct_time_date(entry.get("updated_parsed"))
                     or iso_date(entry.get("published")))
        yield RawDocument(
            text=text,
            source=entry.get("link") or where,
            format="feed",
            input_id=entry.get("id") or None,
            title=(entry.get("title") or "").strip() or None,
            published=published,
            url=entry.get("link") or None,
            author=entry.get("author") or None,
            tags=[t.get("term") for t in entry.get("tags") or [] if t.get("term")],
        )
