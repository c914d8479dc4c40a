"""Training the CRF NER model with python-crfsuite from CoNLL files."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pycrfsuite

from rasd.ner.conll import Sentence
from rasd.ner.features import FeatureExtractor

log = logging.getLogger(__name__)

DEFAULT_PARAMS: dict[str, float | int | bool] = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}


class _Trainer(pycrfsuite.Trainer):  # type: ignore[misc]
    """A crfsuite trainer that reports progress every ten seconds instead of printing everything."""

    def __init__(self, say: Callable[[str], None], **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.say = say
        self.last = 0.0

    def message(self, message: str) -> None:
        """Drop crfsuite's own chatter."""

    def on_iteration(self, log: object, info: dict[str, object]) -> None:
        now = time.perf_counter()
        if now - self.last > 10:
            self.last = now
            loss = float(str(info.get("loss") or 0))
            self.say(f"iteration {info.get('num')}: loss {loss:.1f}, {info.get('active_features')} active features")


def train_crf(
    sentences: Sequence[Sentence],
    extractor: FeatureExtractor,
    out: Path,
    params: dict[str, float | int | bool] | None = None,
    progress: Callable[[str], None] | None = None,
    extra: Sequence[list[list[str]]] | None = None,
) -> float:
    """Train a CRF on ``sentences`` and write it to ``out``; returns the training time in seconds.

    Args:
        sentences: ``(token, BIO tag)`` lists.
        extractor: the features to train on (the tagger must use the same).
        out: the ``.crfsuite`` file to write.
        params: crfsuite L-BFGS parameters overriding :data:`DEFAULT_PARAMS`.
        progress: called with a line of text now and then.
        extra: more features of every token of every sentence (second-stage features), or None.
    """
    say = progress or log.info
    t0 = time.perf_counter()
    trainer = _Trainer(say, algorithm="lbfgs", verbose=False)
    for k, s in enumerate(sentences):
        x = extractor.sentence([t for t, _ in s])
        if extra is not None:
            for feats, more in zip(x, extra[k], strict=True):
                feats.extend(more)
        trainer.append(x, [g for _, g in s])
        if k and k % 2000 == 0:
            say(f"features: {k}/{len(sentences)} sentences")
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    out.parent.mkdir(parents=True, exist_ok=True)
    say(f"training on {len(sentences)} sentences, {sum(len(s) for s in sentences)} tokens")
    trainer.train(str(out))
    took = time.perf_counter() - t0
    say(f"model written to {out} ({out.stat().st_size / 1e6:.1f} MB) in {took:.0f} s")
    return took
