"""The Dask worker plugin of `--dask`: each worker loads the model and builds the
pipeline once, when it joins (kept apart so that only a Dask run imports distributed).

It also stops the worker's statistical profiler (`distributed.worker.profile`), which
samples the stack of the running task every 10 ms: over spaCy's deep stacks it cost the
workers about half as much CPU again as the extraction itself (measured: 8.9 against
5.6 CPU s for the same 48 documents on two workers; a local process pool used 4.3). The
dashboard's profile page stays empty for these workers."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

from .knowledge import KnowledgeFiles
from .parallel import PLUGIN_NAME, clear_worker, init_worker
from .pipeline import DEFAULT_BUDGET_SECONDS, DEFAULT_MAX_CHARS


class PipelinePlugin(WorkerPlugin):
    name = PLUGIN_NAME

    def __init__(self, files: KnowledgeFiles, debug: bool = False,
                 budget_seconds: float | None = DEFAULT_BUDGET_SECONDS, max_chars: int | None = DEFAULT_MAX_CHARS):
        self.files = files
        self.debug = debug
        self.budget_seconds = budget_seconds
        self.max_chars = max_chars

    def setup(self, worker: Any) -> None:
        stop_profiler(worker)
        init_worker(self.files, self.debug, self.budget_seconds, self.max_chars)

    def teardown(self, worker: Any) -> None:
        clear_worker()


PROFILER_CALLBACKS = ("profile", "profile-cycle")


def stop_profiler(worker: Any) -> list[str]:
    """Stop the statistical profiler of a Dask worker; the names of the callbacks stopped."""
    stopped = []
    callbacks = getattr(worker, "periodic_callbacks", {})
    for name in PROFILER_CALLBACKS:
        callback = callbacks.pop(name, None)
        if callback is not None:
            callback.stop()
            stopped.append(name)
    return stopped
