"""Write lower-cased and upper-cased copies of a gold set, to measure how much the
extractor depends on letter case (archives store text lower-cased, headlines and wire
slugs are in capitals). Only the input text changes: the scorer compares names without
case. A JSON Lines set gives PARENT-NAME.lower.jsonl; a folder of documents + NAME.gold.json
gives a folder PARENT-NAME.lower/ (the gold files copied as they are).

    python3 tools/case_variants.py ../shared/eval/briefs-dev.jsonl corpus/docs/heldout --out /tmp/c
    python3 ../shared/eval/score.py /tmp/c/eval-briefs-dev.lower.jsonl --run "briefgraph extract {file} --format jsonl"
    python3 ../shared/eval/score.py /tmp/c/docs-heldout.lower --run "briefgraph extract {file} --format json"
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def recase(text: str, case: str) -> str:
    """The text in one case, same length (a letter whose other case is longer, "ß", stays)."""
    changed = text.lower() if case == "lower" else text.upper()
    if len(changed) != len(text):
        changed = "".join(c.lower() if case == "lower" else c.upper() if len(c.upper()) == 1 else c for c in text)
    return changed


def copy_lines(gold: Path, out: Path, case: str) -> Path:
    lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    target = out / f"{gold.parent.name}-{gold.stem}.{case}.jsonl"
    with target.open("w", encoding="utf-8") as fh:
        for line in lines:
            line = dict(line, input=dict(line["input"], text=recase(line["input"]["text"], case)))
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return target


def copy_folder(gold: Path, out: Path, case: str) -> Path:
    """Every document of the folder (NAME.txt, .md, .html ...) beside its NAME.gold.json."""
    target = out / f"{gold.parent.name}-{gold.name}.{case}"
    target.mkdir(parents=True, exist_ok=True)
    for answer in sorted(gold.glob("*.gold.json")):
        name = answer.name.removesuffix(".gold.json")
        for document in gold.glob(f"{name}.*"):
            if document != answer:
                (target / document.name).write_text(recase(document.read_text(encoding="utf-8"), case),
                                                     encoding="utf-8")
        (target / answer.name).write_bytes(answer.read_bytes())
    return target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", help="gold sets: JSON Lines files or folders of NAME.txt + NAME.gold.json")
    ap.add_argument("--out", required=True, help="folder for the copies")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for gold in map(Path, args.gold):
        for case in ("lower", "upper"):
            print(copy_folder(gold, out, case) if gold.is_dir() else copy_lines(gold, out, case))


if __name__ == "__main__":
    main()
