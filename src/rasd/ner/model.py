"""The shipped NER model: loading it once per process and tagging sentences and documents with it.

A model directory holds ``ner.json`` (what the model needs), the word clusters
and label distributions its features read, the first-stage CRF
(``ner-first.crfsuite``) and, when the model is stacked, the second-stage CRF
(``ner.crfsuite``) that also sees the first stage's tags across the document. When ``ner.json``
says ``net``, a small network (``ner-net.onnx``, :mod:`rasd.ner.neural`) takes the second stage's
place: it tags every sentence from word vectors, word pieces, the first stage's marginals and the
types the first stage gave the same word elsewhere in the document; its tag probabilities are
blended with the first stage's marginals (weight ``blend`` for the network) and decoded by Viterbi.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pycrfsuite

from rasd.errors import ResourceError
from rasd.ner.clusters import read_clusters
from rasd.ner.decode import CompiledTagger, CrfWeights
from rasd.ner.features import FeatureExtractor
from rasd.ner.lexicon import lexicon_flags
from rasd.ner.neural import TAGS, VECTORS_FILE, NerNet, document_inputs, viterbi
from rasd.ner.selftrain import read_flags
from rasd.ner.stacking import confidence_bucket, stack_features
from rasd.resources import RESOURCE_DIR
from rasd.text import stems

MODEL_DIR = RESOURCE_DIR / "ner"
CONFIG_FILE = "ner.json"
FIRST_FILE = "ner-first.crfsuite"
SECOND_FILE = "ner.crfsuite"
CLUSTER_FILE = "clusters.tsv.gz"
TAGDIST_FILE = "tagdist.tsv.gz"
SILVER_FILE = "silver.tsv.gz"
TABLE_FILES = (CLUSTER_FILE, TAGDIST_FILE, SILVER_FILE, VECTORS_FILE)
DEFAULT_WINDOW = 15


def make_extractor(model_dir: Path, tagdist: bool = True, silver: bool = True,
                   cache_size: int = 1 << 18) -> FeatureExtractor:
    """The feature extractor of the model in ``model_dir``: its tables and rasd's lexicons.

    Args:
        model_dir: holds the cluster table and the label-distribution tables (news, silver); absent ones are empty.
        tagdist: read the news label-distribution table (False for the model that learns it).
        silver: read the WikiANN label-distribution table.
        cache_size: word types whose features are memoised.
    """
    cpath = model_dir / CLUSTER_FILE
    clusters = read_clusters(cpath) if cpath.exists() else {}
    flags: dict[str, tuple[str, ...]] = {}
    for name, wanted in ((TAGDIST_FILE, tagdist), (SILVER_FILE, silver)):
        if wanted:
            for w, f in read_flags(model_dir / name).items():
                flags[w] = flags.get(w, ()) + f
    return FeatureExtractor(clusters, lexicon_flags(), flags, cache_size)


def read_config(model_dir: Path) -> dict[str, Any]:
    """``ner.json`` of a model directory.

    Raises:
        ResourceError: it is missing or unreadable.
    """
    path = model_dir / CONFIG_FILE
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except OSError as e:
        raise ResourceError(f"{path}: NER model missing (rebuild it with `rasd train ner`)") from e
    except ValueError as e:
        raise ResourceError(f"{path}: not valid JSON ({e})") from e


def _open_crf(path: Path) -> pycrfsuite.Tagger:
    crf = pycrfsuite.Tagger()
    if not path.exists():
        raise ResourceError(f"{path}: NER model missing (rebuild it with `rasd train ner`)")
    try:
        crf.open(str(path))
    except (OSError, ValueError) as e:
        raise ResourceError(f"{path}: cannot open NER model ({e})") from e
    return crf


def tag_first(crf: pycrfsuite.Tagger, x: list[list[str]], confidence: bool) -> tuple[list[str], list[str]]:
    """Tags of one sentence's features and, when asked, how sure the CRF is of each (else an empty list)."""
    if not x:
        return [], []
    tags = list(crf.tag(x))
    if not confidence:
        return tags, []
    return tags, [confidence_bucket(crf.marginal(t, k)) for k, t in enumerate(tags)]


def _read_marginals(crf: pycrfsuite.Tagger, n: int) -> Any:
    out = np.zeros((n, len(TAGS)), dtype=np.float32)
    known = set(crf.labels())
    marginal = crf.marginal
    for j, t in enumerate(TAGS):
        if t in known:
            out[:, j] = [marginal(t, k) for k in range(n)]
    return out


def first_marginals(crf: pycrfsuite.Tagger, x: list[list[str]]) -> Any:
    """The marginal probability of every tag at every token of one sentence's features (T × 9, in the order
    of :data:`rasd.ner.neural.TAGS`)."""
    if not x:
        return np.zeros((0, len(TAGS)), dtype=np.float32)
    crf.set(x)
    return _read_marginals(crf, len(x))


def blend_decode(parts: Sequence[Any], weights: Sequence[float]) -> list[str]:
    """Viterbi tags of the weighted sum of tag distributions (T × 9 each: the network's, the CRF stages')."""
    if not len(parts[0]):
        return []
    p = sum(w * q for w, q in zip(weights, parts, strict=True) if w)
    return viterbi(np.log(np.clip(p, 1e-9, None)))


class NerTagger:
    """Tags token sequences with the (one- or two-stage) CRF model of a model directory.

    The CRFs' weights are compiled into per-word scores (:mod:`rasd.ner.decode`); crfsuite itself tags only
    for the variants that need its marginals (the network, the second stage that sees confidences).

    Args:
        model_dir: the directory written by ``rasd train ner``.

    Raises:
        ResourceError: a model file is missing or unreadable.
    """

    def __init__(self, model_dir: Path) -> None:
        self.dir = model_dir
        self.config = read_config(model_dir)
        self.window: int = int(self.config.get("window", DEFAULT_WINDOW))
        self._first = _open_crf(model_dir / FIRST_FILE)
        self._net = NerNet(model_dir) if self.config.get("net") else None
        self.blend: float = float(self.config.get("blend", 1.0))
        self._second = _open_crf(model_dir / SECOND_FILE) if self.config.get("stacked") else None
        tagdist = bool(self.config.get("tagdist", True))
        self._compiled: CompiledTagger | None = None
        if self._net is None and not self.config.get("confidence"):
            self.extractor = make_extractor(model_dir, tagdist=tagdist, cache_size=0)
            crfs = [c for c in (self._first, self._second) if c is not None]
            self._compiled = CompiledTagger(self.extractor, [CrfWeights.of(c) for c in crfs])
        else:
            self.extractor = make_extractor(model_dir, tagdist=tagdist)

    def tag_sentences(self, sentences: Sequence[Sequence[str]], window: int | None = -1) -> list[list[str]]:
        """BIO tags (B-PER, I-ORG, O ...) of each sentence of one document.

        Args:
            sentences: the tokens of each sentence, in document order.
            window: for the second stage, how many sentences around each one count as its document
                (None: all of them; -1: the model's default, for text without document boundaries).
        """
        win = self.window if window == -1 else window
        if self._compiled is not None:
            return self._tag_compiled(sentences, win)
        feats = [self.extractor.sentence(s) if s else [] for s in sentences]
        if self._net is not None:
            return self._tag_with_net(sentences, feats, win)
        conf = bool(self.config.get("confidence")) and self._second is not None
        pairs = [tag_first(self._first, x, conf) for x in feats]
        first = [t for t, _ in pairs]
        if self._second is None:
            return first
        extra = stack_features(sentences, first, win, [c for _, c in pairs] if conf else None)
        out: list[list[str]] = []
        for x, more in zip(feats, extra, strict=True):
            if not x:
                out.append([])
                continue
            for f, m in zip(x, more, strict=True):
                f.extend(m)
            out.append(list(self._second.tag(x)))
        return out

    def _tag_compiled(self, sentences: Sequence[Sequence[str]], window: int | None) -> list[list[str]]:
        c = self._compiled
        assert c is not None
        scores = [c.scores(s) for s in sentences]
        first = c.decode(scores, 0)
        if self._second is None:
            return first
        return c.decode(scores, 1, stack_features(sentences, first, window))

    def _tag_with_net(self, sentences: Sequence[Sequence[str]], feats: list[list[list[str]]],
                      window: int | None) -> list[list[str]]:
        net = self._net
        assert net is not None
        marg = [first_marginals(self._first, x) for x in feats]
        probs = net.probabilities(document_inputs(net.inputs, sentences, marg, window))
        return [blend_decode((p, m), (self.blend, 1.0 - self.blend)) for p, m in zip(probs, marg, strict=True)]

    def _known(self, form: str) -> bool:
        if self.extractor.lexicon.get(form):
            return True
        return any(f[0] == "k" and f != "kO" for f in self.extractor.tagdist.get(form, ()))

    def proclitic_length(self, word: str) -> int:
        """How many letters of the normalised ``word`` (first word of an entity) are a proclitic to leave out.

        ANERcorp tags the whole token (والأمم، وإدلب); the span of a name should start at the name. A
        conjunction or preposition (و ف ب ل ك, alone or combined) is left out when the rest is a name that
        rasd's lexicons or the WikiANN table know and the whole token is not one itself (وليد stays).
        """
        if self._known(word):
            return 0
        for form, off in stems(word, min_len=2):
            if off and all(c in "وفبلك" for c in word[:off]) and self._known(form):
                return off
        return 0

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags of one sentence taken on its own."""
        return self.tag_sentences([tokens], window=None)[0]


@functools.cache
def default_tagger() -> NerTagger:
    """The model shipped in ``resources/ner``, loaded once per process."""
    return NerTagger(MODEL_DIR)
