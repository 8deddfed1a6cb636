"""Score every event set in one command and print one table (optionally against a baseline).

    python tools/score_all.py OUT [--base BASE] [--jobs 2] [--sets sent-held,docs-held]
    python tools/score_all.py OUT --sets blind      (the blind set: only at the end of a round)

Runs ``../shared/eval/score.py --show --json`` on each set (our corpus, both parts, the shared
development sets and tests/data), ``--jobs`` at a time, and writes OUT/NAME.json (figures) and
OUT/NAME.show (every miss and false hit). Documents run with no time budget (`--budget 0`): under
load the CLI's 60 s default stops slow documents, which would read as a drop; a run that still
reports FAILED documents says so beside the set's name. With ``--base`` it prints each figure beside the
baseline's, so a change is judged on every part at once (keep it only if no held-out figure
drops: corpus/README.md).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
CLI = ROOT / ".venv" / "bin" / "briefgraph"

# name -> (gold, record format the scorer asks the CLI for)
SETS: dict[str, tuple[Path, str]] = {
    "sent-tune": (ROOT / "corpus/sentences/tune.jsonl", "jsonl"),
    "sent-held": (ROOT / "corpus/sentences/heldout.jsonl", "jsonl"),
    "sent20-tune": (ROOT / "corpus/sentences-r20/tune.jsonl", "jsonl"),
    "sent20-held": (ROOT / "corpus/sentences-r20/heldout.jsonl", "jsonl"),
    "docs-tune": (ROOT / "corpus/docs/tune", "json"),
    "docs-held": (ROOT / "corpus/docs/heldout", "json"),
    "docs21-tune": (ROOT / "corpus/docs-r21/tune", "json"),
    "docs21-held": (ROOT / "corpus/docs-r21/heldout", "json"),
    "docs22-tune": (ROOT / "corpus/docs-r22/tune", "json"),
    "docs22-held": (ROOT / "corpus/docs-r22/heldout", "json"),
    "gen-tune": (ROOT / "corpus/generic/tune.jsonl", "jsonl"),
    "gen-held": (ROOT / "corpus/generic/heldout.jsonl", "jsonl"),
    "briefs": (EVAL / "briefs-dev.jsonl", "jsonl"),
    "gsr": (EVAL / "plover-gsr/dev.jsonl", "jsonl"),
    "tests-data": (ROOT / "tests/data", "json"),
    "seed": (EVAL / "dev", "json"),
    "blind": (ROOT / "corpus/blind/round19.jsonl", "jsonl"),
}
# scored only when asked for by name, once at the end of a round (corpus/blind/README.md): never
# part of a tuning loop
BLIND = frozenset({"blind"})
METRICS = ("events.plover", "entities.found", "quotes.attributed")


def score(name: str, out: Path) -> str:
    gold, fmt = SETS[name]
    command = [
        sys.executable, str(EVAL / "score.py"), str(gold), "--show",
        "--json", str(out / f"{name}.json"),
        "--run", f"{CLI} extract {{file}} --format {fmt} --budget 0",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    (out / f"{name}.show").write_text(done.stdout + done.stderr, encoding="utf-8")
    failed = done.stdout.count("FAILED ")
    note = f" ({failed} documents FAILED: figures not comparable)" if failed else ""
    return (name if done.returncode == 0 else f"{name} (exit {done.returncode})") + note


def figure(folder: Path, name: str, metric: str) -> dict | None:
    path = folder / f"{name}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get(metric)


def cell(value: dict | None, counts: bool) -> str:
    if not value:
        return "-"
    text = f"{value['f1']:.3f}"
    if counts:
        text += f" ({value['tp']}/{value['fp']}/{value['fn']})"
    return text


def table(names: list[str], out: Path, base: Path | None) -> str:
    lines = []
    for name in names:
        parts = []
        for metric in METRICS:
            now = figure(out, name, metric)
            if not now:
                continue
            text = cell(now, metric == "events.plover")
            if base is not None:
                was = figure(base, name, metric)
                mark = "" if not was else ("+" if now["f1"] > was["f1"] else "-" if now["f1"] < was["f1"] else "=")
                text = f"{cell(was, metric == 'events.plover')} -> {text} {mark}"
            parts.append(f"{metric.split('.')[0]} {text}")
        if name == "gsr" and (now := figure(out, name, "events.plover")):
            parts.append(f"recall {now['r']:.3f}")
        lines.append(f"{name:11} " + " | ".join(parts))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--base", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sets", default=",".join(name for name in SETS if name not in BLIND))
    parser.add_argument("--table-only", action="store_true", help="print OUT's table, score nothing")
    args = parser.parse_args()
    names = [name for name in args.sets.split(",") if name]
    unknown = [name for name in names if name not in SETS]
    if unknown:
        parser.error(f"unknown set(s): {', '.join(unknown)}; known: {', '.join(SETS)}")
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.table_only:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for done in pool.map(lambda name: score(name, args.out), names):
                print(f"scored {done}", file=sys.stderr)
    print(table(names, args.out, args.base))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
