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

# c1 0.02, c2 0.2 (was 0.05, 0.01): chosen on the last 15% of the training file, for both stages (see the model card)
DEFAULT_PARAMS: dict[str, float | int | bool] = {
    "c1": 0.02,
    "c2": 0.2,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}
SECOND_PARAMS: dict[str, float | int | bool] = {}  # overrides of DEFAULT_PARAMS for the second-stage CRF


class _Trainer(pycrfsuite.Trainer):  # type: ignore[misc]
    """A crfsuite trainer that reports progress every ten seconds instead of printing everything."""

    def __init__(self, say: Callable[[str], None], **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.say = say
        self.last = 0.0

    def message(self, message: str) -> None:
        """Parse crfsuite's log for :meth:`on_iteration` but print none of it (the base class calls the hooks,
        which print, only when verbose)."""
        if self.logparser.feed(message) == "iteration":
            self.on_iteration(self.logparser.last_log, self.logparser.last_iteration)

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
    last = trainer.logparser.last_iteration or {}
    say(f"model written to {out} ({out.stat().st_size / 1e6:.1f} MB) in {took:.0f} s, "
        f"{last.get('num')} iterations, loss {float(str(last.get('loss') or 0)):.1f}")
    return took
