"""Integrity checks of a store after a crash or a concurrent run (issue 14), and the
documents and process helpers the crash-safety and concurrency tests share."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from briefgraph.store import Store, schema

ROOT = Path(__file__).resolve().parent.parent
BRIEFGRAPH = [sys.executable, "-m", "briefgraph"]

_COUNTRIES = ["Russia", "Ukraine", "Turkey", "Egypt", "Qatar", "Sudan", "Armenia", "Azerbaijan", "Niger",
              "Benin", "Kyrgyzstan", "Tajikistan", "Colombia", "Venezuela", "Israel", "Jordan"]
_PEOPLE = ["Sergei Lavrov", "Hakan Fidan", "Sameh Shoukry", "Ararat Mirzoyan", "Jeyhun Bayramov", "Alvaro Leyva"]
_CITIES = ["Moscow", "Ankara", "Cairo", "Doha", "Yerevan", "Baku", "Niamey", "Bishkek", "Bogota", "Amman"]


def documents(count: int, salt: str = "", start: int = 0) -> list[dict[str, str]]:
    """`count` short, distinct news documents with actors, a quote, dates and events."""
    out = []
    for i in range(start, start + count):
        a, b = _COUNTRIES[i % len(_COUNTRIES)], _COUNTRIES[(i * 7 + 3) % len(_COUNTRIES)]
        person, city = _PEOPLE[i % len(_PEOPLE)], _CITIES[(i * 3) % len(_CITIES)]
        day = 1 + i % 27
        body = (f"{a} condemned {b} on March {day}, 2024, after a border clash near {city}. "
                f"\u201cWe will not accept this,\u201d Foreign Minister {person} said on Tuesday. "
                f"Two days later, {a} and {b} agreed to hold talks in {city}. {salt} Report {i}.")
        out.append({"id": f"doc-{salt}{i}", "title": f"{a} and {b}: talks after clash {salt}{i}",
                    "published": f"2024-03-{day + 1:02d}", "text": body})
    return out


def write_jsonl(path: Path, docs: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFGRAPH_")}
    env.update(extra)
    return env


def run_ingest(path: Path, db: str, *, env: dict[str, str] | None = None, timeout: float = 300,
               extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BRIEFGRAPH, "ingest", str(path), "--db", db, "--batch-size", "1", *extra],
                          env=env or cli_env(), capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def start_ingest(path: Path, db: str, *, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([*BRIEFGRAPH, "ingest", str(path), "--db", db, "--batch-size", "1"],
                            env=env or cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def _count(conn: Any, table: Any, document_id: int) -> int:
    return conn.execute(select(func.count()).select_from(table).where(table.c.document_id == document_id)).scalar_one()


def half_stored(store: Store) -> list[str]:
    """Documents whose rows do not match their stored record (a transaction cut short)."""
    problems = []
    d = schema.documents
    with store.connect() as conn:
        rows = conn.execute(select(d.c.id, d.c.record, d.c.duplicate_of, d.c.content_hash)).all()
        for row in rows:
            if row.duplicate_of is not None:
                continue
            if not row.record:
                problems.append(f"document {row.id}: no record")
                continue
            record = json.loads(row.record)
            expected = {
                "mentions": sum(len(a.get("mentions") or []) for a in record["actors"]),
                "quotes": len(record["quotes"]), "times": len(record["times"]),
                "evidence": len(record["events"]), "sections": len(record["document"].get("sections") or []),
                "document_actors": len(record["actors"]),
            }
            for table, want in expected.items():
                have = _count(conn, schema.metadata.tables[table], row.id)
                if have != want:
                    problems.append(f"document {row.id}: {have} {table} rows, its record has {want}")
            if store.dialect == "sqlite":
                indexed = conn.execute(text("SELECT count(*) FROM document_search WHERE rowid = :id"),
                                       {"id": row.id}).scalar_one()
                if indexed != 1:
                    problems.append(f"document {row.id}: not in the search index")
        hashes = [r.content_hash for r in rows]
        if len(hashes) != len(set(hashes)):
            problems.append("the same text is stored twice")
    return problems


def integrity(store: Store) -> list[str]:
    """The database's own checks: SQLite's integrity_check and foreign_key_check; on
    PostgreSQL every constraint validated and no row pointing at a missing parent."""
    problems: list[str] = []
    with store.connect() as conn:
        if store.dialect == "sqlite":
            result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
            if result != ["ok"]:
                problems.append(f"integrity_check: {result}")
            problems += [f"foreign_key_check: {tuple(r)}" for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
            return problems
        unvalidated = conn.execute(text(
            "SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
            "WHERE n.nspname = current_schema() AND NOT c.convalidated")).scalars().all()
        problems += [f"constraint not validated: {name}" for name in unvalidated]
        for table in schema.metadata.sorted_tables:
            for fk in table.foreign_key_constraints:
                (col,) = fk.columns
                (element,) = fk.elements
                parent = element.column.table.alias("parent")
                orphans = conn.execute(select(func.count()).select_from(table).where(
                    col.is_not(None), ~select(parent.c.id).where(parent.c.id == col).exists())).scalar_one()
                if orphans:
                    problems.append(f"{table.name}.{col.name}: {orphans} rows point at no {element.column.table.name}")
    return problems


def summary(stdout: str) -> dict[str, int]:
    """The numbers of `ingest`'s summary line: stored, unchanged, near-duplicates, failed."""
    line = stdout.strip().splitlines()[-1]
    parts = line.rsplit(": ", 1)[1].split(", ")
    return {p.split(" ", 1)[1]: int(p.split(" ", 1)[0]) for p in parts}
