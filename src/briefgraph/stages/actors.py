"""Actors stage (scaffold: replaced by the real stage in issue 3)."""

from __future__ import annotations

from typing import Any

from ..records import Analysis


def find_actors(doc: Analysis) -> dict[str, Any]:
    return {"actors": []}
