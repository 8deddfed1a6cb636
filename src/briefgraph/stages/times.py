"""Times stage (scaffold: replaced by the real stage in issue 5)."""

from __future__ import annotations

from typing import Any

from ..records import Analysis


def find_times(doc: Analysis) -> dict[str, Any]:
    return {"times": []}
