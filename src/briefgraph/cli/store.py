"""Store, query, export and serve commands of the `briefgraph` CLI (issue 7).

Each command opens the store (`--db`, else $BRIEFGRAPH_DB, else ./briefgraph.db),
calls one library function and prints its rows as a table, JSON or CSV.
Exit codes: 0 done; 1 an unknown actor/document, or some inputs failed to
ingest; 2 a bad parameter, an unusable store, or no input could be ingested.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import typer

from . import killpoints
from .app import (
    BUDGET_HELP,
    app,
    err,
    error_line,
    load_knowledge,
    parse_size,
    report_failure,
    run_options,
    with_progress,
)
from .rows import Db, Debug, Limit, Offset, QueryFormat, emit, opened


class NetworkFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    graphml = "graphml"


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    gdelt = "gdelt"  # events; these four: exports/ (issue 15)
    plover = "plover"
    graphml = "graphml"
    gexf = "gexf"


class ExportWhat(StrEnum):
    events = "events"
    records = "records"
    actors = "actors"
    quotes = "quotes"
    network = "network"


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders, or - for standard input."),
    db: str | None = Db,
    max_size: str = typer.Option("20MB", help="Largest input file (or JSON line) to read."),
    batch_size: int = typer.Option(16, min=1, help="Documents parsed together by spaCy."),
    budget: float = typer.Option(60.0, "--budget", min=0, help=BUDGET_HELP),
    workers: str = typer.Option("1", "--workers", "-w", help="Processes analysing documents (a number, or "
                                "auto for one per core); this process stays the store's single writer."),
    dask: str | None = typer.Option(None, "--dask", help="Analyse on a Dask distributed cluster: the "
                                    "scheduler's address (tcp://host:8786)."),
    threshold: float = typer.Option(0.8, min=0.5, max=1.0, help="Similarity from which a text is a "
                                    "near-duplicate (re-publication) of a stored one."),
    actors: list[str] = typer.Option([], "--actors", help="Extra actor knowledge file(s) (CSV)."),
    patterns: list[str] = typer.Option([], "--patterns", help="Extra event pattern file(s)."),
    tags: str | None = typer.Option(None, "--tags", help="Extra tag vocabulary file, one tag a line."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary line."),
    debug: bool = Debug,
) -> None:
    """Extract documents and store them, merging their actors and events with the stored ones."""
    from ..errors import BriefgraphError
    from ..ingest import ingest_documents
    from ..readers import DEFAULT_MAX_BYTES, read_inputs
    from ..records import Failure
    from ..store import StoreUnavailable

    options = run_options(workers, dask, batch_size, load_knowledge(actors, patterns, tags), debug, budget)
    limit = parse_size(max_size) if max_size != "20MB" else DEFAULT_MAX_BYTES
    tally = {"stored": 0, "unchanged": 0, "near-duplicate": 0}
    failed = 0
    with opened(db, debug) as store:
        store.threshold = threshold
        killpoints.install(store.engine)  # a no-op unless the crash-safety tests set it
        try:
            results = ingest_documents(store, read_inputs(paths, max_bytes=limit), options=options)
            for result in with_progress(results, "ingesting"):
                if isinstance(result, Failure):
                    failed += 1
                    report_failure(result)
                    continue
                tally[result.status] += 1
                killpoints.stored(tally["stored"])
        except StoreUnavailable:
            raise
        except BriefgraphError as exc:
            if debug:
                raise
            error_line(str(exc))
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
    ok = sum(tally.values())
    if not quiet:
        from ..store import display_url
        typer.echo(f"{display_url(store.url)}: {tally['stored']} stored, {tally['unchanged']} unchanged, "
                   f"{tally['near-duplicate']} near-duplicates, {failed} failed")
    raise typer.Exit(0 if not failed else (2 if not ok else 1))


Country = typer.Option(None, "--country", help="Events located in this country (ISO alpha-3 or name).")
Near = typer.Option(None, "--near", help="Events within --km of this point: LAT,LON.")
Km = typer.Option(None, "--km", min=0.001, help="Distance for --near, in kilometres.")


def _more_exports() -> dict[tuple[str, str], Callable[..., int]]:
    from .. import exports

    return {(what, fmt): (lambda store, output, w=what, f=fmt: exports.write(store, w, f, output))
            for what, fmts in exports.FORMATS.items() for fmt in fmts}


@app.command()
def timeline(
    actor: str | None = typer.Argument(None, help="Actor name, alias or code (e.g. Hamas, RUSGOV)."),
    other: str | None = typer.Option(None, "--with", help="Only events between ACTOR and this actor."),
    type: str | None = typer.Option(None, "--type", help="PLOVER type (ASSAULT) or CAMEO code prefix (19)."),
    start: str | None = typer.Option(None, "--from", "--start", help="From this date (YYYY-MM-DD, YYYY-MM, YYYY)."),
    end: str | None = typer.Option(None, "--to", "--end", help="Up to this date, inclusive."),
    undated: bool = typer.Option(False, "--undated", help="Add the events with no date, at the end."),
    country: str | None = Country, near: str | None = Near, km: float | None = Km,
    format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f"),
    limit: int | None = Limit, offset: int = Offset, db: str | None = Db, debug: bool = Debug,
) -> None:
    """Events in the order of their own dates, with their evidence and source document."""
    from .. import query

    with opened(db, debug) as store:
        rows = query.timeline(store, actor=actor, other=other, type=type, start=start, end=end, undated=undated,
                              limit=limit, offset=offset, country=country, near=near, km=km)
    if format is QueryFormat.csv:
        for row in rows:
            row["reports"] = len(row["reports"])
            row["magnitudes"] = row.pop("magnitude")
    if format is QueryFormat.table:
        for row in rows:
            row["plover"] = f"not {row['plover'] or row['cameo']}" if row["negated"] else row["plover"]
    emit(rows, format, ["date", "source", "plover", "cameo", "target", "magnitude", "source_count", "evidence",
                        "document"],
         f"timeline{' of ' + actor if actor else ''}{' with ' + other if other else ''}")


@app.command()
def network(
    start: str | None = typer.Option(None, "--from", "--start", help="From this date."),
    end: str | None = typer.Option(None, "--to", "--end", help="Up to this date, inclusive."),
    actor: str | None = typer.Option(None, "--actor", help="Only pairs this actor is part of."),
    type: str | None = typer.Option(None, "--type", help="PLOVER type or CAMEO code prefix."),
    min_events: int = typer.Option(1, "--min-events", min=1, help="Pairs with at least this many events."),
    country: str | None = Country, near: str | None = Near, km: float | None = Km,
    format: NetworkFormat = typer.Option(NetworkFormat.table, "--format", "-f"),
    limit: int | None = Limit, offset: int = Offset, db: str | None = Db, debug: bool = Debug,
) -> None:
    """Actor pairs with their event counts and summed Goldstein weight over a period."""
    from .. import query

    with opened(db, debug) as store:
        rows = query.network(store, start=start, end=end, actor=actor, type=type, min_events=min_events,
                             limit=limit, offset=offset, country=country, near=near, km=km)
    if format is NetworkFormat.graphml:
        from ..exports.network import network_graphml

        sys.stdout.write(network_graphml(rows))
        return
    emit(rows, format, ["source", "source_code", "target", "target_code", "events", "reports", "goldstein"],
         "network")


@app.command()
def quotes(
    speaker: str | None = typer.Option(None, "--speaker", help="Speaker name, alias or code."),
    text: str | None = typer.Option(None, "--text", help="Quotes containing this text."),
    format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f"),
    limit: int | None = Limit, offset: int = Offset, db: str | None = Db, debug: bool = Debug,
) -> None:
    """Quotes by speaker and/or text, with their documents."""
    from .. import query

    with opened(db, debug) as store:
        rows = query.quotes(store, speaker=speaker, text=text, limit=limit, offset=offset)
    emit(rows, format, ["speaker", "text", "document", "published"], "quotes")


@app.command()
def search(
    words: list[str] = typer.Argument(..., help='Words and "quoted phrases"; all must match.'),
    format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f"),
    limit: int | None = typer.Option(20, "--limit", min=1), offset: int = Offset,
    db: str | None = Db, debug: bool = Debug,
) -> None:
    """Full-text search over stored documents, best first, with snippets."""
    from .. import query

    text = " ".join(f'"{w}"' if " " in w else w for w in words)
    with opened(db, debug) as store:
        rows = query.search(store, text, limit=limit, offset=offset)
    emit(rows, format, ["document_id", "title", "published", "snippet"], f"search {text}")


@app.command("actors")
def actors_command(
    name: str | None = typer.Argument(None, help="Part of a name or alias."),
    type: str | None = typer.Option(None, "--type", help="PERSON, ORG, GPE, LOC or GROUP."),
    country: str | None = typer.Option(None, "--country", help="ISO 3166 alpha-3 code."),
    format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f"),
    limit: int | None = Limit, offset: int = Offset, db: str | None = Db, debug: bool = Debug,
) -> None:
    """Actors with mention counts, roles and codes, most mentioned first."""
    from .. import query

    with opened(db, debug) as store:
        rows = query.actors(store, name=name, type=type, country=country, limit=limit, offset=offset)
    emit(rows, format, ["name", "type", "country", "code", "mentions", "documents", "events", "roles"], "actors")


@app.command()
def docs(
    tag: str | None = typer.Option(None, "--tag", help="Documents with this tag."),
    genre: str | None = typer.Option(None, "--genre"),
    start: str | None = typer.Option(None, "--from", "--start", help="Published from this date."),
    end: str | None = typer.Option(None, "--to", "--end", help="Published up to this date."),
    duplicates: bool = typer.Option(True, "--duplicates/--no-duplicates", help="List near-duplicates too."),
    format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f"),
    limit: int | None = Limit, offset: int = Offset, db: str | None = Db, debug: bool = Debug,
) -> None:
    """Stored documents by publication date, with their counts."""
    from .. import query

    with opened(db, debug) as store:
        rows = query.docs(store, tag=tag, genre=genre, start=start, end=end, duplicates=duplicates,
                          limit=limit, offset=offset)
    if format is QueryFormat.table:
        for row in rows:
            row["title"] = row["title"] or row["source"]
    emit(rows, format, ["id", "published", "title", "genre", "actors", "events", "quotes", "duplicate_of"],
         "documents")


@app.command()
def export(
    what: ExportWhat = typer.Argument(..., help="events or records."),
    format: ExportFormat | None = typer.Option(None, "--format", "-f",
                                               help="events: csv (default) or parquet; records: jsonl."),
    output: str | None = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
    duplicates: bool = typer.Option(False, "--duplicates", help="records: add a line for each near-duplicate."),
    db: str | None = Db, debug: bool = Debug,
) -> None:
    """Export events (GDELT-like CSV or Parquet) or the stored records (JSON Lines)."""
    from .. import export as exporting

    format = format or {ExportWhat.records: ExportFormat.jsonl, ExportWhat.network: ExportFormat.graphml}.get(
        what, ExportFormat.csv)
    if (what.value, format.value) in _more_exports():
        with opened(db, debug) as store:
            count = _more_exports()[(what.value, format.value)](store, output)
        if output and output != "-":
            typer.echo(f"{output}: {count} {what.value}", err=True)
        return
    allowed = {ExportWhat.events: (ExportFormat.csv, ExportFormat.parquet), ExportWhat.records: (ExportFormat.jsonl,)}
    if format not in allowed[what]:
        error_line(f"--format {format.value} is not a format for {what.value} "
             f"(use {' or '.join(f.value for f in allowed[what])})")
        raise typer.Exit(2)
    with opened(db, debug) as store:
        writer: Callable[..., int]
        if format is ExportFormat.parquet:
            target: Any = output if output and output != "-" else sys.stdout.buffer
            count = exporting.write_events_parquet(store, target)
        else:
            writer = exporting.write_events_csv if format is ExportFormat.csv else exporting.write_records_jsonl
            kwargs = {"duplicates": duplicates} if what is ExportWhat.records else {}
            if output and output != "-":
                with open(output, "w", encoding="utf-8", newline="") as out:
                    count = writer(store, out, **kwargs)
            else:
                count = writer(store, sys.stdout, **kwargs)
    if output and output != "-":
        typer.echo(f"{output}: {count} {what.value}", err=True)


@app.command()
def stats(db: str | None = Db, format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f"),
          debug: bool = Debug) -> None:
    """Rows per table of the store (documents, actors, events, evidence, ...)."""
    with opened(db, debug) as store:
        counts = store.counts()
    emit([{"table": k, "rows": v} for k, v in counts.items()], format, ["table", "rows"], "store")


@app.command()
def serve(
    db: str | None = Db,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    protect_reads: bool = typer.Option(False, "--protect-reads", help="Queries need the bearer token too "
                                       "(also $BRIEFGRAPH_API_PROTECT_READS=1)."),
    max_body: str = typer.Option("5MB", "--max-body", help="Largest request body accepted."),
    debug: bool = Debug,
) -> None:
    """Serve the JSON API (OpenAPI at /openapi.json). `POST /documents` needs the bearer token
    from $BRIEFGRAPH_API_TOKEN (or the file named by $BRIEFGRAPH_API_TOKEN_FILE)."""
    import uvicorn

    from ..web import Settings, create_app

    settings = Settings.from_env(db=db, protect_reads=protect_reads or None, max_body_bytes=parse_size(max_body))
    with opened(settings.db, debug) as store:
        settings.store = store
        if not settings.token:
            err.print("note: no API token set (BRIEFGRAPH_API_TOKEN): POST /documents is disabled")
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info" if debug else "warning")
