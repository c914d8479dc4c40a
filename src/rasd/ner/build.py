"""Building the shipped NER model directory: clusters, label distributions, first- and second-stage CRFs."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from rasd.ner.clusters import build_clusters, news_sentences
from rasd.ner.conll import Sentence, read_conll, read_wikiann
from rasd.ner.features import FeatureExtractor
from rasd.ner.model import (
    CLUSTER_FILE,
    CONFIG_FILE,
    DEFAULT_WINDOW,
    FIRST_FILE,
    MODEL_DIR,
    SECOND_FILE,
    TAGDIST_FILE,
    make_extractor,
)
from rasd.ner.selftrain import distribution_flags, label_counts, write_flags
from rasd.ner.stacking import stack_features
from rasd.ner.train import train_crf

FOLDS = 4
NEWS_TOKENS = 4_000_000


def _fold_tags(args: tuple[Path, list[Sentence], list[Sentence], Path]) -> list[list[str]]:
    """Train on ``rest`` and tag ``held`` (one fold of the jackknife); run in a worker process."""
    model_dir, rest, held, out = args
    ex = make_extractor(model_dir)
    train_crf(rest, ex, out, progress=lambda _m: None)
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(out))
    return [list(crf.tag(ex.sentence([t for t, _ in s]))) for s in held]


def _train_first(args: tuple[Path, list[Sentence], Path]) -> float:
    model_dir, sents, out = args
    return train_crf(sents, make_extractor(model_dir), out, progress=lambda _m: None)


def jackknife(model_dir: Path, sents: Sequence[Sentence], work: Path, folds: int = FOLDS,
              progress: Callable[[str], None] | None = None) -> list[list[str]]:
    """First-stage tags of every training sentence, each from a model that did not see it.

    The full first-stage model is trained alongside (to ``model_dir``/ner-first.crfsuite); two processes.
    """
    say = progress or (lambda _m: None)
    n = len(sents)
    bounds = [(n * k // folds, n * (k + 1) // folds) for k in range(folds)]
    jobs = [(model_dir, [*sents[:a], *sents[b:]], list(sents[a:b]), work / f"fold{k}.crfsuite")
            for k, (a, b) in enumerate(bounds)]
    with ProcessPoolExecutor(2) as pool:
        first = pool.submit(_train_first, (model_dir, list(sents), model_dir / FIRST_FILE))
        parts = list(pool.map(_fold_tags, jobs))
        say(f"first stage and {folds} folds trained ({first.result():.0f} s for the full model)")
    return [t for part in parts for t in part]


def train_model(
    train_file: Path,
    out: Path,
    *,
    wikiann: Path | None = None,
    news: Path | None = None,
    stacked: bool = True,
    window: int = DEFAULT_WINDOW,
    progress: Callable[[str], None] | None = None,
) -> float:
    """Build a model directory at ``out``; returns the time taken in seconds.

    Args:
        train_file: ANERcorp-style training file.
        out: the model directory to (re)write.
        wikiann: the WikiANN ``ar.tar.gz``; its train split is added to the training data.
        news: raw news folder (``ant/`` and ``saudinewsnet/``); when given, the word clusters and the
            label distributions are learned again from it, else those of the shipped model are kept.
        stacked: also train the second stage (document consistency).
        window: sentences around each one that count as its document when training the second stage.
        progress: called with lines of progress.
    """
    say = progress or (lambda _m: None)
    t0 = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    work = out / ".work"
    work.mkdir(exist_ok=True)
    sents = read_conll(train_file)
    say(f"{train_file}: {len(sents)} sentences")
    if wikiann is not None:
        extra = read_wikiann(wikiann, "train")
        say(f"{wikiann}: {len(extra)} WikiANN sentences added")
        sents += extra
    if news is not None:
        say(f"learning word clusters from {news}")
        build_clusters(news_sentences(news), out / CLUSTER_FILE)
        say("clusters written; training a model without label distributions to tag the news")
        plain = work / "plain.crfsuite"
        ex0 = FeatureExtractor(make_extractor(out, tagdist=False).clusters, make_extractor(out, False).lexicon)
        train_crf(sents, ex0, plain, progress=say)
        import pycrfsuite

        crf = pycrfsuite.Tagger()
        crf.open(str(plain))

        class _T:
            def tag(self, tokens: Sequence[str]) -> list[str]:
                return list(crf.tag(ex0.sentence(tokens)))

        counts = label_counts(_T(), news_sentences(news), NEWS_TOKENS, progress=say)
        write_flags(distribution_flags(counts), out / TAGDIST_FILE)
    elif out.resolve() != MODEL_DIR.resolve():
        for name in (CLUSTER_FILE, TAGDIST_FILE):
            if (MODEL_DIR / name).exists():
                shutil.copyfile(MODEL_DIR / name, out / name)
    config = {"version": 1, "stacked": stacked, "window": window, "tagdist": (out / TAGDIST_FILE).exists(),
              "trained_on": [str(train_file)] + ([str(wikiann)] if wikiann else [])}
    if stacked:
        say(f"training the first stage and {FOLDS} jackknife folds (2 processes)")
        first = jackknife(out, sents, work, progress=say)
        extra_feats = stack_features([[t for t, _ in s] for s in sents], first, window)
        say("training the second stage")
        train_crf(sents, make_extractor(out), out / SECOND_FILE, progress=say, extra=extra_feats)
    else:
        train_crf(sents, make_extractor(out), out / FIRST_FILE, progress=say)
    (out / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return time.perf_counter() - t0
