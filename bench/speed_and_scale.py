"""Speed and scale, in one process run, on the same generated texts (`make bench`).

    .venv/bin/python bench/speed_and_scale.py            # the full run (about 15 minutes on 2 cores)
    .venv/bin/python bench/speed_and_scale.py --quick    # tiny sizes: a smoke test (tests/test_bench.py)

Corpus: bench/corpus.py (seeded recombinations of the sentences of our own CC0 texts).
Parts, each printing words per second:

  (a) bare spaCy: `nlp.pipe` over the analysed texts;
  (b) extract end to end: readers' documents -> every stage -> records (each stage timed);
      (a) and (b) alternate chunk by chunk, so a change of machine load hits both alike;
  (c) ingest into SQLite: extract and store, one transaction per document;
  (d) `RunOptions(workers=2)`: two local processes;
  (e) Dask: a `LocalCluster(n_workers=2, threads_per_worker=1, processes=True)`;
      (d) and (e) are timed after every worker has loaded the model and run its warm-up
      text (`Runner.ready`), and compared with one worker, i.e. (b), on the same texts;
      every process, this one included, keeps BLAS/OpenMP to one thread
      (`parallel.limit_threads`), so one worker is measured the way each of two is;
      besides the wall clock, the CPU seconds of each worker (/proc/PID/stat) and of this
      process are printed: on a machine loaded by other jobs, the wall-clock ratios measure
      the machine, while CPU seconds per word show what the runner itself costs;
  (g) store growth: a store filled to 100, 1,000 and 10,000 documents with valid records
      (the records of (b) recombined: three paragraphs of different records with the facts
      found in them, every offset shifted) through `Store.ingest_record`; at each size a
      fixed probe set is ingested into a copy of the store at each size, the sizes taking
      turns for three rounds (median reported);
  (f) query latency on the 10,000-document store: timeline, network, search (p50/p99);
  (h) peak RSS of a streaming `briefgraph ingest` (one process) over 1,000 and 10,000
      short documents, each in a child process of its own (RUSAGE_CHILDREN of a wrapper);
  and a cProfile of the end-to-end run: the top functions outside spaCy.

The first line gives the machine's CPU count and load average (printed again at the end).
The last line is exactly
`ratio_end_to_end=X ratio_workers2=Y ratio_dask2=Z rss_10k_over_1k=W ingest_10k_over_100=V`.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

from briefgraph import query  # noqa: E402
from briefgraph.ingest import ingest_documents  # noqa: E402
from briefgraph.knowledge import Knowledge  # noqa: E402
from briefgraph.nlp import load_nlp  # noqa: E402
from briefgraph.parallel import RunOptions, limit_threads, open_runner, run_on  # noqa: E402
from briefgraph.pipeline import STAGES, Stage, analyse, start_analysis  # noqa: E402
from briefgraph.readers import read_inputs  # noqa: E402
from briefgraph.records import Analysis, Failure, RawDocument, text_id  # noqa: E402
from briefgraph.store import Store  # noqa: E402


@dataclass(frozen=True)
class Sizes:
    docs: int  # documents of the throughput parts (a)-(e)
    words: int  # about this many words each
    chunks: int  # (a) and (b) alternate over this many chunks
    store: tuple[int, int, int]  # store sizes of the growth part
    probes: int  # documents ingested at each store size
    rss: tuple[int, int]  # documents of the two streaming-memory runs
    rss_words: int
    repeats: int  # runs of each query
    profile_docs: int


FULL = Sizes(docs=160, words=250, chunks=4, store=(100, 1000, 10000), probes=40, rss=(1000, 10000),
             rss_words=20, repeats=40, profile_docs=48)
QUICK = Sizes(docs=6, words=60, chunks=2, store=(4, 12, 40), probes=3, rss=(4, 40), rss_words=10, repeats=3,
              profile_docs=3)
SEED = 13


def words_of(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


def read_corpus(path: Path, n: int, seed: int, words: int) -> list[RawDocument]:
    corpus.write(path, n, seed=seed, words=words)
    docs = [d for d in read_inputs([str(path)]) if isinstance(d, RawDocument)]
    assert len(docs) == n, f"expected {n} documents from {path}"
    return docs


def timed_stages(totals: dict[str, float]) -> list[Stage]:
    """The pipeline's stages, each run function wrapped to add its CPU time (this process's,
    which other jobs on the machine do not inflate) to `totals`."""
    def wrap(stage: Stage) -> Stage:
        def build(knowledge: Knowledge) -> Callable[..., Any]:
            run = stage.build(knowledge)

            def timed(arg: Any) -> Any:
                t0 = time.process_time()
                try:
                    return run(arg)
                finally:
                    totals[stage.name] += time.process_time() - t0
            return timed
        return replace(stage, build=build)
    return [wrap(s) for s in STAGES]


def chunked(items: list[Any], n: int) -> list[list[Any]]:
    size = max(1, -(-len(items) // n))
    return [items[i:i + size] for i in range(0, len(items), size)]


@dataclass
class Timing:
    wall: float = 0.0
    cpu: float = 0.0  # CPU seconds of this process (or of the workers)

    def add(self, wall: float, cpu: float) -> None:
        self.wall += wall
        self.cpu += cpu


def extract_vs_spacy(docs: list[RawDocument], knowledge: Knowledge, chunks: int,
                     ) -> tuple[Timing, Timing, dict[str, float], list[dict[str, Any]]]:
    """(a) and (b), alternating chunk by chunk: wall and CPU seconds of each, stage CPU
    seconds, the records."""
    nlp = load_nlp()
    totals: dict[str, float] = defaultdict(float)
    stages = timed_stages(totals)
    list(analyse(docs[:2], stages=stages, knowledge=knowledge))  # warm: model, knowledge, caches
    list(nlp.pipe([start_analysis(d).text for d in docs[:2]]))
    totals.clear()
    bare, end = Timing(), Timing()
    records: list[dict[str, Any]] = []
    for part in chunked(docs, chunks):
        texts = [start_analysis(d).text for d in part]
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        bare.add(time.perf_counter() - t0, time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        for result in analyse(part, batch_size=16, stages=stages, knowledge=knowledge):
            assert isinstance(result, Analysis), result
            records.append(result.to_record())
        end.add(time.perf_counter() - t0, time.process_time() - c0)
    return bare, end, dict(totals), records


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far, from /proc (Linux); nan elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_warm(options: RunOptions, docs: list[RawDocument]) -> tuple[Timing, float, list[Any]]:
    """Wall seconds and the workers' CPU seconds to run `docs` on the runner `options` names,
    after every worker has loaded the model and run its warm-up text; this process's CPU
    seconds (the single reader and writer); the results."""
    runner = open_runner(options)
    workers = runner.ready()
    for info in workers:
        assert all(n == 1 for n in info["threads"].values()), f"worker threads not limited: {info}"
    before = [process_cpu(info["pid"]) for info in workers]
    t0, c0 = time.perf_counter(), time.process_time()
    results, after, wall, own = [], before, 0.0, 0.0
    for result in run_on(runner, docs, options):  # closes the runner after the last result
        results.append(result)
        if len(results) == len(docs):  # every batch is done: stop the clocks before the workers stop
            wall, own = time.perf_counter() - t0, time.process_time() - c0
            after = [process_cpu(info["pid"]) for info in workers]
    spent = sum(a - b for a, b in zip(after, before, strict=True))
    print(f"      {len(workers)} workers used {spent:.1f} CPU s "
          f"({', '.join(f'{a - b:.1f}' for a, b in zip(after, before, strict=True))}); "
          f"this process {own:.1f} CPU s", flush=True)
    return Timing(wall, spent), own, results


def dask_run(docs: list[RawDocument], knowledge: Knowledge) -> tuple[Timing, float, list[Any]]:
    import logging

    from distributed import LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)  # no shutdown chatter in the report

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        options = RunOptions(dask=cluster.scheduler_address, knowledge=knowledge.files)
        return run_warm(options, docs)


# ---- store growth ------------------------------------------------------------------------

def paragraphs(record: dict[str, Any]) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (text between blank lines) of a record's text."""
    spans, start = [], 0
    text = record["text"]
    while start < len(text):
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            spans.append((start, end))
        start = end + 2
    return spans


def _piece(record: dict[str, Any], start: int, end: int, offset: int, prefix: str,
           slack: int = 0) -> dict[str, Any]:
    """The facts of a record that lie inside text[start:end], moved to `offset` with prefixed ids:
    actors with their mentions inside, quotes, times and events inside (an event's actor
    that has no mention inside is dropped from the event). An event's evidence may run
    `slack` characters past `end` (the blank line after the last paragraph): it is cut there."""
    def inside(s: int, e: int, extra: int = 0) -> bool:
        return start <= s and e <= end + extra

    shift = offset - start
    out: dict[str, Any] = {"actors": [], "quotes": [], "times": [], "events": []}
    kept: set[str] = set()
    for actor in record["actors"]:
        mentions = [[s + shift, e + shift] for s, e in actor["mentions"] if inside(s, e)]
        if mentions:
            kept.add(actor["id"])
            out["actors"].append({**actor, "id": prefix + actor["id"], "mentions": mentions})
    for actor in out["actors"]:
        affiliation = actor.get("affiliation")
        actor["affiliation"] = prefix + affiliation if affiliation in kept else None

    def aid(value: Any) -> Any:
        return prefix + value if value in kept else None

    for q in record["quotes"]:
        if inside(q["start"], q["end"]):
            out["quotes"].append({**q, "speaker": aid(q.get("speaker")), "start": q["start"] + shift,
                                  "end": q["end"] + shift})
    for t in record["times"]:
        if inside(t["start"], t["end"]):
            out["times"].append({**t, "start": t["start"] + shift, "end": t["end"] + shift})
    for ev in record["events"]:
        evidence = ev["evidence"]
        if inside(evidence["start"], evidence["end"], slack):
            cut = min(evidence["end"], end)
            out["events"].append({**ev, "id": prefix + ev["id"], "source": aid(ev.get("source")),
                                  "target": aid(ev.get("target")),
                                  "evidence": {**evidence, "start": evidence["start"] + shift, "end": cut + shift,
                                               "text": record["text"][evidence["start"]:cut]}})
    return out


def variant(records: list[dict[str, Any]], index: int, parts: int = 3) -> dict[str, Any]:
    """Record `index` of the variants: `parts` paragraphs of extracted records drawn by a
    seeded generator, joined by blank lines, with the facts found inside each paragraph and
    every offset shifted: a valid record (spec/record.md) of a new text, whose actors,
    quotes, times and events are real extraction output."""
    rng = random.Random(f"variant:{index}")
    text = ""
    merged: dict[str, list[Any]] = {"actors": [], "quotes": [], "times": [], "events": []}
    first = None
    for n in range(parts):
        record = rng.choice(records)
        first = first or record
        spans = paragraphs(record)
        start, end = rng.choice(spans)
        last = n == parts - 1
        if not last:  # the blank line after the paragraph comes along (evidence often ends there)
            end = min(end + 2, len(record["text"]))
        for key, values in _piece(record, start, end, len(text), f"p{n}", slack=2 if last else 0).items():
            merged[key].extend(values)
        text += record["text"][start:end]
        if not last and not text.endswith("\n\n"):
            text += "\n\n"
    assert first is not None
    document = {**first["document"], "id": text_id(text), "source": f"variant-{index}",
                "input_id": f"variant-{index}", "title": f"{first['document'].get('title') or 'Untitled'} ({index})",
                "sections": [{"heading": None, "start": 0, "end": len(text), "kind": "body"}]}
    return {"document": document, "text": text, **merged, "diagnostics": []}


def check_offsets(record: dict[str, Any]) -> None:
    text = record["text"]
    for actor in record["actors"]:
        for s, e in actor["mentions"]:
            assert 0 <= s < e <= len(text)
    for ev in record["events"]:
        assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]
    for q in record["quotes"]:
        assert 0 <= q["start"] <= q["end"] <= len(text)


def store_growth(records: list[dict[str, Any]], sizes: Sizes, folder: Path, rounds: int = 3,
                 ) -> tuple[dict[int, float], Path, dict[str, Any]]:
    """Per-document ingest time (s) of the probe set at each store size; the largest store.

    A snapshot of the store is kept at each size; the probe set is then ingested into a
    fresh copy of each snapshot, the sizes taking turns for `rounds` rounds, and the median
    round is reported: a change of machine load hits every size alike."""
    probes = [variant(records, 1_000_000 + i) for i in range(sizes.probes)]
    for probe in probes:
        check_offsets(probe)
    path = folder / "growth.db"
    store = Store(str(path))
    filled, statuses = 0, defaultdict(int)
    snapshots = {}
    for target in sizes.store:
        t0 = time.perf_counter()
        while filled < target:
            statuses[store.ingest_record(variant(records, filled)).status] += 1
            filled += 1
        store.close()
        snapshots[target] = folder / f"snapshot-{target}.db"
        shutil.copyfile(path, snapshots[target])
        print(f"  filled to {target:>6} documents ({(time.perf_counter() - t0) / max(1, target) * 1000:.1f} "
              "ms/document on average)", flush=True)
        store = Store(str(path))
    counts = store.counts()
    store.close()
    times: dict[int, list[float]] = defaultdict(list)
    for _ in range(rounds):
        for target, snapshot in snapshots.items():
            copy = folder / "probe.db"
            shutil.copyfile(snapshot, copy)
            probe_store = Store(str(copy))
            t0 = time.perf_counter()
            for probe in probes:
                probe_store.ingest_record(probe)
            times[target].append((time.perf_counter() - t0) / len(probes))
            probe_store.close()
            copy.unlink()
    per_doc = {target: statistics.median(values) for target, values in times.items()}
    for target, seconds in per_doc.items():
        print(f"  {target:>6} stored: probe ingest {seconds * 1000:7.2f} ms/document "
              f"(median of {rounds} rounds: {', '.join(f'{v * 1000:.1f}' for v in times[target])})", flush=True)
    for snapshot in snapshots.values():
        if snapshot != snapshots[sizes.store[-1]]:
            snapshot.unlink()
    return per_doc, path, {"statuses": dict(statuses), "counts": counts}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def query_latency(path: Path, repeats: int) -> dict[str, tuple[float, float]]:
    store = Store(str(path))
    names = [a["name"] for a in query.actors(store, limit=3)]
    calls: dict[str, Callable[[int], Any]] = {
        "timeline": lambda i: query.timeline(store, actor=names[i % len(names)], limit=50),
        "network": lambda i: query.network(store, start="2023", end="2024", limit=50),
        "search": lambda i: query.search(store, ("border talks", "ministry", "sanctions")[i % 3], limit=20),
    }
    out = {}
    for name, call in calls.items():
        call(0)  # warm the page cache
        times = []
        for i in range(repeats):
            t0 = time.perf_counter()
            call(i)
            times.append(time.perf_counter() - t0)
        out[name] = (percentile(times, 50), percentile(times, 99))
    store.close()
    return out


# ---- memory ------------------------------------------------------------------------------

_WRAPPER = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_rss_mb(command: list[str]) -> float:
    """Peak RSS (MB) of the largest process `command` runs, measured by a wrapper of its own."""
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *command], check=True, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def streaming_rss(sizes: Sizes, folder: Path) -> dict[int, float]:
    out = {}
    for n in sizes.rss:
        path = folder / f"rss-{n}.jsonl"
        corpus.write(path, n, seed=SEED + 1, words=sizes.rss_words)
        db = folder / f"rss-{n}.db"
        t0 = time.perf_counter()
        out[n] = peak_rss_mb([sys.executable, "-m", "briefgraph", "ingest", str(path), "--db", str(db)])
        print(f"  streaming ingest of {n:>6} documents: peak RSS {out[n]:6.0f} MB "
              f"({time.perf_counter() - t0:.0f} s)", flush=True)
    return out


# ---- profile -----------------------------------------------------------------------------

_SPACY = ("site-packages", ".pyx", "{built-in", "{method", "<frozen")


def profile(docs: list[RawDocument], knowledge: Knowledge, top: int = 15) -> list[str]:
    """cProfile of the end-to-end run: the functions outside spaCy, thinc and the standard
    library with the most time of their own, with their share of the whole run."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in analyse(docs, batch_size=16, knowledge=knowledge):
        pass
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (filename, line, name), (_cc, _nc, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "briefgraph" not in filename or any(mark in filename for mark in _SPACY):
            continue
        short = filename.split("src/briefgraph/")[-1]
        rows.append((tottime, cumtime, f"{short}:{line}({name})"))
    rows.sort(reverse=True)
    return [f"  {own / total:6.1%} own {cum / total:6.1%} cumulative  {where}" for own, cum, where in rows[:top]]


# ---- the run -----------------------------------------------------------------------------

def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_parallelism(n: int = 20_000_000) -> float:
    """How much more pure-Python work two processes get done than one, on this machine now:
    2.0 on two idle cores; less when other jobs hold the cores. Read (d) and (e) against it."""
    from multiprocessing import get_context

    rates = {}
    with get_context("spawn").Pool(2) as pool:
        pool.map(_spin, [1000, 1000])  # start both processes first
        for workers in (1, 2):
            t0 = time.perf_counter()
            pool.map(_spin, [n] * workers, chunksize=1)
            rates[workers] = workers / (time.perf_counter() - t0)
    return rates[2] / rates[1]


def load() -> str:
    """The machine's CPUs and load average: on a shared machine, read every figure with it."""
    one, five, _ = os.getloadavg()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{os.cpu_count()} CPUs ({usable} usable by this process), load average {one:.1f} (1 min) {five:.1f} (5 min)"


def rate(words: int, seconds: float) -> float:
    return words / seconds if seconds > 0 else float("inf")


def throughput(docs: list[RawDocument], words: int, knowledge: Knowledge, chunks: int,
               ) -> tuple[Timing, Timing, list[dict[str, Any]]]:
    """(a) and (b) with the stage table: the timings of (a) and (b), the records."""
    bare, end, stages, records = extract_vs_spacy(docs, knowledge, chunks)
    print(f"(a) bare spaCy nlp.pipe       {rate(words, bare.wall):9,.0f} words/s "
          f"({rate(words, bare.cpu):,.0f} per CPU second)", flush=True)
    print(f"(b) extract end to end        {rate(words, end.wall):9,.0f} words/s "
          f"({rate(words, end.cpu):,.0f} per CPU second; CPU ratio to (a) {bare.cpu / end.cpu:.2f})", flush=True)
    print("      stage       CPU s   share of (b)'s CPU")
    for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"      {name:10} {seconds:7.2f} {seconds / end.cpu:6.1%}")
    print(f"      {'(rest)':10} {end.cpu - sum(stages.values()):7.2f} {1 - sum(stages.values()) / end.cpu:6.1%}")
    return bare, end, records


def ingest_part(docs: list[RawDocument], records: list[dict[str, Any]], words: int, knowledge: Knowledge,
                folder: Path) -> None:
    store = Store(str(folder / "ingest.db"))
    t0 = time.perf_counter()
    results = list(ingest_documents(store, docs, knowledge=knowledge))
    ingest = time.perf_counter() - t0
    assert not any(isinstance(r, Failure) for r in results), results
    duplicates = sum(1 for r in results if getattr(r, "status", "") == "near-duplicate")
    store.close()
    store_only = Store(str(folder / "records.db"))
    t0 = time.perf_counter()
    list(store_only.ingest(records))
    store_seconds = time.perf_counter() - t0
    store_only.close()
    print(f"(c) ingest into SQLite        {rate(words, ingest):9,.0f} words/s "
          f"(storing alone {store_seconds / len(records) * 1000:.1f} ms/document; "
          f"{duplicates} near-duplicates among the generated documents)", flush=True)


def parallel_parts(docs: list[RawDocument], records: list[dict[str, Any]], words: int, knowledge: Knowledge,
                   one: Timing, no_dask: bool) -> tuple[Timing, Timing]:
    """(d) and (e): their timings (wall, workers' CPU)."""
    print(f"    {load()}; two processes of a pure-Python loop do {machine_parallelism():.2f}x "
          "the work of one right now (2.00 on two idle cores)", flush=True)
    workers, own, results = run_warm(RunOptions(workers=2, knowledge=knowledge.files), docs)
    assert [r["text"] for r in results] == [r["text"] for r in records]
    print(f"(d) --workers 2               {rate(words, workers.wall):9,.0f} words/s (after start-up; "
          f"{rate(words, workers.cpu):,.0f} per worker CPU second, one worker {rate(words, one.cpu):,.0f})",
          flush=True)
    dask = Timing(float("nan"), float("nan"))
    if not no_dask:
        dask, own, results = dask_run(docs, knowledge)
        assert [r["text"] for r in results] == [r["text"] for r in records]
    print(f"(e) Dask, 2 workers           {rate(words, dask.wall):9,.0f} words/s (after start-up; "
          f"{rate(words, dask.cpu):,.0f} per worker CPU second)", flush=True)
    return workers, dask


def main(argv: list[str] | None = None) -> str:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="tiny sizes: checks that the benchmark runs")
    ap.add_argument("--no-dask", action="store_true", help="skip (e)")
    args = ap.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    print(f"machine: {load()}", flush=True)
    limit_threads()  # as in every worker: one worker is measured the way each of two is
    started = time.perf_counter()
    knowledge = Knowledge.default()
    with tempfile.TemporaryDirectory(prefix="briefgraph-bench-") as tmp:
        folder = Path(tmp)
        docs = read_corpus(folder / "corpus.jsonl", sizes.docs, SEED, sizes.words)
        words = words_of(start_analysis(d).text for d in docs)
        print(f"corpus: {len(docs)} generated documents, {words} words "
              f"({len(corpus.sentence_pool())} CC0 sentences recombined, seed {SEED})", flush=True)

        bare, end, records = throughput(docs, words, knowledge, sizes.chunks)
        ingest_part(docs, records, words, knowledge, folder)
        workers, dask = parallel_parts(docs, records, words, knowledge, end, args.no_dask)

        print("(g) store growth: a fixed probe set ingested at each store size", flush=True)
        per_doc, big, facts = store_growth(records, sizes, folder)
        print(f"      statuses {facts['statuses']}; rows at {sizes.store[-1]}: "
              + ", ".join(f"{k} {v}" for k, v in facts["counts"].items()))
        latency = query_latency(big, sizes.repeats)
        print(f"(f) queries on the {sizes.store[-1]}-document store (p50 / p99 over {sizes.repeats} runs):")
        for name, (p50, p99) in latency.items():
            print(f"      {name:9} {p50 * 1000:7.1f} ms / {p99 * 1000:7.1f} ms")

        print("(h) memory of streaming ingest (briefgraph ingest, one process):", flush=True)
        rss = streaming_rss(sizes, folder)

        print(f"profile of the end-to-end run ({sizes.profile_docs} documents): top functions outside spaCy")
        for line in profile(docs[:sizes.profile_docs], knowledge):
            print(line)

    print(f"total {time.perf_counter() - started:.0f} s; machine: {load()}")
    print(f"CPU time, which other jobs on the machine do not change: end to end {bare.cpu / end.cpu:.2f} of bare "
          f"spaCy's speed; on two idle cores, balanced, (d) could reach {2 * end.cpu / workers.cpu:.2f}x and (e) "
          f"{2 * end.cpu / dask.cpu:.2f}x one worker (2 x one process's CPU seconds over the workers'; 2.00: the "
          "workers cost no extra CPU)")
    small, large = sizes.rss
    line = (f"ratio_end_to_end={bare.wall / end.wall:.2f} ratio_workers2={end.wall / workers.wall:.2f} "
            f"ratio_dask2={end.wall / dask.wall:.2f} rss_10k_over_1k={rss[large] / rss[small]:.2f} "
            f"ingest_10k_over_100={per_doc[sizes.store[-1]] / per_doc[sizes.store[0]]:.2f}")
    print(line, flush=True)
    return line


if __name__ == "__main__":
    main()
