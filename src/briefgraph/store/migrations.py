"""Schema migrations, in code, each applied once and recorded in `schema_migrations`.

A store is created on first use by applying every migration in order; a newer
briefgraph opening an older store applies only the ones it lacks. Migrations
are append-only: never edit one that has shipped, add the next version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select, text

from . import magnitudes, places, schema, search


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _create_tables(conn: Connection) -> None:
    tables = [t for name, t in schema.metadata.tables.items() if name != "schema_migrations"]
    schema.metadata.create_all(conn, tables=tables)


def _merge_index(conn: Connection) -> None:
    """The event merge key with its date (a store that migration 1 made before it existed lacks it)."""
    schema.EVENTS_MERGE_DATED.create(conn, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, actors, events and their facts", _create_tables),
    Migration(2, "full-text search", search.create_search),
    Migration(3, "event places: first-level region, kind, how found", places.add_place_columns),
    Migration(4, "event merge index with the date", _merge_index),
    Migration(5, "actor category and country source; event magnitudes", magnitudes.add_magnitudes),
)

_POSTGRES_LOCK = 7_310_442  # advisory lock id: one migrator at a time per database


def applied_versions(conn: Connection) -> list[int]:
    return sorted(conn.scalars(select(schema.schema_migrations.c.version)))


def _current(conn: Connection) -> bool:
    """Whether every migration is applied already (read-only: no lock taken)."""
    if not inspect(conn).has_table(schema.schema_migrations.name):
        return False
    return set(applied_versions(conn)) >= {m.version for m in MIGRATIONS}


def migrate(engine: Engine) -> list[int]:
    """Apply the missing migrations in one transaction; returns the versions applied now.

    An up-to-date store is only read, so opening it never waits for a running ingest."""
    with engine.connect() as conn:
        if _current(conn):
            return []
    done: list[int] = []
    with engine.connect() as conn:
        conn.execution_options(briefgraph_write=True)  # SQLite: take the write lock before reading versions
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _POSTGRES_LOCK})
            schema.schema_migrations.create(conn, checkfirst=True)
            have = set(applied_versions(conn))
            for migration in MIGRATIONS:
                if migration.version in have:
                    continue
                migration.apply(conn)
                conn.execute(schema.schema_migrations.insert().values(
                    version=migration.version, name=migration.name,
                    applied_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")))
                done.append(migration.version)
    return done
