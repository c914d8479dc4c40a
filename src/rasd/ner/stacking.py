"""Second-stage features: a first model's tags, here and for the same word elsewhere in the document.

A name tagged once is usually the same entity later in the article; the
second-stage CRF sees, for every token, the first model's tag of it and of its
neighbours, and the types the first model gave the same word (clitics stripped)
in the other sentences of the document (for a CoNLL file without document
boundaries: the sentences around it).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from rasd.text import norm, stems


@functools.lru_cache(maxsize=1 << 17)
def word_key(token: str) -> str:
    """The form under which mentions of one name are matched: normalised, proclitics and ال stripped."""
    n = norm(token) or token
    key = n
    for form, off in stems(n, min_len=3):
        if off:
            key = form
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


Counts = dict[str, dict[str, int]]


def confidence_bucket(p: float) -> str:
    """A marginal probability in three bins: ``hi`` (0.9 or more), ``mid`` (0.6 or more), ``lo``."""
    return "hi" if p >= 0.9 else "mid" if p >= 0.6 else "lo"


def _sentence_counts(keys: Sequence[str], tags: Sequence[str]) -> Counts:
    out: Counts = {}
    for k, t in zip(keys, tags, strict=True):
        c = out.setdefault(k, {})
        ty = t[2:] if t != "O" else "O"
        c[ty] = c.get(ty, 0) + 1
    return out


def _shift(total: Counts, counts: Counts, sign: int) -> None:
    for k, c in counts.items():
        tc = total.setdefault(k, {})
        for ty, v in c.items():
            tc[ty] = tc.get(ty, 0) + sign * v


def stack_features(
    sentences: Sequence[Sequence[str]],
    first_tags: Sequence[Sequence[str]],
    window: int | None = None,
    confidence: Sequence[Sequence[str]] | None = None,
) -> list[list[list[str]]]:
    """Extra features of every token of a document from the first model's tags.

    Args:
        sentences: the document's sentences (tokens).
        first_tags: the first model's tags of each sentence.
        window: how many sentences before and after count as the document; None for all.
        confidence: per token, how sure the first model was of its tag (see :func:`confidence_bucket`).

    Returns:
        Per sentence, per token, the feature strings to add.
    """
    keys = [[word_key(t) for t in s] for s in sentences]
    per_sent = [_sentence_counts(k, t) for k, t in zip(keys, first_tags, strict=True)]
    total: Counts = {}
    n_sent = len(per_sent)
    if window is None:
        for c in per_sent:
            _shift(total, c, 1)
    else:
        for c in per_sent[: window + 1]:
            _shift(total, c, 1)
    empty: dict[str, int] = {}
    out: list[list[list[str]]] = []
    for i, (ks, tags) in enumerate(zip(keys, first_tags, strict=True)):
        if window is not None and i:
            if i + window < n_sent:
                _shift(total, per_sent[i + window], 1)
            if i - window - 1 >= 0:
                _shift(total, per_sent[i - window - 1], -1)
        own = per_sent[i]
        feats_s: list[list[str]] = []
        n = len(ks)
        for j, (k, t) in enumerate(zip(ks, tags, strict=True)):
            f = ["s1=" + t, "s1-=" + (tags[j - 1] if j else "BOS"), "s1+=" + (tags[j + 1] if j + 1 < n else "EOS")]
            if confidence is not None:
                c = confidence[i][j]
                f += ["s1c=" + c, f"s1c={c}|{t}"]
            if len(k) > 1 and k[0].isalpha():
                mine = own.get(k, empty)
                others = {ty: v - mine.get(ty, 0) for ty, v in total.get(k, empty).items()}
                seen = sum(v for v in others.values() if v > 0)
                if seen:
                    ent = {ty: v for ty, v in others.items() if ty != "O" and v > 0}
                    if ent:
                        best = max(ent, key=lambda ty: ent[ty])
                        f.append("d=" + best)
                        f.append(f"d={best}|{'all' if ent[best] == seen else 'some'}")
                        f.append(f"d={best}|s1={t}")
                    else:
                        f.append("d=O")
            feats_s.append(f)
        out.append(feats_s)
    return out

