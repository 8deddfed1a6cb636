"""Print how much a lower-cased and an upper-cased copy of a gold set lose against the
normal-case text, metric by metric, from the figure files the shared scorer writes
(`score.py ... --json FILE`). The issue's target: a loss of at most .10 F1 on
entities.found and events.plover for both copies (marked "!" when it is more).

    python3 tools/case_loss.py NAME normal.json lower.json upper.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

TARGET_METRICS = ("entities.found", "events.plover")
MAX_LOSS = 0.10


def f1(figures: dict[str, object], metric: str) -> float | None:
    value = figures.get(metric)
    return float(value["f1"]) if isinstance(value, dict) and "f1" in value else None


def rows(normal: dict[str, object], lower: dict[str, object], upper: dict[str, object]) -> list[str]:
    out = [f"{'metric':20} {'normal':>7} {'lower':>7} {'loss':>7} {'upper':>7} {'loss':>7}"]
    for metric in sorted(k for k in normal if isinstance(normal[k], dict)):
        base = f1(normal, metric)
        if base is None:
            continue
        cells = [f"{base:7.3f}"]
        for copy in (lower, upper):
            value = f1(copy, metric)
            loss = base - value if value is not None else None
            mark = "!" if metric in TARGET_METRICS and loss is not None and loss > MAX_LOSS + 1e-9 else " "
            cells.append(f"{value:7.3f}" if value is not None else f"{'-':>7}")
            cells.append(f"{loss:+7.3f}{mark}" if loss is not None else f"{'-':>7} ")
        out.append(f"{metric:20} " + " ".join(cells))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("name")
    ap.add_argument("normal")
    ap.add_argument("lower")
    ap.add_argument("upper")
    args = ap.parse_args()
    figures = [json.loads(Path(p).read_text(encoding="utf-8")) for p in (args.normal, args.lower, args.upper)]
    print(f"== {args.name}: loss of the case copies (target: at most {MAX_LOSS:.2f} on {', '.join(TARGET_METRICS)})")
    print("\n".join(rows(*figures)))


if __name__ == "__main__":
    main()
