"""Place accuracy of the extractor on gold sets whose events carry a location.

    .venv/bin/python tools/score_places.py GOLD.jsonl [GOLD.jsonl | DIR ...] [--split heldout|dev|all] [--show]

A gold set is JSON Lines (`{"input": {"id", "text", "published"}, "events": [...]}`, the
shape of ../shared/eval/briefs-dev.jsonl) or a folder of NAME.txt + NAME.gold.json. A
gold event's `location` is `{"name", "country"}` or null. Each gold event with a
location is matched to one extracted event of the same PLOVER type (CAMEO root when the
gold has no PLOVER type) whose source names match, as the shared scorer matches them;
then:

  name     the extracted place is the gold place: the same name once folded, or the
           gold name is one of the gazetteer names of the place it was resolved to
  country  the extracted place's country (ISO3) is the gold one
  found    gold places whose event was matched and given any place

Accuracy is over the located gold events whose event was matched (events the events
stage misses say nothing of places); `located` is over all of them.

Split: a set that has its own split (our corpus: corpus/SET/tune.jsonl and
heldout.jsonl, corpus/docs/tune/ and heldout/) is scored as given, part by part, with
`--split own` (the default when every path names its part: `tune` or `heldout`). For
other sets an item is held out when the first hex digit of sha256(its id) is 0-3 (about
a quarter); tune on `--split dev`, report `--split heldout`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def norm(s: object) -> str:
    s = str(s or "").replace("\u2019", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def names_match(pred: list, gold: list) -> bool:
    for p in filter(None, map(norm, pred)):
        for g in filter(None, map(norm, gold)):
            if p == g or f" {g} " in f" {p} " or f" {p} " in f" {g} ":
                return True
    return False


def own_part(path: str) -> str | None:
    """"tune" or "heldout" when the path names the part of a set split by hand."""
    words = set(re.split(r"[^a-z]+", Path(path).as_posix().lower()))
    return next((part for part in ("heldout", "tune") if part in words), None)


def heldout(item_id: str) -> bool:
    return hashlib.sha256(item_id.encode("utf-8")).hexdigest()[0] in "0123"


def load(paths: list[str]) -> list[dict]:
    items = []
    for path in map(Path, paths):
        if path.is_dir():
            for gold_path in sorted(path.glob("*.gold.json")):
                text_path = next((p for p in path.glob(gold_path.name.replace(".gold.json", ".*"))
                                  if not p.name.endswith(".gold.json")), None)
                if text_path is None:
                    continue
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                items.append({"input": {"id": text_path.name, "text": text_path.read_text(encoding="utf-8"),
                                        "published": gold.get("published")}, "events": gold.get("events", [])})
        else:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    items.append(json.loads(line))
    return items


def same_place(pred: dict, gold: dict) -> tuple[bool, bool]:
    from briefgraph.places import gazetteer

    names = [pred.get("name")]
    name_ok = names_match(names, [gold.get("name")])
    if not name_ok and gold.get("name"):
        # the gold name is another name of the place found ("Hodeidah" for "Al Hudaydah")
        name_ok = any(p.country == pred.get("country") and abs(p.lat - (pred.get("lat") or 1e9)) < 0.5
                      and abs(p.lon - (pred.get("lon") or 1e9)) < 0.5 for p in gazetteer().lookup(gold["name"]))
    return name_ok, (pred.get("country") or None) == (gold.get("country") or None)


def score(items: list[dict], show: bool = False) -> dict[str, float]:
    import briefgraph

    located = matched = found = name_ok = country_ok = 0
    for item in items:
        gold_located = [e for e in item["events"] if e.get("location") and e["location"].get("name")]
        if not gold_located:
            continue
        inp = item["input"]
        record = briefgraph.extract_text(inp["text"], published=inp.get("published"), source=inp.get("id", "-"))
        names = {a["id"]: [a["name"], *a.get("aliases", [])] for a in record["actors"]}
        free = list(record["events"])
        for gold in gold_located:
            located += 1

            def same(p: dict, g: dict = gold, names: dict = names) -> bool:
                typed = p.get("plover") == g["plover"] if g.get("plover") else \
                    str(p.get("cameo") or "")[:2] == g.get("cameo_root")
                return typed and names_match(names.get(p.get("source"), []), g.get("source") or [])

            hit = next((p for p in free if same(p) and p.get("location")), None) or next(
                (p for p in free if same(p)), None)
            if hit is None:
                if show:
                    print(f"  {inp.get('id')}: event not found: {gold.get('plover')} -> {gold['location']['name']}")
                continue
            free.remove(hit)
            matched += 1
            pred = hit.get("location")
            if not pred:
                if show:
                    print(f"  {inp.get('id')}: no place, gold {gold['location']['name']} ({hit.get('trigger')})")
                continue
            found += 1
            n_ok, c_ok = same_place(pred, gold["location"])
            name_ok += n_ok
            country_ok += c_ok
            if show and not (n_ok and c_ok):
                print(f"  {inp.get('id')}: {pred.get('name')} {pred.get('country')} ({pred.get('how')}) "
                      f"for gold {gold['location']['name']} {gold['location'].get('country')}")
    return {"gold_located": located, "matched": matched, "found": found,
            "name_accuracy": round(name_ok / matched, 3) if matched else 0.0,
            "country_accuracy": round(country_ok / matched, 3) if matched else 0.0,
            "name_precision": round(name_ok / found, 3) if found else 0.0,
            "located_share": round(found / matched, 3) if matched else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--split", choices=("heldout", "dev", "all", "own"), default=None,
                        help="default: own when every path names its part (tune/heldout), else heldout")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    if args.split is None:
        args.split = "own" if all(own_part(p) for p in args.gold) else "heldout"
    if args.split == "own":
        parts = {own_part(p) for p in args.gold}
        if None in parts:
            parser.error("--split own needs paths that name their part (tune or heldout)")
        items = load(args.gold)
        figures = score(items, args.show)
        print(json.dumps({"split": "+".join(sorted(p for p in parts if p)), "items": len(items), **figures}))
        return 0
    items = load(args.gold)
    if args.split != "all":
        items = [i for i in items if heldout(str(i["input"].get("id", ""))) == (args.split == "heldout")]
    figures = score(items, args.show)
    print(json.dumps({"split": args.split, "items": len(items), **figures}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
