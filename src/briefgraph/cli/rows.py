"""How the store commands open a store and print rows (store.py, brief.py): the shared
options, the library's errors turned into one line and an exit code, and tables, JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

import typer

from .app import error_line

DB_HELP = "Store: a file path (SQLite) or a URL (postgresql://user@host/db). Default $BRIEFGRAPH_DB or ./briefgraph.db."


class QueryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@contextmanager
def opened(db: str | None, debug: bool = False) -> Iterator[Any]:
    """The store, with the library's errors turned into one line and an exit code."""
    from ..errors import StoreError
    from ..query import NotFound, QueryError
    from ..store import Store

    try:
        store = Store(db)
    except StoreError as exc:
        if debug:
            raise
        error_line(str(exc))
        raise typer.Exit(2) from None
    try:
        yield store
    except NotFound as exc:
        if debug:
            raise
        error_line(str(exc))
        raise typer.Exit(1) from None
    except (QueryError, StoreError) as exc:
        if debug:
            raise
        error_line(str(exc))
        raise typer.Exit(2) from None
    finally:
        store.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def emit(rows: list[dict[str, Any]], format: str, table_columns: list[str], title: str,
         csv_skip: tuple[str, ...] = ()) -> None:
    """Print rows: a JSON array of objects, CSV with a header, or a table of the chosen columns."""
    if format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if format == "csv":
        columns = [k for k in (rows[0] if rows else dict.fromkeys(table_columns)) if k not in csv_skip]
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(k)) for k in columns])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{title} ({len(rows)})", show_lines=False)
    for column in table_columns:
        table.add_column(column, overflow="fold", max_width=80 if column in ("evidence", "text", "snippet") else 40)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in table_columns))
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=200)
    console.print(table)


Db = typer.Option(None, "--db", help=DB_HELP, envvar="BRIEFGRAPH_DB", show_envvar=False)
Limit = typer.Option(None, "--limit", min=1, help="At most this many rows.")
Offset = typer.Option(0, "--offset", min=0, help="Skip this many rows first.")
Debug = typer.Option(False, "--debug", help="Show tracebacks of unexpected errors.")
