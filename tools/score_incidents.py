#!/usr/bin/env python3
"""Score the record's incidents (events with no doer, `incidents`) on a corpus/generic-style set.

    .venv/bin/python tools/score_incidents.py corpus/generic/tune.jsonl [--show]

The gold codes an agentless passive ("Two priests were kidnapped") as an event with
`"source": []`; the shared scorer cannot match an empty source, so these are scored here.
A predicted incident matches a gold one of its line with the same PLOVER type, the same
negation and, when the gold names a target, a target name the shared scorer would match.
Precision counts every incident of every line (a line whose gold has no doerless event
makes each incident false); `--show` prints the lines with a miss or a false incident.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from scorer_names import names_match

from briefgraph.pipeline import analyse
from briefgraph.records import Analysis, Event, RawDocument


def _names(result: Analysis, actor_id: str | None) -> list[str]:
    actor = next((a for a in result.actors if a.id == actor_id), None)
    return [actor.name, *actor.aliases] if actor is not None else []


def _same(gold: dict[str, Any], event: Event, result: Analysis) -> bool:
    return gold.get("plover") == event.plover and bool(gold.get("negated")) == event.negated \
        and (gold.get("target") is None or names_match(_names(result, event.target), gold["target"]))


def score(path: Path, show: bool = False) -> Counter[str]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    raws = [RawDocument(text=g["input"]["text"], source=g["input"]["id"], format="jsonl",
                        input_id=g["input"]["id"], published=g["input"].get("published")) for g in lines]
    totals: Counter[str] = Counter()
    for gold, result in zip(lines, analyse(raws), strict=True):
        if not isinstance(result, Analysis):
            continue
        wanted = [e for e in gold["events"] if e.get("source") == [] and e.get("plover")]
        left = list(result.incidents)
        for g in wanted:
            hit = next((e for e in left if _same(g, e, result)), None)
            if hit is not None:
                left.remove(hit)
        found = len(result.incidents) - len(left)
        totals.update(gold=len(wanted), predicted=len(result.incidents), tp=found)
        if show and (found < len(wanted) or left):
            print(f"{gold['input']['id']}: {gold['input']['text']}\n   gold "
                  f"{[(g['plover'], (g.get('target') or ['-'])[0]) for g in wanted]}\n   incidents "
                  f"{[(e.plover, (_names(result, e.target) or ['-'])[0], e.trigger) for e in result.incidents]}",
                  file=sys.stderr)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="print every line with a miss or a false incident")
    args = parser.parse_args(argv)
    for path in args.files:
        t = score(path, args.show)
        p = t["tp"] / t["predicted"] if t["predicted"] else 0.0
        r = t["tp"] / t["gold"] if t["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{path}: incidents P {p:.3f} R {r:.3f} F1 {f:.3f} "
              f"({t['tp']} found of {t['gold']} gold, {t['predicted']} predicted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
