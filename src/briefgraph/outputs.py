"""Writing extraction records as they come: JSON (one object, or an array for several
documents), JSON Lines, or a folder of JSON Lines / Parquet partitions. Nothing is
held back but the first record (to know whether an array is needed) and, for a
partition, the records of that partition."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol, TextIO

from .errors import BriefgraphError

PARTITION_SIZE = 1000


class OutputError(BriefgraphError):
    """An output folder or file cannot be written."""


class RecordSink(Protocol):
    def write(self, record: dict[str, Any]) -> None: ...
    def close(self) -> None: ...


class JsonLinesSink:
    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonSink:
    """One record as an object; several as an array, streamed element by element."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.first: dict[str, Any] | None = None
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        self.count += 1
        if self.count == 1:
            self.first = record
            return
        if self.count == 2:
            self.stream.write("[\n" + _indented(self.first))
        self.stream.write(",\n" + _indented(record))

    def close(self) -> None:
        if self.count == 1:
            self.stream.write(json.dumps(self.first, ensure_ascii=False, indent=2) + "\n")
        elif self.count > 1:
            self.stream.write("\n]\n")
        self.stream.flush()


def _indented(record: dict[str, Any] | None) -> str:
    text = json.dumps(record, ensure_ascii=False, indent=2)
    return "\n".join("  " + line for line in text.splitlines())


class PartitionSink:
    """A folder of partitions `part-00000.jsonl` (or `.parquet`), PARTITION_SIZE records each,
    in input order. Parquet partitions hold one row per record: id, source, title,
    published, counts, and the whole record as JSON (`record`)."""

    def __init__(self, folder: str | Path, format: str = "jsonl", size: int = PARTITION_SIZE):
        self.folder = Path(folder)
        self.format = format
        self.size = size
        self.buffer: list[dict[str, Any]] = []
        self.parts = 0
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{folder}: cannot create the output folder ({exc.strerror or exc})") from None
        if any(self.folder.glob("part-*")):
            raise OutputError(f"{folder}: already holds partitions; choose an empty folder")

    def write(self, record: dict[str, Any]) -> None:
        self.buffer.append(record)
        if len(self.buffer) >= self.size:
            self._flush()

    def close(self) -> None:
        if self.buffer:
            self._flush()

    def _flush(self) -> None:
        path = self.folder / f"part-{self.parts:05d}.{self.format}"
        tmp = path.with_suffix(path.suffix + ".tmp")
        try:
            if self.format == "parquet":
                _write_parquet(self.buffer, tmp)
            else:
                tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.buffer),
                               encoding="utf-8")
            tmp.replace(path)  # a partition appears whole or not at all
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        self.parts += 1
        self.buffer = []


def _write_parquet(records: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{
        "id": r["document"].get("id"), "source": r["document"].get("source"),
        "title": r["document"].get("title"), "published": r["document"].get("published"),
        "actors": len(r["actors"]), "quotes": len(r["quotes"]), "times": len(r["times"]),
        "events": len(r["events"]), "record": json.dumps(r, ensure_ascii=False),
    } for r in records]
    pq.write_table(pa.Table.from_pylist(rows), path)
