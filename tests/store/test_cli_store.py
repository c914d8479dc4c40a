"""Tests for `rasd ingest`, `rasd watch` and `rasd query` on a temporary SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import main

ARTICLES = [
    {"doc_id": "a1", "source": "وكالة أ", "published": "2024-03-07",
     "text": "قصفت الطائرات الحربية السورية بلدة سراقب في ريف إدلب اليوم ما أدى إلى مقتل 5 مدنيين."},
    {"doc_id": "a2", "source": "وكالة ب", "published": "2024-03-07",
     "text": "قصفت الطائرات السورية بلدة سراقب في ريف إدلب اليوم وقتلت خمسة مدنيين، بحسب الدفاع المدني."},
    {"doc_id": "a3", "source": "وكالة ب", "published": "2024-03-07",
     "text": "تظاهر مئات من أهالي مدينة درعا اليوم احتجاجا على غلاء الأسعار."},
]


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES] + ['{"text": 1}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_then_reingest_then_query(jsonl: Path, sqlite_db: str) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(jsonl), "--db", sqlite_db, "--no-progress"])
    assert first.exit_code == 2  # the bad last line
    assert "news.jsonl:4: field 'text' must be a string" in first.stderr
    assert "3 read, 3 stored, 0 already stored" in first.stderr and "articles/s" in first.stderr

    again = runner.invoke(main, ["ingest", str(jsonl), "--db", sqlite_db, "--no-progress"])
    assert "3 read, 0 stored, 3 already stored" in again.stderr

    table = runner.invoke(main, ["query", "--db", sqlite_db, "--type", "assault"])
    assert table.exit_code == 0, table.output
    header, *rows = table.stdout.strip().split("\n")
    assert header.split()[:3] == ["id", "type", "date"]
    assert len(rows) == 1 and "SY-ID" in rows[0]

    js = runner.invoke(main, ["query", "--db", sqlite_db, "--format", "json", "--admin1", "SY-ID", "--reports"])
    (event,) = [json.loads(line) for line in js.stdout.splitlines()]
    assert event["n_mentions"] >= 2 and event["n_sources"] == 2
    assert any(r["merge_reason"] for r in event["reports"])

    text = runner.invoke(main, ["query", "--db", sqlite_db, "--text", "الاسعار", "--format", "json"])
    assert [json.loads(x)["type"] for x in text.stdout.splitlines()] == ["PROTEST"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "--since", "أمس"], "--since: not a date (YYYY-MM-DD): 'أمس'"),
        (["ingest", "/no/such.txt"], "/no/such.txt: no such file"),
        (["ingest", "-", "--published", "x"], "--published: not a date (YYYY-MM-DD): 'x'"),
        (["query", "--db", "mysql://x/y"], "unsupported database 'mysql' in 'mysql://x/y': use a SQLite file or a "
         "postgresql:// URL"),
    ],
)
def test_errors_are_one_line(args: list[str], message: str, sqlite_db: str) -> None:
    if "--db" not in args:
        args = [*args, "--db", sqlite_db]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"rasd: error: {message}"


def test_query_empty_store(sqlite_db: str) -> None:
    result = CliRunner().invoke(main, ["query", "--db", sqlite_db])
    assert result.exit_code == 0 and result.stdout == "" and "no events match" in result.stderr


def test_watch_once_reads_local_feed(tmp_path: Path, sqlite_db: str) -> None:
    page = tmp_path / "1.html"
    page.write_text("<html><head><title>خبر</title></head><body><article><p>"
                    + ARTICLES[0]["text"] * 3 + "</p></article></body></html>", encoding="utf-8")
    feed = tmp_path / "feed.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>موقع</title><item><title>خبر</title>'
                    "<link>ftp://127.0.0.1/1.html</link></item></channel></rss>", encoding="utf-8")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# local feed\n{feed}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["watch", str(feeds), "--db", sqlite_db, "--once"])
    assert result.exit_code == 0, result.output
    assert "ftp://127.0.0.1/1.html: not an http(s) URL" in result.stderr
    assert f"{feed}: 0 read" in result.stderr and "1 failed" in result.stderr


def test_watch_needs_feeds(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# nothing\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["watch", str(feeds)])
    assert result.exit_code == 2 and "no feed URLs in the file" in result.stderr


def test_query_aggregates_side_by_side(tmp_path: Path, sqlite_db: str) -> None:
    path = tmp_path / "tolls.jsonl"
    texts = ["قال المرصد السوري لحقوق الإنسان إن 12 مدنيا قتلوا في قصف على ريف إدلب اليوم.",
             "أعلن الدفاع المدني مقتل 15 مدنيا في قصف على ريف إدلب اليوم."]
    path.write_text("\n".join(json.dumps({"doc_id": f"t{i}", "source": f"s{i}", "published": "2024-03-07",
                                          "text": t}, ensure_ascii=False) for i, t in enumerate(texts)) + "\n",
                    encoding="utf-8")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(path), "--db", sqlite_db, "--no-progress"])
    js = runner.invoke(main, ["query", "--db", sqlite_db, "--aggregates", "all", "--format", "json"])
    assert js.exit_code == 0, js.output
    groups = [json.loads(line) for line in js.stdout.splitlines()]
    values = sorted(r["value"] for g in groups for r in g["reports"])
    assert values == [12, 15]  # side by side, never 27
    table = runner.invoke(main, ["query", "--db", sqlite_db, "--aggregates", "all"])
    assert "12" in table.stdout and "15" in table.stdout and "27" not in table.stdout
    none = runner.invoke(main, ["query", "--db", sqlite_db, "--aggregates", "displaced"])
    assert none.exit_code == 0 and "no aggregates match" in none.stderr
