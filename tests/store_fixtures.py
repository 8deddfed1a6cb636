"""Hand-built extraction records (spec/record.md shape) and store fixtures for the
store, query, API and export tests.

The texts are written for these tests (realistic wire-story forms about one
story told by two outlets, plus a re-publication of the first); offsets are
computed from the text so that every span points at what it names.
"""

from __future__ import annotations

import os
import uuid
from typing import Any

import pytest

from briefgraph.records import text_id
from briefgraph.store import Store

TEST_DATABASE_URL = os.environ.get("BRIEFGRAPH_TEST_DATABASE_URL",
                                   "postgresql+psycopg://postgres@127.0.0.1:5432/test")

ACTORS = {
    # name: (type, country, code, aliases, roles, kb_id)
    "Russia": ("GPE", "RUS", "RUS", ["Moscow", "Russian government"], [], None),
    "Hamas": ("ORG", "PSE", "PSEREB", ["Hamas delegation"], [], None),
    "Fatah": ("ORG", "PSE", "PSEGOV", [], [], None),
    "Israel": ("GPE", "ISR", "ISR", [], [], None),
    "Mikhail Bogdanov": ("PERSON", "RUS", "RUSGOV", ["Bogdanov"], ["Deputy Foreign Minister"], "Q4289546"),
    "Maria Zakharova": ("PERSON", "RUS", "RUSGOV", ["Zakharova"], ["Foreign Ministry spokeswoman"], None),
    "United Nations": ("ORG", None, "IGOUNO", ["UN"], [], None),
    "Sergei Lavrov": ("PERSON", "RUS", "RUSGOV", ["Lavrov"], ["Foreign Minister"], None),
    "United States": ("GPE", "USA", "USA", ["Washington"], [], None),
    "Anna Kovacs": ("PERSON", None, None, ["Kovacs"], ["fellow at a European think tank"], None),
}

TEXT_A = """Moscow Hosts Palestinian Factions for Unity Talks

February 26, 2024 | Analysis

Russia will host delegations from Palestinian factions, including Hamas and Fatah, in Moscow \
from February 29 to March 2, the Russian Foreign Ministry said on Monday. Deputy Foreign Minister \
Mikhail Bogdanov sent the invitations last week.

The meeting follows months of Russian outreach to Hamas. Bogdanov received a Hamas delegation in \
Moscow on October 26, 2023, less than three weeks after Hamas fighters attacked southern Israel on \
October 7, 2023. Two days after the Moscow visit, on October 28, Hamas freed two hostages who held \
Russian citizenship.

On October 7, Foreign Ministry spokeswoman Maria Zakharova blamed the United Nations for failing to \
restrain the violence.

\u201cMoscow wants to be seen as the only capital that talks to everyone,\u201d said Anna Kovacs, a \
fellow at a European think tank."""

EVENTS_A = [
    # (source, target, plover, cameo, date, evidence sentence start, trigger)
    ("Russia", "Hamas", "CONSULT", "043", "2024-02-29/2024-03-02", "Russia will host delegations", "host"),
    ("Mikhail Bogdanov", "Hamas", "CONSULT", "043", "2023-10-26", "Bogdanov received a Hamas", "received"),
    ("Hamas", "Israel", "ASSAULT", "190", "2023-10-07", "Bogdanov received a Hamas", "attacked"),
    ("Hamas", "Russia", "CONCEDE", "0841", "2023-10-28", "Two days after the Moscow visit", "freed"),
    ("Maria Zakharova", "United Nations", "ACCUSE", "112", "2023-10-07", "On October 7, Foreign", "blamed"),
]

TEXT_B = """Palestinian Groups Open Talks in Moscow

March 1, 2024

Representatives of Hamas, Fatah and a dozen smaller groups began talks in Moscow on February 29 under \
Russian sponsorship. Russia has cultivated ties with Hamas since the group's attack on Israel in \
October 2023.

Foreign Minister Sergei Lavrov accused the United States on October 8, 2023 of stoking the conflict. \
\u201cWashington bears responsibility for the escalation,\u201d Lavrov said.

Hamas thanked Russia for its position, a spokesman for the group said."""

EVENTS_B = [
    ("Russia", "Hamas", "CONSULT", "040", "2024-02-29", "Representatives of Hamas", "talks"),
    ("Hamas", "Israel", "ASSAULT", "190", "2023-10", "Russia has cultivated", "attack"),
    ("Sergei Lavrov", "United States", "ACCUSE", "112", "2023-10-08", "Foreign Minister Sergei", "accused"),
    ("Hamas", "Russia", "SUPPORT", "051", None, "Hamas thanked Russia", "thanked"),
]

# the first story re-published elsewhere: a new headline line and one changed word
TEXT_A_REPUBLISHED = TEXT_A.replace("Moscow Hosts Palestinian Factions for Unity Talks",
                                    "Russia Invites Palestinian Factions to Moscow", 1) \
                           .replace("sent the invitations last week", "sent the invitations earlier this month")


def _spans(text: str, needle: str) -> list[list[int]]:
    spans, start = [], text.find(needle)
    while start >= 0:
        before = text[start - 1] if start else " "
        after = text[start + len(needle)] if start + len(needle) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            spans.append([start, start + len(needle)])
        start = text.find(needle, start + 1)
    return spans


def _sentence(text: str, opening: str) -> tuple[int, int]:
    start = text.index(opening)
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    newline = text.find("\n", start)
    if 0 <= newline < end:
        end = newline
    return start, end


def build_record(text: str, title: str, published: str, source: str,
                 events: list[tuple], quotes: list[tuple[str, str]] = (), url: str | None = None,
                 tags: list[str] = ()) -> dict[str, Any]:
    """A record in the shape `briefgraph extract` prints, for the actors and events given."""
    names = {name for e in events for name in e[:2] if name} | {speaker for _, speaker in quotes}
    actors, ids = [], {}
    for name in sorted(names, key=lambda n: text.find(n)):
        kind, country, code, aliases, roles, kb_id = ACTORS[name]
        mentions: list[list[int]] = []
        for span in sorted((s for n in [name, *aliases] for s in _spans(text, n)), key=lambda s: s[0] - s[1]):
            if not any(m[0] <= span[0] and span[1] <= m[1] for m in mentions):  # "Bogdanov" in "Mikhail Bogdanov"
                mentions.append(span)
        mentions.sort()
        ids[name] = f"a{len(actors) + 1}"
        actors.append({"id": ids[name], "name": name, "type": kind, "aliases": [a for a in aliases if a in text],
                       "roles": [r for r in roles if r in text], "affiliation": None, "country": country,
                       "code": code, "mentions": mentions, "kb_id": kb_id, "lat": None, "lon": None})
    for actor in actors:
        if actor["code"] == "RUSGOV" and "Russia" in ids:
            actor["affiliation"] = ids["Russia"]
    record_events = []
    for i, (source_name, target_name, plover, cameo, date, opening, trigger) in enumerate(events, 1):
        start, end = _sentence(text, opening)
        record_events.append({
            "id": f"e{i}", "source": ids.get(source_name), "target": ids.get(target_name), "plover": plover,
            "cameo": cameo, "negated": False, "modality": "asserted", "date": date,
            "location": {"name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62}
            if plover == "CONSULT" and "Moscow" in text[start:end] else None,
            "trigger": trigger, "evidence": {"start": start, "end": end, "text": text[start:end]}})
    record_quotes = []
    for quoted, speaker in quotes:
        start = text.index(quoted)
        record_quotes.append({"text": quoted, "speaker": ids[speaker], "kind": "direct", "cue": "said",
                              "start": start, "end": start + len(quoted)})
    times = []
    for expression in ("October 7, 2023", "October 26, 2023", "October 8, 2023"):
        for start, end in _spans(text, expression):
            times.append({"text": expression, "value": None, "anchor": None, "start": start, "end": end})
    heading_end = text.index("\n")
    return {
        "document": {"id": text_id(text), "source": source, "title": title, "published": published,
                     "genre": "Analysis" if "Analysis" in text else None,
                     "sections": [{"heading": None, "start": 0, "end": heading_end, "kind": "header"},
                                  {"heading": None, "start": heading_end + 2, "end": len(text), "kind": "body"}],
                     "tags": list(tags), "related": [{"title": "Russia and the Gaza War", "author": None, "url": None}],
                     "url": url, "input_id": None, "format": "text"},
        "text": text, "actors": actors, "quotes": record_quotes, "times": times, "events": record_events,
    }


def record_a() -> dict[str, Any]:
    return build_record(TEXT_A, "Moscow Hosts Palestinian Factions for Unity Talks", "2024-02-26",
                        "wire-a/moscow-talks.txt", EVENTS_A, url="https://news.example.org/moscow-talks",
                        quotes=[("Moscow wants to be seen as the only capital that talks to everyone,", "Anna Kovacs")],
                        tags=["Russia", "Palestinian Politics"])


def record_b() -> dict[str, Any]:
    return build_record(TEXT_B, "Palestinian Groups Open Talks in Moscow", "2024-03-01",
                        "wire-b/talks-open.txt", EVENTS_B, url="https://wire.example.com/talks-open",
                        quotes=[("Washington bears responsibility for the escalation,", "Sergei Lavrov")],
                        tags=["Russia"])


def record_a_republished() -> dict[str, Any]:
    return build_record(TEXT_A_REPUBLISHED, "Russia Invites Palestinian Factions to Moscow", "2024-02-27",
                        "aggregator/russia-invites.txt", EVENTS_A, url="https://aggregator.example.net/a1")


def corpus() -> list[dict[str, Any]]:
    return [record_a(), record_b(), record_a_republished()]


def postgres_store() -> Store:
    """A store in a fresh schema of the test PostgreSQL server; under CI=true a missing
    server fails the test, elsewhere it skips it with the reason."""
    schema = f"bg_test_{uuid.uuid4().hex[:12]}"
    try:
        return Store(TEST_DATABASE_URL, schema=schema)
    except Exception as exc:  # noqa: BLE001 - reported below
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {TEST_DATABASE_URL} is required under CI=true: {exc}")
        pytest.skip(f"no PostgreSQL server for the store tests ({exc}); run scripts/ensure_postgres.sh")


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_store(request, tmp_path):
    """An empty store on each database."""
    store = Store(str(tmp_path / "store.db")) if request.param == "sqlite" else postgres_store()
    yield store
    if store.dialect == "postgresql":
        store.drop()
    store.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def loaded_store(request, tmp_path_factory):
    """A store per database holding the three hand-built records (read-only in tests)."""
    if request.param == "sqlite":
        store = Store(str(tmp_path_factory.mktemp("loaded") / "store.db"))
    else:
        store = postgres_store()
    list(store.ingest(corpus()))
    yield store
    if store.dialect == "postgresql":
        store.drop()
    store.close()
