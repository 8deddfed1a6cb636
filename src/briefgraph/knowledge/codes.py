"""The CAMEO code tables every room shares: CAMEO -> PLOVER type and CAMEO ->
Goldstein weight (knowledge/events/cameo-plover.txt and goldstein.txt). The events
stage codes with them (`CodeTables`, held by its `Knowledge`) and the store weighs
stored events with them (`goldstein_of`), so the two never disagree about a code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from ..errors import KnowledgeError
from .files import data_path, read_data_lines

VOID = "none"
CAMEO_CODE = re.compile(r"^\d{2,4}$")
_T = TypeVar("_T")


def _code_table(name: str) -> dict[str, str]:
    table = {}
    for line in read_data_lines(data_path(name)):
        key, _, value = line.partition("=") if "=" in line else line.partition(" ")
        key, value = key.strip(), value.strip()
        if not CAMEO_CODE.match(key) or not value:
            raise KnowledgeError(f"{name}: bad line {line!r}")
        table[key] = value
    return table


@dataclass(frozen=True, eq=False)
class CodeTables:
    """CAMEO -> PLOVER type and CAMEO -> Goldstein weight, by longest listed prefix."""

    plover: Mapping[str, str | None]
    goldstein: Mapping[str, float]

    @classmethod
    def load(cls) -> CodeTables:
        plover = {code: (None if value.lower() == VOID else value) for code, value in
                  _code_table("events/cameo-plover.txt").items()}
        try:
            goldstein = {code: float(value) for code, value in _code_table("events/goldstein.txt").items()}
        except ValueError as exc:
            raise KnowledgeError(f"events/goldstein.txt: {exc}") from None
        return cls(plover, goldstein)

    def plover_of(self, cameo: str) -> str | None:
        """The PLOVER type of a CAMEO code (longest listed prefix), None for statements."""
        return _longest_prefix(self.plover, cameo)

    def goldstein_of(self, cameo: str) -> float | None:
        """The Goldstein weight of a CAMEO code (longest listed prefix)."""
        return _longest_prefix(self.goldstein, cameo)


def _longest_prefix(table: Mapping[str, _T], cameo: str) -> _T | None:
    for size in (4, 3, 2):
        if len(cameo) >= size and cameo[:size] in table:
            return table[cameo[:size]]
    return None


@lru_cache(maxsize=1)
def shipped_codes() -> CodeTables:
    """The shipped tables, loaded once (the store weighs stored events with them;
    the events stage reads them from its `Knowledge`, `knowledge.patterns.codes`)."""
    return CodeTables.load()


def plover_of(cameo: str) -> str | None:
    """The PLOVER type of a CAMEO code in the shipped table."""
    return shipped_codes().plover_of(cameo)


def goldstein_of(cameo: str) -> float | None:
    """The Goldstein weight of a CAMEO code in the shipped table."""
    return shipped_codes().goldstein_of(cameo)
