"""The benchmark of `make bench` runs end to end at tiny sizes (`--quick`), so its code
cannot rot; speed and memory are measured by `make bench` itself, never asserted here."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAST_LINE = re.compile(r"^ratio_end_to_end=\d+\.\d\d ratio_workers2=\d+\.\d\d ratio_dask2=\d+\.\d\d "
                       r"rss_10k_over_1k=\d+\.\d\d ingest_10k_over_100=\d+\.\d\d$")


@pytest.mark.slow
def test_quick_benchmark_runs_every_part_and_ends_with_the_summary_line():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "speed_and_scale.py"), "--quick"],
                         capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-3000:]
    lines = out.stdout.strip().splitlines()
    assert LAST_LINE.match(lines[-1]), lines[-1]
    for part in ("(a) bare spaCy", "(b) extract end to end", "(c) ingest into SQLite", "(d) --workers 2",
                 "(e) Dask, 2 workers", "(f) queries", "(g) store growth", "(h) memory", "profile"):
        assert any(line.startswith(part) or line.lstrip().startswith(part) for line in lines), part


def test_corpus_is_deterministic_and_its_documents_distinct():
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    first = list(corpus.generate(20, seed=5, words=120))
    assert first == list(corpus.generate(20, seed=5, words=120))
    assert len({d["text"] for d in first}) == 20
    assert all(len(d["text"].split()) >= 120 for d in first)


def test_variant_records_keep_valid_offsets():
    sys.path.insert(0, str(ROOT / "bench"))
    import speed_and_scale as bench

    from briefgraph.pipeline import extract_text

    records = [extract_text(t) for t in (
        "Kenya and Uganda agreed on Monday to reopen the Busia border crossing.\n\n"
        "Russia's foreign minister met his Chinese counterpart in Beijing on Tuesday.",
        "The European Union imposed sanctions on three Iranian officials.\n\n"
        "“We will not back down,” Iranian Foreign Minister Abbas Araghchi said on Wednesday.")]
    for i in range(5):
        record = bench.variant(records, i, parts=3)
        assert record["text"].count("\n\n") == 2
        bench.check_offsets(record)
        for actor in record["actors"]:
            for start, end in actor["mentions"]:
                assert record["text"][start:end].strip()
        ids = {a["id"] for a in record["actors"]}
        assert all(e["source"] in ids for e in record["events"] if e["source"])
