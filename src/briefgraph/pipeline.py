"""The pipeline: the list of stages, and the runner that applies them to documents.

Each stage is a pure function from the document so far (`Analysis`) to its
additions (a dict of `Analysis` fields). A batched stage takes a list of
analyses and returns one dict of additions per analysis (the spaCy parse runs
that way, with `nlp.pipe`). A document whose stage fails is reported and
dropped; the other documents of the batch go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import BriefgraphError
from .records import Analysis, Failure, RawDocument, normalise_text
from .stages import actors, events, parse, places, quotes, structure, times


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[..., Any]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    batched: bool = False


STAGES: tuple[Stage, ...] = (
    Stage("structure", structure.find_structure, requires=("text",), assigns=("document", "analysed_text")),
    Stage("parse", parse.parse_batch, requires=("analysed_text",), assigns=("nlp",), batched=True),
    Stage("actors", actors.find_actors, requires=("nlp",), assigns=("actors",)),
    Stage("times", times.find_times, requires=("nlp", "document"), assigns=("times",)),
    Stage("quotes", quotes.find_quotes, requires=("nlp", "actors"), assigns=("quotes",)),
    Stage("events", events.find_events, requires=("nlp", "actors", "times", "quotes"), assigns=("events",)),
    Stage("places", places.find_places, requires=("nlp", "actors", "events"), assigns=("events",)),
)


def start_analysis(raw: RawDocument) -> Analysis:
    return Analysis(raw=raw, text=normalise_text(raw.text))


def run_stages(analyses: list[Analysis], stages: Iterable[Stage] = STAGES, debug: bool = False,
               ) -> tuple[list[Analysis | None], list[Failure | None]]:
    """Apply every stage to a batch; a failed document becomes None with its Failure.

    A bug in a stage (any other exception) fails only the document it met, with
    an "internal error" reason, so one odd document cannot sink a run of
    thousands; `debug=True` lets it raise for its traceback.
    """
    expected = BriefgraphError if debug else Exception
    current: list[Analysis | None] = list(analyses)
    failures: list[Failure | None] = [None] * len(analyses)
    for stage in stages:
        live = [i for i, a in enumerate(current) if a is not None]
        if stage.batched:
            try:
                outs = stage.run([current[i] for i in live])
            except expected as exc:
                for i in live:
                    failures[i] = Failure(current[i].raw.source, _reason(stage, exc))
                    current[i] = None
                continue
            for i, additions in zip(live, outs, strict=True):
                current[i] = current[i].with_additions(additions)
            continue
        for i in live:
            try:
                current[i] = current[i].with_additions(stage.run(current[i]))
            except expected as exc:
                failures[i] = Failure(current[i].raw.source, _reason(stage, exc))
                current[i] = None
    return current, failures


def _reason(stage: Stage, exc: Exception) -> str:
    if isinstance(exc, BriefgraphError):
        return f"{stage.name}: {exc}"
    return (f"internal error in the {stage.name} stage ({type(exc).__name__}: {exc}); "
            "please report it with the input (run with --debug for the traceback)")


def analyse(raws: Iterable[RawDocument | Failure], batch_size: int = 16,
            stages: Iterable[Stage] = STAGES, debug: bool = False) -> Iterator[Analysis | Failure]:
    """Analyse documents in input order, in batches; failures pass through in place."""
    stages = tuple(stages)
    batch: list[RawDocument | Failure] = []

    def flush() -> Iterator[Analysis | Failure]:
        docs = [item for item in batch if isinstance(item, RawDocument)]
        done, failed = run_stages([start_analysis(raw) for raw in docs], stages, debug=debug)
        results = iter(zip(done, failed, strict=True))
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            analysis, failure = next(results)
            yield analysis if analysis is not None else failure
        batch.clear()

    for raw in raws:
        batch.append(raw)
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()


def extract_text(text: str, published: str | None = None, title: str | None = None,
                 source: str = "<text>") -> dict[str, Any]:
    """Extract the record of one text (the Python API's simplest entry point)."""
    raw = RawDocument(text=text, source=source, published=published, title=title)
    (result,) = analyse([raw])
    if isinstance(result, Failure):
        raise BriefgraphError(str(result))
    return result.to_record()
