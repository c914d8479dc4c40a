"""Building a model directory from a training file and raw news (rasd.ner.build)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from rasd.ner.build import train_model
from rasd.ner.model import TAGDIST_FILE
from rasd.ner.neural import VECTORS_FILE
from rasd.ner.selftrain import read_flags


def test_news_table_relearned_with_the_clusters_kept(tmp_path: Path) -> None:
    rows = [("زار", "O"), ("سمير", "B-PER"), ("القاهرة", "B-LOC"), ("أمس", "O")]
    other = [("قال", "O"), ("المتحدث", "O"), ("إن", "O"), ("لبنان", "B-LOC"), ("بخير", "O")]
    train = tmp_path / "train.txt"
    block = "".join(f"{t} {g}\n" for t, g in rows) + "\n" + "".join(f"{t} {g}\n" for t, g in other) + "\n"
    train.write_text(block * 4, encoding="utf-8")
    news = tmp_path / "news"
    (news / "saudinewsnet").mkdir(parents=True)
    article = {"title": "زيارة", "content": "زار سمير القاهرة أمس. وقال المتحدث إن لبنان بخير. " * 3}
    with zipfile.ZipFile(news / "saudinewsnet" / "day.zip", "w") as z:
        z.writestr("day.json", json.dumps([article], ensure_ascii=False))
    out = tmp_path / "model"
    train_model(train, out, news=news, stacked=False, relearn_clusters=False)
    table = read_flags(out / TAGDIST_FILE)
    assert "القاهره" in table and "hLOC=3" in table["القاهره"]  # tagged LOC every time it was met
    assert not (out / VECTORS_FILE).exists()  # only a network needs word vectors
