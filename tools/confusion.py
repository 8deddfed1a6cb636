#!/usr/bin/env python3
"""Per-type confusion of events.plover: gold PLOVER type against predicted type.

  confusion.py GOLD.jsonl RECORDS.jsonl [--scorer ../shared/eval/score.py] [--show]

RECORDS.jsonl holds one record a line in the order of GOLD.jsonl (the output of
`briefgraph extract INPUTS.jsonl --format jsonl`). Matching follows the shared scorer:
a required gold event pairs with a prediction of the same source and target (names as the
scorer compares them); a pair whose types differ is a confusion, a gold event without any
pair is counted under `-` (missed), and a prediction left over under gold `-` (extra).
Optional gold events soak up predictions of the same actors and count nowhere.
`--show` prints every off-diagonal cell with the sentence it came from.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter
from pathlib import Path
from typing import Any

NONE = "-"


def load_scorer(path: str) -> Any:
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions(score: Any, rec: dict) -> list[dict]:
    names = score.actor_names(rec)
    return [dict(e, _src=names(e.get("source")), _tgt=names(e.get("target")))
            for e in rec.get("events") or [] if e.get("plover") in score.PLOVER]


def same_actors(score: Any):
    def same(g: dict, p: dict) -> bool:
        if bool(p.get("negated")) != bool(g.get("negated")):
            return False
        if not score.names_match(p["_src"], g["source"]):
            return False
        return g.get("target") is None or score.names_match(p["_tgt"], g["target"])
    return same


def pair_document(score: Any, gold: dict, rec: dict) -> list[tuple[str, str, str]]:
    """(gold type, predicted type, what) for every required gold event and extra prediction."""
    golds = [g if g.get("plover") else dict(g, optional=True) for g in gold.get("events", [])]
    preds = predictions(score, rec)
    same = same_actors(score)
    typed = lambda g, p: same(g, p) and g.get("plover") == p.get("plover")  # noqa: E731
    exact, missed, rest = score.align(golds, preds, typed)
    cells = [(g["plover"], p["plover"], "") for g, p in exact]
    loose, unmatched, extra = score.align(missed, rest, same)
    cells += [(g["plover"], p["plover"], f'{g["source"][0]} -> {p.get("trigger")}') for g, p in loose]
    cells += [(g["plover"], NONE, f'{g["source"][0]} {(g.get("target") or ["-"])[0]}') for g in unmatched]
    cells += [(NONE, p["plover"], f'{p["_src"][:1]} {p.get("trigger")} {p["_tgt"][:1]}') for p in extra]
    return cells


def table(counts: Counter) -> str:
    rows = sorted({g for g, _ in counts} - {NONE}) + [NONE]
    cols = sorted({p for _, p in counts} - {NONE}) + [NONE]
    width = max(len(c) for c in cols + rows) + 1
    head = "gold\\pred".ljust(width) + "".join(c[:5].rjust(6) for c in cols)
    lines = [head]
    for r in rows:
        lines.append(r.ljust(width) + "".join(
            (str(counts[(r, c)]) if counts[(r, c)] else ".").rjust(6) for c in cols))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("records")
    ap.add_argument("--scorer", default=str(Path("../shared/eval/score.py")))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    score = load_scorer(args.scorer)
    golds = [json.loads(x) for x in Path(args.gold).read_text().splitlines() if x.strip()]
    recs = [json.loads(x) for x in Path(args.records).read_text().splitlines() if x.strip()]
    if len(golds) != len(recs):
        raise SystemExit(f"{len(recs)} records for {len(golds)} gold lines")
    counts: Counter = Counter()
    for gold, rec in zip(golds, recs, strict=True):
        for g, p, what in pair_document(score, gold, rec):
            counts[(g, p)] += 1
            if args.show and g != p:
                print(f"{g:>9} -> {p:9} {what:50} | {gold['input']['text'][:110]}")
    tp = sum(n for (g, p), n in counts.items() if g == p and g != NONE)
    fn = sum(n for (g, _), n in counts.items() if g != NONE) - tp
    fp = sum(n for (_, p), n in counts.items() if p != NONE) - tp
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    print(table(counts))
    print(f"events.plover tp/fp/fn {tp}/{fp}/{fn}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
