"""A test hook for the crash-safety tests (issue 14), read only by `briefgraph ingest`:
`BRIEFGRAPH_TEST_KILL_POINT` makes the process SIGKILL itself at a deterministic point.

    statement:K      at the K-th INSERT the store executes (inside a document's transaction)
    before-commit:N  when the N-th document transaction is about to commit
    after-stored:N   after the N-th document is reported stored (committed)

Unset (always, outside the tests), nothing is installed.
"""

from __future__ import annotations

import os
import signal
from typing import Any

ENV = "BRIEFGRAPH_TEST_KILL_POINT"


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _parse() -> tuple[str, int] | None:
    value = os.environ.get(ENV, "")
    kind, _, count = value.partition(":")
    if kind not in ("statement", "before-commit", "after-stored") or not count.isdigit():
        return None
    return kind, int(count)


def install(engine: Any) -> None:
    """Install the statement and commit kill points on the store's engine."""
    point = _parse()
    if point is None or point[0] == "after-stored":
        return
    from sqlalchemy import event

    kind, target = point
    seen = [0]
    if kind == "statement":
        def before_execute(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.lstrip().upper().startswith("INSERT"):
                seen[0] += 1
                if seen[0] >= target:
                    _die()
        event.listen(engine, "before_cursor_execute", before_execute)
    else:
        def before_commit(conn: Any) -> None:
            if conn.get_execution_options().get("briefgraph_write"):
                seen[0] += 1
                if seen[0] >= target:
                    _die()
        event.listen(engine, "commit", before_commit)


def stored(count: int) -> None:
    """Called by ingest after each stored document."""
    point = _parse()
    if point is not None and point[0] == "after-stored" and count >= point[1]:
        _die()
