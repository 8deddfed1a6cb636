"""Extraction throughput and memory, per stage, in one run.

    .venv/bin/python bench/extract_throughput.py [PATH ...] [--repeat N]

Reads the documents (default: samples/ and tests/data/), runs the pipeline
`--repeat` times over them in batches, and prints words per second, each
stage's share of the time, and the peak resident memory. Figures are for
comparing runs on the same machine: report them as ratios.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed_and_scale import timed_stages  # noqa: E402  (one stage timer for both benchmarks)

from briefgraph.pipeline import analyse  # noqa: E402
from briefgraph.readers import read_inputs  # noqa: E402
from briefgraph.records import RawDocument  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "samples"), str(ROOT / "tests" / "data")])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()

    docs = [d for d in read_inputs(args.paths) if isinstance(d, RawDocument)]
    words = sum(len(d.text.split()) for d in docs)
    totals: dict[str, float] = defaultdict(float)
    stages = timed_stages(totals)
    list(analyse(docs[:1], stages=stages))  # load the model and data files once, untimed
    totals.clear()
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for result in analyse(docs, batch_size=args.batch_size, stages=stages):
            assert not hasattr(result, "reason"), result
    elapsed = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(docs)} documents x {args.repeat}, {words * args.repeat} words in {elapsed:.2f} s: "
          f"{words * args.repeat / elapsed:,.0f} words/s, peak RSS {peak_mb:,.0f} MB")
    for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {name:10} {seconds:7.2f} s  {seconds / elapsed:6.1%}")


if __name__ == "__main__":
    main()
