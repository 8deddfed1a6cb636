"""Full-text search over documents: FTS5 on SQLite, a tsvector column on PostgreSQL.

Both answer the same `search_documents` call with a rank and a snippet in which
the matched words are wrapped in `[` and `]`. User queries are words and
"quoted phrases", all of which must match; punctuation is never query syntax,
so no user input can make the search engine raise.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

SNIPPET_START, SNIPPET_END = "[", "]"
SQLITE_TABLE = "document_search"
POSTGRES_TEXT_LIMIT = 400_000  # characters indexed per document: a tsvector holds at most 1MB

_PHRASE = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def create_search(conn: Connection) -> None:
    """The dialect's full-text index (migration 2)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {SQLITE_TABLE} "
                             "USING fts5(title, body, tokenize='porter unicode61')")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "ALTER TABLE documents ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
            f"setweight(to_tsvector('english'::regconfig, left(coalesce(text, ''), {POSTGRES_TEXT_LIMIT})), 'B')"
            ") STORED")
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_documents_search ON documents USING gin (search_vector)")
    else:  # pragma: no cover - only the two supported dialects reach here
        raise NotImplementedError(f"no full-text search for {conn.dialect.name}")


def index_document(conn: Connection, document_id: int, title: str | None, body: str | None) -> None:
    """Add a document to the index (PostgreSQL's generated column needs nothing)."""
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"INSERT INTO {SQLITE_TABLE} (rowid, title, body) VALUES (:id, :title, :body)"),
                     {"id": document_id, "title": title or "", "body": body or ""})


def query_terms(query: str) -> list[str]:
    """Words and phrases of a user query, each a list of plain words joined by spaces."""
    terms = []
    for phrase, word in _PHRASE.findall(query):
        words = _WORD.findall(phrase if phrase else word)
        if words:
            terms.append(" ".join(words))
    return terms


def search_documents(conn: Connection, query: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Documents matching every term of `query`, best first: id, rank, snippet."""
    terms = query_terms(query)
    if not terms:
        return []
    if conn.dialect.name == "sqlite":
        match = " AND ".join('"' + term.replace('"', "") + '"' for term in terms)
        rows = conn.execute(text(
            f"SELECT rowid AS id, bm25({SQLITE_TABLE}, 10.0, 1.0) AS rank, "
            f"snippet({SQLITE_TABLE}, 1, :start, :end, '…', 24) AS snippet "
            f"FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH :match "
            "ORDER BY rank, rowid LIMIT :limit OFFSET :offset"),
            {"match": match, "start": SNIPPET_START, "end": SNIPPET_END, "limit": limit, "offset": offset})
        return [{"id": r.id, "rank": -float(r.rank), "snippet": r.snippet} for r in rows]
    tsquery = " & ".join("(" + " <-> ".join(f"'{w}'" for w in term.split()) + ")" for term in terms)
    # The words are \w+ only, so quoting them cannot break the tsquery syntax.
    rows = conn.execute(text(
        "SELECT id, ts_rank_cd(search_vector, q) AS rank, "
        "ts_headline('english', left(coalesce(text, ''), :limit_chars), q, :options) AS snippet "
        "FROM documents, to_tsquery('english', :tsquery) AS q "
        "WHERE search_vector @@ q ORDER BY rank DESC, id LIMIT :limit OFFSET :offset"),
        {"tsquery": tsquery, "limit_chars": POSTGRES_TEXT_LIMIT, "limit": limit, "offset": offset,
         "options": f"StartSel={SNIPPET_START}, StopSel={SNIPPET_END}, MaxWords=30, MinWords=12, "
                    "MaxFragments=1, FragmentDelimiter=' … '"})
    return [{"id": r.id, "rank": float(r.rank), "snippet": r.snippet} for r in rows]
