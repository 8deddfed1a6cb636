"""Actors and quotes as CSV or Parquet tables."""

from __future__ import annotations

import csv
from typing import Any

ACTOR_COLUMNS = ("id", "name", "type", "country", "code", "kb_id", "aliases", "roles", "mentions", "documents",
                 "events", "category", "country_from")
QUOTE_COLUMNS = ("speaker", "speaker_code", "text", "kind", "cue", "document", "document_id", "published", "url",
                 "start", "end")
_INTS = {"id", "mentions", "documents", "events", "document_id", "start", "end"}


def _rows(what: str, store: Any) -> list[dict[str, Any]]:
    from .. import query

    if what == "actors":
        rows = query.actors(store)
        for row in rows:
            row["aliases"] = "|".join(row["aliases"])
            row["roles"] = "|".join(row["roles"])
        return rows
    return query.quotes(store)


def _write(what: str, columns: tuple[str, ...], store: Any, out: Any, format: str) -> int:
    rows = _rows(what, store)
    if format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(c, pa.int64() if c in _INTS else pa.string()) for c in columns])
        pq.write_table(pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=schema), out)
        return len(rows)
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: ("" if row.get(c) is None else row.get(c)) for c in columns})
    return len(rows)


def write_actors(store: Any, out: Any, format: str = "csv") -> int:
    """Every stored actor with its counts, names and roles ("|"-joined)."""
    return _write("actors", ACTOR_COLUMNS, store, out, format)


def write_quotes(store: Any, out: Any, format: str = "csv") -> int:
    """Every stored quote with its speaker and document."""
    return _write("quotes", QUOTE_COLUMNS, store, out, format)
