"""The same pipeline on one process, on N local processes (`--workers N`) or on a
Dask distributed cluster (`--dask ADDRESS`).

Every runner takes documents lazily and yields, in input order, one extraction
record (a dict of spec/record.md) or one `Failure` per document. Each worker
process loads the spaCy model and the knowledge once, runs one small warm-up text
through the stages, and keeps its numerical libraries (BLAS, OpenMP) to one thread
(a process initializer, or a Dask worker plugin): N workers on N cores then use N
cores, not N times the library's own threads. Batches go out as workers free up;
finished batches wait in a small reorder buffer until every earlier one is out, so
a slow batch at the head never idles the other workers while the order is kept.
At most a few batches per worker are in flight or buffered, so memory stays flat
however long the input is; the caller (the CLI, `ingest`) stays the single writer
of the store or the output.
"""

from __future__ import annotations

import os
import queue
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import islice
from multiprocessing import get_context
from typing import Any

from .errors import BriefgraphError
from .knowledge import Knowledge, KnowledgeFiles
from .pipeline import DEFAULT_BUDGET_SECONDS, DEFAULT_MAX_CHARS, Pipeline, analyse
from .records import Failure, RawDocument

Item = RawDocument | Failure
Result = dict[str, Any] | Failure
IN_FLIGHT_PER_WORKER = 2  # batches submitted and not finished, per worker
BUFFERED_PER_WORKER = 2  # finished batches waiting for an earlier one, per worker
WORKER_THREADS = 1  # threads of BLAS/OpenMP in each worker process
PLUGIN_NAME = "briefgraph-pipeline"
WARM_UP_TEXT = ("Kenya and Uganda agreed on Monday to reopen the border crossing at Busia, "
                "the foreign minister said in Nairobi on 3 May 2024.")


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
        return ordered(items, options, _dask_submitter(options))
    if options.workers > 1:
        return ordered(items, options, _pool_submitter(options))
    return _local(items, options)


def open_runner(options: RunOptions) -> Runner:
    """The worker pool or Dask client that `options` names, started now; `run_on` then runs
    documents on it (and closes it). For a caller that warms the workers first (the benchmark)."""
    if options.dask:
        return _dask_submitter(options)
    return _pool_submitter(options)


def run_on(runner: Runner, items: Iterable[Item], options: RunOptions) -> Iterator[Result]:
    """Records (or Failures) of every document on an open runner, in input order; closes it at the end."""
    return ordered(items, options, runner)


def _local(items: Iterable[Item], options: RunOptions) -> Iterator[Result]:
    knowledge = options.loaded or options.knowledge.load()
    for result in analyse(items, batch_size=options.batch_size, knowledge=knowledge, debug=options.debug,
                          budget_seconds=options.budget_seconds, max_chars=options.max_chars):
        yield result if isinstance(result, Failure) else result.to_record()


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


WorkerInfo = dict[str, Any]  # {"pid": ..., "threads": {library: threads}} of one worker process


@dataclass(frozen=True)
class Runner:
    """Where batches go: `submit` returns a future of the batch's results (a concurrent.futures
    or a Dask future: `add_done_callback`, `result`, `cancel`); `ready` waits until every
    worker has built its pipeline and tells what each one is."""

    submit: Callable[[list[Item]], Any]
    close: Callable[[], None]
    workers: int
    ready: Callable[[], list[WorkerInfo]]


def ordered(items: Iterable[Item], options: RunOptions, runner: Runner) -> Iterator[Result]:
    """Submit batches as workers free up and yield their results in input order.

    At most IN_FLIGHT_PER_WORKER batches per worker are unfinished, and at most
    BUFFERED_PER_WORKER more per worker wait finished for an earlier batch."""
    in_flight = max(2, IN_FLIGHT_PER_WORKER * runner.workers)
    held = in_flight + BUFFERED_PER_WORKER * runner.workers
    finished: queue.SimpleQueue[int] = queue.SimpleQueue()
    pending: dict[int, Any] = {}
    done: dict[int, list[Result]] = {}
    source = enumerate(batches(items, options.batch_size))
    head, exhausted = 0, False
    try:
        while True:
            while not exhausted and len(pending) < in_flight and len(pending) + len(done) < held:
                nxt = next(source, None)
                if nxt is None:
                    exhausted = True
                    break
                index, batch = nxt
                pending[index] = future = runner.submit(batch)
                future.add_done_callback(lambda _f, i=index: finished.put(i))
            if head in done:
                yield from done.pop(head)
                head += 1
            elif pending:
                index = finished.get()
                done[index] = _result(pending.pop(index))
            else:
                return
    finally:
        for future in pending.values():
            future.cancel()
        runner.close()


def _result(future: Any) -> Any:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise ParallelError(f"a worker process died ({exc})") from None


# ---- one worker process ----------------------------------------------------------------

_WORKER: dict[str, Any] = {}  # this worker process's pipeline, built once by init_worker


def limit_threads(threads: int = WORKER_THREADS) -> dict[str, int]:
    """Keep this process's BLAS and OpenMP libraries to `threads` threads each (spaCy
    runs one batch at a time; a pool of extra threads per worker only competes with the
    other workers for the cores). Returns the thread count of each library loaded."""
    from threadpoolctl import threadpool_info, threadpool_limits

    threadpool_limits(limits=threads)
    return {str(info["internal_api"]): int(info["num_threads"]) for info in threadpool_info()}


def init_worker(files: KnowledgeFiles, debug: bool, budget_seconds: float | None = DEFAULT_BUDGET_SECONDS,
                max_chars: int | None = DEFAULT_MAX_CHARS) -> None:
    """Load the model and build the pipeline once in this worker process, keep its numerical
    libraries to one thread, and run a warm-up text (first-call costs are paid here, not
    by the first batch)."""
    from .nlp import load_nlp

    load_nlp()
    _WORKER["threads"] = limit_threads()
    _WORKER["pipeline"] = pipeline = Pipeline.build(files.load(), budget_seconds=budget_seconds,
                                                    max_chars=max_chars)
    _WORKER["debug"] = debug
    # no time budget here: first calls load lazily (the gazetteer of the places stage), which
    # on a loaded machine can take longer than a document may
    run_batch(replace(pipeline, budget_seconds=None),
              [RawDocument(text=WARM_UP_TEXT, source="<warm-up>", published="2024-05-03")])


def clear_worker() -> None:
    _WORKER.clear()


def worker_info(pause: float = 0.0) -> WorkerInfo:
    """This worker process: its pid and its libraries' thread counts (after `pause` seconds,
    so that a pool hands these calls to every worker)."""
    time.sleep(pause)
    return {"pid": os.getpid(), "threads": dict(_WORKER.get("threads", {})), "ready": "pipeline" in _WORKER}


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


# ---- local processes -------------------------------------------------------------------

def _pool_submitter(options: RunOptions) -> Runner:
    pool = ProcessPoolExecutor(max_workers=options.workers, mp_context=get_context("spawn"),
                               initializer=init_worker,
                               initargs=(options.knowledge, options.debug, options.budget_seconds, options.max_chars))

    def ready(timeout: float = 600.0) -> list[WorkerInfo]:
        """Ask until every worker process has answered (a call reaches a worker only once
        its initializer is done)."""
        seen: dict[int, WorkerInfo] = {}
        deadline = time.monotonic() + timeout
        while len(seen) < options.workers:
            if time.monotonic() > deadline:
                raise ParallelError(f"only {len(seen)} of {options.workers} workers started in {timeout:g} s")
            calls = [pool.submit(worker_info, 0.05) for _ in range(options.workers)]
            for call in calls:
                info = _result(call)
                seen[info["pid"]] = info
        return list(seen.values())

    return Runner(lambda batch: pool.submit(_run_batch, batch), lambda: pool.shutdown(cancel_futures=True),
                  options.workers, ready)


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

    # registering waits until the plugin has set up every worker of the cluster
    client.register_plugin(PipelinePlugin(options.knowledge, options.debug, options.budget_seconds,
                                          options.max_chars), name=PLUGIN_NAME)
    workers = max(1, len(client.scheduler_info().get("workers", {})))  # the window follows the cluster

    def submit(batch: list[Item]) -> Any:
        return client.submit(_dask_batch, batch, pure=False)

    def ready() -> list[WorkerInfo]:
        return list(client.run(worker_info).values())

    return Runner(submit, client.close, workers, ready)
