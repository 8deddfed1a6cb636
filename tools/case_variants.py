"""Write lower-cased and upper-cased copies of a JSON Lines gold set, to measure how
much the extractor depends on letter case (archives store text lower-cased, headlines
and wire slugs are in capitals). Only the input text changes: the scorer compares
names without case.

    python3 tools/case_variants.py ../shared/eval/briefs-dev.jsonl --out /tmp/case
    python3 ../shared/eval/score.py /tmp/case/briefs-dev.lower.jsonl --run "briefgraph extract {file} --format jsonl"
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", help="JSON Lines gold sets")
    ap.add_argument("--out", required=True, help="folder for NAME.lower.jsonl and NAME.upper.jsonl")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for gold in map(Path, args.gold):
        lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        for case in ("lower", "upper"):
            target = out / f"{gold.parent.name}-{gold.stem}.{case}.jsonl"
            with target.open("w", encoding="utf-8") as fh:
                for line in lines:
                    text = line["input"]["text"]
                    changed = text.lower() if case == "lower" else text.upper()
                    if len(changed) != len(text):  # a letter whose other case is longer ("ß")
                        changed = "".join(c.lower() if case == "lower" else c.upper()
                                          if len(c.upper()) == 1 else c for c in text)
                    line = dict(line, input=dict(line["input"], text=changed))
                    fh.write(json.dumps(line, ensure_ascii=False) + "\n")
            print(target)


if __name__ == "__main__":
    main()
