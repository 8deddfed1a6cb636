"""Near-duplicate detection: MinHash over word shingles, banded for lookup (LSH).

A story re-published with a new headline, a byline or a corrected sentence has
a different content hash but nearly the same word shingles. Each document gets
a MinHash signature; its bands are stored so that candidates are found with an
indexed lookup instead of a scan, and a candidate counts as the same story when
the signatures agree on at least `threshold` of their slots (an estimate of the
Jaccard similarity of the shingle sets).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.6 similarity almost always share a band
ROWS = PERMUTATIONS // BANDS
DEFAULT_THRESHOLD = 0.8
_PRIME = (1 << 31) - 1
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Fixed (a, b) pairs of the hash family h(x) = (a*x + b) mod p: the same in every process."""
    seed = hashlib.sha256(b"briefgraph-minhash-v1").digest()
    rng = np.random.default_rng(int.from_bytes(seed[:8], "big"))
    a = rng.integers(1, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping runs of `size` lower-cased words (fewer for a very short text)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return set()
    size = min(size, len(words))
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of a text (None for a text without words)."""
    grams = shingles(text)
    if not grams:
        return None
    hashes = np.fromiter((int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "big")
                          % _PRIME for g in grams), dtype=np.uint64, count=len(grams))
    a, b = _permutations()
    values = (np.outer(a, hashes) + b[:, None]) % _PRIME
    return values.min(axis=1).astype(np.uint32)


def to_hex(sig: np.ndarray) -> str:
    return sig.astype(">u4").tobytes().hex()


def from_hex(value: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(value), dtype=">u4").astype(np.uint32)


def bands(sig: np.ndarray) -> list[tuple[int, str]]:
    """(band number, bucket) pairs: documents sharing one are near-duplicate candidates."""
    raw = sig.astype(">u4").tobytes()
    width = ROWS * 4
    return [(band, hashlib.blake2b(raw[band * width:(band + 1) * width], digest_size=8).hexdigest())
            for band in range(BANDS)]


def similarity(left: np.ndarray, right: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of signature slots that agree."""
    return float(np.mean(left == right))
