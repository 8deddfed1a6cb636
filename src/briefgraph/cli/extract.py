"""`briefgraph extract`: the record of each document, as JSON, JSON Lines or a table.

Errors are one line on stderr naming the input and the reason; `--debug` shows
tracebacks. Exits 0 when every input worked, 1 when some failed, 2 when none did.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import BriefgraphError
from ..outputs import JsonLinesSink, JsonSink, PartitionSink, RecordSink
from ..parallel import extract_records
from ..readers import DEFAULT_MAX_BYTES, read_inputs
from ..records import Failure
from .app import BUDGET_HELP, app, err, load_knowledge, parse_size, report_failure, run_options, with_progress


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    parquet = "parquet"


class _Counts:
    """What `--format table` keeps of each record: one summary row, never the record."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def write(self, record: dict[str, Any]) -> None:
        d = record["document"]
        counts = (str(len(record.get(k) or [])) for k in ("actors", "quotes", "times", "events", "incidents"))
        self.rows.append((d.get("title") or d.get("source") or "", d.get("published") or "-", d.get("genre") or "-",
                          *counts))

    def close(self) -> None:
        if not self.rows:
            return
        console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
        table = Table(title="briefgraph extract", show_lines=False)
        for column in ("document", "published", "genre", "actors", "quotes", "times", "events", "incidents"):
            table.add_column(column, overflow="fold")
        for row in self.rows:
            table.add_row(*row)
        console.print(table)


def _sink(format: ExtractFormat, output: str | None) -> RecordSink:
    if output:
        return PartitionSink(output, "parquet" if format is ExtractFormat.parquet else "jsonl")
    if format is ExtractFormat.parquet:
        raise typer.BadParameter("--format parquet writes partitions: give an --output folder")
    if format is ExtractFormat.table:
        return _Counts()
    return JsonLinesSink(sys.stdout) if format is ExtractFormat.jsonl else JsonSink(sys.stdout)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders, or - for standard input."),
    format: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f",
                                         help="json: one object (an array for several documents); "
                                              "jsonl: one record a line; table: a summary; "
                                              "parquet: partitions (with --output)."),
    output: str | None = typer.Option(None, "--output", "-o", help="Write partitions part-NNNNN.jsonl "
                                      "(or .parquet) of 1,000 records each into this folder instead."),
    max_size: str = typer.Option("20MB", help="Largest input file (or JSON line) to read."),
    batch_size: int = typer.Option(16, min=1, help="Documents parsed together by spaCy."),
    budget: float = typer.Option(60.0, "--budget", min=0, help=BUDGET_HELP),
    workers: str = typer.Option("1", "--workers", "-w", help="Processes on this machine (a number, or auto "
                                "for one per core)."),
    dask: str | None = typer.Option(None, "--dask", help="Run on a Dask distributed cluster: the "
                                    "scheduler's address (tcp://host:8786)."),
    actors: list[str] = typer.Option([], "--actors", help="Extra actor knowledge file(s) (CSV); "
                                     "their entries override the shipped ones."),
    patterns: list[str] = typer.Option([], "--patterns", help="Extra event pattern file(s) that override "
                                       "the shipped verb and noun codings."),
    tags: str | None = typer.Option(None, "--tags", help="Extra tag vocabulary file, one tag a line."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of unexpected errors."),
) -> None:
    """Extract the record of each document: structure, actors, quotes, times, events."""
    options = run_options(workers, dask, batch_size, load_knowledge(actors, patterns, tags), debug, budget)
    limit = parse_size(max_size) if max_size != "20MB" else DEFAULT_MAX_BYTES
    ok = failed = 0
    try:
        sink = _sink(format, output)
        for result in with_progress(extract_records(read_inputs(paths, max_bytes=limit), options), "extracting"):
            if isinstance(result, Failure):
                failed += 1
                report_failure(result)
                continue
            ok += 1
            sink.write(result)
        sink.close()
    except BriefgraphError as exc:
        if debug:
            raise
        err.print(f"[bold red]error[/]: {exc}", markup=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    raise typer.Exit(0 if not failed else (2 if not ok else 1))
