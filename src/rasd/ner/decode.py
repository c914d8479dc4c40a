"""Tagging with a crfsuite model's weights in numpy: the CRF compiled into per-word score vectors.

A linear-chain CRF scores a tag at a token as the sum of the weights of the
token's features for that tag; a sentence's best tags follow from those sums
and the tag-to-tag transition weights (Viterbi). The features rasd gives a token
are, but for word pairs, quotes and sentence ends, groups that each depend on one
word: its own, those it lends to the words one and two places before and after
it (:class:`rasd.ner.features.WordFeatures`). So the sums of each group are
computed once per word type and kept, and a sentence's scores are a few
additions of rows; the feature strings are built only for a word not seen
before, never passed one by one to crfsuite. Both stages of the stacked model
are scored in one pass: each word's row holds the first stage's weights, then
the second's.

The weights come from crfsuite's model dump, which prints six decimals, and are
summed group by group rather than in crfsuite's order; ties go to the first
label as in crfsuite. So the tags are crfsuite's except where two paths score
within about 1e-4 of each other: none differed on ANERcorp's train and test
files and on 300 news articles (tests/ner/test_ner_decode.py compares the two).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pycrfsuite

from rasd.ner.features import FeatureExtractor, quote_features

# Rows of a word's score block: the groups of features it contributes.
_OWN, _TO_NEXT, _TO_PREV, _TO_NEXT2, _TO_PREV2 = range(5)


@dataclass(frozen=True, slots=True)
class CrfWeights:
    """The weights of one crfsuite model.

    Attributes:
        labels: the model's labels, in its own order (ties go to the first, as in crfsuite).
        state: (feature, label) → weight, for the features with a weight.
        transitions: ``[i, j]``, the weight of label j after label i.
    """

    labels: tuple[str, ...]
    state: dict[tuple[str, str], float]
    transitions: Any

    @classmethod
    def of(cls, crf: pycrfsuite.Tagger) -> CrfWeights:
        """The weights of an open crfsuite tagger."""
        info = crf.info()
        labels = tuple(crf.labels())
        index = {lab: k for k, lab in enumerate(labels)}
        trans = np.zeros((len(labels), len(labels)))
        for (a, b), w in info.transitions.items():
            trans[index[a], index[b]] = w
        return cls(labels, info.state_features, trans)


def viterbi(scores: Sequence[Any], transitions: Any, batch: int = 32) -> list[list[int]]:
    """The best label indices of each sentence (``scores``: one tokens × labels array each), as crfsuite
    decodes: no start or end weights, and of equal scores the first label wins.

    Sentences of similar length are decoded together, ``batch`` at a time and padded to the longest of
    them, so the loop runs once per position of a batch rather than once per token.
    """
    order = sorted(range(len(scores)), key=lambda k: len(scores[k]))
    out: list[list[int]] = [[] for _ in scores]
    for g in range(0, len(order), batch):
        group = order[g : g + batch]
        for k, path in zip(group, _viterbi_batch([scores[k] for k in group], transitions), strict=True):
            out[k] = path
    return out


def _viterbi_batch(scores: Sequence[Any], transitions: Any) -> list[list[int]]:
    lens = [len(s) for s in scores]
    b, t_max = len(scores), max(lens, default=0)
    if not t_max:
        return [[] for _ in scores]
    n_labels = transitions.shape[0]
    pad = np.zeros((b, t_max, n_labels))
    for k, s in enumerate(scores):
        pad[k, : len(s)] = s
    ends: dict[int, list[int]] = {}
    for k, n in enumerate(lens):
        if n:
            ends.setdefault(n - 1, []).append(k)
    back = np.zeros((b, t_max, n_labels), dtype=np.intp)
    final = np.zeros((b, n_labels))
    cur = pad[:, 0]
    rows = np.arange(b)
    for t in range(t_max):
        if t:
            cand = cur[:, :, None] + transitions
            back[:, t] = cand.argmax(1)
            cur = cand.max(1) + pad[:, t]
        if t in ends:
            final[ends[t]] = cur[ends[t]]
    best = final.argmax(1)
    paths = np.zeros((b, t_max), dtype=np.intp)
    lab = best.copy()
    for t in range(t_max - 1, -1, -1):
        if t in ends:
            lab[ends[t]] = best[ends[t]]
        paths[:, t] = lab
        if t:
            lab = back[rows, t, lab]
    return [paths[k, :n].tolist() for k, n in enumerate(lens)]


class CompiledTagger:
    """Tags with one or two crfsuite models (a stack) from per-word score vectors.

    Args:
        extractor: the features the models were trained on (its own memo is not used: give it ``cache_size=0``).
        stages: the models' weights, first stage first.
        cache_size: how many word types' score blocks to keep (each ``5 × labels`` floats per stage).
    """

    def __init__(self, extractor: FeatureExtractor, stages: Sequence[CrfWeights], cache_size: int = 1 << 16) -> None:
        self.extractor = extractor
        self.stages = tuple(stages)
        widths = [len(s.labels) for s in self.stages]
        self._cols = [slice(sum(widths[:k]), sum(widths[: k + 1])) for k in range(len(widths))]
        width = sum(widths)
        index: dict[str, int] = {}
        for st in self.stages:
            for attr, _label in st.state:
                index.setdefault(attr, len(index))
        # one row of weights per feature, all stages side by side; the last row is zeros
        matrix = np.zeros((len(index) + 1, width))
        for k, st in enumerate(self.stages):
            col = {lab: self._cols[k].start + j for j, lab in enumerate(st.labels)}
            for (attr, lab), w in st.state.items():
                matrix[index[attr], col[lab]] = w
        self._index = index
        self._matrix = matrix
        self._none = len(index)
        # the weights are in the matrix now: keep only labels and transitions
        self.stages = tuple(CrfWeights(st.labels, {}, st.transitions) for st in self.stages)
        self.word = functools.lru_cache(maxsize=cache_size)(self._word)
        self._extra_sums: list[dict[tuple[str, ...], Any]] = [{} for _ in self.stages]

    def _sum(self, feats: Iterable[str]) -> Any:
        rows = [k for k in map(self._index.get, feats) if k is not None]
        return self._matrix[rows].sum(0)

    def _word(self, token: str) -> tuple[str, Any]:
        wf = self.extractor.word(token)
        get = self._index.get
        rows: list[int] = []
        starts: list[int] = []
        for feats in (wf.own, wf.near[-1], wf.near[1], wf.far[-2], wf.far[2]):
            starts.append(len(rows))
            rows += [k for k in map(get, feats) if k is not None]
            rows.append(self._none)  # no group is empty, as reduceat needs
        return wf.key, np.add.reduceat(self._matrix[rows], starts, axis=0)

    def scores(self, tokens: Sequence[str]) -> Any:
        """The state scores of every label of every stage at every token (tokens × all stages' labels)."""
        if not tokens:
            return np.zeros((0, self._matrix.shape[1]))
        words = [self.word(t) for t in tokens]
        blocks = np.stack([b for _, b in words])
        s = blocks[:, _OWN].copy()
        n = len(words)
        if n > 1:
            s[1:] += blocks[:-1, _TO_NEXT]
            s[:-1] += blocks[1:, _TO_PREV]
        if n > 2:
            s[2:] += blocks[:-2, _TO_NEXT2]
            s[:-2] += blocks[2:, _TO_PREV2]
        get = self._index.get
        matrix = self._matrix
        for i in range(1, n):
            pair = words[i - 1][0] + "|" + words[i][0]
            for name, at in (("bg-=", i), ("bg+=", i - 1)):
                k = get(name + pair)
                if k is not None:
                    s[at] += matrix[k]
        for i, q in enumerate(quote_features(tokens)):
            if q:
                s[i] += self._sum(q)
        for name, at in (("BOS", 0), ("EOS", n - 1)):
            k = get(name)
            if k is not None:
                s[at] += matrix[k]
        return s

    def decode(self, scores: Sequence[Any], stage: int,
               extra: Sequence[Sequence[Sequence[str]]] | None = None) -> list[list[str]]:
        """The tags one stage gives each sentence of a document, from their :meth:`scores` and, when given, the
        weights of more features per token (``extra``: per sentence, per token)."""
        st = self.stages[stage]
        cols = self._cols[stage]
        if extra is None:
            mine = [s[:, cols] for s in scores]
        else:  # the same combinations of extra features (tags and types: a bounded set) recur: sums kept per stage
            sums = self._extra_sums[stage]
            mine = []
            for s, more in zip(scores, extra, strict=True):
                rows = []
                for feats in more:
                    key = tuple(feats)
                    row = sums.get(key)
                    if row is None:
                        ks = [k for k in map(self._index.get, feats) if k is not None]
                        row = sums[key] = self._matrix[ks, cols].sum(0)
                    rows.append(row)
                mine.append(s[:, cols] + np.array(rows) if rows else s[:, cols])
        labels = st.labels
        return [[labels[k] for k in path] for path in viterbi(mine, st.transitions)]
