#!/usr/bin/env python3
"""Build src/briefgraph/knowledge/actors/agents.tsv, the generic actors (agent nouns and
phrases) with their role code and conflict-data category.

Sources:
  ../shared/data/petrarch2/Phoenix.agents.txt  the PETRARCH2/Phoenix agents dictionary
      (MIT licence, Copyright (c) 2014 Open Event Data Alliance; see knowledge/actors/NOTICE):
      nouns of one to three words naming people ("-er", "-ist", "-man" ...), whose role
      has a conflict-data category in agent_roles.tsv (officials, judges and lawmakers of
      the dictionary are left out: the curated file lists the few that act as generic actors)
  knowledge/actors/agent_roles.tsv     role code -> category (hand-written)
  knowledge/actors/agents_curated.tsv  phrases added or corrected, and nouns removed (hand-written)

It also writes knowledge/actors/offices.txt: the nouns of bodies and offices that agents.tsv
leaves out, every Phoenix noun of the roles with no conflict-data category (GOV, JUD, LEG, PTY:
"court", "cabinet", "junta", "ministry", "magistrate", "election commission"), singular and
plural, with the curated rows of kind `office` ("company", "agency", "institute"), but not the
state organ nouns of nouns.csv ("government", "regime": the actors stage's state phrases). They are no
actors of their own: the events stage reads "the court in Moscow", "the rector of the University
of Dhaka", "a Kenyan court" as the named place, organisation or state they are of.

Usage: .venv/bin/python tools/build_agents.py [--petrarch DIR] [--out FILE] [--offices FILE]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_actor_kb import agent_rows  # noqa: E402  (the Phoenix reader, shared)

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "src/briefgraph/knowledge/actors"
FIELDS = ["phrase", "plural", "role", "category", "collective"]
# the last word of a noun that names people, not things or bodies ("government" does not)
PERSON_WORD = re.compile(r"(?:man|men|er|or|ist|ant|ian|ee|eer|ard|ive|ary|at|ent|ier|ite)$")
NOT_PERSON_WORD = re.compile(r"(?:ment|ment s|center|water|paper|quarter|headquarter|order)$")


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


def role_categories(path: Path) -> dict[str, str]:
    return {row["role"]: row["category"] for row in read_tsv(path)}


def names_people(noun: str) -> bool:
    last = noun.split()[-1]
    return bool(PERSON_WORD.search(last)) and not NOT_PERSON_WORD.search(last)


def phoenix_agents(petrarch: Path, categories: dict[str, str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in agent_rows(petrarch):
        role, noun = row["sector"], row["noun"]
        if not categories.get(role) or not names_people(noun) or "'" in noun:
            continue
        out[noun] = {"phrase": noun, "plural": row["plural"], "role": role, "category": categories[role],
                     "collective": ""}
    return out


def organ_nouns(path: Path) -> set[str]:
    """The state organ nouns of nouns.csv ("government", "regime", "troops")."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return {row["noun"].strip().lower() for row in csv.DictReader(lines) if row["kind"].strip() == "organ"}


def office_nouns(petrarch: Path, categories: dict[str, str], curated: list[dict[str, str]],
                 taken: set[str]) -> list[str]:
    """The body and office nouns (singular and plural forms) of the roles with no category,
    with the curated `office` rows; none that is a generic actor's form or a state organ noun
    (`taken`)."""
    words: set[str] = set()
    for row in agent_rows(petrarch):
        if row["sector"] in categories and not categories[row["sector"]] and "'" not in row["noun"]:
            words.update((row["noun"], row["plural"]))
    for row in curated:
        if row["kind"] == "office":
            words.update(w for w in (row["phrase"], row["plural"]) if w)
    return sorted(w for w in words if w not in taken)


def merge(phoenix: dict[str, dict[str, str]], curated: list[dict[str, str]],
          categories: dict[str, str]) -> list[dict[str, str]]:
    rows = dict(phoenix)
    for row in curated:
        if row["kind"] == "not":
            rows.pop(row["phrase"], None)
            continue
        if row["kind"] != "agent":
            continue
        category = row["category"] or categories.get(row["role"], "")
        rows[row["phrase"]] = {"phrase": row["phrase"], "plural": row["plural"] or row["phrase"],
                               "role": row["role"], "category": category, "collective": row.get("collective", "")}
    return sorted(rows.values(), key=lambda r: r["phrase"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--petrarch", type=Path, default=ROOT.parent / "shared/data/petrarch2")
    ap.add_argument("--out", type=Path, default=KB / "agents.tsv")
    ap.add_argument("--offices", type=Path, default=KB / "offices.txt")
    args = ap.parse_args()
    categories = role_categories(KB / "agent_roles.tsv")
    curated = read_tsv(KB / "agents_curated.tsv")
    rows = merge(phoenix_agents(args.petrarch, categories), curated, categories)
    forms = {r["phrase"] for r in rows} | {r["plural"] for r in rows}
    offices = office_nouns(args.petrarch, categories, curated, forms | organ_nouns(KB / "nouns.csv"))
    args.offices.write_text("# Generated by tools/build_agents.py from the PETRARCH2 Phoenix agents dictionary (MIT "
                            "licence, see NOTICE): nouns of bodies and offices (roles GOV, JUD, LEG, PTY) and the "
                            "rows of kind office of agents_curated.tsv. Do not edit.\n" + "\n".join(offices) + "\n",
                            encoding="utf-8")
    print(f"{args.offices}: {len(offices)} body and office nouns")
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Generated by tools/build_agents.py from the PETRARCH2 Phoenix agents dictionary (MIT "
                 "licence, see NOTICE), agent_roles.tsv and agents_curated.tsv. Do not edit: put "
                 "corrections in agents_curated.tsv.\n")
        writer = csv.DictWriter(fh, fieldnames=FIELDS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{args.out}: {len(rows)} generic actors")


if __name__ == "__main__":
    main()
