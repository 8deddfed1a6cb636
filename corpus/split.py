"""Split an annotated JSON Lines set once into a tuning part and a held-out part.

    python3 corpus/split.py corpus/sentences/all.jsonl --heldout 0.4 --seed 20261204

Stratified by the main PLOVER type of each line (its first required event, or
"none"), shuffled with a fixed seed, so the split is the same on every machine.
Run once per set, before any tuning; never re-split to move lines between parts.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path


def main_type(line: dict) -> str:
    for event in line.get("events") or []:
        if not event.get("optional"):
            return str(event.get("plover") or "none")
    return "none"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path")
    ap.add_argument("--heldout", type=float, default=0.4)
    ap.add_argument("--seed", type=int, default=20261204)
    args = ap.parse_args()
    path = Path(args.path)
    lines = [json.loads(text) for text in path.read_text(encoding="utf-8").splitlines() if text.strip()]
    groups: dict[str, list[dict]] = defaultdict(list)
    for line in lines:
        groups[main_type(line)].append(line)
    rng = random.Random(args.seed)
    heldout_ids: set[str] = set()
    for kind in sorted(groups):
        members = sorted(groups[kind], key=lambda line: line["input"]["id"])
        rng.shuffle(members)
        count = round(len(members) * args.heldout)
        heldout_ids.update(line["input"]["id"] for line in members[:count])
    for name, keep in (("tune", False), ("heldout", True)):
        part = [line for line in lines if (line["input"]["id"] in heldout_ids) == keep]
        out = path.with_name(f"{name}.jsonl")
        out.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in part), encoding="utf-8")
        print(f"{out}: {len(part)} lines")


if __name__ == "__main__":
    main()
