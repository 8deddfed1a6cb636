"""The shared scorer's name matching (as ../shared/eval/score.py compares actor names),
for the tools that align records with gold: score_generic.py and train_candidates.py."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def norm(s: object) -> str:
    s = str(s or "").replace("\u2019", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = s.lower().replace("'s ", " ").replace("s' ", "s ")
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def names_match(pred: Iterable[str], gold: Iterable[str]) -> bool:
    """One predicted name equals, contains or is contained in one gold name (whole words)."""
    for p in filter(None, map(norm, pred)):
        for g in filter(None, map(norm, gold)):
            if p == g or f" {g} " in f" {p} " or f" {p} " in f" {g} ":
                return True
    return False
