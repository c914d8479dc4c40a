"""The salience stage and its training: features, scores, the model file, cross-validation, evaluation."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest

from rasd.errors import ResourceError
from rasd.eval_oeda import Sentence, salience_detection
from rasd.pipeline import DEFAULT_STAGES, Pipeline
from rasd.records import Article
from rasd.salience_train import (
    Example,
    Params,
    can_cross_validate,
    cross_validated,
    fit,
    folds_of,
    out_of_fold,
    train_model,
    write_model,
)
from rasd.stages.salience import (
    MODEL_ENV,
    SalienceModel,
    TypeModel,
    default_model,
    features,
    read_model,
    salience,
)

RULES_ONLY = Pipeline(tuple(s for s in DEFAULT_STAGES if s.name != "salience"))

ATTACK = "قصفت الطائرات الحربية بلدة كفرنبل أمس وقتل خمسة مدنيين."
NO_ATTACK = "نفت وزارة الدفاع قصف طائراتها للبلدة."
MEETING = "والتقى وزير الخارجية السوري نظيره الأردني في عمان أمس."


def _events(text: str, published: str = "2024-05-02") -> list:
    return RULES_ONLY(Article(doc_id="t", text=text, published=published)).events


def test_features_say_what_the_rules_found_and_the_words() -> None:
    f = features(ATTACK, _events(ATTACK), "ASSAULT")
    assert f["det"] == 1.0 and f["st=asserted"] == 1.0 and f["bias"] == 1.0
    assert "trg=قصفت" in f and "size=killed" in f
    assert {"w=الطايرات", "w=الحربيه", "b=الطايرات_الحربيه"} <= f.keys()  # words as the normaliser folds them
    assert "w=الطائرات" not in f
    denied = features(NO_ATTACK, _events(NO_ATTACK), "ASSAULT")
    assert "det" not in denied and denied.get("st=negated") == 1.0
    assert "oth=CONSULT" in features(f"{ATTACK} {MEETING}", _events(f"{ATTACK} {MEETING}"), "ASSAULT")
    bare = features(ATTACK, _events(ATTACK), "ASSAULT", words=False)
    assert not any(k.startswith(("w=", "b=", "len=")) for k in bare)


def test_type_model_score_is_the_logistic_of_the_weights() -> None:
    m = TypeModel({"bias": -1.0, "det": 2.5, "w=امس": 0.5}, threshold=0.5)
    assert m.score({"bias": 1.0, "det": 1.0, "w=امس": 1.0, "w=غير": 1.0}) == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert m.score({"bias": 1.0}) == pytest.approx(1 / (1 + math.e))
    assert m.score({"det": 1e6}) == pytest.approx(1.0)  # no overflow


def _model(threshold: float = 0.5) -> SalienceModel:
    return SalienceModel({"ASSAULT": TypeModel({"bias": -2.0, "det": 1.0, "w=امس": 2.0}, threshold)}, {})


def test_stage_scores_the_types_the_model_knows_and_says_why() -> None:
    text = f"{ATTACK} {MEETING}"
    doc = RULES_ONLY(Article(doc_id="t", text=text, published="2024-05-02"))
    by_type = {e.type: e for e in doc.events}
    assert {"ASSAULT", "CONSULT"} <= by_type.keys()
    salience(doc, _model())
    attack = by_type["ASSAULT"]
    assert attack.report_score == pytest.approx(1 / (1 + math.exp(-1.0)), abs=1e-4)
    assert attack.trace[-1].startswith("salience: report score 0.73, a report")
    assert by_type["CONSULT"].report_score is None
    assert doc.stages[-1] == "salience@1"
    # the same attack with no «أمس» scores lower and is called a mention at this threshold
    doc2 = RULES_ONLY(Article(doc_id="t", text=ATTACK.replace(" أمس", ""), published="2024-05-02"))
    salience(doc2, _model())
    (a2,) = [e for e in doc2.events if e.type == "ASSAULT"]
    assert a2.report_score == pytest.approx(0.2689, abs=1e-4) and "a mention" in a2.trace[-1]


def test_default_pipeline_scores_with_the_shipped_model() -> None:
    doc = Pipeline()(Article(doc_id="t", text=ATTACK, published="2024-05-02"))
    (attack,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert attack.report_score is not None and 0.0 < attack.report_score < 1.0
    m = default_model()
    assert "ASSAULT" in m.types and 0.0 < m.types["ASSAULT"].threshold < 1.0
    assert doc.stages[-2] == f"salience@1:{m.digest}" and len(m.digest) == 12  # which model scored it
    kept = m.info["types"]["ASSAULT"]
    assert kept["kept"] and kept["cv_f1"] >= kept["rules_f1"] + 0.01


def test_another_model_through_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mine.json"
    write_model(_model(0.9), path)
    monkeypatch.setenv(MODEL_ENV, str(path))
    doc = Pipeline()(Article(doc_id="t", text=ATTACK, published="2024-05-02"))
    (attack,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert attack.report_score == pytest.approx(1 / (1 + math.exp(-1.0)), abs=1e-4)  # _model's weights
    assert "a mention (threshold 0.90" in attack.trace[-1]
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "gone.json"))
    with pytest.raises(ResourceError, match=r"gone\.json"):
        default_model()


def _synthetic(n: int = 60) -> list[Example]:
    """The rules detect every item; reports carry «a», non-reports «b»; every fifth item the other word too."""
    out = []
    for i in range(n):
        y = i % 3 == 0
        f = {"bias": 1.0, "det": 1.0, ("a" if y else "b"): 1.0, f"id{i}": 1.0}
        if i % 5 == 0:
            f["b" if y else "a"] = 1.0
        out.append(Example(f, y))
    return out


def test_fit_learns_the_direction_and_drops_rare_features() -> None:
    w = fit(_synthetic(), Params(min_count=2))
    assert w["a"] > 0 > w["b"]
    assert not any(k.startswith("id") for k in w)  # each seen once: below min_count


def test_folds_keep_articles_together_and_deal_reports_evenly() -> None:
    # 30 articles of two sentences; the ten with a report come first, so that a plain deal would bunch them
    ex = [Example({"bias": 1.0}, g < 10 and k == 0, f"art{g}") for g in range(30) for k in range(2)]
    fold = folds_of(ex, 5, seed=3)
    assert all(fold[2 * g] == fold[2 * g + 1] for g in range(30))  # an article never spans two folds
    assert sorted(sum(1 for x, f in zip(ex, fold, strict=True) if f == k and x.report) for k in range(5)) == [2] * 5
    assert fold == folds_of(ex, 5, seed=3) and fold != folds_of(ex, 5, seed=4)


def test_out_of_fold_learns_nothing_of_the_held_out_items() -> None:
    # labels at random and a feature unique to each item: a model that saw an item would recall its label;
    # out of fold, every item of a fold gets the same probability (only what the others share is known)
    rnd = random.Random(5)
    ex = [Example({"bias": 1.0, f"id{i}": 1.0}, rnd.random() < 0.3) for i in range(50)]
    probs = out_of_fold(ex, Params(min_count=1), seed=1)
    fold = folds_of(ex, Params().folds, seed=1)
    for k in range(Params().folds):
        assert len({round(p, 9) for p, f in zip(probs, fold, strict=True) if f == k}) == 1


def test_cross_validation_needs_both_kinds_in_every_fold() -> None:
    ex = _synthetic()
    assert can_cross_validate(ex, 5)  # 20 reports, 40 others
    assert not can_cross_validate(ex[:27], 5)  # 9 reports: fewer than two per fold
    said = cross_validated(ex, Params(min_count=1))
    clean = [s == x.report for i, (s, x) in enumerate(zip(said, ex, strict=True)) if i % 5]
    assert all(clean) and len(clean) == 48  # every item carrying one word only, judged by a model without it
    # ten reports all at the start: stratified folds still give every fold two, and training succeeds
    skewed = [Example({"bias": 1.0, "det": 1.0, "a" if i < 10 else "b": 1.0}, i < 10) for i in range(210)]
    _, reports = train_model({"ASSAULT": skewed})
    assert reports["ASSAULT"].sentences == 210 and reports["ASSAULT"].reports == 10


def test_train_model_keeps_a_type_only_if_it_beats_the_rules() -> None:
    # the rules («det») already get every label right: a model cannot beat them, so none is kept
    perfect = [Example({**{k: v for k, v in x.features.items() if k != "det"}, **({"det": 1.0} if x.report else {})},
                       x.report) for x in _synthetic()]
    model, reports = train_model({"ASSAULT": perfect})
    assert not model.types and not reports["ASSAULT"].kept and reports["ASSAULT"].rules_f1 == 1.0
    # the rules call everything a report; the words tell them apart
    noisy = _synthetic()
    model, reports = train_model({"ASSAULT": noisy, "PROTEST": noisy[:20]})
    assert reports["ASSAULT"].kept and set(model.types) == {"ASSAULT"}  # PROTEST: too few to cross-validate
    info = model.info["types"]["ASSAULT"]
    assert info["cv_f1"] > info["rules_f1"] and info["cv_range"][0] <= info["cv_f1"] <= info["cv_range"][1]
    assert Params.from_json(model.info["params"]) == Params()


def test_model_file_round_trip_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "m" / "salience.json"
    write_model(_model(0.35), path)
    assert not list(path.parent.glob("*.tmp"))
    back = read_model(path)
    assert back.types["ASSAULT"].threshold == 0.35 and back.types["ASSAULT"].weights["w=امس"] == 2.0
    with pytest.raises(ResourceError, match=r"no salience model at .*missing\.json"):
        read_model(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    good = {"version": "salience@1", "types": {"ASSAULT": {"threshold": 0.3, "weights": {"bias": -1.0}}}}
    for broken, why in [({"types": {"ASSAULT": {"weights": {}}}}, "version"),
                        ({**good, "types": {"ASSAULT": {"weights": {}}}}, "threshold"),
                        ({**good, "types": {"ASSAULT": {"threshold": 7, "weights": {}}}}, "not between 0 and 1"),
                        ({**good, "types": {"ASSAULT": {"threshold": 0.3, "weights": {"a": float("nan")}}}}, "finite"),
                        ({**good, "types": {"ASSAULT": {"threshold": 0.3, "words": "false", "weights": {}}}},
                         "true or false")]:
        bad.write_text(json.dumps(broken), encoding="utf-8")
        with pytest.raises(ResourceError, match=rf"bad\.json: not a salience model.*{why}"):
            read_model(bad)
    bad.write_text(json.dumps(good), encoding="utf-8")
    assert len(read_model(bad).digest) == 12


def test_eval_counts_a_sentence_only_when_rules_and_model_agree() -> None:
    sents = [Sentence("s1", "ASSAULT", "yes", ATTACK), Sentence("s2", "ASSAULT", "easy no", ATTACK.replace(" أمس", "")),
             Sentence("s3", "ASSAULT", "yes", NO_ATTACK)]
    cache = {s.text: _events(s.text) for s in sents}
    (d,) = salience_detection(sents, lambda text, sid: cache[text], {"asserted"}, model=_model())["ASSAULT"]
    # s1: rules and model (0.73); s2: rules but the model says mention (0.27); s3: the model cannot revive it
    assert (d.tp, d.fp, d.fn, d.tn) == (1, 0, 1, 1)
