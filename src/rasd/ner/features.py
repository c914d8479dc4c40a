"""CRF features of a token sequence: word forms, clitic-stripped stems, affixes, shape, word clusters, lexicons.

Everything about one word (its own features and the ones it lends to its
neighbours) depends only on the word, so it is computed once per word type and
memoised; a sentence's features are then concatenations of those tuples.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from rasd.text import ENCLITICS, QUOTES, norm, stems

# Positions of the context window and the prefix each one gives its features.
_NEAR = ((-1, "-1"), (1, "+1"))
_FAR = ((-2, "-2"), (2, "+2"))


@dataclass(frozen=True, slots=True)
class WordFeatures:
    """The features a word type contributes at each position of the window."""

    own: tuple[str, ...]
    near: dict[int, tuple[str, ...]]  # offset (-1, +1) → features the word lends to its neighbour
    far: dict[int, tuple[str, ...]]  # offset (-2, +2) → features
    key: str  # the normalised form, used in word bigrams


_OPENING = frozenset("«“„")
_CLOSING = frozenset("»”‟")


def quote_features(tokens: Sequence[str]) -> list[tuple[str, ...]]:
    """Per token, whether it stands between quotation marks (names of products, programmes, papers often do).

    ``inq`` inside quotes, with ``q-1`` for the first token after the opening mark and ``q+1`` for the
    last before the closing one; « » “ ” open and close, a straight ``"`` toggles.

    >>> quote_features(["فيلم", "«", "الرسالة", "»"])
    [(), (), ('inq', 'q-1', 'q+1'), ()]
    """
    n = len(tokens)
    if not any(t in QUOTES for t in tokens):
        return [()] * n
    state: list[str] = []
    inside = False
    for t in tokens:
        if t in _OPENING or (t == '"' and not inside):
            inside = True
            state.append("open")
        elif t in _CLOSING or t == '"':
            inside = False
            state.append("close")
        else:
            state.append("in" if inside else "")
    out: list[tuple[str, ...]] = []
    for i, st in enumerate(state):
        if st != "in":
            out.append(())
            continue
        f = ["inq"]
        if i and state[i - 1] == "open":
            f.append("q-1")
        if i + 1 < n and state[i + 1] == "close":
            f.append("q+1")
        out.append(tuple(f))
    return out


def _shape(n: str) -> str:
    if n.isdigit():
        return "D" + ("4" if len(n) == 4 else "")
    if any(c.isdigit() for c in n):
        return "DX"
    if n.isascii() and n.isalpha():
        return "L"
    if not n[0].isalpha():
        return "P"
    return "A"


class FeatureExtractor:
    """Turns token sequences into CRF feature lists.

    Args:
        clusters: normalised word → cluster ids (coarse to fine); empty for none.
        lexicon: normalised word → lexicon flags (see :func:`rasd.ner.lexicon.lexicon_flags`).
        tagdist: normalised word → flags of the labels a first model gave the word in raw news
            (see :mod:`rasd.ner.selftrain`); empty for none.
        cache_size: how many word types to memoise (0: none, for a caller that keeps what it derives).
    """

    def __init__(
        self,
        clusters: dict[str, tuple[str, ...]],
        lexicon: dict[str, tuple[str, ...]],
        tagdist: dict[str, tuple[str, ...]] | None = None,
        cache_size: int = 1 << 18,
    ) -> None:
        self.clusters = clusters
        self.lexicon = lexicon
        self.tagdist = tagdist or {}
        self.word = functools.lru_cache(maxsize=cache_size)(self._word)

    def _cluster_feats(self, n: str, cands: Sequence[str]) -> list[str]:
        c = self.clusters.get(n)
        tag = "c"
        if c is None:
            for f in cands:
                c = self.clusters.get(f)
                if c is not None:
                    tag = "sc"
                    break
        if c is None:
            return ["c=none"]
        return [f"{tag}{k}={v}" for k, v in enumerate(c)]

    def _word(self, token: str) -> WordFeatures:
        n = norm(token) or token
        shape = _shape(n)
        own: list[str] = ["b", "w=" + n, "sh=" + shape]
        ctx: list[str] = ["w=" + n]
        far: list[str] = []
        if shape in ("P", "D", "D4", "DX"):
            ctx.append("sh=" + shape)
        cands: list[str] = []
        if shape == "A":
            ln = len(n)
            own += ["p1=" + n[:1], "p2=" + n[:2], "p3=" + n[:3], "s1=" + n[-1:], "s2=" + n[-2:], "s3=" + n[-3:],
                    "s4=" + n[-4:], "len=" + str(min(ln, 8))]
            for form, off in stems(n):
                if off:
                    cands.append(form)
                    if len(cands) == 1:
                        own.append("pc=" + n[:off])
                    own.append("st=" + form)
                    if len(cands) >= 3:
                        break
            for suf in ENCLITICS:
                if n.endswith(suf) and ln - len(suf) >= 2:
                    own.append("en=" + n[: -len(suf)])
                    break
            ctx += ["p2=" + n[:2], "s2=" + n[-2:]]
            if n.startswith("ال"):
                own.append("al")
        cl = self._cluster_feats(n, cands)
        own += cl
        ctx += cl
        far += cl[:2] if len(cl) > 1 else cl
        lex = self.lexicon.get(n, ())
        own += lex
        ctx += lex
        far += lex
        seen = set(lex)
        for f in cands:
            for flag in self.lexicon.get(f, ()):
                if flag not in seen:
                    seen.add(flag)
                    own.append("~" + flag)
                    ctx.append("~" + flag)
        if self.tagdist:
            td = self.tagdist.get(n)
            if td is None:
                for f in cands:
                    td = self.tagdist.get(f)
                    if td is not None:
                        td = tuple("~" + x for x in td)
                        break
            td = td or ("h=none",)
            own += td
            ctx += td
            far += td
        far.insert(0, "w=" + n)
        near = {o: tuple([p + f for f in ctx]) for o, p in _NEAR}
        farf = {o: tuple([p + f for f in far]) for o, p in _FAR}
        return WordFeatures(tuple(own), near, farf, n)

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Feature lists, one per token."""
        words = [self.word(t) for t in tokens]
        n = len(words)
        quotes = quote_features(tokens)
        out: list[list[str]] = []
        for i, wf in enumerate(words):
            feats = [*wf.own, *quotes[i]]
            if i == 0:
                feats.append("BOS")
            else:
                feats += words[i - 1].near[-1]
                feats.append("bg-=" + words[i - 1].key + "|" + wf.key)
                if i > 1:
                    feats += words[i - 2].far[-2]
            if i == n - 1:
                feats.append("EOS")
            else:
                feats += words[i + 1].near[1]
                feats.append("bg+=" + wf.key + "|" + words[i + 1].key)
                if i + 2 < n:
                    feats += words[i + 2].far[2]
            out.append(feats)
        return out
