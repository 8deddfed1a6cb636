"""The knowledge store: many documents' records in one database, actors and
events merged across documents, searchable and queryable.

    store = Store("briefgraph.db")            # or "postgresql://user@host/db"
    for result in store.ingest(records): ...  # one transaction per document

SQLite (the default, one file, WAL mode, FTS5 search) and PostgreSQL (tsvector
search) share one schema, created and migrated on first use.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError
from . import dedup, migrations, schema
from .ingest import IngestResult, content_hash, ingest_record

__all__ = ["DEFAULT_DB", "IngestResult", "Store", "StoreUnavailable", "resolve_url"]

DEFAULT_DB = "briefgraph.db"


class StoreUnavailable(StoreError):
    """The database cannot be opened or written at all (as opposed to one bad record):
    callers stop rather than go on with the next document."""
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
OPEN_ATTEMPTS = 14  # about 20 s of backoff while another process creates or migrates the store
WRITE_ATTEMPTS = 8  # a document's transaction is retried on lock, serialization and unique conflicts
_TRANSIENT_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available


def _transient(exc: BaseException) -> bool:
    """A write that failed only because another writer was at work: worth retrying."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) in _TRANSIENT_SQLSTATES:
        return True
    message = str(orig or exc).lower()
    return "database is locked" in message or "database is busy" in message or "deadlock" in message


def _backoff(attempt: int) -> None:
    time.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))  # noqa: S311 - jitter, not secrets


def resolve_url(value: str | None = None) -> str:
    """A database URL from a URL or a file path (./briefgraph.db when none is given).
    The CLI and the web settings read $BRIEFGRAPH_DB; the library never does."""
    value = value or DEFAULT_DB
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def display_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a message must never fail
        return url


class Store:
    """A briefgraph store at a database URL (see `resolve_url`).

    `schema` (PostgreSQL only, or `?schema=NAME` in the URL) keeps the tables in
    a schema of their own, created if missing: tests use one per run.
    """

    def __init__(self, url: str | None = None, *, schema: str | None = None,
                 near_duplicate_threshold: float = dedup.DEFAULT_THRESHOLD, create: bool = True):
        self.url = resolve_url(url)
        self.threshold = near_duplicate_threshold
        parsed = make_url(self.url)
        named = parsed.query.get("schema")
        schema = schema or (named if isinstance(named, str) else None)
        parsed = parsed.difference_update_query(["schema"])
        self.schema = schema
        self.engine = self._open(parsed, schema, create)

    def _open(self, url: Any, schema: str | None, create: bool) -> Engine:
        """The engine, migrated; retried while another process holds the database
        (SQLite: switching a new file to WAL needs it alone, and that waits for no
        busy timeout)."""
        for attempt in range(1, OPEN_ATTEMPTS + 1):
            engine: Engine | None = None
            try:
                engine = self._engine(url, schema)
                if create:
                    migrations.migrate(engine)
                return engine
            except (SQLAlchemyError, ImportError) as exc:
                if engine is not None:
                    engine.dispose()
                if not (isinstance(exc, OperationalError) and _transient(exc) and attempt < OPEN_ATTEMPTS):
                    raise StoreUnavailable(f"{display_url(self.url)}: cannot open the store ({_reason(exc)})") from None
                _backoff(attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    @staticmethod
    def _engine(url: Any, schema: str | None) -> Engine:
        if url.get_backend_name() == "sqlite":
            if schema:
                raise StoreError("a schema name is for PostgreSQL stores only")
            database = url.database or ""
            memory = database in ("", ":memory:")
            if not memory:
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            kwargs: dict[str, Any] = {"poolclass": StaticPool} if memory else {}
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)

            @event.listens_for(engine, "connect")
            def _connect(dbapi_connection: Any, _record: Any) -> None:
                dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
                cursor = dbapi_connection.cursor()
                for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=30000", "synchronous=NORMAL"):
                    cursor.execute(f"PRAGMA {pragma}")
                cursor.close()

            @event.listens_for(engine, "begin")
            def _begin(conn: Connection) -> None:
                # a writer takes the write lock up front, so it never fails half-way on a busy database
                write = conn.get_execution_options().get("briefgraph_write")
                conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

            return engine
        if url.get_backend_name() != "postgresql":
            raise StoreError(f"{url.get_backend_name()}: unsupported database (use SQLite or PostgreSQL)")
        connect_args: dict[str, Any] = {"connect_timeout": 10}
        if schema:
            if not _SCHEMA_NAME.match(schema):
                raise StoreError(f"{schema!r} is not a schema name (letters, digits, _)")
            connect_args["options"] = f"-csearch_path={schema}"
        engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
        if schema:
            with engine.begin() as conn:
                conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
        return engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def connect(self) -> Connection:
        """A connection for reading (queries use it)."""
        return self.engine.connect()

    def ingest_record(self, record: dict[str, Any]) -> IngestResult:
        """Store one record in one transaction; re-ingesting the same text is a no-op.

        Concurrent writers wait for each other (SQLite: busy timeout and BEGIN
        IMMEDIATE; PostgreSQL: an advisory lock); a transaction that still meets a
        lock, a serialization failure or a unique conflict (another process storing
        the same text) is retried, and the retry sees the other's document."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self.engine.connect() as conn:
                    conn.execution_options(briefgraph_write=True)
                    with conn.begin():
                        return ingest_record(conn, record, self.threshold)
            except IntegrityError:
                if attempt == WRITE_ATTEMPTS:
                    raise StoreError(f"{_source(record)}: conflicting concurrent write") from None
                _backoff(attempt)
            except DataError as exc:  # a value the database refuses (e.g. NUL in a name on PostgreSQL)
                raise StoreError(f"{_source(record)}: malformed record ({_reason(exc)})") from None
            except (TypeError, KeyError, IndexError, AttributeError, ValueError) as exc:
                raise StoreError(f"{_source(record)}: malformed record ({type(exc).__name__}: {exc})") from None
            except StoreUnavailable:
                raise
            except StoreError as exc:
                raise StoreError(f"{_source(record)}: {exc}") from None
            except OperationalError as exc:
                if _transient(exc) and attempt < WRITE_ATTEMPTS:
                    _backoff(attempt)
                    continue
                raise StoreUnavailable(f"{_source(record)}: cannot write ({_reason(exc)})") from None
        raise AssertionError("unreachable")  # pragma: no cover

    def ingest(self, records: Iterable[dict[str, Any]]) -> Iterator[IngestResult]:
        """Store records one transaction each, yielding what happened to each."""
        for record in records:
            yield self.ingest_record(record)

    def contains(self, record: dict[str, Any]) -> bool:
        with self.connect() as conn:
            return conn.execute(select(schema.documents.c.id).where(
                schema.documents.c.content_hash == content_hash(record))).first() is not None

    def counts(self) -> dict[str, int]:
        """Rows per table, plus the documents that are near-duplicates."""
        with self.connect() as conn:
            out = {name: conn.execute(select(func.count()).select_from(schema.metadata.tables[name])).scalar_one()
                   for name in schema.RECORD_TABLES}
            out["near_duplicates"] = conn.execute(select(func.count()).select_from(schema.documents).where(
                schema.documents.c.duplicate_of.is_not(None))).scalar_one()
        return out

    def versions(self) -> list[int]:
        with self.connect() as conn:
            return migrations.applied_versions(conn)

    def drop(self) -> None:
        """Remove everything: the PostgreSQL schema (when the store has one of its own) or every table."""
        with self.engine.begin() as conn:
            if self.dialect == "postgresql" and self.schema:
                conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')
                return
            if self.dialect == "sqlite":
                conn.exec_driver_sql("DROP TABLE IF EXISTS document_search")
            else:
                conn.exec_driver_sql("ALTER TABLE IF EXISTS documents DROP COLUMN IF EXISTS search_vector")
            schema.metadata.drop_all(conn)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"


def _source(record: Any) -> str:
    try:
        return str(record["document"].get("source") or "<record>")
    except Exception:  # noqa: BLE001
        return "<record>"


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def ping(conn: Connection) -> None:
    conn.execute(text("SELECT 1"))
