"""The same pipeline on one process, on N local processes (`--workers N`) or on a
Dask distributed cluster (`--dask ADDRESS`).

Every runner takes documents lazily and yields, in input order, one extraction
record (a dict of spec/record.md) or one `Failure` per document. Each worker
process loads the spaCy model and the knowledge once (a process initializer, or
a Dask worker plugin) and then analyses whole batches. At most a few batches per
worker are in flight, so memory stays flat however long the input is; the
caller (the CLI, `ingest`) stays the single writer of the store or the output.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from multiprocessing import get_context
from typing import Any

from .errors import BriefgraphError
from .knowledge import Knowledge, KnowledgeFiles
from .pipeline import DEFAULT_BUDGET_SECONDS, DEFAULT_MAX_CHARS, Pipeline, analyse
from .records import Failure, RawDocument

Item = RawDocument | Failure
Result = dict[str, Any] | Failure
IN_FLIGHT_PER_WORKER = 2
PLUGIN_NAME = "briefgraph-pipeline"


class ParallelError(BriefgraphError):
    """The workers or the cluster cannot be started or reached."""


@dataclass(frozen=True)
class RunOptions:
    """How to run the pipeline: where (workers, dask), in what batches, with what knowledge."""

    workers: int = 1
    dask: str | None = None
    batch_size: int = 16
    knowledge: KnowledgeFiles = KnowledgeFiles()
    debug: bool = False
    loaded: Knowledge | None = None  # the same knowledge already loaded here, for the local runner
    budget_seconds: float | None = DEFAULT_BUDGET_SECONDS  # per document (pipeline.py)
    max_chars: int | None = DEFAULT_MAX_CHARS

    @classmethod
    def local(cls, knowledge: Knowledge | None = None, batch_size: int = 16, debug: bool = False) -> RunOptions:
        knowledge = knowledge or Knowledge.default()
        return cls(batch_size=batch_size, knowledge=knowledge.files, debug=debug, loaded=knowledge)


def parse_workers(value: str) -> int:
    """"auto" -> the number of cores; otherwise a positive whole number."""
    if value.strip().lower() == "auto":
        return max(1, os.cpu_count() or 1)
    if not value.strip().isdigit() or int(value) < 1:
        raise ValueError(f"--workers takes a positive number or 'auto', not {value!r}")
    return int(value)


def extract_records(items: Iterable[Item], options: RunOptions) -> Iterator[Result]:
    """Records (or Failures) of every document, in input order, on the runner `options` names."""
    if options.dask:
        return _windowed(items, options, _dask_submitter(options))
    if options.workers > 1:
        return _windowed(items, options, _pool_submitter(options))
    return _local(items, options)


def open_runner(options: RunOptions) -> Runner:
    """The worker pool or Dask client that `options` names, started now; `run_on` then runs
    documents on it (and closes it). For a caller that warms the workers first (the benchmark)."""
    if options.dask:
        return _dask_submitter(options)
    return _pool_submitter(options)


def run_on(runner: Runner, items: Iterable[Item], options: RunOptions) -> Iterator[Result]:
    """Records (or Failures) of every document on an open runner, in input order; closes it at the end."""
    return _windowed(items, options, runner)


def _local(items: Iterable[Item], options: RunOptions) -> Iterator[Result]:
    knowledge = options.loaded or options.knowledge.load()
    for result in analyse(items, batch_size=options.batch_size, knowledge=knowledge, debug=options.debug,
                          budget_seconds=options.budget_seconds, max_chars=options.max_chars):
        yield result if isinstance(result, Failure) else result.to_record()


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass(frozen=True)
class Runner:
    """Where batches go: `submit` returns a future of the batch's results."""

    submit: Callable[[list[Item]], Future[list[Result]]]
    close: Callable[[], None]
    workers: int


def _windowed(items: Iterable[Item], options: RunOptions, runner: Runner) -> Iterator[Result]:
    """Submit batches with a bounded window, yield their results in submission order."""
    window = max(2, IN_FLIGHT_PER_WORKER * runner.workers)
    pending: deque[Future[list[Result]]] = deque()
    try:
        for batch in batches(items, options.batch_size):
            pending.append(runner.submit(batch))
            while len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        runner.close()


# ---- local processes -------------------------------------------------------------------

_WORKER: dict[str, Any] = {}  # this worker process's pipeline, built once by _init_worker


def init_worker(files: KnowledgeFiles, debug: bool, budget_seconds: float | None = DEFAULT_BUDGET_SECONDS,
                max_chars: int | None = DEFAULT_MAX_CHARS) -> None:
    """Load the model and build the pipeline once in this worker process."""
    from .nlp import load_nlp

    load_nlp()
    _WORKER["pipeline"] = Pipeline.build(files.load(), budget_seconds=budget_seconds, max_chars=max_chars)
    _WORKER["debug"] = debug


def clear_worker() -> None:
    _WORKER.clear()


def _run_batch(batch: list[Item]) -> list[Result]:
    return run_batch(_WORKER["pipeline"], batch, _WORKER["debug"])


def run_batch(pipeline: Pipeline, batch: list[Item], debug: bool = False) -> list[Result]:
    """Analyse one batch with a built pipeline; Failures keep their places."""
    from .pipeline import start_analysis

    docs = [item for item in batch if isinstance(item, RawDocument)]
    done, failed = pipeline.run([start_analysis(raw) for raw in docs], debug=debug)
    results = iter(zip(done, failed, strict=True))
    out: list[Result] = []
    for item in batch:
        if isinstance(item, Failure):
            out.append(item)
            continue
        analysis, failure = next(results)
        out.append(analysis.to_record() if analysis is not None else failure)  # type: ignore[arg-type]
    return out


def _pool_submitter(options: RunOptions) -> Runner:
    pool = ProcessPoolExecutor(max_workers=options.workers, mp_context=get_context("spawn"),
                               initializer=init_worker,
                               initargs=(options.knowledge, options.debug, options.budget_seconds, options.max_chars))
    return Runner(lambda batch: pool.submit(_run_batch, batch), lambda: pool.shutdown(cancel_futures=True),
                  options.workers)


# ---- Dask distributed ------------------------------------------------------------------

def _dask_batch(batch: list[Item]) -> list[Result]:
    if "pipeline" not in _WORKER:  # the plugin runs first on every worker; this is a safety net
        init_worker(KnowledgeFiles(), False)
    return _run_batch(batch)


def dask_client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - dask is a dependency
        raise ParallelError(f"Dask distributed is not installed ({exc})") from None
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise ParallelError(f"{address}: cannot reach the Dask scheduler ({exc})") from None


def _dask_submitter(options: RunOptions) -> Runner:
    assert options.dask
    client = dask_client(options.dask)
    from .dask_plugin import PipelinePlugin

    client.register_plugin(PipelinePlugin(options.knowledge, options.debug), name=PLUGIN_NAME)
    workers = max(1, len(client.scheduler_info().get("workers", {})))  # the window follows the cluster

    def submit(batch: list[Item]) -> Future[list[Result]]:
        return client.submit(_dask_batch, batch, pure=False)

    return Runner(submit, client.close, workers)
