"""From selected events and quotes to the brief's sections and footnotes.

Sentences are built from the events' structured fields with the templates, never
copied from a source: the source's words appear only in the footnotes, as the
evidence span. Latest Developments holds the events of the last weeks before the
newest one; the earlier ones become one or two background sections told as a
narrative in date order with relative dates.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from ..store import Store
from . import dates, select, templates
from .model import Brief, Note, RelatedItem, Section, Sentence

LATEST_WINDOW_DAYS = 30
QUOTE_WORDS = 40
MAX_LATEST = 5
MAX_BACKGROUND = 12
PARAGRAPH_SENTENCES = 4
SPLIT_GAP_DAYS = 60
SAME_DAY = ("That day", "The same day", "Later that day")
SMALL_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


class Namer:
    """Actors' names as a brief writes them: the first mention with its role
    ("Russian Deputy Foreign Minister Mikhail Bogdanov"), later ones short ("Bogdanov")."""

    def __init__(self, store: Store):
        self.store = store
        self.info: dict[str, dict[str, Any] | None] = {}
        self.seen: set[str] = set()

    def _info(self, name: str) -> dict[str, Any] | None:
        if name not in self.info:
            self.info[name] = select.actor_info(self.store, name)
        return self.info[name]

    def role(self, name: str) -> str | None:
        info = self._info(name)
        roles = [r for r in (info or {}).get("roles") or [] if 0 < len(r.split()) <= 5]
        return max(roles, key=len) if roles else None

    def __call__(self, name: str) -> str:
        info = self._info(name)
        person = bool(info and info["type"] == "PERSON")
        if name in self.seen:
            return name.split()[-1] if person and len(name.split()) > 1 else name
        self.seen.add(name)
        role = self.role(name) if person else None
        if role:
            return f"{role} {name}" if role[:1].isupper() else f"{name}, {role},"
        if info and info["type"] in ("ORG", "GROUP", "GPE") and definite(name):
            return "the " + name
        return name


THE_HEADS = {"Nations", "Union", "Ministry", "Agency", "Council", "Navy", "Army", "Guard", "Force", "Forces",
             "Department", "Office", "Kingdom", "States", "Government", "Organization", "Bank", "Fund", "Commission",
             "Court", "Parliament", "Assembly", "Senate", "Emirates", "Republic", "Coalition", "Alliance",
             "Sea", "Ocean",
             "Gulf", "Strait", "Islands", "Channel", "Bay", "Mountains", "Peninsula", "Desert", "Basin"}


def definite(name: str) -> bool:
    """Names that take "the" in running text: the United Nations, the Ministry of Defence."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    cut = next((i for i, w in enumerate(words) if i and w in ("of", "for", "on")), len(words))
    head = words[cut - 1]
    return words[0] == "United" or head in THE_HEADS


class Notes:
    def __init__(self) -> None:
        self.items: list[Note] = []
        self.keys: dict[tuple[int, int, int], int] = {}

    def add(self, document: str, document_id: int, published: str | None, text: str, start: int, end: int,
            url: str | None) -> int:
        key = (document_id, start, end)
        if key not in self.keys:
            self.items.append(Note(len(self.items) + 1, document, document_id, published, " ".join(text.split()),
                                   start, end, url))
            self.keys[key] = len(self.items)
        return self.keys[key]


def _event_sentence(event: dict[str, Any], when: str | None, namer: Namer, notes: Notes) -> Sentence:
    source = namer(event["source"])
    target = namer(event["target"]) if event["target"] else None
    body = templates.clause(event["plover"], event["cameo"], source, target, event["modality"],
                            event["negated"]).rstrip(",")
    place = event.get("location")
    if place and place not in body:
        body += f" in {'the ' + place if definite(place) else place}"
    text = f"{when}, {body}" if when else body[:1].upper() + body[1:]
    documents = {r["document_id"] for r in event["reports"]}
    if len(documents) > 1:
        count = SMALL_NUMBERS.get(len(documents), str(len(documents)))
        text += f", according to {count} reports"
    numbers = [notes.add(r["document"], r["document_id"], r["published"], r["text"], r["start"], r["end"],
                         r.get("url")) for r in event["reports"]]
    return Sentence(text=text + ".", notes=sorted(set(numbers)), event_id=event["id"], date=event["date"],
                    plover=("not " if event["negated"] else "") + event["plover"])


def _split_background(events: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """One group, or two at the widest gap between events when it is over two months."""
    if len(events) < 4:
        return [events] if events else []
    gaps = []
    for i in range(1, len(events)):
        a, b = dates.start_day(events[i - 1]["date"]), dates.start_day(events[i]["date"])
        if a and b:
            gaps.append(((b - a).days, i))
    if not gaps:
        return [events]
    gap, at = max(gaps)
    if gap < SPLIT_GAP_DAYS or at < 2 or len(events) - at < 2:
        return [events]
    return [events[:at], events[at:]]


def _background_heading(group: list[dict[str, Any]]) -> str:
    first, last = dates.month_year(group[0]["date"]), dates.month_year(group[-1]["date"])
    return f"Background: {first}" if first == last else f"Background: {first} to {last}"


def _narrative(group: list[dict[str, Any]], namer: Namer, notes: Notes) -> list[list[Sentence]]:
    paragraphs: list[list[Sentence]] = []
    previous = None
    for event in group:
        if not paragraphs or len(paragraphs[-1]) >= PARAGRAPH_SENTENCES:
            paragraphs.append([])
            previous = None  # a paragraph opens on a full date
            same = 0
        when = dates.relative(event["date"], previous) if previous else dates.phrase(event["date"])
        if when == "That day":
            when = SAME_DAY[same % len(SAME_DAY)]
            same += 1
        paragraphs[-1].append(_event_sentence(event, when, namer, notes))
        previous = event["date"]
    return paragraphs


def _excerpt(text: str) -> str:
    """The quote's opening sentences up to QUOTE_WORDS words (a brief cites, it does not reprint)."""
    ends = [m.end() for m in re.finditer(r"[.!?][”\"]?(?=\s|$)", text)]
    cut = text
    for end in ends:
        if len(text[:end].split()) > QUOTE_WORDS:
            break
        cut = text[:end]
    if cut is text and ends and len(text.split()) > QUOTE_WORDS:
        cut = text[:ends[0]]
    return cut.rstrip()


def _quote_sentence(quote: dict[str, Any], namer: Namer, notes: Notes) -> Sentence:
    role = namer.role(quote["speaker"])
    raw = _excerpt(quote["text"])
    text = " ".join(raw.split()).strip("“”\" ")
    attribution = f"{quote['speaker']}, {role}" if role else quote["speaker"]
    number = notes.add(quote["document"], quote["document_id"], quote["published"], raw,
                       quote["start"], quote["start"] + len(raw), quote.get("url"))
    return Sentence(text=f"“{text}” {attribution}", notes=[number], speaker=quote["speaker"])


def compose(store: Store, actors: list[str], topic: str | None = None, start: str | None = None,
            end: str | None = None, genre: str = "Flash Brief") -> Brief:
    from .errors import BriefError

    scope = select.resolve(store, actors)
    chosen = select.events(store, scope, start, end, select.topic_documents(store, topic))
    if not chosen:
        period = f" from {start or 'the start'} to {end or 'now'}" if start or end else ""
        about = f" on {topic!r}" if topic else ""
        raise BriefError(f"brief: no dated events involving {' and '.join(scope.names)}{about}{period} in the store")
    newest = dates.start_day(chosen[-1]["date"])
    cutoff = newest - timedelta(days=LATEST_WINDOW_DAYS) if newest else None
    latest = [e for e in chosen if cutoff and (dates.start_day(e["date"]) or cutoff) >= cutoff][-MAX_LATEST:]
    if not latest:
        latest = chosen[-1:]
    earlier = [e for e in chosen if e not in latest][-MAX_BACKGROUND:]
    namer, notes = Namer(store), Notes()
    sections = [Section("Latest Developments", "latest", _narrative(latest, namer, notes))]
    documents = {r["document_id"] for e in chosen for r in e["reports"]}
    picked = select.quotes(store, scope, documents)
    if picked:
        sections.append(Section("Expert Analysis", "analysis",
                                [[_quote_sentence(q, Namer(store), notes)] for q in picked]))
    for group in _split_background(earlier):
        sections.append(Section(_background_heading(group), "background", _narrative(group, namer, notes)))
    top = latest[-1]
    title = templates.headline(top["plover"], top["cameo"], top["source"], top["target"], top["modality"],
                               top["negated"])
    metas = {d: select.document_meta(store, d) for d in sorted({n.document_id for n in notes.items})}
    related = [RelatedItem(title=m["title"] or m["source"], label=m["genre"] or "Source Document", document_id=d,
                           published=m["published"], url=m["url"])
               for d, m in sorted(metas.items(), key=lambda kv: (kv[1]["published"] or "", kv[0]), reverse=True)]
    tags = sorted({t for m in metas.values() for t in m["tags"]}, key=str.lower) or sorted(scope.names)
    day = end_day(end) or max((m["published"] or "")[:10] for m in metas.values()) or (
        newest.isoformat() if newest else "")
    brief_day = dates.start_day(day)
    return Brief(date=day, date_line=dates.long_date(brief_day) if brief_day else day, genre=genre,
                 title=title, actors=scope.names, sections=sections, related=related, tags=tags, notes=notes.items)


def end_day(end: str | None) -> str | None:
    """The last day of the period asked for, as the brief's date."""
    if not end:
        return None
    from ..store.merge import date_range

    return date_range(end)[1]
