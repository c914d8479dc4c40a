"""Training the salience model (:mod:`rasd.stages.salience`) on sentences labelled report / not a report.

A model per event type is an L2-regularised logistic regression, fitted with python-crfsuite's L-BFGS
(a CRF over one-item sequences with two labels is exactly that, and crfsuite is already a dependency);
its weights are read back as the difference between the two labels' weights, so that tagging needs
nothing but a sum. Positive sentences count ``pos_weight`` times (reports are rare: one OEDA ASSAULT
sentence in ten, one PROTEST sentence in twenty-three).

What is scored, and so what the threshold is chosen for, is the decision the stage's readers make: the
rules detect the event (``det``) *and* the model's probability reaches the threshold. The threshold is
the one with the best F1 of that decision over out-of-fold predictions of the training sentences
themselves, so it is chosen without looking at the sentences being scored.

Folds keep the sentences of one article together (``Example.group``) and deal articles with a report
and articles without one separately, so that every fold holds both and no article's words are learned
in one fold and scored in another. Everything is deterministic: folds come from a seeded shuffle and
crfsuite's L-BFGS has no randomness.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

from rasd.stages.salience import SalienceModel, TypeModel

THRESHOLDS: tuple[float, ...] = tuple(round(0.1 + 0.05 * i, 2) for i in range(13))  # 0.1 … 0.7

MIN_GAIN = 0.01
"""How much a type's cross-validated F1 must beat the rules alone by for its model to be kept: folds of a
few dozen reports move F1 by about that much."""


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled sentence of one event type."""

    features: Mapping[str, float]
    report: bool
    group: str = ""
    """The sentences of one group (article) always fall in the same fold; "" is a group of its own."""

    @property
    def detected(self) -> bool:
        """Whether the rules alone call it a report (an asserted event that is not background)."""
        return bool(self.features.get("det"))


@dataclass(frozen=True, slots=True)
class Params:
    """How a type's model is fitted and cross-validated."""

    c2: float = 1.0
    pos_weight: int = 3
    min_count: int = 2  # features seen in fewer training sentences are dropped
    folds: int = 5
    seeds: tuple[int, ...] = (1, 2)  # of the folds that choose the threshold
    cv_seeds: tuple[int, ...] = (7, 8, 9)  # of the cross-validations that are reported and decide what is kept

    def to_json(self) -> dict[str, Any]:
        return {"c2": self.c2, "pos_weight": self.pos_weight, "min_count": self.min_count, "folds": self.folds,
                "seeds": list(self.seeds), "cv_seeds": list(self.cv_seeds)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Params:
        """The parameters a model file records (``info.params``); defaults for what it does not say."""
        d = cls()
        return cls(c2=float(data.get("c2", d.c2)), pos_weight=int(data.get("pos_weight", d.pos_weight)),
                   min_count=int(data.get("min_count", d.min_count)), folds=int(data.get("folds", d.folds)),
                   seeds=tuple(data.get("seeds", d.seeds)), cv_seeds=tuple(data.get("cv_seeds", d.cv_seeds)))


def fit(examples: Sequence[Example], params: Params = Params()) -> dict[str, float]:
    """Fit one logistic model; the weight of each feature (the log-odds it adds for a report)."""
    counts = Counter(k for x in examples for k in x.features)
    keep = {k for k, c in counts.items() if c >= params.min_count} | {"bias"}
    trainer = pycrfsuite.Trainer(verbose=False)
    for x in examples:
        item = pycrfsuite.ItemSequence([{k: v for k, v in x.features.items() if k in keep}])
        for _ in range(params.pos_weight if x.report else 1):
            trainer.append(item, ["yes" if x.report else "no"])
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


def _groups(examples: Sequence[Example]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, x in enumerate(examples):
        out.setdefault(x.group or f"#{i}", []).append(i)
    return out


def folds_of(examples: Sequence[Example], k: int, seed: int) -> list[int]:
    """A fold number for each example: groups with a report and groups without one are shuffled (seeded)
    and dealt round-robin into ``k`` folds, the second kind continuing where the first stopped."""
    groups = _groups(examples)
    keys = sorted(groups)
    random.Random(seed).shuffle(keys)
    with_report = [g for g in keys if any(examples[i].report for i in groups[g])]
    without = [g for g in keys if not any(examples[i].report for i in groups[g])]
    fold = [0] * len(examples)
    for n, g in enumerate(with_report + without):
        for i in groups[g]:
            fold[i] = n % k
    return fold


def out_of_fold(examples: Sequence[Example], params: Params, seed: int,
                fitter: Callable[[Sequence[Example], Params], Mapping[str, float]] = fit) -> list[float]:
    """Each example's probability from the model fitted on the other folds."""
    fold = folds_of(examples, params.folds, seed)
    probs = [0.0] * len(examples)
    for k in range(params.folds):
        model = TypeModel(fitter([x for x, f in zip(examples, fold, strict=True) if f != k], params), 0.5)
        for i, f in enumerate(fold):
            if f == k:
                probs[i] = model.score(examples[i].features)
    return probs


def scores(called: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the sentences ``called`` reports against the ``gold`` ones."""
    tp = sum(1 for c, y in zip(called, gold, strict=True) if c and y)
    fp = sum(1 for c, y in zip(called, gold, strict=True) if c and not y)
    fn = sum(1 for c, y in zip(called, gold, strict=True) if not c and y)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def combined(examples: Sequence[Example], probs: Sequence[float], threshold: float) -> list[bool]:
    """The decision that is scored: the rules detect and the probability reaches the threshold."""
    return [x.detected and p >= threshold for x, p in zip(examples, probs, strict=True)]


def choose_threshold(examples: Sequence[Example], params: Params) -> tuple[float, float]:
    """The threshold with the best mean out-of-fold F1 of the combined decision over the seeds, and that F1."""
    gold = [x.report for x in examples]
    runs = [out_of_fold(examples, params, s) for s in params.seeds]

    def mean_f1(t: float) -> float:
        return sum(scores(combined(examples, p, t), gold)[2] for p in runs) / len(runs)

    best = max(THRESHOLDS, key=lambda t: (mean_f1(t), -abs(t - 0.5)))
    return best, mean_f1(best)


def can_cross_validate(examples: Sequence[Example], folds: int) -> bool:
    """Whether there are at least two groups with a report and two without per fold, so that every fold's
    training part holds both and can itself be cross-validated to choose the threshold."""
    groups = _groups(examples)
    pos = sum(1 for ids in groups.values() if any(examples[i].report for i in ids))
    return min(pos, len(groups) - pos) >= 2 * folds


def train_type(examples: Sequence[Example], params: Params = Params(), words: bool = True) -> tuple[TypeModel, float]:
    """A type's model fitted on every example, its threshold chosen by cross-validation; and the CV F1."""
    if not any(x.report for x in examples) or all(x.report for x in examples):
        raise ValueError("training a salience model needs both reports and non-reports")
    threshold, cv_f1 = choose_threshold(examples, params)
    return TypeModel(fit(examples, params), threshold, words), cv_f1


def cross_validated(examples: Sequence[Example], params: Params = Params(), seed: int = 7,
                    progress: Callable[[int], None] | None = None) -> list[bool]:
    """For each example, whether a model trained (threshold included) without its fold calls it a report.

    This is how ``rasd eval oeda`` scores the salience model on the very files it learns from: every
    sentence is judged by a model that never saw it nor any sentence of its article.
    """
    fold = folds_of(examples, params.folds, seed)
    out = [False] * len(examples)
    for k in range(params.folds):
        model, _ = train_type([x for x, f in zip(examples, fold, strict=True) if f != k], params)
        for i, f in enumerate(fold):
            if f == k:
                out[i] = model.score(examples[i].features) >= model.threshold
        if progress is not None:
            progress(1)
    return out


def cross_validated_scores(examples: Sequence[Example], params: Params = Params(),
                           progress: Callable[[int], None] | None = None) -> list[tuple[float, float, float]]:
    """(P, R, F1) of the combined decision, one cross-validation per seed of ``params.cv_seeds``."""
    gold = [x.report for x in examples]
    out = []
    for seed in params.cv_seeds:
        said = cross_validated(examples, params, seed=seed, progress=progress)
        out.append(scores([x.detected and s for x, s in zip(examples, said, strict=True)], gold))
    return out


def label_counts(examples: Iterable[Example]) -> tuple[int, int]:
    """(reports, non-reports)."""
    c = Counter(x.report for x in examples)
    return c[True], c[False]


@dataclass(frozen=True, slots=True)
class TypeReport:
    """How one type's model did when it was trained."""

    sentences: int
    reports: int
    rules_f1: float  # the rules alone (the ``det`` feature)
    cv_f1: float  # rules and model, each sentence judged by a model trained without its fold (mean over seeds)
    cv_range: tuple[float, float]  # the lowest and highest of the seeds
    kept: bool


def rules_f1(examples: Sequence[Example]) -> float:
    """F1 of the rules alone: a sentence is a report when they found an asserted, non-background event."""
    return scores([x.detected for x in examples], [x.report for x in examples])[2]


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
        cvs = [f for _, _, f in cross_validated_scores(ex, params)]
        cv = sum(cvs) / len(cvs)
        base = rules_f1(ex)
        keep = cv >= base + MIN_GAIN
        if keep:
            types[t], _ = train_type(ex, params)
        reports[t] = TypeReport(len(ex), pos, round(base, 4), round(cv, 4), (round(min(cvs), 4), round(max(cvs), 4)),
                                keep)
        if progress is not None:
            progress(f"{t}: {len(ex)} sentences ({pos} reports); rules F1 {base:.3f}, with the model "
                     f"(cross-validated, mean of {len(cvs)}: {min(cvs):.3f}-{max(cvs):.3f}) {cv:.3f}: "
                     f"{'kept' if keep else 'left out'}")
    info = {"trained_on": source, "params": params.to_json(),
            "types": {t: {"sentences": r.sentences, "reports": r.reports, "rules_f1": r.rules_f1,
                          "cv_f1": r.cv_f1, "cv_range": list(r.cv_range), "kept": r.kept}
                      for t, r in reports.items()}}
    return SalienceModel(types, info), reports


def write_model(model: SalienceModel, path: Path) -> None:
    """Write the model file atomically (a temporary file renamed over the old one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)
