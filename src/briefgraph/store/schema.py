"""The store's tables (SQLAlchemy 2 Core), one schema for SQLite and PostgreSQL.

Per-document facts (sections, tags, related reading, mentions, quotes, times,
evidence) point at their document; actors and events are shared across
documents: the same actor is one `actors` row, the same event reported by
several documents is one `events` row with one `evidence` row per report.
Dates are kept as the record's ISO strings plus `date_start`/`date_end` (ISO
days) so that intervals, months and years can be ordered and overlapped.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from .magnitudes import actor_columns
from .places import place_columns

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("input_id", Text),
    Column("title", Text),
    Column("published", String(40)),
    Column("genre", String(200)),
    Column("format", String(40)),
    Column("text", Text),
    Column("record", Text),  # the record as ingested (JSON), for `export records`
    Column("ingested_at", String(40), nullable=False),
    Column("duplicate_of", Integer, ForeignKey("documents.id", ondelete="SET NULL")),
    Column("similarity", Float),  # estimated Jaccard similarity to `duplicate_of`
    Column("minhash", Text),  # the MinHash signature (hex), for near-duplicate checks
)
Index("ix_documents_published", documents.c.published)
Index("ix_documents_duplicate_of", documents.c.duplicate_of)

document_bands = Table(
    "document_bands", metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("band", Integer, nullable=False),
    Column("bucket", String(32), nullable=False),
)
Index("ix_document_bands_bucket", document_bands.c.band, document_bands.c.bucket)

sections = Table(
    "sections", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("heading", Text),
    Column("kind", String(40)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
Index("ix_sections_document", sections.c.document_id)

tags = Table(
    "tags", metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("tag", String(300), nullable=False),
    UniqueConstraint("document_id", "tag", name="uq_tags_document_tag"),
)
Index("ix_tags_tag", tags.c.tag)

related = Table(
    "related", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("author", Text),
    Column("url", Text),
)
Index("ix_related_document", related.c.document_id)

actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True),
    Column("identity", String(400), nullable=False, unique=True),  # kb:<id>, else name:<name_key>
    Column("name_key", String(400), nullable=False),  # normalised name|type|country
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("country", String(3)),
    Column("code", String(40)),
    Column("kb_id", String(200)),
    Column("lat", Float),
    Column("lon", Float),
    *actor_columns(),  # category, country_from (migration 5)
)
Index("ix_actors_name", actors.c.name)
Index("ix_actors_name_key", actors.c.name_key)

actor_names = Table(
    "actor_names", metadata,
    Column("actor_id", Integer, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(400), nullable=False),
    UniqueConstraint("actor_id", "name", name="uq_actor_names"),
)
Index("ix_actor_names_name", actor_names.c.name)

actor_roles = Table(
    "actor_roles", metadata,
    Column("actor_id", Integer, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(400), nullable=False),
    UniqueConstraint("actor_id", "document_id", "role", name="uq_actor_roles"),
)

document_actors = Table(
    "document_actors", metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(40), nullable=False),  # the record's actor id (a1, a2, ...)
    Column("actor_id", Integer, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("name", Text, nullable=False),
    Column("affiliation_id", Integer, ForeignKey("actors.id", ondelete="SET NULL")),
    UniqueConstraint("document_id", "local_id", name="uq_document_actors"),
)
Index("ix_document_actors_actor", document_actors.c.actor_id)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
Index("ix_mentions_actor", mentions.c.actor_id)
Index("ix_mentions_document", mentions.c.document_id)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("speaker_id", Integer, ForeignKey("actors.id", ondelete="SET NULL")),
    Column("text", Text, nullable=False),
    Column("kind", String(20)),
    Column("cue", String(200)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
Index("ix_quotes_speaker", quotes.c.speaker_id)
Index("ix_quotes_document", quotes.c.document_id)

times = Table(
    "times", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(60)),
    Column("anchor", String(40)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
Index("ix_times_document", times.c.document_id)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("actors.id", ondelete="SET NULL")),
    Column("target_id", Integer, ForeignKey("actors.id", ondelete="SET NULL")),
    Column("kind", String(20), nullable=False),  # the PLOVER type, else "cameo:<root>": what merging compares
    Column("plover", String(20)),
    Column("cameo", String(4)),
    Column("negated", Boolean, nullable=False, default=False),
    Column("modality", String(20)),
    Column("date", String(60)),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("location_name", Text),
    Column("location_country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
    *place_columns(),  # location_admin1, location_kind, location_how (migration 3)
    Column("goldstein", Float),
    Column("trigger", String(200)),
    Column("source_count", Integer, nullable=False, default=1),  # documents that report it
)
Index("ix_events_merge", events.c.source_id, events.c.target_id, events.c.kind)
# the merge lookup's whole key, the date range last: the undated events of a pair (never
# merged, so they pile up) are not walked through to find the dated ones (migration 3)
EVENTS_MERGE_DATED = Index("ix_events_merge_dated", events.c.source_id, events.c.target_id, events.c.kind,
                           events.c.negated, events.c.date_start)
Index("ix_events_date", events.c.date_start)
Index("ix_events_target", events.c.target_id)

evidence = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(40)),  # the record's event id (e1, e2, ...)
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("trigger", String(200)),
    Column("date", String(60)),  # the date this document gives
    Column("modality", String(20)),
)
Index("ix_evidence_event", evidence.c.event_id)
Index("ix_evidence_document", evidence.c.document_id)

magnitudes = Table(  # the numbers each report states for an event (migration 5; store/magnitudes.py)
    "magnitudes", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("value", Integer),
    Column("min", Integer),
    Column("max", Integer),
    Column("text", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
)
Index("ix_magnitudes_event", magnitudes.c.event_id)
Index("ix_magnitudes_document", magnitudes.c.document_id)

RECORD_TABLES = ("documents", "sections", "tags", "related", "actors", "actor_names", "actor_roles",
                 "document_actors", "mentions", "quotes", "times", "events", "evidence", "magnitudes")
"""The tables a record's contents land in, in the order `Store.counts` reports them."""
