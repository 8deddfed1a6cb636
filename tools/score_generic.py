#!/usr/bin/env python3
"""Score the generic actors of a corpus/generic-style gold set (corpus/generic/README.md).

  score_generic.py GOLD.jsonl [RECORDS.jsonl]

Without RECORDS, runs `briefgraph extract GOLD-inputs --format jsonl` itself. Reports:

  - for the generic actors (gold `source_actor` / `target_actor`) of events matched as the
    shared scorer matches them (PLOVER type, source and target names, negation): the share
    whose country is right, whose country reason (`country_from`) is right, whose category
    is right and whose code is right;
  - the same for every gold generic actor matched by name to a record actor of its line;
  - the events with a generic actor by PLOVER type: gold count and found;
  - entities.found as the shared scorer counts it, and without the generic actors
    (actors with a `category` or `country_from`, or whose code is a bare role), to show
    that named entities are not lost.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from scorer_names import names_match

FIELDS = ("country", "country_from", "category", "code")


def names(actor: dict | None) -> list[str]:
    return [actor["name"], *(actor.get("aliases") or [])] if actor else []


def is_generic(actor: dict) -> bool:
    """A generic group or person (a state's institution such as "Kenya's army" is an ORG:
    named, though it has a category)."""
    code = actor.get("code") or ""
    if actor.get("type") not in ("GROUP", "PERSON"):
        return False
    return bool(actor.get("category") or actor.get("country_from")) or (
        actor.get("kb_id") is None and actor.get("type") in ("GROUP", "PERSON") and len(code) == 3
        and code.isupper() and not actor.get("country"))


class Shares:
    def __init__(self, show: bool = False) -> None:
        self.show = show  # print each actor with a wrong field (gold / ours) to stderr
        self.n = 0
        self.right: Counter[str] = Counter()

    def add(self, gold: dict, pred: dict | None, where: str = "") -> None:
        self.n += 1
        wrong = []
        for field in FIELDS:
            right = bool(pred) and (pred or {}).get(field) == gold.get(field)
            self.right[field] += right
            if not right:
                wrong.append(f"{field} {gold.get(field)} / {(pred or {}).get(field)}")
        if self.show and wrong:
            print(f"{where}: {(pred or {}).get('name')}: " + "; ".join(wrong), file=sys.stderr)

    def line(self, label: str) -> str:
        cells = "  ".join(f"{f} {self.right[f] / self.n:.3f}" if self.n else f"{f} -" for f in FIELDS)
        return f"{label:44} n={self.n:<4} {cells}"


def matched_events(gold: dict, rec: dict) -> list[tuple[dict, dict]]:
    """Gold events (required first, then optional) paired one-to-one with record events."""
    by_id = {a["id"]: a for a in rec.get("actors") or []}
    free = [e for e in rec.get("events") or [] if e.get("plover")]
    pairs = []
    for g in sorted(gold.get("events", []), key=lambda e: bool(e.get("optional"))):
        for p in free:
            if p.get("plover") != g.get("plover") or bool(p.get("negated")) != bool(g.get("negated")):
                continue
            if not names_match(names(by_id.get(p.get("source"))), g.get("source") or []):
                continue
            if g.get("target") is not None and not names_match(names(by_id.get(p.get("target"))), g["target"]):
                continue
            free.remove(p)
            pairs.append((g, p))
            break
    return pairs


def score(golds: list[dict], records: list[dict], show: bool = False) -> list[str]:
    in_events, by_name = Shares(show), Shares()
    types_gold: Counter[str] = Counter()
    types_found: Counter[str] = Counter()
    ents = {"all": Counter(), "named": Counter()}
    for gold, rec in zip(golds, records, strict=True):
        by_id = {a["id"]: a for a in rec.get("actors") or []}
        for g in gold.get("events", []):
            if (g.get("source_actor") or g.get("target_actor")) and g.get("plover") and not g.get("optional"):
                types_gold[g["plover"]] += 1
        for g, p in matched_events(gold, rec):
            if (g.get("source_actor") or g.get("target_actor")) and not g.get("optional"):
                types_found[g["plover"]] += 1
            for slot in ("source", "target"):
                if g.get(f"{slot}_actor"):
                    in_events.add(g[f"{slot}_actor"], by_id.get(p.get(slot)), gold["input"]["id"])
        for g in gold.get("events", []):
            for slot in ("source", "target"):
                if g.get(f"{slot}_actor") and g.get(slot):
                    actor = next((a for a in by_id.values() if names_match(names(a), g[slot])), None)
                    if actor is not None:
                        by_name.add(g[f"{slot}_actor"], actor)
        count_entities(gold, list(by_id.values()), ents["all"])
        count_entities(gold, [a for a in by_id.values() if not is_generic(a)], ents["named"])
    out = [in_events.line("generic actors of matched events"), by_name.line("gold generic actors matched by name"),
           "", f"{'PLOVER type (events with a generic actor)':44} {'gold':>5} {'found':>6}"]
    for plover, n in types_gold.most_common():
        out.append(f"  {plover:42} {n:5} {types_found[plover]:6}")
    out.append(f"  {'all':42} {sum(types_gold.values()):5} {sum(types_found.values()):6}")
    out.append("")
    for label, c in (("entities.found (all record actors)", ents["all"]),
                     ("entities.found (generic actors left out)", ents["named"])):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out.append(f"{label:44} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return out


def count_entities(gold: dict, actors: list[dict], tally: Counter[str]) -> None:
    free = list(actors)
    for g in gold.get("entities", []):
        hit = next((a for a in free if names_match(names(a), g["name"])), None)
        if hit is None:
            tally["fn"] += 1
        else:
            free.remove(hit)
            tally["tp"] += 1
    tally["fp"] += len(free)


def run_extract(golds: list[dict]) -> list[dict]:
    exe = Path(sys.executable).with_name("briefgraph")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tmp:
        tmp.write("".join(json.dumps(g["input"]) + "\n" for g in golds))
    out = subprocess.run([str(exe), "extract", tmp.name, "--format", "jsonl"], capture_output=True, text=True,
                         check=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("records", nargs="?")
    ap.add_argument("--show", action="store_true",
                    help="print the generic actors of matched events with a wrong field (tune parts only)")
    args = ap.parse_args()
    golds = [json.loads(line) for line in Path(args.gold).read_text().splitlines() if line.strip()]
    if args.records:
        records = [json.loads(line) for line in Path(args.records).read_text().splitlines() if line.strip()]
    else:
        records = run_extract(golds)
    if len(records) != len(golds):
        sys.exit(f"{len(records)} records for {len(golds)} gold lines")
    print("\n".join(score(golds, records, args.show)))


if __name__ == "__main__":
    main()
