#!/usr/bin/env python3
"""Regenerate briefgraph's shipped event dictionary from the reference data.

    python3 tools/build_event_patterns.py [--shared ../shared/data]

Reads the PETRARCH2 verb dictionary (CAMEO.2.0.txt, MIT licence) and the PLOVER
CAMEO -> PLOVER table (CAMEO2PLOVER-2021.txt, CC BY-SA 4.0) and writes, under
src/briefgraph/knowledge/events/:

- patterns-petrarch.txt: the verb patterns in briefgraph's pattern syntax
  (knowledge/events/README.md): one line per PETRARCH pattern, with every verb
  of its block as an alternative trigger. Patterns that need words before the
  verb are left out (briefgraph finds the actors from the parse, not from word
  order), and so are codes of root 01 (plain statements are coded from quotes
  and from the hand-written patterns, not from every verb of saying). PETRARCH's
  `[---]` entries become `= none` (void) patterns, and a verb marked `[---]` gets
  no default code; a verb listed in several blocks keeps the default of the first.
- cameo-plover.txt: CAMEO code -> PLOVER type, with root 01 (no PLOVER type) and
  root 02 (appeals, PLOVER REQUEST) added, since the 2021 table leaves them out.

The hand-written patterns-core.txt and goldstein.txt are not generated.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "briefgraph" / "knowledge" / "events"
WORD = re.compile(r"^[a-z][a-z'-]*$")


def read_synonyms(lines: list[str]) -> dict[str, list[str]]:
    """`&NAME` followed by `+WORD` lines: single-word members only, lower case."""
    sets: dict[str, list[str]] = {}
    current = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = line[1:].strip().rstrip("_").lower()
            sets[current] = []
        elif line.startswith("+") and current is not None:
            word = line[1:].strip().rstrip("_").lower()
            if WORD.match(word) and word not in sets[current]:
                sets[current].append(word)
        elif not line:
            current = None
    return {name: words for name, words in sets.items() if words}


def _code(text: str) -> str | None:
    """`[043]` -> 043, `[042:043]` -> 042, `[:173]` -> 173, `[---]` -> None."""
    m = re.search(r"\[([^\]]*)\]", text)
    if not m:
        return None
    parts = [p for p in m.group(1).split(":") if re.fullmatch(r"\d{2,4}", p.strip())]
    return parts[0].strip() if parts else None


def _pattern_words(post: str, synonyms: dict[str, list[str]]) -> list[str] | None:
    """The words after `*` of a PETRARCH pattern, or None when it cannot be expressed."""
    post = re.sub(r"[(){}]", " ", post)
    words = []
    for token in post.split():
        if token in ("$", "+", "^", "%", "*"):
            continue
        token = token.strip("$+^%").rstrip("_").lower()
        if not token:
            continue
        if token.startswith("&"):
            name = token[1:]
            if name not in synonyms:
                return None
            words.append("&" + name)
            continue
        if "_" in token:
            words.extend(part for part in token.split("_") if part)
            continue
        if not WORD.match(token):
            return None
        words.append(token)
    return words


def read_verb_blocks(lines: list[str], synonyms: dict[str, list[str]]) -> list[str]:
    """Pattern lines (briefgraph syntax) from the `####### VERB PATTERNS` part."""
    out: list[str] = []
    defaults: set[tuple[str, tuple[str, ...]]] = set()
    verbs: list[tuple[str, list[str], str | None]] = []  # (lemma, fixed words, own code)
    block_code = None
    patterns: list[tuple[list[str], str]] = []

    def flush() -> None:
        if not verbs:
            return
        simple = sorted({lemma for lemma, fixed, _ in verbs if not fixed})
        for lemma, fixed, own in verbs:
            code = None if own == "none" else (own or block_code)
            key = (lemma, tuple(fixed))
            if code and not code.startswith("01") and key not in defaults:
                out.append(f"verb {lemma}{' * ' + ' '.join(fixed) if fixed else ''} = {code}")
            defaults.add(key)  # a verb listed in several blocks keeps its first default
        for words, code in patterns:
            if code.startswith("01") or not simple:  # statements come from quotes
                continue
            out.append(f"verb {'|'.join(simple)} * {' '.join(words)} = {code}")

    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("---"):
            flush()
            verbs, patterns = [], []
            block_code = _code(line)
            continue
        if line.startswith("-"):
            pattern = _pattern_line(line[1:], synonyms)
            if pattern:
                patterns.append(pattern)
            continue
        verb = _verb_line(line)
        if verb:
            verbs.append(verb)
    flush()
    return out


def _pattern_line(body: str, synonyms: dict[str, list[str]]) -> tuple[list[str], str] | None:
    """A `- * WORDS [CODE]` pattern line as (words after the verb, code), or None."""
    code = "none" if re.search(r"\[\s*-+\s*\]", body) else _code(body)
    body = re.sub(r"\[[^\]]*\]", "", body)
    if "*" not in body or code is None:
        return None
    pre, post = body.split("*", 1)
    if pre.strip(" $+^%"):
        return None  # needs words before the verb
    words = _pattern_words(post, synonyms)
    return (words, code) if words else None


def _verb_line(line: str) -> tuple[str, list[str], str | None] | None:
    """A verb head line as (lemma, fixed words, own code), or None."""
    head_text = re.sub(r"\{[^}]*\}", " ", line)
    code = "none" if re.search(r"\[\s*-+\s*\]", head_text) else _code(head_text)
    head = re.sub(r"\[[^\]]*\]", " ", head_text).split()
    if not head:
        return None
    parts = [p for p in head[0].lstrip("+").lower().split("_") if p]
    if not parts or not all(WORD.match(p) for p in parts):
        return None
    return parts[0], parts[1:], code


def build_petrarch(path: Path) -> str:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    end = next((i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line), len(lines))
    synonyms = read_synonyms(lines[:start])
    patterns = read_verb_blocks(lines[start + 1:end], synonyms)
    used = sorted({w[1:] for p in patterns for w in p.split() if w.startswith("&")})
    header = [
        "# GENERATED by tools/build_event_patterns.py from PETRARCH2 CAMEO.2.0.txt",
        "# (Open Event Data Alliance, MIT licence; see NOTICE). Do not edit: put",
        "# corrections in patterns-core.txt, which is read before this file.",
        "# Syntax: knowledge/events/README.md",
        "",
    ]
    sets = [f"&{name} = {' '.join(synonyms[name])}" for name in used]
    return "\n".join(header + sets + [""] + patterns) + "\n"


def build_plover(path: Path) -> str:
    rows = [
        "# GENERATED by tools/build_event_patterns.py from the PLOVER manual draft 0.8",
        "# CAMEO2PLOVER-2021.txt (Open Event Data Alliance, CC BY-SA 4.0; see NOTICE).",
        "# CAMEO code = PLOVER type; `none` for codes PLOVER does not code.",
        "# Root 01 (public statements) has no PLOVER type; root 02 (appeals) is REQUEST.",
        "01 = none",
        "02 = REQUEST",
    ]
    seen = {"01", "02"}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if not m or m.group(1) in seen:
            continue
        seen.add(m.group(1))
        rows.append(f"{m.group(1)} = {m.group(2)}")
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared" / "data"),
                        help="folder holding petrarch2/ and plover/")
    args = parser.parse_args()
    shared = Path(args.shared)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "patterns-petrarch.txt").write_text(build_petrarch(shared / "petrarch2" / "CAMEO.2.0.txt"),
                                               encoding="utf-8")
    (OUT / "cameo-plover.txt").write_text(build_plover(shared / "plover" / "CAMEO2PLOVER-2021.txt"),
                                          encoding="utf-8")
    print(f"wrote {OUT / 'patterns-petrarch.txt'} and {OUT / 'cameo-plover.txt'}")


if __name__ == "__main__":
    main()
