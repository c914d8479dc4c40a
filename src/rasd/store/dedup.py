"""Near-duplicate articles (the same wire story republished): MinHash signatures and LSH band keys."""

from __future__ import annotations

import hashlib

import numpy as np

from rasd.text import norm

NUM_PERM = 64
BANDS = 8  # 8 bands of 8 rows: pairs above ~0.77 Jaccard share a band with high probability
ROWS = NUM_PERM // BANDS
SHINGLE = 3  # words per shingle
THRESHOLD = 0.8
"""Estimated Jaccard similarity of word shingles from which an article is a near-duplicate."""


def shingles(normalised: str, k: int = SHINGLE) -> set[bytes]:
    """The set of ``k``-word shingles of normalised text (the words themselves for short texts)."""
    words = normalised.split()
    if len(words) < k:
        return {w.encode("utf-8") for w in words}
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of ``text`` as bytes (``NUM_PERM`` little-endian uint64)."""
    return signature_of_normalised(norm(text))


def signature_of_normalised(normalised: str) -> bytes:
    """The MinHash signature of already normalised text (see :func:`rasd.text.norm`)."""
    from datasketch import MinHash  # imported here: datasketch pulls in scipy, which readers never need

    m = MinHash(num_perm=NUM_PERM, seed=1)
    sh = shingles(normalised)
    if sh:
        m.update_batch(list(sh))
    return np.asarray(m.hashvalues, dtype="<u8").tobytes()


def band_keys(sig: bytes) -> list[str]:
    """One LSH key per band: articles sharing any key are candidates for a similarity check."""
    step = ROWS * 8
    return [hashlib.blake2b(sig[i * step : (i + 1) * step], digest_size=10).hexdigest() for i in range(BANDS)]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal hash values)."""
    x = np.frombuffer(a, dtype="<u8")
    y = np.frombuffer(b, dtype="<u8")
    if x.shape != y.shape:
        return 0.0
    return float(np.count_nonzero(x == y)) / len(x)
