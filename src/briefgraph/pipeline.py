"""The pipeline: the list of stages, and the runner that applies them to documents.

Each stage is a pure function from the document so far (`Analysis`) to its
additions (a dict of `Analysis` fields), built by a factory from an explicit
`Knowledge`. A batched stage takes a list of analyses and returns one dict of
additions per analysis (the spaCy parse runs that way, with `nlp.pipe`).

Error policy: stages raise. The runner isolates the document a stage failed on
(it becomes a `Failure`; the other documents of the batch go on); notes about
partial results travel in the record's `diagnostics`, never in warnings or logs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import BriefgraphError
from .knowledge import Knowledge
from .records import Analysis, Failure, RawDocument, normalise_text
from .stages import actors, events, parse, places, quotes, structure, times, truecase

StageRun = Callable[..., Any]
INPUT_FIELDS = ("raw", "text")


class PipelineError(BriefgraphError):
    """The stage list is not runnable: a stage requires a field no earlier stage assigns."""


@dataclass(frozen=True)
class Stage:
    """A step of the pipeline: `build(knowledge)` gives its run function."""

    name: str
    build: Callable[[Knowledge], StageRun]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    batched: bool = False


STAGES: tuple[Stage, ...] = (
    Stage("structure", structure.build, requires=("text",), assigns=("document", "analysed_text")),
    Stage("truecase", truecase.build, requires=("analysed_text",), assigns=("analysed_text",)),
    Stage("parse", parse.build, requires=("analysed_text",), assigns=("nlp",), batched=True),
    Stage("actors", actors.build, requires=("nlp", "document"), assigns=("actors",)),
    Stage("quotes", quotes.build, requires=("nlp", "document", "actors"), assigns=("quotes",)),
    Stage("times", times.build, requires=("nlp", "document", "quotes"), assigns=("times",)),
    Stage("events", events.build, requires=("nlp", "document", "actors", "times", "quotes"), assigns=("events",)),
    Stage("places", places.build, requires=("nlp", "document", "actors", "events"), assigns=("events",)),
)


def check_order(stages: Sequence[Stage]) -> None:
    """Raise PipelineError unless every stage's requirements are assigned before it."""
    available = set(INPUT_FIELDS)
    for stage in stages:
        missing = [f for f in stage.requires if f not in available]
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {', '.join(missing)}, "
                                "which no earlier stage assigns")
        available.update(stage.assigns)


@dataclass(frozen=True)
class Pipeline:
    """The stages built for one `Knowledge`, checked for order."""

    stages: tuple[tuple[Stage, StageRun], ...]

    @classmethod
    def build(cls, knowledge: Knowledge | None = None, stages: Iterable[Stage] = STAGES) -> Pipeline:
        stages = tuple(stages)
        check_order(stages)
        knowledge = knowledge or Knowledge.default()
        return cls(tuple((stage, stage.build(knowledge)) for stage in stages))

    def run(self, analyses: list[Analysis], debug: bool = False,
            ) -> tuple[list[Analysis | None], list[Failure | None]]:
        """Apply every stage to a batch; a failed document becomes None with its Failure.

        A bug in a stage (any exception) fails only the document it met, with an
        "internal error" reason, so one odd document cannot sink a run of
        thousands; `debug=True` lets unexpected exceptions raise for their traceback.
        """
        current: list[Analysis | None] = list(analyses)
        failures: list[Failure | None] = [None] * len(analyses)
        for stage, run in self.stages:
            live = [i for i, a in enumerate(current) if a is not None]
            if stage.batched:
                _run_batched(stage, run, live, current, failures, debug)
            else:
                for i in live:
                    _run_one(stage, run, i, current, failures, debug)
        return current, failures


def _run_batched(stage: Stage, run: StageRun, live: list[int], current: list[Analysis | None],
                 failures: list[Failure | None], debug: bool) -> None:
    batch = [_live(current, i) for i in live]
    try:
        outs = run(batch)
    except Exception as exc:
        if debug and not isinstance(exc, BriefgraphError):
            raise
        for i in live:
            failures[i] = Failure(_live(current, i).raw.source, _reason(stage, exc))
            current[i] = None
        return
    for i, additions in zip(live, outs, strict=True):
        current[i] = _apply(stage, _live(current, i), additions)


def _run_one(stage: Stage, run: StageRun, i: int, current: list[Analysis | None],
             failures: list[Failure | None], debug: bool) -> None:
    analysis = _live(current, i)
    try:
        current[i] = _apply(stage, analysis, run(analysis))
    except Exception as exc:
        if debug and not isinstance(exc, BriefgraphError):
            raise
        failures[i] = Failure(analysis.raw.source, _reason(stage, exc))
        current[i] = None


def _live(current: list[Analysis | None], i: int) -> Analysis:
    analysis = current[i]
    assert analysis is not None
    return analysis


def _apply(stage: Stage, analysis: Analysis, additions: dict[str, Any]) -> Analysis:
    """The analysis with a stage's additions; diagnostics are appended, not replaced."""
    additions = dict(additions)
    notes = additions.pop("diagnostics", [])
    undeclared = set(additions) - set(stage.assigns)
    if undeclared:
        raise PipelineError(f"stage {stage.name!r} returned undeclared fields: {sorted(undeclared)}")
    if notes:
        additions["diagnostics"] = [*analysis.diagnostics, *(f"{stage.name}: {n}" for n in notes)]
    return analysis.with_additions(additions)


def _reason(stage: Stage, exc: Exception) -> str:
    if isinstance(exc, BriefgraphError):
        return f"{stage.name}: {exc}"
    return (f"internal error in the {stage.name} stage ({type(exc).__name__}: {exc}); "
            "please report it with the input (run with --debug for the traceback)")


def start_analysis(raw: RawDocument) -> Analysis:
    return Analysis(raw=raw, text=normalise_text(raw.text))


def run_stages(analyses: list[Analysis], stages: Iterable[Stage] = STAGES, debug: bool = False,
               knowledge: Knowledge | None = None) -> tuple[list[Analysis | None], list[Failure | None]]:
    """Build the stages for `knowledge` (the shipped one by default) and run them on a batch."""
    return Pipeline.build(knowledge, stages).run(analyses, debug=debug)


def analyse(raws: Iterable[RawDocument | Failure], batch_size: int = 16, stages: Iterable[Stage] = STAGES,
            debug: bool = False, knowledge: Knowledge | None = None) -> Iterator[Analysis | Failure]:
    """Analyse documents in input order, in batches; failures pass through in place."""
    pipeline = Pipeline.build(knowledge, stages)
    batch: list[RawDocument | Failure] = []

    def flush() -> Iterator[Analysis | Failure]:
        docs = [item for item in batch if isinstance(item, RawDocument)]
        done, failed = pipeline.run([start_analysis(raw) for raw in docs], debug=debug)
        results = iter(zip(done, failed, strict=True))
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            analysis, failure = next(results)
            yield analysis if analysis is not None else failure  # type: ignore[misc]
        batch.clear()

    for raw in raws:
        batch.append(raw)
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()


def extract_text(text: str, published: str | None = None, title: str | None = None,
                 source: str = "<text>", knowledge: Knowledge | None = None) -> dict[str, Any]:
    """Extract the record of one text (the Python API's simplest entry point)."""
    raw = RawDocument(text=text, source=source, published=published, title=title)
    (result,) = analyse([raw], knowledge=knowledge)
    if isinstance(result, Failure):
        raise BriefgraphError(str(result))
    return result.to_record()
