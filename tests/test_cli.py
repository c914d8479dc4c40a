"""The command line: formats, JSONL, encodings and one-line errors for bad input."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import main

ARTICLE = "قال وزير الخارجية التركي اليوم الخميس إن أنقرة مستعدة للحوار مع بغداد."


@pytest.fixture()
def cli() -> CliRunner:
    return CliRunner()


def test_extract_gold_format_has_gold_fields_and_verbatim_evidence(cli, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = cli.invoke(main, ["extract", str(f), "--published", "2024-03-07", "--format", "gold"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert set(out) >= {"doc_id", "source", "url", "published", "title", "text", "events", "statements",
                        "aggregates"}
    assert out["published"] == "2024-03-07"
    for rec in out["events"] + out["statements"]:
        assert rec["evidence"] in out["text"]
    assert out["statements"][0]["speaker"]["code"] == "TUR"


def test_extract_json_keeps_offsets(cli, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    out = json.loads(cli.invoke(main, ["extract", str(f)]).output)
    for m in out["mentions"]:
        assert out["text"][m["start"] : m["end"]] == m["text"]


def test_extract_text_format_is_readable(cli, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = cli.invoke(main, ["extract", str(f), "--format", "text", "--published", "2024-03-07"])
    assert "Statements (1)" in r.output and "TUR" in r.output


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1256"])
def test_extract_reads_other_encodings(cli, tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(ARTICLE.encode(encoding))
    out = json.loads(cli.invoke(main, ["extract", str(f), "--format", "gold"]).output)
    assert out["text"] == ARTICLE


def test_extract_jsonl_bad_line_is_reported_and_others_processed(cli, tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    good = json.dumps({"doc_id": "a", "text": ARTICLE, "published": "2024-03-07"}, ensure_ascii=False)
    f.write_text(good + "\n{not json\n" + good.replace('"a"', '"b"') + "\n", encoding="utf-8")
    r = cli.invoke(main, ["extract", str(f), "--format", "gold"])
    assert r.exit_code == 2
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["doc_id"] for x in lines] == ["a", "b"]
    assert f"{f}:2:" in r.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "file is empty"),
        ("binary.bin", bytes(range(256)) * 4, "binary file"),
        ("notext.json", b'{"doc_id": "x", "title": "t"}', "no 'text' field"),
    ],
)
def test_extract_bad_input_is_one_line_error(cli, tmp_path: Path, name: str, content: bytes, message: str) -> None:
    f = tmp_path / name
    f.write_bytes(content)
    r = cli.invoke(main, ["extract", str(f)])
    assert r.exit_code == 2
    err = r.stderr.strip()
    assert len(err.splitlines()) == 1 and str(f) in err and message in err
    assert "Traceback" not in r.output


def test_extract_bad_published_date(cli, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = cli.invoke(main, ["extract", str(f), "--published", "yesterday"])
    assert r.exit_code == 2 and "--published" in r.stderr


def test_every_command_has_help(cli) -> None:
    for args in (["--help"], ["extract", "--help"], ["eval", "--help"], ["eval", "articles", "--help"]):
        r = cli.invoke(main, args)
        assert r.exit_code == 0 and "Usage" in r.output


def test_extract_explain_shows_the_rules(cli, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("اتهمت إيران الولايات المتحدة بتقويض الاتفاق.", encoding="utf-8")
    r = cli.invoke(main, ["extract", str(f), "--format", "text", "--explain"])
    assert "· trigger «" in r.output and "triggers.tsv" in r.output
    assert "· actor:" in r.output and "· speaker:" in r.output
