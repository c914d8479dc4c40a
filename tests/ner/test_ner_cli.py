"""`rasd ner`, `rasd eval ner` and `rasd train ner` from the command line (click's CliRunner)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import main

SAMPLE = "قال O\nالرئيس O\nاللبناني O\nميشال B-PERS\nعون I-PERS\nفي O\nبيروت B-LOC\n. O\n\nوصل O\nالوفد O\n. O\n"


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    f = tmp_path / "sample.txt"
    f.write_text(SAMPLE, encoding="utf-8")
    return f


def test_ner_writes_conlleval_input(sample: Path, tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["ner", str(sample)])
    assert r.exit_code == 0, r.output
    lines = r.output.split("\n")
    assert lines[0].split()[:2] == ["قال", "O"] and len(lines[0].split()) == 3
    assert lines[3].split()[:2] == ["ميشال", "B-PER"]
    assert lines[8] == ""  # the sentence break is kept
    out = tmp_path / "out.txt"
    r = CliRunner().invoke(main, ["ner", str(sample), "-o", str(out)])
    assert r.exit_code == 0 and r.output == ""
    assert out.read_text(encoding="utf-8").split("\n")[6].split()[:2] == ["بيروت", "B-LOC"]


def test_eval_ner_table_and_json(sample: Path) -> None:
    r = CliRunner().invoke(main, ["eval", "ner", str(sample)])
    assert r.exit_code == 0, r.output
    assert "micro" in r.output and "tokens/s" in r.output
    r = CliRunner().invoke(main, ["eval", "ner", str(sample), "--format", "json"])
    data = json.loads(r.output)
    assert data["micro"]["gold"] == 2 and data["tokens"] == 11 and data["sentences"] == 2
    assert set(data["micro"]) >= {"precision", "recall", "f1"}


def test_eval_ner_scores_a_predicted_file(tmp_path: Path) -> None:
    f = tmp_path / "pred.txt"
    f.write_text("زار O O\nسمير B-PER B-PER\nدمشق B-LOC B-ORG\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["eval", "ner", str(f), "--predicted", "--format", "json"])
    data = json.loads(r.output)
    assert data["micro"]["tp"] == 1 and data["micro"]["gold"] == 2 and data["micro"]["predicted"] == 2
    assert data["per_type"]["PER"]["f1"] == 100.0


def test_eval_ner_with_another_model(sample: Path, tmp_path: Path) -> None:
    from rasd.ner.model import CONFIG_FILE, MODEL_DIR, SECOND_FILE

    model = tmp_path / "model"
    shutil.copytree(MODEL_DIR, model)
    config = json.loads((model / CONFIG_FILE).read_text(encoding="utf-8"))
    (model / CONFIG_FILE).write_text(json.dumps({**config, "stacked": False}), encoding="utf-8")
    (model / SECOND_FILE).unlink()  # the first stage alone: the second is not opened
    r = CliRunner().invoke(main, ["eval", "ner", str(sample), "--model", str(model), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["micro"]["gold"] == 2
    r = CliRunner().invoke(main, ["ner", str(sample), "--model", str(model)])
    assert r.exit_code == 0 and r.output.split("\n")[3].split()[:2] == ["ميشال", "B-PER"]
    r = CliRunner().invoke(main, ["eval", "ner", str(sample), "--model", str(tmp_path / "none")])
    assert r.exit_code == 2


def test_bad_file_is_one_line(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_text("كلمة\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["eval", "ner", str(f)])
    assert r.exit_code == 2
    assert "line 1" in r.output and "Traceback" not in r.output


def test_train_ner_help() -> None:
    r = CliRunner().invoke(main, ["train", "ner", "--help"])
    assert r.exit_code == 0 and "--wikiann" in r.output and "--out" in r.output and "--no-net" in r.output


def test_train_ner_keep_clusters_needs_news(tmp_path: Path) -> None:
    # --train and --out in tmp_path: were the check gone, the shipped model would not be overwritten
    train = tmp_path / "train.txt"
    train.write_text("زار O\nسمير B-PER\nالقاهرة B-LOC\n\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["train", "ner", "--keep-clusters", "--train", str(train),
                                  "--out", str(tmp_path / "model")])
    assert r.exit_code == 2 and "--keep-clusters applies only with --news" in r.output
