"""The ordered runner (a reorder buffer over futures that finish in any order) and the
worker processes' set-up (one thread per numerical library, the pipeline warm)."""

from __future__ import annotations

import random
import threading
from concurrent.futures import Future

import pytest

from briefgraph.parallel import (
    BUFFERED_PER_WORKER,
    IN_FLIGHT_PER_WORKER,
    ParallelError,
    Runner,
    RunOptions,
    limit_threads,
    open_runner,
    ordered,
)
from briefgraph.records import Failure, RawDocument


def _finish(future, batch, fail_on=None):
    if not future.set_running_or_notify_cancel():  # cancelled by the runner after a failure
        return
    if fail_on is not None and any(getattr(d, "text", None) == fail_on for d in batch):
        future.set_exception(RuntimeError("worker exploded"))
    else:
        future.set_result([item if isinstance(item, Failure) else {"text": item.text} for item in batch])


class ShuffledRunner:
    """A fake runner: once `workers` batches are unfinished (or a moment after the last
    submission), they finish in a shuffled order, each on a thread of its own."""

    def __init__(self, workers: int, seed: int = 3, fail_on: str | None = None):
        self.workers = workers
        self.rng = random.Random(seed)
        self.fail_on = fail_on
        self.unfinished: list[tuple[Future, list]] = []
        self.closed = False
        self.lock = threading.Lock()

    def submit(self, batch):
        future: Future = Future()
        with self.lock:
            self.unfinished.append((future, batch))
        if len(self.unfinished) >= self.workers:
            self._flush()
        else:
            threading.Timer(0.05, self._flush).start()  # the input may end here
        return future

    def _flush(self):
        with self.lock:
            chosen, self.unfinished = self.unfinished, []
        self.rng.shuffle(chosen)
        for pending, items in chosen:
            threading.Thread(target=_finish, args=(pending, items, self.fail_on)).start()

    def close(self):
        self.closed = True

    def runner(self) -> Runner:
        return Runner(self.submit, self.close, self.workers, lambda: [])


class SlowHeadRunner:
    """A fake runner whose first batch finishes late and every other one at once: the
    reorder buffer fills up behind it."""

    def __init__(self, workers: int):
        self.workers = workers
        self.submitted = 0

    def submit(self, batch):
        future: Future = Future()
        self.submitted += 1
        if self.submitted == 1:
            threading.Timer(0.3, _finish, args=(future, batch)).start()
        else:
            _finish(future, batch)
        return future

    def runner(self) -> Runner:
        return Runner(self.submit, lambda: None, self.workers, lambda: [])


def _docs(n):
    return [Failure(f"bad-{i}", "unreadable") if i % 7 == 3 else RawDocument(text=f"doc {i}", source=str(i))
            for i in range(n)]


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_results_come_out_in_input_order_whatever_order_batches_finish_in(workers):
    docs = _docs(53)
    fake = ShuffledRunner(workers, seed=workers)
    out = list(ordered(docs, RunOptions(batch_size=3), fake.runner()))
    assert [r.source if isinstance(r, Failure) else r["text"] for r in out] == \
        [d.source if isinstance(d, Failure) else d.text for d in docs], "records must keep the input order"
    assert fake.closed, "the runner is closed at the end"


def test_batches_held_at_once_stay_bounded_behind_a_slow_first_batch():
    fake = SlowHeadRunner(2)
    bound = (IN_FLIGHT_PER_WORKER + BUFFERED_PER_WORKER) * 2
    most = 0
    for n, _ in enumerate(ordered(_docs(200), RunOptions(batch_size=2), fake.runner()), start=1):
        most = max(most, fake.submitted - n // 2)  # batches submitted and not yet given out whole
    assert most <= bound, f"{most} batches held at once, over the bound of {bound}: memory would grow"
    assert fake.submitted == 100


def test_a_failed_batch_raises_and_closes_the_runner():
    fake = ShuffledRunner(2, fail_on="doc 20")
    with pytest.raises(RuntimeError, match="worker exploded"):
        list(ordered(_docs(60), RunOptions(batch_size=4), fake.runner()))
    assert fake.closed


def test_limit_threads_sets_every_numerical_library_to_one_thread():
    import numpy  # noqa: F401  (loads OpenBLAS)
    from threadpoolctl import threadpool_info, threadpool_limits

    before = threadpool_info()
    try:
        threads = limit_threads(1)
        assert threads and all(n == 1 for n in threads.values()), threads
    finally:
        for info in before:  # this test process goes back to what it had
            threadpool_limits(limits=info["num_threads"], user_api=info["user_api"])


def test_every_worker_process_is_ready_with_one_thread_per_library():
    runner = open_runner(RunOptions(workers=2))
    try:
        infos = runner.ready()
    finally:
        runner.close()
    assert len({info["pid"] for info in infos}) == 2, f"expected two worker processes, got {infos}"
    for info in infos:
        assert info["ready"], f"worker {info['pid']} answered before building its pipeline"
        assert info["threads"] and all(n == 1 for n in info["threads"].values()), \
            f"worker {info['pid']} runs its numerical libraries with {info['threads']} threads, expected 1"


def test_a_dead_worker_is_a_parallel_error():
    from concurrent.futures.process import BrokenProcessPool

    from briefgraph.parallel import _result

    future: Future = Future()
    future.set_exception(BrokenProcessPool("killed"))
    with pytest.raises(ParallelError, match="a worker process died"):
        _result(future)


def test_the_dask_plugin_stops_the_workers_statistical_profiler():
    from briefgraph.dask_plugin import stop_profiler

    class Callback:
        stopped = False

        def stop(self):
            self.stopped = True

    class Worker:
        periodic_callbacks = {"profile": Callback(), "profile-cycle": Callback(), "heartbeat": Callback()}

    worker = Worker()
    kept = worker.periodic_callbacks["heartbeat"]
    profile = worker.periodic_callbacks["profile"]
    assert stop_profiler(worker) == ["profile", "profile-cycle"]
    assert profile.stopped and not kept.stopped, "only the profiler stops; the heartbeat goes on"
    assert list(worker.periodic_callbacks) == ["heartbeat"]
