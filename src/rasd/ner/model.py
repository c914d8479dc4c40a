"""The shipped NER model: loading it once per process and tagging token sequences with it."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

import pycrfsuite

from rasd.errors import ResourceError
from rasd.ner.clusters import read_clusters
from rasd.ner.features import FeatureExtractor
from rasd.ner.lexicon import lexicon_flags
from rasd.resources import RESOURCE_DIR

MODEL_DIR = RESOURCE_DIR / "ner"
MODEL_FILE = "ner.crfsuite"
CLUSTER_FILE = "clusters.tsv.gz"


@functools.cache
def cluster_table(path: Path = MODEL_DIR / CLUSTER_FILE) -> dict[str, tuple[str, ...]]:
    """The word-cluster table at ``path`` (empty when the file is absent)."""
    if not path.exists():
        return {}
    return read_clusters(path)


def make_extractor(cluster_path: Path = MODEL_DIR / CLUSTER_FILE) -> FeatureExtractor:
    """A feature extractor over the cluster table at ``cluster_path`` and rasd's lexicons."""
    return FeatureExtractor(cluster_table(cluster_path), lexicon_flags())


class NerTagger:
    """A CRF tagger and the feature extractor it was trained with.

    Args:
        model_path: the ``.crfsuite`` file.
        extractor: the features of that model.

    Raises:
        ResourceError: the model file is missing or unreadable.
    """

    def __init__(self, model_path: Path, extractor: FeatureExtractor) -> None:
        if not model_path.exists():
            raise ResourceError(f"{model_path}: NER model missing (rebuild it with `rasd train ner`)")
        self.path = model_path
        self.extractor = extractor
        self._crf = pycrfsuite.Tagger()
        try:
            self._crf.open(str(model_path))
        except (OSError, ValueError) as e:
            raise ResourceError(f"{model_path}: cannot open NER model ({e})") from e

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (B-PER, I-ORG, O ...) of one sentence's tokens."""
        if not tokens:
            return []
        return list(self._crf.tag(self.extractor.sentence(tokens)))

    def tag_many(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """Tags of each sentence."""
        return [self.tag(s) for s in sentences]


@functools.cache
def default_tagger() -> NerTagger:
    """The model shipped in ``resources/ner``, loaded once per process."""
    return NerTagger(MODEL_DIR / MODEL_FILE, make_extractor())
