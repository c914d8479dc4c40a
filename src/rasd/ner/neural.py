"""The neural part of the NER model: inputs built in numpy, a small convolutional tagger run by onnxruntime.

The network sees, per token, the word's vector learned from raw news (``vectors.npz``, see
:func:`rasd.ner.clusters.write_vectors`), a bag of its pieces (the word itself if it was frequent in
the training data, its prefixes and suffixes of one to three letters) whose vectors it learned, a few
shape flags, the first-stage CRF's tag distribution (marginal probabilities) and the entity types the
first stage gave the same word elsewhere in the document; it outputs a probability per BIO tag. Tagging needs numpy and
onnxruntime only; training (:mod:`rasd.ner.neural_train`) needs torch.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rasd.errors import ResourceError
from rasd.ner.stacking import word_key
from rasd.text import norm, stems

TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
TYPES = ("O", "PER", "ORG", "LOC", "MISC")
#: the pieces of a word: the word, its prefixes and suffixes of 1-3 letters
N_PIECES = 7
VECTORS_FILE = "vectors.npz"
NET_FILE = "ner-net.onnx"
NET_META = "ner-net.json"
#: shape flags: unknown word, vector of a stripped form, digits, punctuation, Latin letters, first, last
N_SHAPE = 7
#: per token: 9 first-stage marginals, 6 document features, the shape flags
N_DENSE = len(TAGS) + len(TYPES) + 1 + N_SHAPE


def allowed_transitions() -> Any:
    """``allowed[i, j]``: tag j may follow tag i in BIO (I-X only after B-X or I-X); row/column order of TAGS."""
    ok = np.ones((len(TAGS), len(TAGS)), dtype=bool)
    for j, t in enumerate(TAGS):
        if t.startswith("I-"):
            for i, s in enumerate(TAGS):
                ok[i, j] = s[2:] == t[2:]
    return ok


_ALLOWED = allowed_transitions()
_START_OK = np.array([not t.startswith("I-") for t in TAGS])


_I_OF = np.array([TAGS.index("B-" + t[2:]) if t.startswith("I-") else -1 for t in TAGS])


def viterbi(logp: Any) -> list[str]:
    """The best BIO-valid tag sequence under per-token log probabilities ``logp`` (tokens × TAGS).

    The tags are independent but for BIO validity, so when the best tag of each token already makes a valid
    sequence it is the answer; dynamic programming runs only otherwise.
    """
    n = logp.shape[0]
    if n == 0:
        return []
    best0 = logp.argmax(1)
    prev = np.concatenate([[0], best0[:-1]])
    need = _I_OF[best0]
    if not ((need >= 0) & (prev != need) & (prev != best0)).any():
        return [TAGS[i] for i in best0]
    neg = np.float32(-1e9)
    trans = np.where(_ALLOWED, np.float32(0), neg)
    score = np.where(_START_OK, logp[0], neg)
    back = np.zeros((n, len(TAGS)), dtype=np.int64)
    for k in range(1, n):
        cand = score[:, None] + trans
        back[k] = cand.argmax(0)
        score = cand.max(0) + logp[k]
    best = [int(score.argmax())]
    for k in range(n - 1, 0, -1):
        best.append(int(back[k, best[-1]]))
    return [TAGS[i] for i in reversed(best)]


def doc_features(sentences: Sequence[Sequence[str]], first_tags: Sequence[Sequence[str]],
                 window: int | None) -> list[Any]:
    """Per sentence, per token: the shares of O/PER/ORG/LOC/MISC among the first-stage tags of the same
    word (:func:`rasd.ner.stacking.word_key`) in the other sentences of the window, and log(1 + their count)."""
    keys = [[word_key(t) for t in s] for s in sentences]
    idx = {t: TYPES.index(t[2:] if t != "O" else "O") for t in TAGS}
    nt = len(TYPES)
    per_sent: list[dict[str, list[int]]] = []
    for ks, tags in zip(keys, first_tags, strict=True):
        c: dict[str, list[int]] = {}
        for k, t in zip(ks, tags, strict=True):
            if len(k) > 1 and k[0].isalpha():
                v = c.get(k)
                if v is None:
                    v = c[k] = [0] * nt
                v[idx[t]] += 1
        per_sent.append(c)
    n = len(sentences)
    out: list[Any] = []
    total: dict[str, list[int]] = {}

    def shift(c: dict[str, list[int]], sign: int) -> None:
        for k, v in c.items():
            t = total.get(k)
            if t is None:
                t = total[k] = [0] * nt
            for j in range(nt):
                t[j] += sign * v[j]

    lo, hi = 0, -1  # sentences lo..hi are in ``total``
    zero = [0] * nt
    for i in range(n):
        a, b = (0, n - 1) if window is None else (max(0, i - window), min(n - 1, i + window))
        while hi < b:
            hi += 1
            shift(per_sent[hi], 1)
        while lo < a:
            shift(per_sent[lo], -1)
            lo += 1
        own = per_sent[i]
        f = np.zeros((len(keys[i]), nt + 1), dtype=np.float32)
        for j, k in enumerate(keys[i]):
            t = total.get(k)
            if t is None:
                continue
            mine = own.get(k, zero)
            o = [x - y for x, y in zip(t, mine, strict=True)]
            s = sum(o)
            if s > 0:
                f[j, :nt] = o
                f[j, :nt] /= s
                f[j, nt] = math.log1p(s)
        out.append(f)
    return out


def word_pieces(n: str) -> tuple[str, ...]:
    """The pieces of a normalised word the network has vectors for: the word, its prefixes and suffixes of
    one to three letters (always :data:`N_PIECES` strings)."""
    return ("w:" + n, "p:" + n[:1], "p:" + n[:2], "p:" + n[:3], "s:" + n[-1:], "s:" + n[-2:], "s:" + n[-3:])


class NetInputs:
    """Turns tokens into the network's inputs: word vectors, piece ids, dense features.

    Args:
        words: the words that have a vector (normalised), in the rows' order.
        vectors: their vectors (float32, one row a word).
        pieces: the pieces (see :func:`word_pieces`) the network knows, in id order (ids start at 2: 0 pads,
            1 is unknown).
    """

    def __init__(self, words: Sequence[str], vectors: Any, pieces: Sequence[str]) -> None:
        self.index = {w: i + 1 for i, w in enumerate(words)}
        self.vectors = np.vstack([np.zeros((1, vectors.shape[1]), dtype=np.float32), vectors.astype(np.float32)])
        self.pieces = {c: i + 2 for i, c in enumerate(pieces)}
        self._memo: dict[str, tuple[int, Any, Any]] = {}

    @property
    def dim(self) -> int:
        """Dimensions of a word vector."""
        return int(self.vectors.shape[1])

    def word(self, token: str) -> tuple[int, Any, Any]:
        """Row of the token's vector (0: none), its piece ids and its shape flags (memoised)."""
        got = self._memo.get(token)
        if got is not None:
            return got
        n = norm(token) or token
        flags = np.zeros(N_SHAPE, dtype=np.float32)
        row = self.index.get(n, 0)
        if not row:
            for form, off in stems(n):
                if off and form in self.index:
                    row = self.index[form]
                    flags[1] = 1
                    break
        if not row:
            flags[0] = 1
        if n[:1].isdigit():
            flags[2] = 1
        elif not n[:1].isalpha():
            flags[3] = 1
        elif "a" <= n[:1].lower() <= "z":
            flags[4] = 1
        ch = np.array([self.pieces.get(c, 1) for c in word_pieces(n)], dtype=np.int64)
        got = (row, ch, flags)
        if len(self._memo) < 1 << 18:
            self._memo[token] = got
        return got

    def sentence(self, tokens: Sequence[str], marginals: Any, doc: Any) -> tuple[Any, Any, Any]:
        """Word vector rows (T), piece ids (T × N_PIECES) and dense features (T × N_DENSE) of a sentence.

        Args:
            tokens: the sentence.
            marginals: the first-stage marginals (T × 9, TAGS order).
            doc: the document features of :func:`doc_features` (T × 6).
        """
        n = len(tokens)
        rows = np.zeros(n, dtype=np.int64)
        pcs = np.zeros((n, N_PIECES), dtype=np.int64)
        dense = np.zeros((n, N_DENSE), dtype=np.float32)
        dense[:, : len(TAGS)] = marginals
        dense[:, len(TAGS) : len(TAGS) + len(TYPES) + 1] = doc
        base = len(TAGS) + len(TYPES) + 1
        for k, t in enumerate(tokens):
            r, c, f = self.word(t)
            rows[k] = r
            pcs[k] = c
            dense[k, base:] = f
        if n:
            dense[0, base + 5] = 1
            dense[-1, base + 6] = 1
        return rows, pcs, dense

    def batch(self, items: Sequence[tuple[Any, Any, Any]]) -> dict[str, Any]:
        """Pad sentences' inputs (from :meth:`sentence`) into one batch: the network's input feed."""
        t = max(len(r) for r, _, _ in items)
        b = len(items)
        emb = np.zeros((b, t, self.dim), dtype=np.float32)
        pcs = np.zeros((b, t, N_PIECES), dtype=np.int64)
        dense = np.zeros((b, t, N_DENSE), dtype=np.float32)
        mask = np.zeros((b, t, 1), dtype=np.float32)
        for i, (r, c, d) in enumerate(items):
            n = len(r)
            emb[i, :n] = self.vectors[r]
            pcs[i, :n] = c
            dense[i, :n] = d
            mask[i, :n] = 1
        return {"emb": emb, "pieces": pcs, "dense": dense, "mask": mask}


def read_net_inputs(model_dir: Path) -> NetInputs:
    """The :class:`NetInputs` of a model directory (its vectors and the network's pieces).

    Raises:
        ResourceError: a file is missing or unreadable.
    """
    from rasd.ner.clusters import read_vectors

    try:
        words, vec = read_vectors(model_dir / VECTORS_FILE)
        meta = json.loads((model_dir / NET_META).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as e:
        raise ResourceError(f"{model_dir}: cannot read the NER network's inputs ({e})") from e
    return NetInputs(words, vec, list(meta["pieces"]))


class NerNet:
    """The exported network of a model directory, run by onnxruntime on one thread.

    Raises:
        ResourceError: onnxruntime is missing or the model cannot be opened.
    """

    def __init__(self, model_dir: Path) -> None:
        try:
            import onnxruntime as ort
        except ImportError as e:
            raise ResourceError(f"the NER model needs onnxruntime ({e})") from e
        self.inputs = read_net_inputs(model_dir)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        try:
            self.session = ort.InferenceSession(str(model_dir / NET_FILE), opts, providers=["CPUExecutionProvider"])
        except Exception as e:  # onnxruntime raises its own exception types
            raise ResourceError(f"{model_dir / NET_FILE}: cannot open the NER network ({e})") from e

    def probabilities(self, items: Sequence[tuple[Any, Any, Any]], batch: int = 64) -> list[Any]:
        """Tag probabilities (T × 9) of each sentence's inputs; sentences are batched by length."""
        out: list[Any] = [None] * len(items)
        order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
        for a in range(0, len(order), batch):
            idx = [i for i in order[a : a + batch] if len(items[i][0])]
            for i in order[a : a + batch]:
                if not len(items[i][0]):
                    out[i] = np.zeros((0, len(TAGS)), dtype=np.float32)
            if not idx:
                continue
            (probs,) = self.session.run(None, self.inputs.batch([items[i] for i in idx]))
            for k, i in enumerate(idx):
                out[i] = probs[k, : len(items[i][0])]
        return out


def document_inputs(inputs: NetInputs, sentences: Sequence[Sequence[str]], marginals: Sequence[Any],
                    window: int | None) -> list[tuple[Any, Any, Any]]:
    """The network's inputs for every sentence of a document, from the first stage's marginals (T × 9 each)."""
    first = [[TAGS[int(i)] for i in np.asarray(m).argmax(1)] if len(m) else [] for m in marginals]
    docs = doc_features(sentences, first, window)
    return [inputs.sentence(s, np.asarray(m, dtype=np.float32).reshape(len(s), len(TAGS)), d)
            for s, m, d in zip(sentences, marginals, docs, strict=True)]
