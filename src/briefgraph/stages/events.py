"""Events stage (scaffold: replaced by the real stage in issue 6)."""

from __future__ import annotations

from typing import Any

from ..records import Analysis


def find_events(doc: Analysis) -> dict[str, Any]:
    return {"events": []}
