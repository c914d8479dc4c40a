"""The neural part of the NER model: inputs, document features, decoding, and the ONNX round trip."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from rasd.ner.clusters import read_vectors, write_vectors
from rasd.ner.model import blend_decode
from rasd.ner.neural import (
    N_DENSE,
    N_PIECES,
    NET_FILE,
    NET_META,
    TAGS,
    VECTORS_FILE,
    NetInputs,
    allowed_transitions,
    doc_features,
    document_inputs,
    read_net_inputs,
    viterbi,
    word_pieces,
)
from rasd.text import norm


def _logp(rows: list[dict[str, float]]) -> np.ndarray:
    p = np.full((len(rows), len(TAGS)), 1e-3, dtype=np.float32)
    for k, r in enumerate(rows):
        for t, v in r.items():
            p[k, TAGS.index(t)] = v
    return np.log(p)


def test_viterbi_keeps_bio_valid() -> None:
    # the best tag of each token alone would be O I-ORG: not valid BIO
    logp = _logp([{"O": 0.6, "B-ORG": 0.4}, {"I-ORG": 0.9, "O": 0.1}])
    assert viterbi(logp) == ["B-ORG", "I-ORG"]
    assert viterbi(_logp([{"I-PER": 0.9, "B-PER": 0.1}])) == ["B-PER"]
    assert viterbi(np.zeros((0, len(TAGS)))) == []


def test_allowed_transitions() -> None:
    ok = allowed_transitions()
    assert ok[TAGS.index("B-LOC"), TAGS.index("I-LOC")]
    assert not ok[TAGS.index("B-LOC"), TAGS.index("I-PER")]
    assert not ok[TAGS.index("O"), TAGS.index("I-MISC")]
    assert ok[TAGS.index("I-ORG"), TAGS.index("B-ORG")]


def test_blend_decode_weighs_the_network() -> None:
    net = np.exp(_logp([{"B-PER": 0.8, "O": 0.2}]))
    crf = np.exp(_logp([{"O": 0.9, "B-PER": 0.1}]))
    assert blend_decode((net, crf), (1.0, 0.0)) == ["B-PER"]
    assert blend_decode((net, crf), (0.3, 0.7)) == ["O"]
    assert blend_decode((net[:0], crf[:0]), (0.5, 0.5)) == []


def test_doc_features_count_other_sentences_in_the_window() -> None:
    sents = [["وصل", "عمرو", "إلى", "بيروت"], ["وقال", "عمرو", "كلمته"], ["ثم", "غادر", "وعمرو"]]
    tags = [["O", "B-PER", "O", "B-LOC"], ["O", "B-PER", "O"], ["O", "O", "O"]]
    f = doc_features(sents, tags, None)
    assert [a.shape for a in f] == [(4, 6), (3, 6), (3, 6)]
    # عمرو in the first sentence: PER once and O once (وعمرو, proclitic stripped) in the others
    assert f[0][1, :5].tolist() == pytest.approx([0.5, 0.5, 0, 0, 0])
    assert f[0][1, 5] == pytest.approx(np.log1p(2))
    assert f[0][3].tolist() == [0] * 6  # بيروت is nowhere else
    near = doc_features(sents, tags, 1)
    assert near[0][1, :5].tolist() == pytest.approx([0, 1, 0, 0, 0])  # the third sentence is out of the window


def test_vectors_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    vec = rng.normal(size=(3, 5))
    write_vectors(["مصر", "تونس", "ليبيا"], vec, tmp_path / "v.npz")
    words, back = read_vectors(tmp_path / "v.npz")
    assert words == ["مصر", "تونس", "ليبيا"]
    unit = vec / np.linalg.norm(vec, axis=1, keepdims=True)
    assert np.abs(back - unit).max() < 0.03


def test_net_inputs_find_a_vector_under_a_proclitic() -> None:
    inputs = NetInputs([norm("القاهرة"), norm("مصر")], np.eye(2, 4, dtype=np.float32), ["w:مصر", "s:ر"])
    row, chars, flags = inputs.word("والقاهرة")
    assert row == 1 and flags[1] == 1 and flags[0] == 0
    assert chars.shape == (N_PIECES,) and chars.tolist() == [1] * N_PIECES  # no piece of it is known
    assert inputs.word("مصر")[1].tolist() == [2, 1, 1, 1, 3, 1, 1]
    row, _, flags = inputs.word("طرابلس")
    assert row == 0 and flags[0] == 1
    assert inputs.word("2024")[2][2] == 1
    rows, ch, dense = inputs.sentence(["مصر", "و", "2024"], np.ones((3, len(TAGS))), np.zeros((3, 6)))
    assert rows.tolist() == [2, 0, 0] and ch.shape == (3, N_PIECES) and dense.shape == (3, N_DENSE)
    feed = inputs.batch([(rows, ch, dense), (rows[:1], ch[:1], dense[:1])])
    assert feed["emb"].shape == (2, 3, 4) and feed["mask"][:, :, 0].tolist() == [[1, 1, 1], [1, 0, 0]]


def test_trained_network_runs_the_same_in_onnxruntime(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime")
    from rasd.ner.neural import NerNet
    from rasd.ner.neural_train import export_net, predict, train_net

    sents = [["زار", "سمير", "القاهرة", "أمس"], ["قال", "المتحدث", "إن", "لبنان", "بخير"]] * 6
    gold = [["O", "B-PER", "B-LOC", "O"], ["O", "O", "O", "B-LOC", "O"]] * 6
    words = sorted({w for s in sents for w in s})
    write_vectors(words, np.random.default_rng(0).normal(size=(len(words), 6)), tmp_path / VECTORS_FILE)
    chars = sorted({c for s in sents for w in s for c in word_pieces(norm(w))})
    (tmp_path / NET_META).write_text(json.dumps({"pieces": chars}), encoding="utf-8")
    inputs = read_net_inputs(tmp_path)
    marg = [np.full((len(s), len(TAGS)), 1 / len(TAGS), dtype=np.float32) for s in sents]
    items = document_inputs(inputs, sents, marg, 15)
    params = {"epochs": 30, "hidden": 16, "dropout": 0.0, "lr": 0.01, "batch": 4}
    net = train_net(inputs, items, gold, len(chars), params)
    export_net(net, inputs.dim, tmp_path / NET_FILE)
    probs = NerNet(tmp_path).probabilities(items)
    same = predict(net, inputs, items)
    assert max(float(np.abs(p - q).max()) for p, q in zip(probs, same, strict=True)) < 1e-4
    assert viterbi(np.log(probs[0])) == gold[0]
    assert viterbi(np.log(probs[1])) == gold[1]
    # a model directory whose network takes the second stage's place
    from rasd.ner.model import FIRST_FILE, NerTagger, make_extractor
    from rasd.ner.train import train_crf

    data = [list(zip(s, g, strict=True)) for s, g in zip(sents, gold, strict=True)]
    train_crf(data, make_extractor(tmp_path), tmp_path / FIRST_FILE, progress=lambda _m: None)
    (tmp_path / "ner.json").write_text(json.dumps({"net": True, "blend": 0.5, "window": 15}), encoding="utf-8")
    tagger = NerTagger(tmp_path)
    assert tagger.tag_sentences([sents[0], [], sents[1]]) == [gold[0], [], gold[1]]


def test_training_without_torch_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from rasd.errors import RasdError
    from rasd.ner.neural_train import require_torch

    monkeypatch.setitem(sys.modules, "torch", None)
    with pytest.raises(RasdError, match=r"pip install -e \".\[train\]\""):
        require_torch()


def test_tagging_does_not_import_torch() -> None:
    import subprocess
    import sys

    code = ("import sys\nfrom rasd.ner.model import default_tagger\n"
            "print(default_tagger().tag(['زار', 'الرئيس', 'المصري', 'باريس', 'أمس']))\n"
            "assert 'torch' not in sys.modules\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_train_model_builds_a_network_model(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime")
    from rasd.ner.build import train_model
    from rasd.ner.model import SECOND_FILE, NerTagger

    rows = [("زار", "O"), ("سمير", "B-PER"), ("القاهرة", "B-LOC"), ("أمس", "O")]
    other = [("قال", "O"), ("المتحدث", "O"), ("إن", "O"), ("لبنان", "B-LOC"), ("بخير", "O")]
    train = tmp_path / "train.txt"
    train.write_text("".join(f"{t} {g}\n" for t, g in rows) + "\n" + "".join(f"{t} {g}\n" for t, g in other)
                     + "\n", encoding="utf-8")
    train.write_text(train.read_text(encoding="utf-8") * 4, encoding="utf-8")
    out = tmp_path / "model"
    words = sorted({norm(t) for t, _ in rows + other})
    write_vectors(words, np.random.default_rng(2).normal(size=(len(words), 6)), out / VECTORS_FILE)
    train_model(train, out, net=True, net_params={"epochs": 2, "hidden": 8})
    config = json.loads((out / "ner.json").read_text(encoding="utf-8"))
    assert config["net"] and not config["stacked"] and not (out / SECOND_FILE).exists()
    meta = json.loads((out / NET_META).read_text(encoding="utf-8"))
    assert (out / NET_FILE).exists() and meta["params"]["hidden"] == 8
    tags = NerTagger(out).tag_sentences([[t for t, _ in rows]])
    assert len(tags[0]) == len(rows)
