"""The shipped NER model: loading it once per process and tagging sentences and documents with it.

A model directory holds ``ner.json`` (what the model needs), the word clusters
and label distributions its features read, the first-stage CRF
(``ner-first.crfsuite``) and, when the model is stacked, the second-stage CRF
(``ner.crfsuite``) that also sees the first stage's tags across the document.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycrfsuite

from rasd.errors import ResourceError
from rasd.ner.clusters import read_clusters
from rasd.ner.features import FeatureExtractor
from rasd.ner.lexicon import lexicon_flags
from rasd.ner.selftrain import read_flags
from rasd.ner.stacking import stack_features
from rasd.resources import RESOURCE_DIR

MODEL_DIR = RESOURCE_DIR / "ner"
CONFIG_FILE = "ner.json"
FIRST_FILE = "ner-first.crfsuite"
SECOND_FILE = "ner.crfsuite"
CLUSTER_FILE = "clusters.tsv.gz"
TAGDIST_FILE = "tagdist.tsv.gz"
DEFAULT_WINDOW = 15


def make_extractor(model_dir: Path, tagdist: bool = True) -> FeatureExtractor:
    """The feature extractor of the model in ``model_dir``: its clusters (and label distributions) and rasd's lexicons."""
    cpath = model_dir / CLUSTER_FILE
    clusters = read_clusters(cpath) if cpath.exists() else {}
    flags = read_flags(model_dir / TAGDIST_FILE) if tagdist else {}
    return FeatureExtractor(clusters, lexicon_flags(), flags)


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


class NerTagger:
    """Tags token sequences with the (one- or two-stage) CRF model of a model directory.

    Args:
        model_dir: the directory written by ``rasd train ner``.

    Raises:
        ResourceError: a model file is missing or unreadable.
    """

    def __init__(self, model_dir: Path) -> None:
        self.dir = model_dir
        self.config = read_config(model_dir)
        self.extractor = make_extractor(model_dir, tagdist=bool(self.config.get("tagdist", True)))
        self.window: int = int(self.config.get("window", DEFAULT_WINDOW))
        self._first = _open_crf(model_dir / FIRST_FILE)
        self._second = _open_crf(model_dir / SECOND_FILE) if self.config.get("stacked") else None

    def tag_sentences(self, sentences: Sequence[Sequence[str]], window: int | None = -1) -> list[list[str]]:
        """BIO tags (B-PER, I-ORG, O ...) of each sentence of one document.

        Args:
            sentences: the tokens of each sentence, in document order.
            window: for the second stage, how many sentences around each one count as its document
                (None: all of them; -1: the model's default, for text without document boundaries).
        """
        feats = [self.extractor.sentence(s) if s else [] for s in sentences]
        first = [list(self._first.tag(x)) if x else [] for x in feats]
        if self._second is None:
            return first
        extra = stack_features(sentences, first, self.window if window == -1 else window)
        out: list[list[str]] = []
        for x, more in zip(feats, extra, strict=True):
            if not x:
                out.append([])
                continue
            for f, m in zip(x, more, strict=True):
                f.extend(m)
            out.append(list(self._second.tag(x)))
        return out

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags of one sentence taken on its own."""
        return self.tag_sentences([tokens], window=None)[0]


@functools.cache
def default_tagger() -> NerTagger:
    """The model shipped in ``resources/ner``, loaded once per process."""
    return NerTagger(MODEL_DIR)
