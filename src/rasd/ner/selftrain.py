"""Label distributions learned from raw news: what a first model tags each word as, over millions of tokens.

A word that a model trained on ANERcorp tags as a person most of the times it
meets it in the news is probably a name even where the local context is weak.
The table (``resources/ner/tagdist.tsv.gz``: ``word<TAB>flag flag ...``) feeds
the features of the shipped model.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol

from rasd.text import norm

TYPES = ("PER", "ORG", "LOC", "MISC")


class _Tagger(Protocol):
    def tag(self, tokens: Sequence[str]) -> list[str]: ...


def label_counts(tagger: _Tagger, sentences: Iterable[Sequence[str]], max_tokens: int,
                 progress: Callable[[str], None] | None = None) -> dict[str, Counter[str]]:
    """Per normalised word, how often ``tagger`` gave it each entity type (and ``n``: how often seen)."""
    out: dict[str, Counter[str]] = {}
    seen = 0
    step = max_tokens // 10 or 1
    for sent in sentences:
        if len(sent) > 120:
            continue
        tags = tagger.tag(sent)
        for w, t in zip(sent, tags, strict=True):
            c = out.get(w)
            if c is None:
                c = out[w] = Counter()
            c["n"] += 1
            if t != "O":
                c[t[2:]] += 1
                c[t] += 1
        before = seen
        seen += len(sent)
        if progress and seen // step != before // step:
            progress(f"tagged {seen} news tokens")
        if seen >= max_tokens:
            break
    return out


def distribution_flags(
    counts: dict[str, Counter[str]], min_count: int = 3, prefix: str = "h"
) -> dict[str, tuple[str, ...]]:
    """Word → flags ``h<TYPE>=<1|2|3>`` (share of that type above 10, 30, 60 percent), ``hO`` when none."""
    out: dict[str, tuple[str, ...]] = {}
    for w, c in counts.items():
        n = c["n"]
        if n < min_count:
            continue
        flags = []
        for t in TYPES:
            share = c[t] / n
            if share >= 0.1:
                flags.append(f"{prefix}{t}={1 if share < 0.3 else 2 if share < 0.6 else 3}")
                if c["B-" + t] >= 0.6 * c[t]:
                    flags.append(f"{prefix}{t}=B")
                elif c["I-" + t] >= 0.6 * c[t]:
                    flags.append(f"{prefix}{t}=I")
        out[w] = tuple(flags) or (prefix + "O",)
    return out


def write_flags(table: dict[str, tuple[str, ...]], out: Path) -> None:
    """Write ``word<TAB>flags`` lines (gzip), sorted."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        for w in sorted(table):
            f.write(w + "\t" + " ".join(table[w]) + "\n")


def read_flags(path: Path) -> dict[str, tuple[str, ...]]:
    """The table written by :func:`write_flags` (empty when the file is absent)."""
    if not path.exists():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            w, _, flags = line.rstrip("\n").partition("\t")
            out[w] = tuple(flags.split())
    return out


def silver_counts(sentences: Iterable[Sequence[tuple[str, str]]]) -> dict[str, Counter[str]]:
    """Per normalised word, how often a silver-labelled corpus (WikiANN) puts it in each entity type."""
    out: dict[str, Counter[str]] = {}
    for sent in sentences:
        for tok, tag in sent:
            w = norm(tok)
            if not w:
                continue
            c = out.get(w)
            if c is None:
                c = out[w] = Counter()
            c["n"] += 1
            if tag != "O":
                c[tag[2:]] += 1
                c[tag] += 1
    return out
