"""Word clusters learned from raw Arabic news: PPMI context vectors, SVD, and k-means at several sizes.

Building needs numpy and scipy (training time only); tagging only reads the
shipped table ``resources/ner/clusters.tsv.gz`` (``word<TAB>c1<TAB>c2<TAB>c3``,
one normalised word a line, cluster ids per granularity).
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import tarfile
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import regex

from rasd.errors import RasdError
from rasd.text import norm

log = logging.getLogger(__name__)

_TEXT = regex.compile(r"<(TITLE|ABSTRACT|TEXT)>(.*?)</\1>", regex.S)
_TOKEN = regex.compile(r"\d+(?:[.,٫٬]\d+)*|[\p{L}\p{M}\u0640\u200c\u200d]+(?:\d+)?|[^\s\p{L}\p{M}\d]")
_SENT = regex.compile(r"[.!?؟\n]+")

DEFAULT_SIZES = (64, 256, 1024)


def iter_news_texts(news_dir: Path) -> Iterator[str]:
    """Article texts (title and body) of the ANT tar.xz files and the SaudiNewsNet zips under ``news_dir``."""
    for path in sorted((news_dir / "ant").glob("*.tar.xz")):
        with tarfile.open(path, "r:xz") as tar:
            for member in tar:
                if not member.isfile() or not member.name.endswith(".txt"):
                    continue
                f = tar.extractfile(member)
                if f is None:
                    continue
                raw = f.read().decode("utf-8", errors="replace")
                yield "\n".join(m.group(2) for m in _TEXT.finditer(raw))
    for path in sorted((news_dir / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if not name.endswith(".json"):
                    continue
                arts: list[dict[str, Any]] = json.load(io.TextIOWrapper(z.open(name), encoding="utf-8"))
                for a in arts:
                    yield f"{a.get('title') or ''}\n{a.get('content') or ''}"


def news_sentences(news_dir: Path) -> Iterator[list[str]]:
    """Normalised token lists, one per sentence, of all the news under ``news_dir``."""
    cache: dict[str, str] = {}
    for text in iter_news_texts(news_dir):
        for chunk in _SENT.split(text):
            toks = []
            for t in _TOKEN.findall(chunk):
                n = cache.get(t)
                if n is None:
                    n = norm(t)
                    if len(cache) < 2_000_000:
                        cache[t] = n
                if n:
                    toks.append(n)
            if len(toks) > 2:
                yield toks


def _kmeans(x: Any, k: int, iters: int, seed: int) -> Any:
    """Spherical k-means of the rows of ``x`` (unit vectors); returns the cluster of each row."""
    import numpy as np

    rng = np.random.default_rng(seed)
    centers = x[rng.choice(x.shape[0], k, replace=False)].copy()
    assign = np.zeros(x.shape[0], dtype=np.int64)
    for _ in range(iters):
        assign = np.empty(x.shape[0], dtype=np.int64)
        for a in range(0, x.shape[0], 20000):
            assign[a : a + 20000] = (x[a : a + 20000] @ centers.T).argmax(1)
        sums = np.zeros_like(centers)
        np.add.at(sums, assign, x)
        counts = np.bincount(assign, minlength=k)
        empty = counts == 0
        sums[empty] = x[rng.choice(x.shape[0], int(empty.sum()), replace=False)]
        centers = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)
    return assign


def word_vectors(
    sentences: Sequence[list[str]] | Iterator[list[str]],
    *,
    vocab_size: int = 120_000,
    min_count: int = 5,
    contexts: int = 6000,
    dim: int = 160,
    seed: int = 13,
) -> tuple[list[str], Any]:
    """Unit word vectors of the most frequent words: PPMI with the contexts at ±1 and ±2, reduced by SVD.

    Each word is described by positive PMI with the frequent words one and two
    places to its left and right; the vectors are reduced by truncated SVD.

    Args:
        sentences: normalised token lists.
        vocab_size: at most this many words get a vector.
        min_count: words seen fewer times get none.
        contexts: the number of frequent words used as contexts.
        dim: SVD dimensions.
        seed: random seed of the SVD.

    Returns:
        The words, most frequent first, and a float64 array of their vectors (one row each; the
        columns in order of decreasing singular value).

    Raises:
        RasdError: numpy or scipy is missing.
    """
    try:
        import numpy as np
        from scipy import sparse
        from scipy.sparse.linalg import svds
    except ImportError as e:  # training-time only: tagging never needs them
        raise RasdError(f"learning word vectors needs numpy and scipy ({e})") from e

    ids: dict[str, int] = {}
    seq: list[int] = []
    for s in sentences:
        seq.append(-1)
        for w in s:
            i = ids.get(w)
            if i is None:
                i = ids[w] = len(ids)
            seq.append(i)
    arr = np.asarray(seq, dtype=np.int64)
    log.info("%d tokens, %d types", int((arr >= 0).sum()), len(ids))
    freq = np.bincount(arr[arr >= 0], minlength=len(ids))
    order = np.argsort(-freq, kind="stable")
    keep = order[: vocab_size][freq[order[:vocab_size]] >= min_count]
    row_of = np.full(len(ids) + 1, -1, dtype=np.int64)
    row_of[keep] = np.arange(len(keep))
    ctx_of = np.full(len(ids) + 1, -1, dtype=np.int64)
    ctx_of[order[:contexts]] = np.arange(min(contexts, len(order)))
    rows_l, cols_l = [], []
    for block, off in enumerate((-2, -1, 1, 2)):
        a = arr[max(0, -off) : len(arr) - max(0, off)]
        b = arr[max(0, off) :][: len(a)]
        r = row_of[a]
        c = ctx_of[b]
        ok = (a >= 0) & (b >= 0) & (r >= 0) & (c >= 0)
        rows_l.append(r[ok])
        cols_l.append(c[ok] + block * contexts)
    rows = np.concatenate(rows_l)
    cols = np.concatenate(cols_l)
    m = sparse.coo_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)),
                          shape=(len(keep), 4 * contexts)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    rs = np.asarray(m.sum(1)).ravel()
    cs = np.asarray(m.sum(0)).ravel() ** 0.75
    cs = cs / cs.sum() * total
    coo = m.tocoo()
    pmi = np.log(coo.data * total / (rs[coo.row] * cs[coo.col] + 1e-12))
    pos = pmi > 0
    ppmi = sparse.csr_matrix((pmi[pos], (coo.row[pos], coo.col[pos])), shape=m.shape)
    log.info("PPMI matrix %s, %d non-zero; SVD to %d", ppmi.shape, ppmi.nnz, dim)
    u, s, _ = svds(ppmi, k=dim, random_state=seed)
    vec = u * np.sqrt(s)
    vec = vec[:, np.argsort(-s, kind="stable")]
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    words = {i: w for w, i in ids.items()}
    return [words[int(wid)] for wid in keep], vec


def build_clusters(
    sentences: Sequence[list[str]] | Iterator[list[str]],
    out: Path,
    *,
    vocab_size: int = 120_000,
    min_count: int = 5,
    contexts: int = 6000,
    dim: int = 160,
    sizes: Sequence[int] = DEFAULT_SIZES,
    seed: int = 13,
    vectors_out: Path | None = None,
    vector_dim: int = 64,
) -> dict[str, tuple[int, ...]]:
    """Learn clusters of the most frequent words and write them to ``out`` (gzip TSV).

    The vectors of :func:`word_vectors` are clustered by spherical k-means once per size in ``sizes``.

    Args:
        sentences: normalised token lists.
        out: the table to write.
        vocab_size: at most this many words get a cluster.
        min_count: words seen fewer times get none.
        contexts: the number of frequent words used as contexts.
        dim: SVD dimensions.
        sizes: cluster counts, coarse to fine.
        seed: random seed of the SVD and k-means.
        vectors_out: also write the words' vectors here (see :func:`write_vectors`).
        vector_dim: how many of the leading dimensions to write there.

    Returns:
        word → cluster id per size.
    """
    import numpy as np

    words, vec = word_vectors(sentences, vocab_size=vocab_size, min_count=min_count, contexts=contexts,
                              dim=dim, seed=seed)
    assigns = []
    for k in sizes:
        log.info("k-means with %d clusters", k)
        assigns.append(_kmeans(vec.astype(np.float32), k, 25, seed))
    table: dict[str, tuple[int, ...]] = {}
    for r, w in enumerate(words):
        table[w] = tuple(int(a[r]) for a in assigns)
    write_clusters(table, out)
    if vectors_out is not None:
        write_vectors(words, vec[:, :vector_dim], vectors_out)
    return table


def write_vectors(words: Sequence[str], vec: Any, out: Path) -> None:
    """Write word vectors as int8 (scaled so that the largest magnitude of each column is 127), gzipped.

    The file is a ``.npz`` archive with ``words`` (one string, words separated by newlines), ``vec``
    (int8, one row a word, rows renormalised to unit length when read) and ``scale`` (per column).
    """
    import numpy as np

    v = np.asarray(vec, dtype=np.float32)
    scale = np.maximum(np.abs(v).max(0), 1e-9) / 127.0
    q = np.clip(np.rint(v / scale), -127, 127).astype(np.int8)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as f:
        np.savez_compressed(f, words=np.array("\n".join(words)), vec=q, scale=scale.astype(np.float32))


def read_vectors(path: Path) -> tuple[list[str], Any]:
    """The words and their vectors (float32, unit rows) of a file written by :func:`write_vectors`."""
    import numpy as np

    with np.load(path) as z:
        words = str(z["words"]).split("\n")
        v = z["vec"].astype(np.float32) * z["scale"]
    v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
    return words, v


def write_clusters(table: dict[str, tuple[int, ...]], out: Path) -> None:
    """Write ``word<TAB>id<TAB>id...`` lines, gzip-compressed, in a stable order."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        for w in sorted(table):
            f.write(w + "\t" + "\t".join(str(c) for c in table[w]) + "\n")


def read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """The cluster table at ``path``: word → cluster ids (as strings, one per granularity)."""
    out: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) > 1:
                out[parts[0]] = tuple(parts[1:])
    return out
