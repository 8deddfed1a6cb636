"""Score the magnitudes stage on an annotated corpus part (corpus/generic/*.jsonl).

    .venv/bin/python tools/score_magnitudes.py corpus/generic/heldout.jsonl [--show]

A gold magnitude (kind, value, min, max) is found when a predicted magnitude of the
same line has the same kind and the same value, min and max. Three figures:

  event  found on a predicted event of the gold event's PLOVER type
  line   found on any predicted event of the line (events aside: "the numbers we keep")
  text   found by the stage's reader anywhere in the line, with or without an event
         (the ceiling once every event is found)

Precision: the share of predicted magnitudes (on events; for `text`, all read) that
match a gold magnitude of their line. Only the input texts are read; nothing is copied.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from briefgraph.knowledge import Knowledge
from briefgraph.pipeline import analyse
from briefgraph.records import Analysis, RawDocument
from briefgraph.stages.magnitudes import text_magnitudes

Key = tuple[str, int | None, int | None, int | None]


def _key(m: Any) -> Key:
    get = m.get if isinstance(m, dict) else lambda f: getattr(m, f)
    return (get("kind"), get("value"), get("min"), get("max"))


def _found(gold: list[Key], predicted: list[Key]) -> tuple[int, int]:
    """(gold keys matched, predicted keys matched), each key used once."""
    left = Counter(predicted)
    hits = 0
    for key in gold:
        if left[key] > 0:
            left[key] -= 1
            hits += 1
    return hits, hits


def score(path: Path, show: bool = False) -> dict[str, Any]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    raws = [RawDocument(text=g["input"]["text"], source=g["input"]["id"], format="jsonl",
                        input_id=g["input"]["id"], published=g["input"].get("published")) for g in lines]
    words = Knowledge.default().magnitudes
    totals: Counter[str] = Counter()
    for gold, result in zip(lines, analyse(raws), strict=True):
        if not isinstance(result, Analysis):
            continue
        gold_by_type = [(e.get("plover"), _key(m)) for e in gold["events"] for m in e.get("magnitudes") or []]
        gold_keys = [k for _, k in gold_by_type]
        on_events = [(e.plover, _key(m)) for e in [*result.events, *result.incidents] for m in e.magnitudes]
        read = [_key(m) for m, _ in text_magnitudes(result.nlp, result.text, words)]
        event_hits = sum(_found([k], [p for t, p in on_events if t == plover])[0] for plover, k in gold_by_type)
        line_hits, line_right = _found(gold_keys, [k for _, k in on_events])
        text_hits, text_right = _found(gold_keys, read)
        totals.update(gold=len(gold_keys), event=event_hits, line=line_hits, text=text_hits,
                      predicted=len(on_events), right=line_right, read=len(read), read_right=text_right)
        if show and (event_hits < len(gold_keys) or text_hits < len(gold_keys) or len(read) > text_right):
            print(f"{gold['input']['id']}: {gold['input']['text']}\n   gold {gold_by_type}\n   events {on_events}"
                  f"\n   read {read}", file=sys.stderr)
    return dict(totals)


def _share(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true",
                        help="print every line with a miss (on the right event or in the text) or a wrong magnitude")
    args = parser.parse_args(argv)
    for path in args.files:
        t = score(path, args.show)
        print(f"{path}: {t['gold']} gold magnitudes | found on the right event {_share(t['event'], t['gold'])} | "
              f"on an event of the line {_share(t['line'], t['gold'])} "
              f"(precision {_share(t['right'], t['predicted'])}, "
              f"{t['predicted']} predicted) | read in the text {_share(t['text'], t['gold'])} "
              f"(precision {_share(t['read_right'], t['read'])}, {t['read']} read)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
