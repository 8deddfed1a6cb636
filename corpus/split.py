"""Split an annotated JSON Lines set once into a tuning part and a held-out part.

    python3 corpus/split.py corpus/sentences/all.jsonl --heldout 0.4 --seed 20261204
    python3 corpus/split.py corpus/docs-r21/all --heldout 0.4 --seed 20261204

A JSON Lines set is stratified by the main PLOVER type of each line (its first
required event, or "none"); a folder of documents (each NAME.ext beside its
NAME.gold.json) by the gold's "kind" (brief, wire, release, local) and moved into
tune/ and heldout/ beside the folder. Shuffled with a fixed seed, so the split is
the same on every machine.
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


def held_keys(groups: dict[str, list[str]], heldout: float, seed: int) -> set[str]:
    """The held-out members: per group, sorted, shuffled with the seed, the first round(n * heldout)."""
    rng = random.Random(seed)
    held: set[str] = set()
    for kind in sorted(groups):
        members = sorted(groups[kind])
        rng.shuffle(members)
        held.update(members[: round(len(members) * heldout)])
    return held


def split_documents(folder: Path, heldout: float, seed: int) -> None:
    groups: dict[str, list[str]] = defaultdict(list)
    for gold in sorted(folder.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        groups[str(json.loads(gold.read_text(encoding="utf-8")).get("kind") or "none")].append(name)
    held = held_keys(groups, heldout, seed)
    for part in ("tune", "heldout"):
        (folder.parent / part).mkdir(exist_ok=True)
    for path in sorted(folder.iterdir()):
        name = path.name.split(".", 1)[0]
        path.rename(folder.parent / ("heldout" if name in held else "tune") / path.name)
    print(f"{folder.parent}: {sum(map(len, groups.values())) - len(held)} tune, {len(held)} held-out documents")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path")
    ap.add_argument("--heldout", type=float, default=0.4)
    ap.add_argument("--seed", type=int, default=20261204)
    args = ap.parse_args()
    path = Path(args.path)
    if path.is_dir():
        split_documents(path, args.heldout, args.seed)
        return
    lines = [json.loads(text) for text in path.read_text(encoding="utf-8").splitlines() if text.strip()]
    groups: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        groups[main_type(line)].append(line["input"]["id"])
    heldout_ids = held_keys(groups, args.heldout, args.seed)
    for name, keep in (("tune", False), ("heldout", True)):
        part = [line for line in lines if (line["input"]["id"] in heldout_ids) == keep]
        out = path.with_name(f"{name}.jsonl")
        out.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in part), encoding="utf-8")
        print(f"{out}: {len(part)} lines")


if __name__ == "__main__":
    main()
