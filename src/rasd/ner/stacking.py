"""Second-stage features: a first model's tags, here and for the same word elsewhere in the document.

A name tagged once is usually the same entity later in the article; the
second-stage CRF sees, for every token, the first model's tag of it and of its
neighbours, and the types the first model gave the same word (clitics stripped)
in the other sentences of the document (for a CoNLL file without document
boundaries: the sentences around it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rasd.text import norm, stems


def word_key(token: str) -> str:
    """The form under which mentions of one name are matched: normalised, proclitics and ال stripped."""
    n = norm(token) or token
    key = n
    for form, off in stems(n, min_len=3):
        if off:
            key = form
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def _sentence_counts(keys: Sequence[str], tags: Sequence[str]) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = {}
    for k, t in zip(keys, tags, strict=True):
        out.setdefault(k, Counter())[t[2:] if t != "O" else "O"] += 1
    return out


def stack_features(
    sentences: Sequence[Sequence[str]],
    first_tags: Sequence[Sequence[str]],
    window: int | None = None,
) -> list[list[list[str]]]:
    """Extra features of every token of a document from the first model's tags.

    Args:
        sentences: the document's sentences (tokens).
        first_tags: the first model's tags of each sentence.
        window: how many sentences before and after count as the document; None for all.

    Returns:
        Per sentence, per token, the feature strings to add.
    """
    keys = [[word_key(t) for t in s] for s in sentences]
    per_sent = [_sentence_counts(k, t) for k, t in zip(keys, first_tags, strict=True)]
    total: dict[str, Counter[str]] = {}
    if window is None:
        for c in per_sent:
            for k, v in c.items():
                total.setdefault(k, Counter()).update(v)
    out: list[list[list[str]]] = []
    for i, (ks, tags) in enumerate(zip(keys, first_tags, strict=True)):
        if window is not None:
            total = {}
            for c in per_sent[max(0, i - window) : i + window + 1]:
                for k, v in c.items():
                    total.setdefault(k, Counter()).update(v)
        own = per_sent[i]
        feats_s: list[list[str]] = []
        n = len(ks)
        for j, (k, t) in enumerate(zip(ks, tags, strict=True)):
            f = ["s1=" + t, "s1-=" + (tags[j - 1] if j else "BOS"), "s1+=" + (tags[j + 1] if j + 1 < n else "EOS")]
            if len(k) > 1 and k[0].isalpha():
                others = total.get(k, Counter()) - own.get(k, Counter())
                seen = sum(others.values())
                if seen:
                    ent = {ty: c for ty, c in others.items() if ty != "O"}
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
