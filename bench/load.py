"""A bounded load test of the HTTP API and pages on 127.0.0.1 (issue 14): `make load`.

Builds a store from the annotated test documents (tests/data, ingested once into a
temporary SQLite file), serves it with uvicorn (one process, the app `briefgraph serve` runs) on
127.0.0.1 (a free port), and sends
a fixed number of requests (default 5,000) from a fixed number of concurrent clients
(default 16) over timeline, search and a page, within a time limit. Prints
throughput and p50/p99 latency per route; exits 1 on any error (a non-2xx answer, a
timeout or a refused connection) or when the time limit is reached.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # the only address this script ever sends to


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def build_store(db: Path) -> str:
    from briefgraph.ingest import ingest_documents
    from briefgraph.readers import read_inputs
    from briefgraph.store import Store

    with Store(str(db)) as store:
        results = list(ingest_documents(store, read_inputs([str(ROOT / "tests" / "data")])))
        stored = sum(1 for r in results if getattr(r, "status", None) == "stored")
        print(f"store: {stored} documents, {store.counts()['events']} events", file=sys.stderr)
    return str(db)


def serve(db: str, port: int) -> subprocess.Popen[bytes]:
    """The app (as `briefgraph serve` builds it) under uvicorn on 127.0.0.1, in its own process so the
    clients do not share its GIL; keep-alive longer than uvicorn's 5 s default, so that a pooled
    connection is never closed under a request in flight."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFGRAPH_")}
    env["BRIEFGRAPH_DB"] = db
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "briefgraph.web:create_app", "--factory",
                             "--host", HOST, "--port", str(port), "--timeout-keep-alive", "60",
                             "--log-level", "warning",
                             "--no-access-log"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"briefgraph serve exited: {proc.stderr.read().decode()[-500:] if proc.stderr else ''}")
        try:
            if httpx.get(f"http://{HOST}:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("briefgraph serve did not start")


ROUTES = [
    ("timeline", "/timeline", {"actor": "Russia", "limit": "20"}),
    ("timeline", "/timeline", {"actor": "Turkey", "start": "2024-01", "limit": "50"}),
    ("search", "/search", {"q": "talks"}),
    ("search", "/search", {"q": "\"border talks\""}),
    ("page", "/ui/timeline", {"actor": "Russia"}),
    ("page", "/ui/reader/1", {}),
]


async def client(http: httpx.AsyncClient, queue: asyncio.Queue[int], results: list[tuple[str, float, int]],
                 errors: list[str]) -> None:
    while True:
        try:
            n = queue.get_nowait()
        except asyncio.QueueEmpty:
            return
        name, path, params = ROUTES[n % len(ROUTES)]
        started = time.perf_counter()
        try:
            response = await http.get(path, params=params)
            status = response.status_code
        except httpx.HTTPError as exc:
            errors.append(f"{path}: {type(exc).__name__}: {exc}")
            continue
        results.append((name, time.perf_counter() - started, status))
        if not 200 <= status < 300:
            errors.append(f"{path}: HTTP {status}")


async def run(base: str, requests: int, concurrency: int, limit: float) -> tuple[list, list, float]:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(requests):
        queue.put_nowait(n)
    results: list[tuple[str, float, int]] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
        started = time.perf_counter()
        tasks = [asyncio.create_task(client(http, queue, results, errors)) for _ in range(concurrency)]
        done, pending = await asyncio.wait(tasks, timeout=limit)
        for task in pending:
            task.cancel()
        if pending:
            errors.append(f"time limit of {limit:g} s reached with {queue.qsize()} requests unsent")
        elapsed = time.perf_counter() - started
    return results, errors, elapsed


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--time-limit", type=float, default=300.0, help="seconds for the whole run")
    args = parser.parse_args()
    if not 1 <= args.requests <= 100_000 or not 1 <= args.concurrency <= 256:
        raise SystemExit("--requests 1..100000, --concurrency 1..256 (a bounded test)")
    with tempfile.TemporaryDirectory() as tmp:
        db = build_store(Path(tmp) / "load.db")
        port = free_port()
        server = serve(db, port)
        try:
            results, errors, elapsed = asyncio.run(run(f"http://{HOST}:{port}", args.requests, args.concurrency,
                                                       args.time_limit))
        finally:
            server.terminate()
            server.wait(timeout=30)
    latencies = [r[1] for r in results]
    report = {
        "requests": len(results), "concurrency": args.concurrency, "errors": len(errors),
        "seconds": round(elapsed, 2), "throughput_rps": round(len(results) / elapsed, 1) if elapsed else 0,
        "p50_ms": round(1000 * percentile(latencies, 0.50), 1) if latencies else None,
        "p99_ms": round(1000 * percentile(latencies, 0.99), 1) if latencies else None,
        "routes": {name: {"requests": len(v), "p50_ms": round(1000 * statistics.median(v), 1),
                          "p99_ms": round(1000 * percentile(v, 0.99), 1)}
                   for name in dict.fromkeys(r[0] for r in ROUTES)
                   if (v := [r[1] for r in results if r[0] == name])},
        "first_errors": errors[:10],
    }
    print(json.dumps(report, indent=1))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
