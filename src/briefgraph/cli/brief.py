"""The `briefgraph brief` command (issue 12): draft a Flash Brief from the store.

Exit codes: 0 done; 1 nothing to draft
(an actor the store does not know, no events); 2 a bad parameter or store.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from .app import app
from .rows import Db, Debug, opened


class BriefFormat(StrEnum):
    md = "md"
    text = "text"
    html = "html"
    json = "json"


@app.command()
def brief(
    actor: list[str] = typer.Option(..., "--actor", "-a", help="An actor the brief is about (repeat for several)."),
    topic: str | None = typer.Option(None, "--topic", help="Only documents a full-text search for this finds."),
    start: str | None = typer.Option(
        None, "--from", "--start", help="Events from this date (YYYY-MM-DD, YYYY-MM or YYYY)."),
    end: str | None = typer.Option(None, "--to", "--end", help="Events up to this date, inclusive."),
    format: BriefFormat = typer.Option(BriefFormat.md, "--format", "-f", help="md, text, html or json."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    db: str | None = Db,
    debug: bool = Debug,
) -> None:
    """Draft a Flash Brief on actors from the store, every sentence footnoted to its evidence."""
    from ..brief import draft_brief, render

    with opened(db, debug) as store:
        text = render(draft_brief(store, actor, topic=topic, start=start, end=end), format.value)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"{output}: brief on {' and '.join(actor)}", err=True)
    else:
        sys.stdout.write(text)
