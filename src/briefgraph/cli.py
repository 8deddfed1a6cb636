"""The `briefgraph` command: parses arguments, calls the library, prints.

Errors are one line on stderr naming the input and the reason; `--debug` shows
tracebacks. `extract` exits 0 when every input worked, 1 when some failed, 2
when none did.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from .errors import BriefgraphError
from .pipeline import analyse
from .readers import DEFAULT_MAX_BYTES, read_inputs
from .records import Analysis, Failure

app = typer.Typer(
    help="Turn geopolitical news and analysis briefs into sourced, structured event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


@app.callback()
def _root() -> None:
    """Turn geopolitical news and analysis briefs into sourced, structured event data."""


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def parse_size(value: str) -> int:
    """"20MB", "500k", "1048576" -> bytes."""
    text = value.strip().lower().replace(" ", "")
    units = {"kb": 1024, "k": 1024, "mb": 1024 ** 2, "m": 1024 ** 2, "gb": 1024 ** 3, "g": 1024 ** 3, "b": 1}
    suffix = next((s for s in units if text.endswith(s)), "")
    number, factor = (text[: -len(suffix)], units[suffix]) if suffix else (text, 1)
    try:
        size = int(float(number) * factor)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a size (try 20MB, 500KB or a number of bytes)") from None
    if size <= 0:
        raise typer.BadParameter("the size limit must be positive")
    return size


def report_failure(failure: Failure) -> None:
    err.print(f"[bold red]error[/]: {failure.source}: {failure.reason}", markup=True, highlight=False)


def with_progress(items: Iterable[Any], label: str) -> Iterator[Any]:
    """A progress counter on a terminal's stderr; silent when piped."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} done"),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task(label, total=None)
        for item in items:
            yield item
            progress.advance(task)


def use_knowledge(actors: list[str], patterns: list[str], tags: str | None) -> None:
    """Point the knowledge loaders at the user's files (they read these variables)."""
    for name, files in (("BRIEFGRAPH_ACTORS", actors), ("BRIEFGRAPH_PATTERNS", patterns),
                        ("BRIEFGRAPH_TAGS", [tags] if tags else [])):
        for path in files:
            if not os.path.isfile(path):
                raise typer.BadParameter(f"{path}: no such knowledge file")
        if files:
            os.environ[name] = os.pathsep.join(files)


def _print_table(analyses: list[Analysis]) -> None:
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    table = Table(title="briefgraph extract", show_lines=False)
    for column in ("document", "published", "genre", "actors", "quotes", "times", "events"):
        table.add_column(column, overflow="fold")
    for a in analyses:
        d = a.document
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
    use_knowledge(actors, patterns, tags)
    limit = parse_size(max_size) if max_size != "20MB" else DEFAULT_MAX_BYTES
    ok = failed = 0
    collected: list[Analysis] = []
    try:
        results = analyse(read_inputs(paths, max_bytes=limit), batch_size=batch_size, debug=debug)
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


from . import cli_store  # noqa: E402  (adds the store, query, export and serve commands)

for _command in cli_store.commands.registered_commands:
    app.registered_commands.append(_command)

from . import cli_brief  # noqa: E402  (adds `brief`)

app.registered_commands.extend(cli_brief.commands.registered_commands)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: no traceback for users unless --debug."""
    args = sys.argv[1:] if argv is None else argv
    try:
        app(args=args, standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # an unexpected bug: one line, unless --debug
        if "--debug" in args:
            raise
        err.print(f"[bold red]error[/]: internal error: {type(exc).__name__}: {exc} "
                  "(run again with --debug for the traceback)", markup=True)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
