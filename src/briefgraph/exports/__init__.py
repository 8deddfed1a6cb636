"""Exports of a store beyond export.py's: GDELT 2.0 event rows (gdelt.py), PLOVER /
POLECAT-style JSON Lines (plover.py), actors and quotes as CSV or Parquet (tables.py), the
network as GraphML or GEXF (network.py), and query results as pandas data frames
(frames.py). `write` is what `briefgraph export` calls for them."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TextIO

from .frames import QueryResult, to_dataframe
from .gdelt import GDELT_COLUMNS, gdelt_rows, write_gdelt
from .network import network_gexf, network_graphml, write_gexf, write_graphml
from .plover import plover_records, write_plover
from .tables import write_actors, write_quotes

__all__ = ["GDELT_COLUMNS", "QueryResult", "gdelt_rows", "network_gexf", "network_graphml", "plover_records",
           "to_dataframe", "write", "write_actors", "write_gdelt", "write_gexf", "write_graphml", "write_plover",
           "write_quotes"]

FORMATS = {"events": ("gdelt", "plover"), "actors": ("csv", "parquet"), "quotes": ("csv", "parquet"),
           "network": ("graphml", "gexf")}


def write(store: Any, what: str, format: str, output: str | None) -> int:
    """Write one export to `output` (a path, or standard output for None or "-"); returns the row count."""
    to_stdout = not output or output == "-"
    if format == "parquet":
        target: Any = sys.stdout.buffer if to_stdout else output
        return (write_actors if what == "actors" else write_quotes)(store, target, format)
    writers: dict[tuple[str, str], Callable[[Any, TextIO], int]] = {
        ("events", "gdelt"): write_gdelt, ("events", "plover"): write_plover,
              ("actors", "csv"): lambda s, o: write_actors(s, o, "csv"),
              ("quotes", "csv"): lambda s, o: write_quotes(s, o, "csv"),
              ("network", "graphml"): write_graphml, ("network", "gexf"): write_gexf}
    writer = writers[(what, format)]
    if to_stdout or output is None:
        return writer(store, sys.stdout)
    with open(output, "w", encoding="utf-8", newline="") as out:
        return writer(store, out)
