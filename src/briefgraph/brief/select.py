"""What a brief is drawn from: the actors asked for (and the people and bodies that
share their code: Russian officials for Russia), their events and the quotes about
them, through the store's query functions.

With several actors, the events kept are those reported by documents that mention
all of them (a brief on Russia and Hamas is not about Russia's fishing quotas);
when no document mentions them all, the events of any of them are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from .. import query
from ..store import Store
from ..store import schema as s
from .errors import BriefError

QUOTE_SCAN_LIMIT = 5000


@dataclass
class Scope:
    names: list[str]
    ids: dict[str, set[int]] = field(default_factory=dict)  # asked name -> actor ids it stands for
    documents: set[int] | None = None  # documents mentioning every actor (None: no such restriction)


def resolve(store: Store, names: list[str]) -> Scope:
    """The actor ids each name stands for; an actor unknown to the store is a BriefError."""
    names = [n.strip() for n in names if n and n.strip()]
    if not names:
        raise BriefError("brief: name at least one actor (--actor NAME)")
    scope = Scope(names=names)
    for name in names:
        try:
            ids = set(query.actor_ids(store, name))
        except query.NotFound:
            raise BriefError(f"brief: no actor called {name!r} in the store") from None
        with store.connect() as conn:
            codes = {c for c in conn.scalars(select(s.actors.c.code).where(s.actors.c.id.in_(sorted(ids))))
                     if c and len(c) >= 3}
            if codes:  # the officials and bodies coded like the actor (RUSGOV for Russia)
                ids |= set(conn.scalars(select(s.actors.c.id).where(s.actors.c.code.in_(sorted(codes)))))
        scope.ids[name] = ids
    if len(names) > 1:
        with store.connect() as conn:
            sets = []
            for name in names:
                members = sorted(scope.ids[name])
                sets.append(set(conn.scalars(select(s.document_actors.c.document_id)
                                             .where(s.document_actors.c.actor_id.in_(members)))))
        common = set.intersection(*sets)
        scope.documents = common or None
    return scope


def events(store: Store, scope: Scope, start: str | None, end: str | None,
           topic_documents: set[int] | None) -> list[dict[str, Any]]:
    """Dated, PLOVER-coded events involving any of the actors, in date order."""
    found: dict[int, dict[str, Any]] = {}
    with store.connect() as conn:
        codes = {c for c in conn.scalars(select(s.actors.c.code).where(
            s.actors.c.id.in_(sorted(set().union(*scope.ids.values()))))) if c and len(c) >= 3}
    for key in [*scope.names, *sorted(codes)]:
        try:
            rows = query.timeline(store, actor=key, start=start, end=end)
        except query.NotFound:
            continue
        for row in rows:
            found.setdefault(row["id"], row)
    out = []
    for row in found.values():
        if not row["plover"] or not row["source"]:
            continue
        docs = {r["document_id"] for r in row["reports"]}
        if scope.documents is not None and not docs & scope.documents:
            continue
        if topic_documents is not None and not docs & topic_documents:
            continue
        out.append(row)
    out.sort(key=lambda r: (r["date"].split("/")[0], r["date"], r["id"]))
    return out


def topic_documents(store: Store, topic: str | None) -> set[int] | None:
    """The documents a full-text search for the topic finds (None: no topic)."""
    if not topic:
        return None
    return {hit["document_id"] for hit in query.search(store, topic, limit=1000)}


def quotes(store: Store, scope: Scope, documents: set[int], limit: int = 3) -> list[dict[str, Any]]:
    """The attributed quotes most about the actors, from the documents the events come from
    (or spoken by the actors), longest statements first among equals."""
    names = {n.lower() for n in scope.names}
    with store.connect() as conn:
        all_ids = sorted(set().union(*scope.ids.values()))
        for name in conn.scalars(select(s.actor_names.c.name).where(s.actor_names.c.actor_id.in_(all_ids))):
            names.add(name.lower())
    scored = []
    for q in query.quotes(store, limit=QUOTE_SCAN_LIMIT):
        if not q["speaker"] or q["document_id"] not in documents:
            continue
        words = len(q["text"].split())
        if words < 8 or (q["kind"] == "partial" and words < 15):
            continue
        text = q["text"].lower()
        about = sum(1 for n in names if len(n) > 2 and n in text)
        kind = {"block": 2, "direct": 1}.get(q["kind"] or "", 0)
        scored.append((-(about * 2 + kind), -min(words, 120), q["published"] or "", q["document_id"], q["start"], q))
    scored.sort(key=lambda t: t[:5])
    return [t[-1] for t in scored[:limit]]


def actor_info(store: Store, name: str) -> dict[str, Any] | None:
    """The stored actor called exactly `name` (its type and roles), if any."""
    for row in query.actors(store, name=name, limit=50):
        if row["name"].lower() == name.lower():
            return row
    return None


def document_meta(store: Store, document_id: int) -> dict[str, Any]:
    """A document's title, date, genre, URL and tags."""
    doc = query.document(store, document_id)
    return {k: doc[k] for k in ("id", "title", "published", "genre", "url", "source", "tags")}
