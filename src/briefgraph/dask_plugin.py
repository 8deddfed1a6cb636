"""The Dask worker plugin of `--dask`: each worker loads the model and builds the
pipeline once, when it joins (kept apart so that only a Dask run imports distributed)."""

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
        init_worker(self.files, self.debug, self.budget_seconds, self.max_chars)

    def teardown(self, worker: Any) -> None:
        clear_worker()
