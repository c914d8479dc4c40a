"""Training the salience model (:mod:`rasd.stages.salience`) on sentences labelled report / not a report.

A model per event type is an L2-regularised logistic regression, fitted with python-crfsuite's L-BFGS
(a CRF over one-item sequences with two labels is exactly that, and crfsuite is already a dependency);
its weights are read back as the difference between the two labels' weights, so that tagging needs
nothing but a sum. Positive sentences count ``pos_weight`` times (reports are rare: one OEDA sentence in
eight), and the threshold is the one that gives the best F1 over out-of-fold predictions of the
training sentences themselves, so it is chosen without looking at the sentences being scored.

Everything here is deterministic: folds come from a seeded shuffle and crfsuite's L-BFGS has no
randomness.
"""

from __future__ import annotations

import json
import math
import random
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from rasd.stages.salience import SalienceModel, TypeModel

Example = tuple[Mapping[str, float], bool]
"""One sentence: its features and whether it reports an event of the type."""

THRESHOLDS: tuple[float, ...] = tuple(round(0.1 + 0.05 * i, 2) for i in range(13))  # 0.1 … 0.7

MIN_GAIN = 0.01
"""How much a type's cross-validated F1 must beat the rules alone by for its model to be kept: folds of a
few dozen reports move F1 by about that much."""


@dataclass(frozen=True, slots=True)
class Params:
    """How a type's model is fitted."""

    c2: float = 1.0
    pos_weight: int = 3
    min_count: int = 2  # features seen in fewer training sentences are dropped
    folds: int = 5
    seeds: tuple[int, ...] = (1, 2)  # of the folds that choose the threshold
    cv_seeds: tuple[int, ...] = (7, 8, 9)  # of the cross-validations that decide whether a type's model is kept


def fit(examples: Sequence[Example], params: Params = Params()) -> dict[str, float]:
    """Fit one logistic model; the weight of each feature (the log-odds it adds for a report)."""
    counts = Counter(k for f, _ in examples for k in f)
    keep = {k for k, c in counts.items() if c >= params.min_count} | {"bias"}
    trainer = pycrfsuite.Trainer(verbose=False)
    for f, y in examples:
        item = pycrfsuite.ItemSequence([{k: v for k, v in f.items() if k in keep}])
        for _ in range(params.pos_weight if y else 1):
            trainer.append(item, ["yes" if y else "no"])
    trainer.set_params({"c1": 0.0, "c2": params.c2, "max_iterations": 300})
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "m.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        state = tagger.info().state_features
        tagger.close()
    weights: dict[str, float] = {}
    for (attr, label), w in state.items():
        weights[attr] = weights.get(attr, 0.0) + (w if label == "yes" else -w)
    return {k: round(w, 5) for k, w in weights.items() if abs(w) >= 1e-5}


def _prob(weights: Mapping[str, float], f: Mapping[str, float]) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def folds_of(n: int, k: int, seed: int) -> list[int]:
    """A fold number for each of ``n`` items: a seeded shuffle dealt round-robin into ``k`` folds."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    fold = [0] * n
    for i, j in enumerate(order):
        fold[j] = i % k
    return fold


def out_of_fold(examples: Sequence[Example], params: Params, seed: int,
                fitter: Callable[[Sequence[Example], Params], Mapping[str, float]] = fit) -> list[float]:
    """Each example's probability from the model fitted on the other folds."""
    fold = folds_of(len(examples), params.folds, seed)
    probs = [0.0] * len(examples)
    for k in range(params.folds):
        w = fitter([x for x, f in zip(examples, fold, strict=True) if f != k], params)
        for i, f in enumerate(fold):
            if f == k:
                probs[i] = _prob(w, examples[i][0])
    return probs


def f1_at(probs: Sequence[float], gold: Sequence[bool], threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of calling every probability at or above ``threshold`` a report."""
    tp = sum(1 for p, y in zip(probs, gold, strict=True) if p >= threshold and y)
    fp = sum(1 for p, y in zip(probs, gold, strict=True) if p >= threshold and not y)
    fn = sum(1 for p, y in zip(probs, gold, strict=True) if p < threshold and y)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def choose_threshold(examples: Sequence[Example], params: Params) -> tuple[float, float]:
    """The threshold with the best mean out-of-fold F1 over the seeds, and that F1."""
    gold = [y for _, y in examples]
    runs = [out_of_fold(examples, params, s) for s in params.seeds]
    best = max(THRESHOLDS, key=lambda t: (sum(f1_at(p, gold, t)[2] for p in runs), -abs(t - 0.5)))
    return best, sum(f1_at(p, gold, best)[2] for p in runs) / len(runs)


def can_cross_validate(examples: Sequence[Example], folds: int) -> bool:
    """Whether there are enough reports and non-reports for every fold's training part to hold both, and
    for the threshold to be chosen inside it (two of each per fold)."""
    pos, neg = label_counts(examples)
    return min(pos, neg) >= 2 * folds


def train_type(examples: Sequence[Example], params: Params = Params(), words: bool = True) -> tuple[TypeModel, float]:
    """A type's model fitted on every example, its threshold chosen by cross-validation; and the CV F1."""
    if not any(y for _, y in examples) or all(y for _, y in examples):
        raise ValueError("training a salience model needs both reports and non-reports")
    threshold, cv_f1 = choose_threshold(examples, params)
    return TypeModel(fit(examples, params), threshold, words), cv_f1


def cross_validated(examples: Sequence[Example], params: Params = Params(), seed: int = 7,
                    progress: Callable[[int], None] | None = None) -> list[bool]:
    """For each example, whether a model trained (threshold included) without its fold calls it a report.

    This is how ``rasd eval oeda --cv`` scores the salience model on the very files it learns from:
    every sentence is judged by a model that never saw it.
    """
    fold = folds_of(len(examples), params.folds, seed)
    out = [False] * len(examples)
    for k in range(params.folds):
        train = [x for x, f in zip(examples, fold, strict=True) if f != k]
        model, _ = train_type(train, params)
        for i, f in enumerate(fold):
            if f == k:
                out[i] = model.score(examples[i][0]) >= model.threshold
        if progress is not None:
            progress(1)
    return out


def label_counts(examples: Iterable[Example]) -> tuple[int, int]:
    """(reports, non-reports)."""
    c = Counter(y for _, y in examples)
    return c[True], c[False]


@dataclass(frozen=True, slots=True)
class TypeReport:
    """How one type's model did when it was trained."""

    sentences: int
    reports: int
    rules_f1: float  # the rules alone (the ``det`` feature)
    cv_f1: float  # rules and model, each sentence judged by a model trained without its fold (mean over seeds)
    kept: bool


def rules_f1(examples: Sequence[Example]) -> float:
    """F1 of the rules alone: a sentence is a report when they found an asserted, non-background event."""
    return f1_at([f.get("det", 0.0) for f, _ in examples], [y for _, y in examples], 0.5)[2]


def train_model(examples: Mapping[str, Sequence[Example]], params: Params = Params(), source: str = "",
                progress: Callable[[str], None] | None = None) -> tuple[SalienceModel, dict[str, TypeReport]]:
    """A model for every type whose cross-validated F1 (the mean over ``params.cv_seeds``) beats the rules
    alone by :data:`MIN_GAIN`; the others are left out.

    The same ``params`` serve every type. What each type scored, kept or not, is returned and written into
    the model's ``info``.
    """
    types: dict[str, TypeModel] = {}
    reports: dict[str, TypeReport] = {}
    for t, ex in sorted(examples.items()):
        pos, _ = label_counts(ex)
        if not can_cross_validate(ex, params.folds):
            if progress is not None:
                progress(f"{t}: {len(ex)} sentences ({pos} reports): too few of one kind to cross-validate, left out")
            continue
        gold = [y for _, y in ex]
        cvs = []
        for seed in params.cv_seeds:
            said = cross_validated(ex, params, seed=seed)
            cvs.append(f1_at([1.0 if (x and f.get("det")) else 0.0 for x, (f, _) in zip(said, ex, strict=True)],
                             gold, 0.5)[2])
        cv = sum(cvs) / len(cvs)
        base = rules_f1(ex)
        keep = cv >= base + MIN_GAIN
        if keep:
            types[t], _ = train_type(ex, params)
        reports[t] = TypeReport(len(ex), pos, round(base, 4), round(cv, 4), keep)
        if progress is not None:
            progress(f"{t}: {len(ex)} sentences ({pos} reports); rules F1 {base:.3f}, with the model "
                     f"(cross-validated, mean of {len(cvs)}) {cv:.3f}: {'kept' if keep else 'left out'}")
    info = {"trained_on": source, "params": {"c2": params.c2, "pos_weight": params.pos_weight,
                                             "min_count": params.min_count, "folds": params.folds},
            "types": {t: {"sentences": r.sentences, "reports": r.reports, "rules_f1": r.rules_f1,
                          "cv_f1": r.cv_f1, "kept": r.kept} for t, r in reports.items()}}
    return SalienceModel(types, info), reports


def write_model(model: SalienceModel, path: Path) -> None:
    """Write the model file atomically (a temporary file renamed over the old one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)
