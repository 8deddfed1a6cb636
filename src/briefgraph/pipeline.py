"""The pipeline: the list of stages, and the runner that applies them to documents.

Each stage is a pure function from the document so far (`Analysis`) to its
additions (a dict of `Analysis` fields), built by a factory from an explicit
`Knowledge`. A batched stage takes a list of analyses and returns one dict of
additions per analysis (the spaCy parse runs that way, with `nlp.pipe`).

Error policy: stages raise. The runner isolates the document a stage failed on
(it becomes a `Failure`; the other documents of the batch go on); notes about
partial results travel in the record's `diagnostics`, never in warnings or logs.

Resource limits (issue 14): a text over `max_chars` is refused before any stage,
and a document that takes more than `budget_seconds` over the stages is stopped
and reported ("took over N s"); the others of its batch go on.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import BriefgraphError
from .knowledge import Knowledge
from .readers.dates import published_date
from .records import Analysis, Failure, RawDocument, normalise_text
from .stages import (
    actors,
    affiliation,
    events,
    incidents,
    magnitudes,
    parse,
    places,
    quotes,
    structure,
    times,
    truecase,
)

StageRun = Callable[..., Any]
INPUT_FIELDS = ("raw", "text")
DEFAULT_MAX_CHARS = 1_000_000  # spaCy's own limit (nlp.max_length): a longer text is refused on its own
DEFAULT_BUDGET_SECONDS = 60.0  # per document, over all the stages


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
    # `prepare(knowledge)` gives a function run on each document before the stage, outside
    # its time budget: it loads the lazy data that document will need (a cost of the run,
    # not of the document), so a first caseless text is not failed for the case lexicon.
    prepare: Callable[[Knowledge], Callable[[Analysis], object]] | None = None


STAGES: tuple[Stage, ...] = (
    Stage("structure", structure.build, requires=("text",), assigns=("document", "analysed_text"),
          prepare=truecase.prepare),
    Stage("truecase", truecase.build, requires=("analysed_text",), assigns=("analysed_text",),
          prepare=truecase.prepare),
    Stage("parse", parse.build, requires=("analysed_text",), assigns=("nlp",), batched=True),
    Stage("actors", actors.build, requires=("nlp", "document"), assigns=("actors",)),
    Stage("quotes", quotes.build, requires=("nlp", "document", "actors"), assigns=("quotes",)),
    Stage("times", times.build, requires=("nlp", "document", "quotes"), assigns=("times",)),
    Stage("events", events.build, requires=("nlp", "document", "actors", "times", "quotes"),
          assigns=("events", "actors")),
    Stage("magnitudes", magnitudes.build, requires=("nlp", "events"), assigns=("events",)),
    Stage("places", places.build, requires=("nlp", "document", "actors", "events"), assigns=("events",)),
    Stage("affiliation", affiliation.build, requires=("nlp", "document", "actors", "events", "quotes"),
          assigns=("actors",)),
    Stage("incidents", incidents.build, requires=("events",), assigns=("events", "incidents")),
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


class OverBudget(BriefgraphError):
    """A document took longer than the pipeline's per-document time budget."""


@dataclass(frozen=True)
class Pipeline:
    """The stages built for one `Knowledge`, checked for order, with the per-document limits."""

    stages: tuple[tuple[Stage, StageRun], ...]
    budget_seconds: float | None = DEFAULT_BUDGET_SECONDS
    max_chars: int | None = DEFAULT_MAX_CHARS
    prepares: dict[str, Callable[[Analysis], object]] = field(default_factory=dict)

    @classmethod
    def build(cls, knowledge: Knowledge | None = None, stages: Iterable[Stage] = STAGES,
              budget_seconds: float | None = DEFAULT_BUDGET_SECONDS,
              max_chars: int | None = DEFAULT_MAX_CHARS) -> Pipeline:
        stages = tuple(stages)
        check_order(stages)
        knowledge = knowledge or Knowledge.default()
        prepares = {stage.name: stage.prepare(knowledge) for stage in stages if stage.prepare is not None}
        return cls(tuple((stage, stage.build(knowledge)) for stage in stages), budget_seconds, max_chars,
                   prepares)

    def run(self, analyses: list[Analysis], debug: bool = False,
            ) -> tuple[list[Analysis | None], list[Failure | None]]:
        """Apply every stage to a batch; a failed document becomes None with its Failure.

        A bug in a stage (any exception) fails only the document it met, with an
        "internal error" reason, so one odd document cannot sink a run of
        thousands; `debug=True` lets unexpected exceptions raise for their traceback.
        A text over `max_chars` fails before the stages; a document over its time
        budget fails where it is (a timer interrupts a stage when this is the main
        thread; elsewhere the budget is checked between stages).
        """
        current: list[Analysis | None] = list(analyses)
        failures: list[Failure | None] = [None] * len(analyses)
        spent = [0.0] * len(analyses)
        for i, analysis in enumerate(analyses):
            if self.max_chars is not None and len(analysis.text) > self.max_chars:
                failures[i] = Failure(analysis.raw.source, f"text is {len(analysis.text):,} characters, over the "
                                      f"{self.max_chars:,} limit (split the document)")
                current[i] = None
        for stage, run in self.stages:
            live = [i for i, a in enumerate(current) if a is not None]
            started = time.monotonic()
            if stage.batched:
                _run_batched(stage, run, live, current, failures, debug)
                for i in live:
                    spent[i] += (time.monotonic() - started) / len(live)
            else:
                for i in live:
                    self._prepare(stage, i, current, failures, debug)
                    if current[i] is None:
                        continue
                    started = time.monotonic()
                    left = None if self.budget_seconds is None else self.budget_seconds - spent[i]
                    _run_one(stage, run, i, current, failures, debug, left, self.budget_seconds)
                    spent[i] += time.monotonic() - started
            self._stop_over_budget(stage, live, spent, current, failures)
        return current, failures

    def _prepare(self, stage: Stage, i: int, current: list[Analysis | None],
                 failures: list[Failure | None], debug: bool) -> None:
        prepare = self.prepares.get(stage.name)
        if prepare is None:
            return
        analysis = _live(current, i)
        try:
            prepare(analysis)
        except Exception as exc:
            if debug and not isinstance(exc, BriefgraphError):
                raise
            failures[i] = Failure(analysis.raw.source, _reason(stage, exc))
            current[i] = None

    def _stop_over_budget(self, stage: Stage, live: list[int], spent: list[float],
                          current: list[Analysis | None], failures: list[Failure | None]) -> None:
        if self.budget_seconds is None:
            return
        for i in live:
            analysis = current[i]
            if analysis is not None and spent[i] > self.budget_seconds:
                failures[i] = Failure(analysis.raw.source, f"took over {self.budget_seconds:g} s "
                                      f"(stopped after the {stage.name} stage)")
                current[i] = None


@contextmanager
def _time_limit(seconds: float | None, message: str) -> Iterator[None]:
    """Raise OverBudget in this thread after `seconds`, and again every quarter second
    (in case a stage's own `except` swallowed it), if this is the main thread and
    SIGALRM is free; otherwise do nothing (the runner checks between stages)."""
    usable = (seconds is not None and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread()
              and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
              and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    if not usable:
        yield
        return
    assert seconds is not None
    armed = [True]

    def expired(_signum: int, _frame: Any) -> None:
        if armed[0]:
            raise OverBudget(message)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001), 0.25)
    try:
        yield
    finally:
        while armed[0]:  # an alarm landing here must not leave the timer running
            try:
                armed[0] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
            except OverBudget:
                armed[0] = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run_batched(stage: Stage, run: StageRun, live: list[int], current: list[Analysis | None],
                 failures: list[Failure | None], debug: bool) -> None:
    batch = [_live(current, i) for i in live]
    try:
        outs = run(batch)
    except Exception as exc:
        if debug and not isinstance(exc, BriefgraphError):
            raise
        if len(live) > 1:  # find the document it was: each one again on its own
            for i in live:
                _run_batched(stage, run, [i], current, failures, debug)
            return
        for i in live:
            failures[i] = Failure(_live(current, i).raw.source, _reason(stage, exc))
            current[i] = None
        return
    for i, additions in zip(live, outs, strict=True):
        current[i] = _apply(stage, _live(current, i), additions)


def _run_one(stage: Stage, run: StageRun, i: int, current: list[Analysis | None],
             failures: list[Failure | None], debug: bool, seconds: float | None = None,
             budget: float | None = None) -> None:
    analysis = _live(current, i)
    try:
        with _time_limit(seconds, f"took over {budget or seconds or 0:g} s (stopped in the {stage.name} stage)"):
            additions = run(analysis)
        current[i] = _apply(stage, analysis, additions)
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
    if isinstance(exc, OverBudget):
        return str(exc)
    if isinstance(exc, BriefgraphError):
        return f"{stage.name}: {exc}"
    return (f"internal error in the {stage.name} stage ({type(exc).__name__}: {exc}); "
            "please report it with the input (run with --debug for the traceback)")


def start_analysis(raw: RawDocument) -> Analysis:
    """The analysis a document starts as; a `published` hint that is no real date
    ("2024-02-30") is dropped with a diagnostic, so the record never carries it."""
    notes = []
    if raw.published is not None:
        published = published_date(raw.published)
        if published != raw.published:
            if published is None:
                notes.append(f"published {raw.published!r} is not a date: ignored")
            raw = replace(raw, published=published)
    return Analysis(raw=raw, text=normalise_text(raw.text), diagnostics=notes)


def run_stages(analyses: list[Analysis], stages: Iterable[Stage] = STAGES, debug: bool = False,
               knowledge: Knowledge | None = None) -> tuple[list[Analysis | None], list[Failure | None]]:
    """Build the stages for `knowledge` (the shipped one by default) and run them on a batch."""
    return Pipeline.build(knowledge, stages).run(analyses, debug=debug)


def analyse(raws: Iterable[RawDocument | Failure], batch_size: int = 16, stages: Iterable[Stage] = STAGES,
            debug: bool = False, knowledge: Knowledge | None = None,
            budget_seconds: float | None = DEFAULT_BUDGET_SECONDS,
            max_chars: int | None = DEFAULT_MAX_CHARS) -> Iterator[Analysis | Failure]:
    """Analyse documents in input order, in batches; failures pass through in place.
    A text over `max_chars`, or a document over `budget_seconds`, fails alone."""
    pipeline = Pipeline.build(knowledge, stages, budget_seconds=budget_seconds, max_chars=max_chars)
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
                 source: str = "<text>", knowledge: Knowledge | None = None,
                 budget_seconds: float | None = DEFAULT_BUDGET_SECONDS,
                 max_chars: int | None = DEFAULT_MAX_CHARS) -> dict[str, Any]:
    """Extract the record of one text (the Python API's simplest entry point)."""
    raw = RawDocument(text=text, source=source, published=published, title=title)
    (result,) = analyse([raw], knowledge=knowledge, budget_seconds=budget_seconds, max_chars=max_chars)
    if isinstance(result, Failure):
        raise BriefgraphError(str(result))
    return result.to_record()
