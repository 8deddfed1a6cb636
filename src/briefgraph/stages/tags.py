"""Splitting a tag line into tags.

Pages often list their topic tags separated only by spaces ("Lebanon Palestinian
Politics Russia Syria"), so whitespace cannot tell "Palestinian Politics" from
two tags. A vocabulary of known tags (the shipped `knowledge/tags.txt`, every
country's name, a user file, and the tags learned from pages that delimit
theirs) decides; unknown words fall back on simple English: connectors
("and", "of") and head nouns ("Politics", "Relations") join their neighbours.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..knowledge.files import read_data_lines
from ..knowledge.tagwords import TagVocabulary

MAX_TAG_WORDS = 7
_DELIMITERS = re.compile(r"\s*(?:[,;|•·]|\s/\s|\s[–—]\s)\s*")


def split_tags(line: str, vocab: TagVocabulary, extra_vocabulary: frozenset[str] = frozenset()) -> list[str]:
    """The tags of a tag line, in order, without duplicates."""
    line = line.strip()
    if _DELIMITERS.search(line):
        parts = [p.strip(" .") for p in _DELIMITERS.split(line)]
        return _unique([p for p in parts if p])
    return _unique(_split_by_vocabulary(line.split(), vocab.known | extra_vocabulary, vocab))


def _split_by_vocabulary(words: list[str], tag_set: frozenset[str], vocab: TagVocabulary) -> list[str]:
    connectors, heads = vocab.connectors, vocab.heads
    tags: list[str] = []
    known: list[bool] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + MAX_TAG_WORDS), i, -1):
            candidate = " ".join(words[i:j])
            if candidate.lower() in tag_set:
                tags.append(candidate)
                known.append(True)
                i = j
                break
        else:
            word = words[i]
            joins_previous = tags and not known[-1] and (
                word.lower() in heads or word.lower() in connectors or word[:1].islower()
                or tags[-1].split()[-1].lower() in connectors)
            if joins_previous:
                tags[-1] = f"{tags[-1]} {word}"
            else:
                tags.append(word)
                known.append(False)
            i += 1
    return tags


def _unique(tags: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for tag in tags:
        if tag.lower() not in seen:
            seen.add(tag.lower())
            out.append(tag)
    return out


def learn_tags(tags: list[str], path: str | Path, vocab: TagVocabulary) -> int:
    """Add multi-word tags seen delimited on a page to a user vocabulary file;
    returns how many were new. Later runs split undelimited tag lines with them."""
    path = Path(path)
    known = {line.lower() for line in read_data_lines(path)} if path.exists() else set()
    new = [t for t in _unique(tags) if " " in t and t.lower() not in known and t.lower() not in vocab.known]
    if new:
        with path.open("a", encoding="utf-8") as fh:
            fh.write("".join(f"{t}\n" for t in new))
    return len(new)
