"""Quotes stage (scaffold: replaced by the real stage in issue 4)."""

from __future__ import annotations

from typing import Any

from ..records import Analysis


def find_quotes(doc: Analysis) -> dict[str, Any]:
    return {"quotes": []}
