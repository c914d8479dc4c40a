"""Tests for parallel extraction (rasd.batch) and `rasd ingest --workers`: the same records as one process."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.batch import process_articles
from rasd.cli import main
from rasd.errors import PipelineError
from rasd.output import doc_to_json
from rasd.pipeline import Pipeline
from rasd.records import Article

TEXTS = [
    "قال وزير الخارجية التركي اليوم الخميس إن أنقرة مستعدة للحوار مع بغداد بشأن أمن الحدود المشتركة.",
    "قصفت الطائرات الحربية السورية بلدة سراقب في ريف إدلب أمس ما أدى إلى مقتل 5 مدنيين.",
    "أعلنت وزارة الدفاع الروسية أنها رصدت 12 حالة انتهاك لنظام وقف إطلاق النار في محافظتي حلب وإدلب.",
    "تظاهر مئات من أهالي مدينة درعا اليوم احتجاجا على غلاء الأسعار.",
    "دعا الرئيس الفرنسي إلى وقف فوري لإطلاق النار في غزة، وقال إن بلاده ستقدم مساعدات إنسانية.",
    "اجتمع وزير الخارجية الأردني مع نظيره المصري في القاهرة لبحث الأوضاع في المنطقة.",
    "أفاد المرصد السوري لحقوق الإنسان بمقتل ثلاثة عناصر من قوات النظام في هجوم على حاجز قرب دير الزور.",
]
ARTICLES = [Article(doc_id=f"b{i}", text=t, source="وكالة", published="2024-03-07") for i, t in enumerate(TEXTS)]


def _records(docs: list[object]) -> list[dict[str, object]]:
    out = []
    for d in docs:
        assert not isinstance(d, PipelineError), d
        out.append(doc_to_json(d))  # type: ignore[arg-type]
    return out


def test_workers_give_the_same_records_in_input_order() -> None:
    nlp = Pipeline()
    expected = [doc_to_json(nlp(a)) for a in ARTICLES]
    assert any(r["events"] for r in expected)
    assert _records(list(process_articles(ARTICLES, 1))) == expected
    assert _records(list(process_articles(ARTICLES, 2, chunksize=2))) == expected


def test_a_failing_article_is_yielded_as_a_pipeline_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd import batch

    def broken(article: Article) -> object:
        raise PipelineError("events", article.doc_id, ValueError("boom"))

    class Broken:
        def __call__(self, article: Article) -> object:
            return broken(article)

    monkeypatch.setattr(batch, "Pipeline", Broken)
    out = list(batch.process_articles(ARTICLES[:2], 1))
    assert all(isinstance(o, PipelineError) for o in out)
    failure = batch._Failure("events", "b0", "ValueError('boom')")
    assert str(failure.error()) == "stage 'events' failed on article 'b0': ValueError('boom')"


def _rows(db: Path, skip: tuple[str, ...] = ("ingested_at",)) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        out = {}
        for table in ("articles", "events", "event_mentions", "statements", "aggregates", "mentions"):
            cols = [r[1] for r in conn.execute(f"pragma table_info({table})") if r[1] not in skip]
            out[table] = conn.execute(f"select {', '.join(cols)} from {table} order by 1").fetchall()
        return out
    finally:
        conn.close()


def test_ingest_with_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({**a.meta(), "text": a.text}, ensure_ascii=False) for a in ARTICLES]
    lines.insert(3, '{"text": 1}')  # a bad line is reported, the others are stored
    lines.append(lines[0])  # the same article twice: stored once
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runner = CliRunner()
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    r1 = runner.invoke(main, ["ingest", str(path), "--db", str(one), "--no-progress"])
    r2 = runner.invoke(main, ["ingest", str(path), "--db", str(two), "--no-progress", "--workers", "2"])
    assert r1.exit_code == r2.exit_code == 2
    summary = f"{len(ARTICLES) + 1} read, {len(ARTICLES)} stored, 1 already stored"
    assert summary in r1.output and summary in r2.output
    rows1, rows2 = _rows(one), _rows(two)
    assert rows1["events"] and rows1 == rows2
    again = runner.invoke(main, ["ingest", str(path), "--db", str(two), "--no-progress", "--workers", "2"])
    assert f"0 stored, {len(ARTICLES) + 1} already stored" in again.output


def _jsonl(path: Path) -> Path:
    lines = [json.dumps({**a.meta(), "text": a.text}, ensure_ascii=False) for a in ARTICLES]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_process_local_writes_parquet_that_ingest_stores_as_extraction_would(tmp_path: Path) -> None:
    from rasd.partitions import read_records

    src = _jsonl(tmp_path / "news.jsonl")
    runner = CliRunner()
    out = tmp_path / "parts"
    r = runner.invoke(main, ["process", str(src), "--out", str(out), "--workers", "2", "--partition-size", "3"])
    assert r.exit_code == 0, r.output
    rows = read_records(out)
    nlp = Pipeline()
    assert [row["doc_id"] for row in rows] == [a.doc_id for a in ARTICLES]
    for row, a in zip(rows, ARTICLES, strict=True):
        expected = doc_to_json(nlp(a))
        assert row["error"] is None and row["records"] == {k: expected[k] for k in row["records"]}
    direct, loaded = tmp_path / "direct.db", tmp_path / "loaded.db"
    assert runner.invoke(main, ["ingest", str(src), "--db", str(direct), "--no-progress"]).exit_code == 0
    assert runner.invoke(main, ["ingest", str(out), "--db", str(loaded), "--no-progress"]).exit_code == 0
    skip = ("ingested_at", "origin")  # origin: the JSONL file, or the Parquet part it was loaded from
    assert _rows(direct, skip) == _rows(loaded, skip)


def test_dask_local_cluster_gives_the_same_records_as_the_local_path(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from rasd.dask_engine import run_dask
    from rasd.partitions import read_records, run_local

    local = run_local(ARTICLES, tmp_path / "local", workers=1, partition_size=3)
    dask = run_dask(ARTICLES, tmp_path / "dask", workers=2, partition_size=3)
    assert len(local) == len(dask) == 3
    rows = read_records(tmp_path / "dask")
    assert rows == read_records(tmp_path / "local")
    assert [r["doc_id"] for r in rows] == [a.doc_id for a in ARTICLES] and any(r["records"]["events"] for r in rows)


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="the generator below is a closure: it needs the fork start method")
def test_bounded_imap_reads_no_further_than_its_window() -> None:
    import multiprocessing as mp

    from rasd.batch import bounded_imap

    pulled = []

    def items():
        for i in range(100):
            pulled.append(i)
            yield -i

    with mp.get_context("fork").Pool(2) as pool:
        results = bounded_imap(pool, abs, items(), window=4)
        assert next(results) == 0 and len(pulled) == 4  # Pool.imap would have queued all 100
        assert list(results) == list(range(1, 100))
