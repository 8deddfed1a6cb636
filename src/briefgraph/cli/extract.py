"""`briefgraph extract`: the record of each document, as JSON, JSON Lines or a table.

Errors are one line on stderr naming the input and the reason; `--debug` shows
tracebacks. Exits 0 when every input worked, 1 when some failed, 2 when none did.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum

import typer
from rich.console import Console
from rich.table import Table

from ..errors import BriefgraphError
from ..pipeline import analyse
from ..readers import DEFAULT_MAX_BYTES, read_inputs
from ..records import Analysis, Failure
from .app import app, err, load_knowledge, parse_size, report_failure, with_progress


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _print_table(analyses: list[Analysis]) -> None:
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    table = Table(title="briefgraph extract", show_lines=False)
    for column in ("document", "published", "genre", "actors", "quotes", "times", "events"):
        table.add_column(column, overflow="fold")
    for a in analyses:
        d = a.document
        if d is None:
            continue
        table.add_row(d.title or d.source, d.published or "-", d.genre or "-", str(len(a.actors)),
                      str(len(a.quotes)), str(len(a.times)), str(len(a.events)))
    console.print(table)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders, or - for standard input."),
    format: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f",
                                         help="json: one object (an array for several documents); "
                                              "jsonl: one record a line; table: a summary."),
    max_size: str = typer.Option("20MB", help="Largest input file to read."),
    batch_size: int = typer.Option(16, min=1, help="Documents parsed together by spaCy."),
    actors: list[str] = typer.Option([], "--actors", help="Extra actor knowledge file(s) (CSV); "
                                     "their entries override the shipped ones."),
    patterns: list[str] = typer.Option([], "--patterns", help="Extra event pattern file(s) that override "
                                       "the shipped verb and noun codings."),
    tags: str | None = typer.Option(None, "--tags", help="Extra tag vocabulary file, one tag a line."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of unexpected errors."),
) -> None:
    """Extract the record of each document: structure, actors, quotes, times, events."""
    knowledge = load_knowledge(actors, patterns, tags)
    limit = parse_size(max_size) if max_size != "20MB" else DEFAULT_MAX_BYTES
    ok = failed = 0
    collected: list[Analysis] = []
    try:
        results = analyse(read_inputs(paths, max_bytes=limit), batch_size=batch_size, debug=debug,
                          knowledge=knowledge)
        for result in with_progress(results, "extracting"):
            if isinstance(result, Failure):
                failed += 1
                report_failure(result)
                continue
            ok += 1
            if format is ExtractFormat.jsonl:
                sys.stdout.write(json.dumps(result.to_record(), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                collected.append(result)
    except BriefgraphError as exc:
        if debug:
            raise
        err.print(f"[bold red]error[/]: {exc}", markup=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    if format is ExtractFormat.json and collected:
        records = [a.to_record() for a in collected]
        out = records[0] if len(records) == 1 else records
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    elif format is ExtractFormat.table and collected:
        _print_table(collected)
    raise typer.Exit(0 if not failed else (2 if not ok else 1))
