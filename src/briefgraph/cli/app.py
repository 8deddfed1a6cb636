"""What every command shares: the Typer app, the error console, progress, sizes
and the user's knowledge files. Only the CLI reads the environment and picks exit codes."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from ..errors import BriefgraphError
from ..knowledge import Knowledge
from ..parallel import RunOptions, parse_workers
from ..pipeline import DEFAULT_BUDGET_SECONDS
from ..records import Failure

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


def load_knowledge(actors: list[str], patterns: list[str], tags: str | None) -> Knowledge:
    """The shipped knowledge with the user's files, or a bad-parameter error naming the file."""
    for path in [*actors, *patterns, *([tags] if tags else [])]:
        if not Path(path).is_file():
            raise typer.BadParameter(f"{path}: no such knowledge file")
    if not (actors or patterns or tags):
        return Knowledge.default()
    try:
        return Knowledge.load(actors=actors, patterns=patterns, tags=tags)
    except BriefgraphError as exc:
        raise typer.BadParameter(str(exc)) from None


def run_options(workers: str, dask: str | None, batch_size: int, knowledge: Knowledge, debug: bool,
                budget: float | None = None) -> RunOptions:
    """Where the pipeline runs: --workers N (or auto) processes here, or --dask ADDRESS."""
    try:
        count = parse_workers(workers)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    if dask and count > 1:
        raise typer.BadParameter("--workers and --dask do not go together (the cluster has its own workers)")
    return RunOptions(workers=count, dask=dask, batch_size=batch_size, knowledge=knowledge.files, debug=debug,
                      loaded=knowledge,  # --budget 0: no time budget
                      budget_seconds=DEFAULT_BUDGET_SECONDS if budget is None else (budget or None))


BUDGET_HELP = ("Seconds one document may take over all the stages; a slower one is reported and skipped "
               "(0: no limit).")


def error_line(message: str) -> None:
    """One line on standard error: the message's own brackets are printed, never read as markup."""
    from rich.markup import escape

    err.print(f"[bold red]error[/]: {escape(' '.join(message.split()))}", markup=True, highlight=False)
