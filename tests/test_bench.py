"""Tests for rasd.bench and `rasd bench`: the figures come back with the expected keys (their values are not judged)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rasd import bench
from rasd.cli import main
from rasd.doc import make_doc
from rasd.pipeline import DEFAULT_STAGES
from rasd.records import Article

TEXTS = [
    "قال وزير الخارجية التركي اليوم الخميس إن أنقرة مستعدة للحوار مع بغداد بشأن أمن الحدود المشتركة.",
    "قصفت الطائرات الحربية السورية بلدة سراقب في ريف إدلب أمس ما أدى إلى مقتل 5 مدنيين.",
    "أعلنت وزارة الدفاع الروسية أنها رصدت 12 حالة انتهاك لنظام وقف إطلاق النار في محافظتي حلب وإدلب.",
    "تظاهر مئات من أهالي مدينة درعا اليوم احتجاجا على غلاء الأسعار.",
]
ARTICLES = [Article(doc_id=f"t{i}", text=t, published="2024-03-07") for i, t in enumerate(TEXTS)]
THROUGHPUT_KEYS = {"processes", "articles", "tokens", "failed", "seconds", "articles_per_s", "tokens_per_s", "peak_mb"}


def test_stage_times_name_every_stage() -> None:
    times = bench.stage_times(ARTICLES)
    assert list(times) == ["make_doc", *(s.name for s in DEFAULT_STAGES)]
    assert all(isinstance(v, float) and v >= 0 for v in times.values())


def test_throughput_in_one_and_two_processes() -> None:
    for processes in (1, 2):
        r = bench.throughput(ARTICLES, processes)
        assert set(r) == THROUGHPUT_KEYS
        assert r["processes"] == processes and r["articles"] == len(ARTICLES) and r["failed"] == 0
        assert r["tokens"] > 0 and r["peak_mb"] > 0


def test_sized_texts_are_cut_to_length() -> None:
    docs = bench.sized_texts(ARTICLES, 300, 3)
    assert len(docs) == 3 and all(250 <= len(d.text) <= 300 for d in docs)
    assert docs[0].text.startswith(TEXTS[0]) and docs[1].text.startswith(TEXTS[1])


def test_length_scaling_keys() -> None:
    out = bench.length_scaling(ARTICLES, lengths=(200, 400), chars=800)
    assert list(out) == [200, 400]
    assert all(set(r) == {"articles", "failed", "seconds", "articles_per_s", "chars_per_s"} for r in out.values())


def test_sample_articles_takes_from_every_file(tmp_path: Path) -> None:
    for name, texts in (("a.jsonl", TEXTS[:2]), ("b.jsonl", TEXTS[2:])):
        lines = [json.dumps({"doc_id": f"{name}{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [a.doc_id for a in bench.sample_articles(tmp_path, 3)] == ["a.jsonl0", "b.jsonl0", "a.jsonl1"]


def test_bench_command_prints_the_figures(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in TEXTS) + "\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["bench", str(path), "--n", "4", "--processes", "2", "--no-lengths"])
    assert r.exit_code == 0, r.output
    for words in ("time per stage", "articles/s", "tokens/s", "speedup", "NER tagger", "peak memory"):
        assert words in r.output


def test_ner_speed_counts_the_sentences_tokens() -> None:
    r = bench.ner_speed(ARTICLES)
    assert r["tokens"] == sum(len(make_doc(a).tokens) for a in ARTICLES)
    assert r["first_tokens_per_s"] > 0 and r["again_tokens_per_s"] > 0
