"""Building the shipped NER model directory: clusters, word vectors, label distributions, the CRFs and the network."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from rasd.errors import RasdError
from rasd.ner.clusters import build_clusters, news_sentences, word_vectors, write_vectors
from rasd.ner.conll import Sentence, read_conll, read_wikiann
from rasd.ner.model import (
    CLUSTER_FILE,
    CONFIG_FILE,
    DEFAULT_WINDOW,
    FIRST_FILE,
    MODEL_DIR,
    SECOND_FILE,
    SILVER_FILE,
    TABLE_FILES,
    TAGDIST_FILE,
    first_marginals,
    make_extractor,
)
from rasd.ner.neural import NET_FILE, NET_META, TAGS, VECTORS_FILE, NetInputs, document_inputs, word_pieces
from rasd.ner.selftrain import distribution_flags, label_counts, silver_counts, write_flags
from rasd.ner.stacking import confidence_bucket, stack_features
from rasd.ner.train import DEFAULT_PARAMS, SECOND_PARAMS, train_crf

FOLDS = 4
NEWS_TOKENS = 6_000_000  # the shipped table; all 19.9M tokens was better held out, not on the test split (model card)
WIKIANN_TRAIN = False  # WikiANN's train split as training data too (see the model card for why not)
VECTOR_DIM = 64  # dimensions of the shipped word vectors (the leading ones of the clusters' SVD)
BLEND = 0.5  # weight of the network's probabilities against the first stage's marginals
PIECE_MIN_COUNT = 3  # pieces (words, affixes) seen fewer times in the training data are unknown to the network

Tagged = tuple[list[str], list[str], Any]  # tags, confidence bins, marginals (T × 9)


def _fold_tags(args: tuple[Path, list[Sentence], list[Sentence], Path]) -> list[Tagged]:
    """Train on ``rest`` and tag ``held`` (one fold of the jackknife), with confidences and marginals; run in a
    worker process."""
    model_dir, rest, held, out = args
    ex = make_extractor(model_dir)
    train_crf(rest, ex, out, progress=lambda _m: None)
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(out))
    got: list[Tagged] = []
    for s in held:
        x = ex.sentence([t for t, _ in s])
        tags = list(crf.tag(x)) if x else []
        marg = first_marginals(crf, x)
        got.append((tags, [confidence_bucket(float(marg[k, TAGS.index(t)])) for k, t in enumerate(tags)], marg))
    return got


def _train_first(args: tuple[Path, list[Sentence], Path]) -> float:
    model_dir, sents, out = args
    return train_crf(sents, make_extractor(model_dir), out, progress=lambda _m: None)


def jackknife(model_dir: Path, sents: Sequence[Sentence], work: Path, folds: int = FOLDS,
              progress: Callable[[str], None] | None = None, workers: int = 2) -> list[Tagged]:
    """First-stage tags, confidences and marginals of every training sentence, each from a model that did not see it.

    The full first-stage model is trained alongside (to ``model_dir``/ner-first.crfsuite) in ``workers`` processes.
    """
    say = progress or (lambda _m: None)
    n = len(sents)
    bounds = [(n * k // folds, n * (k + 1) // folds) for k in range(folds)]
    jobs = [(model_dir, [*sents[:a], *sents[b:]], list(sents[a:b]), work / f"fold{k}.crfsuite")
            for k, (a, b) in enumerate(bounds)]
    with ProcessPoolExecutor(workers) as pool:
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
    relearn_clusters: bool = True,
    confidence: bool = False,
    window: int = DEFAULT_WINDOW,
    net: bool = False,
    blend: float = BLEND,
    net_params: dict[str, Any] | None = None,
    progress: Callable[[str], None] | None = None,
) -> float:
    """Build a model directory at ``out``; returns the time taken in seconds.

    Args:
        train_file: ANERcorp-style training file.
        out: the model directory to (re)write.
        wikiann: the WikiANN ``ar.tar.gz``; the label shares of its words (all splits) are learned again
            (``silver.tsv.gz``), else those of the shipped model are kept.
        news: raw news folder (``ant/`` and ``saudinewsnet/``); when given, the word clusters and the
            label distributions are learned again from it, else those of the shipped model are kept.
        relearn_clusters: with ``news``, learn the clusters again too (else only the label distributions).
        stacked: also train the second stage (document consistency).
        confidence: let the second stage also see how sure the first was of each tag (no better on ANERcorp).
        window: sentences around each one that count as its document when training the second stage.
        net: train the network (needs torch) on the jackknifed first-stage marginals, in the place of the
            second-stage CRF (``stacked`` is then ignored).
        blend: the network's weight against the first stage's marginals when tagging.
        net_params: overrides of :data:`rasd.ner.neural_train.DEFAULTS`.
        progress: called with lines of progress.
    """
    say = progress or (lambda _m: None)
    t0 = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    work = out / ".work"
    work.mkdir(exist_ok=True)
    sents = read_conll(train_file)
    say(f"{train_file}: {len(sents)} sentences")
    for name in TABLE_FILES:  # a new directory starts from the shipped tables
        if not (out / name).exists() and (MODEL_DIR / name).exists():
            shutil.copyfile(MODEL_DIR / name, out / name)
    if wikiann is not None:
        silver = [s for split in ("train", "dev", "test", "extra") for s in read_wikiann(wikiann, split)]
        write_flags(distribution_flags(silver_counts(silver), min_count=1, prefix="k"), out / SILVER_FILE)
        say(f"{wikiann}: name table from {len(silver)} WikiANN sentences")
        if WIKIANN_TRAIN:
            extra = read_wikiann(wikiann, "train")
            say(f"{wikiann}: {len(extra)} WikiANN sentences added to the training data")
            sents += extra
    if news is not None:
        if relearn_clusters or not (out / CLUSTER_FILE).exists():
            say(f"learning word clusters and vectors from {news}")
            build_clusters(news_sentences(news), out / CLUSTER_FILE, vectors_out=out / VECTORS_FILE,
                           vector_dim=VECTOR_DIM)
        elif net and not (out / VECTORS_FILE).exists():  # only the network reads the vectors
            say(f"learning word vectors from {news}")
            words, vec = word_vectors(news_sentences(news))
            write_vectors(words, vec[:, :VECTOR_DIM], out / VECTORS_FILE)
        say("training a model without the news table to tag the news")
        plain = work / "plain.crfsuite"
        train_crf(sents, make_extractor(out, tagdist=False, silver=True), plain, progress=say)
        import pycrfsuite

        from rasd.ner.decode import CompiledTagger, CrfWeights

        crf = pycrfsuite.Tagger()
        crf.open(str(plain))
        compiled = CompiledTagger(make_extractor(out, tagdist=False, silver=True, cache_size=0), [CrfWeights.of(crf)])

        class _T:  # crfsuite's tags, several times faster (rasd.ner.decode)
            def tag(self, tokens: Sequence[str]) -> list[str]:
                return compiled.decode([compiled.scores(tokens)], 0)[0]

        counts = label_counts(_T(), news_sentences(news), NEWS_TOKENS, progress=say)
        write_flags(distribution_flags(counts), out / TAGDIST_FILE)
    config: dict[str, Any] = {
        "version": 1, "stacked": stacked and not net, "confidence": stacked and not net and confidence,
        "window": window, "tagdist": (out / TAGDIST_FILE).exists(),
        "trained_on": [train_file.name], "tables": [n for n in TABLE_FILES if (out / n).exists()],
        "crf_params": {"first": dict(DEFAULT_PARAMS)}}
    if net:
        from rasd.ner.neural_train import require_torch

        require_torch()  # fail now rather than after the CRFs
        if not (out / VECTORS_FILE).exists():
            raise RasdError(f"{out / VECTORS_FILE}: no word vectors (give the news to learn them)")
        say(f"training the first stage and {FOLDS} jackknife folds (2 processes)")
        first = jackknife(out, sents, work, progress=say)
        train_network(out, sents, [m for _, _, m in first], window, net_params, progress=say)
        config.update({"net": True, "blend": blend})
        (out / SECOND_FILE).unlink(missing_ok=True)
    elif stacked:
        say(f"training the first stage and {FOLDS} jackknife folds (2 processes)")
        first = jackknife(out, sents, work, progress=say)
        extra_feats = stack_features([[t for t, _ in s] for s in sents], [t for t, _, _ in first], window,
                                     [c for _, c, _ in first] if confidence else None)
        say("training the second stage")
        train_crf(sents, make_extractor(out), out / SECOND_FILE, SECOND_PARAMS, progress=say, extra=extra_feats)
        config["crf_params"]["second"] = {**DEFAULT_PARAMS, **SECOND_PARAMS}
    else:
        train_crf(sents, make_extractor(out), out / FIRST_FILE, progress=say)
    (out / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return time.perf_counter() - t0


def train_network(model_dir: Path, sents: Sequence[Sentence], marginals: Sequence[Any], window: int,
                  params: dict[str, Any] | None = None, progress: Callable[[str], None] | None = None) -> None:
    """Train the network on ``sents`` with their (jackknifed) first-stage marginals; write ``ner-net.onnx`` and
    ``ner-net.json`` to ``model_dir`` (which holds the word vectors)."""
    from collections import Counter

    from rasd.ner.clusters import read_vectors
    from rasd.ner.neural_train import DEFAULTS, export_net, train_net
    from rasd.text import norm

    say = progress or (lambda _m: None)
    counts = Counter(c for s in sents for t, _ in s for c in word_pieces(norm(t) or t))
    pieces = sorted(c for c, n in counts.items() if n >= PIECE_MIN_COUNT)
    words, vec = read_vectors(model_dir / VECTORS_FILE)
    inputs = NetInputs(words, vec, pieces)
    tokens = [[t for t, _ in s] for s in sents]
    items = document_inputs(inputs, tokens, marginals, window)
    say(f"training the network on {len(sents)} sentences")
    net = train_net(inputs, items, [[g for _, g in s] for s in sents], len(pieces), params, progress=say)
    export_net(net, inputs.dim, model_dir / NET_FILE)
    meta = {"pieces": pieces, "params": {**DEFAULTS, **(params or {})}}
    (model_dir / NET_META).write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")
