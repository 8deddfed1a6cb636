"""Readers: turn paths, folders and stdin into `RawDocument`s.

The kind of an input is recognised from its content first and its extension
second. A reader never raises for one bad document: it yields a `Failure` in
its place so the other inputs (entries, lines, files) go on.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..records import Failure, RawDocument
from .decode import decode_bytes
from .feed import read_feed
from .html import read_html
from .jsonl import read_jsonl, read_jsonl_lines
from .markdown import read_markdown
from .text import read_text

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
NOT_DOCUMENTS = re.compile(r"^(?:readme|license|licence|notice|changelog|contributing|copying)(?:\.\w+)?$", re.I)
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml",
                     ".xml", ".rss", ".atom", ".jsonl", ".ndjson"}

__all__ = ["DEFAULT_MAX_BYTES", "read_inputs", "read_bytes", "detect_kind", "iter_paths"]


def detect_kind(data: bytes, name: str = "") -> str:
    """One of text, markdown, html, feed, jsonl: content decides, the extension breaks ties."""
    suffix = Path(name).suffix.lower()
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    if head.startswith(b"{") and suffix not in {".txt", ".md", ".markdown", ".html", ".htm"}:
        return "jsonl"
    if head.startswith((b"<rss", b"<feed", b"<rdf:rdf")) or (
            head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)):
        return "feed"
    if suffix in {".rss", ".atom"}:
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix == ".xml":
        return "feed"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    return "text"


def read_bytes(data: bytes, source: str, name: str = "",
               published: str | None = None) -> Iterator[RawDocument | Failure]:
    """Read one input's bytes as the documents it holds. A bug in a reader (any other
    exception) fails this input alone, as an internal error, like a bug in a stage."""
    kind = "input"
    try:
        kind = detect_kind(data, name or source)
        text = decode_bytes(data, source)
        if kind == "jsonl":
            yield from read_jsonl(text, source)
            return
        if kind == "feed":
            yield from read_feed(data, source)
            return
        reader = {"html": read_html, "markdown": read_markdown, "text": read_text}[kind]
        raw = reader(text, source)
        if not raw.text.strip():  # "```" fences alone: markup with no text in it
            raise InputError(source, f"no text in the {kind} input (only markup)")
        if published and not raw.published:
            raw.published = published
        yield raw
    except InputError as exc:
        yield Failure(exc.source, exc.reason)
    except Exception as exc:  # noqa: BLE001 - one input must not stop a run
        yield Failure(source, f"internal error in the {kind} reader ({type(exc).__name__}: {exc}); "
                              "please report it with the input")


def iter_paths(paths: Iterable[str]) -> Iterator[str | Failure]:
    """Expand folders into the document files below them (sorted; hidden files and a
    folder's README/LICENSE/NOTICE files skipped). Paths named explicitly are always read."""
    for path in paths:
        if path == "-":
            yield path
            continue
        p = Path(path)
        if p.is_dir():
            found = False
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if (not f.startswith(".") and Path(f).suffix.lower() in DOCUMENT_SUFFIXES
                            and not NOT_DOCUMENTS.match(f)):
                        found = True
                        yield str(Path(root) / f)
            if not found:
                yield Failure(path, "folder holds no document files "
                              f"({', '.join(sorted(DOCUMENT_SUFFIXES))})")
        elif not p.exists():
            yield Failure(path, "no such file or folder")
        else:
            yield path


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: BinaryIO | None = None) -> Iterator[RawDocument | Failure]:
    """Every document of every input, in order; unreadable ones as `Failure`s."""
    for path in iter_paths(paths):
        if isinstance(path, Failure):
            yield path
            continue
        if path != "-" and _is_jsonl_file(path):
            yield from _stream_jsonl(path, max_bytes)
            continue
        try:
            data = _read_limited(path, max_bytes, stdin)
        except InputError as exc:
            yield Failure(exc.source, exc.reason)
            continue
        yield from read_bytes(data, "<stdin>" if path == "-" else path, name=path)


def _is_jsonl_file(path: str) -> bool:
    """A JSON Lines file, streamed line by line: its size limit applies to each line."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False  # _read_limited names the problem
    return bool(head.strip()) and b"\x00" not in head and detect_kind(head, path) == "jsonl"


def _stream_jsonl(path: str, max_bytes: int) -> Iterator[RawDocument | Failure]:
    """One document per line, read as the file is read; a bad or oversized line fails alone."""
    try:
        with open(path, "rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                where = f"{path}:{lineno}"
                if len(raw) > max_bytes:
                    yield Failure(where, f"line is {_mb(len(raw))}, over the {_mb(max_bytes)} limit "
                                         "(raise it with --max-size)")
                    continue
                try:
                    line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    yield Failure(where, f"undecodable bytes ({exc.reason})")
                    continue
                yield from read_jsonl_lines([(lineno, line)], path)
    except OSError as exc:
        yield Failure(path, f"cannot read ({exc.strerror or exc})")


def _read_limited(path: str, max_bytes: int, stdin: BinaryIO | None) -> bytes:
    if path == "-":
        stream = stdin or sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        source = "<stdin>"
    else:
        source = path
        try:
            size = os.path.getsize(path)
            if size > max_bytes:
                raise InputError(path, f"file is {_mb(size)}, over the {_mb(max_bytes)} limit "
                                       "(raise it with --max-size)")
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except IsADirectoryError:
            raise InputError(path, "is a folder") from None
        except PermissionError:
            raise InputError(path, "permission denied") from None
        except OSError as exc:
            raise InputError(path, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(source, f"input is over the {_mb(max_bytes)} limit (raise it with --max-size)")
    return data


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"
