"""A benchmark corpus we can ship: documents recombined from the sentences of our own texts.

    .venv/bin/python bench/corpus.py 1000 --seed 13 -o /tmp/corpus.jsonl

The sentences come from `samples/`, `tests/data/` and `corpus/docs/`, all written for
briefgraph and dedicated to the public domain (CC0 1.0; see samples/LICENSE.md,
tests/data/README.md and corpus/README.md), so the generated documents are CC0 too.
Nothing from ../shared is used.

Each document is a title line and a few paragraphs of sentences drawn with a seeded
random generator (document i of seed s is always the same text), so every run
benchmarks the same input. Documents are drawn independently, so two of them share
few 5-word shingles and MinHash sees them as distinct (checked by `make bench`, which
counts the near-duplicates it stores). The texts read like news but are nonsense as a
whole: use them for speed and memory, never for accuracy figures.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("samples", "tests/data", "corpus/docs/tune", "corpus/docs/heldout")
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)]?\s+(?=[“\"A-Z])")
_WORDS = re.compile(r"\w+")
MIN_WORDS, MAX_WORDS = 6, 60


def _balanced(sentence: str) -> bool:
    return (sentence.count("“") == sentence.count("”") and sentence.count('"') % 2 == 0
            and sentence.count("(") == sentence.count(")"))


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; pieces that would cut a quotation or a parenthesis stay joined."""
    pieces, current = [], ""
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        current += paragraph[start:match.start()] + paragraph[match.start():match.end()].rstrip()
        start = match.end()
        if _balanced(current):
            pieces.append(current.strip())
            current = ""
        else:
            current += " "
    current += paragraph[start:]
    if current.strip():
        pieces.append(current.strip())
    return pieces


@lru_cache(maxsize=1)
def sentence_pool(root: str = str(ROOT)) -> tuple[str, ...]:
    """Every distinct body sentence of the CC0 texts (6 to 60 words, balanced quotes), sorted."""
    from briefgraph.readers import read_inputs
    from briefgraph.records import RawDocument

    paths = [str(Path(root) / s) for s in SOURCES if (Path(root) / s).exists()]
    found: set[str] = set()
    for doc in read_inputs(paths):
        if not isinstance(doc, RawDocument) or ".gold." in doc.source:
            continue
        for paragraph in doc.text.split("\n"):
            for sentence in split_sentences(paragraph.strip()):
                n = len(_WORDS.findall(sentence))
                if MIN_WORDS <= n <= MAX_WORDS and sentence[-1:] in ".!?”\"" and _balanced(sentence):
                    found.add(sentence)
    return tuple(sorted(found))


def document(index: int, seed: int = 13, words: int = 250) -> dict[str, str]:
    """Document `index` of the corpus `seed`: about `words` words in paragraphs of 1-3 sentences."""
    pool = sentence_pool()
    rng = random.Random(f"{seed}:{index}")
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = rng.sample(pool, rng.randint(1, 3))
        paragraphs.append(" ".join(sentences))
        count += sum(len(s.split()) for s in sentences)
    title_words = rng.choice(pool).rstrip(".!?”\"").split()[:9]
    published = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
    return {"id": f"bench-{seed}-{index}", "title": " ".join(title_words), "published": published.isoformat(),
            "text": "\n\n".join(paragraphs)}


def generate(n: int, seed: int = 13, words: int = 250, start: int = 0) -> Iterator[dict[str, str]]:
    for index in range(start, start + n):
        yield document(index, seed, words)


def write(path: str | Path, n: int, seed: int = 13, words: int = 250, start: int = 0) -> int:
    """Write n documents as JSON Lines; returns the number of words written."""
    total = 0
    with open(path, "w", encoding="utf-8") as out:
        for doc in generate(n, seed, words, start):
            total += len(doc["text"].split())
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--words", type=int, default=250, help="about this many words per document")
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args()
    if args.output == "-":
        for doc in generate(args.n, args.seed, args.words):
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        total = write(args.output, args.n, args.seed, args.words)
        print(f"{args.output}: {args.n} documents, {total} words, from {len(sentence_pool())} sentences",
              file=sys.stderr)


if __name__ == "__main__":
    main()
