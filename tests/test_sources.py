"""Tests for rasd.sources: decoding input files and reading articles from them."""

from __future__ import annotations

import codecs
import io
import json
import random
import sys
from pathlib import Path

import pytest

from rasd.errors import InputError
from rasd.records import Article
from rasd.sources import decode_bytes, read_articles

SENTENCE = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة حمص."
SECOND = "وقال المتحدث باسم الوزارة إن المستشفى يضم مئة سرير."
TEXT = f"{SENTENCE}\n{SECOND}\n"


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _one(path: Path, **kwargs: str) -> Article:
    items = list(read_articles(path, **kwargs))
    assert len(items) == 1
    assert isinstance(items[0], Article)
    return items[0]


# --- decoding -------------------------------------------------------------------------------


NO_SPACES = "".join(TEXT.split())

ENCODINGS: dict[str, tuple[bytes, str]] = {
    "utf-8": (TEXT.encode("utf-8"), TEXT),
    "utf-8-bom": (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT),
    "utf-8-crlf": (TEXT.replace("\n", "\r\n").encode("utf-8"), TEXT),
    "utf-16-le-bom": (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT),
    "utf-16-be-bom": (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT),
    "utf-16-le": (TEXT.encode("utf-16-le"), TEXT),
    "utf-16-be": (TEXT.encode("utf-16-be"), TEXT),
    "utf-16-le-no-nul": (NO_SPACES.encode("utf-16-le"), NO_SPACES),
    "utf-16-be-no-nul": (NO_SPACES.encode("utf-16-be"), NO_SPACES),
    "utf-32-le-bom": (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), TEXT),
    "windows-1256": (TEXT.encode("cp1256"), TEXT),
    "windows-1256-crlf": (TEXT.replace("\n", "\r\n").encode("cp1256"), TEXT),
}


@pytest.mark.parametrize(("data", "expected"), ENCODINGS.values(), ids=ENCODINGS.keys())
def test_encodings_decode_to_same_text(tmp_path: Path, data: bytes, expected: str) -> None:
    assert decode_bytes(data, "news.txt") == expected
    article = _one(_write(tmp_path, "news.txt", data))
    assert article.text == expected
    assert not article.text.startswith("\ufeff")
    assert article.doc_id == "news"


def test_mixed_arabic_latin_windows_1256() -> None:
    text = f"Reuters - {SENTENCE} (SANA)"
    assert decode_bytes(text.encode("cp1256"), "x.txt") == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Министерство здравоохранения объявило сегодня об открытии новой больницы в городе Хомс.", "cp1251"),
        (
            "Le ministère de la Santé a annoncé aujourd'hui l'ouverture d'un nouvel hôpital à Homs. "
            "Les médecins étaient présents.",
            "cp1252",
        ),
        ("保健省は本日、ホムス市に新しい病院を開設すると発表した。", "shift_jis"),
    ],
    ids=["cp1251", "cp1252", "shift_jis"],
)
def test_charset_normalizer_fallback(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "x.txt") == text


_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"

BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "file is empty"),
    "whitespace": (b"  \n\t\r\n  ", "file is empty"),
    "bom-only": (codecs.BOM_UTF8 + b"\n", "file is empty"),
    "utf-16-whitespace": (codecs.BOM_UTF16_LE + " \n ".encode("utf-16-le"), "file is empty"),
    "png": (_PNG + random.Random(7).randbytes(512) + b"\x00\x01\x00", "binary file, not text"),
    "stray-nul": (SENTENCE.encode("utf-8") + b"\x00\x00\x00", "binary file, not text"),
    "controls": (bytes(range(1, 9)) * 40, "binary file, not text"),
}


@pytest.mark.parametrize(("data", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_files_raise(tmp_path: Path, data: bytes, message: str) -> None:
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as info:
        read_articles(path)
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}: ")
    with pytest.raises(InputError, match=message):
        decode_bytes(data, "bad.txt")


def test_binary_error_gives_reason() -> None:
    with pytest.raises(InputError, match=r"binary file, not text \(contains NUL bytes\)"):
        decode_bytes(_PNG, "image.png")


def test_invalid_data_after_bom() -> None:
    with pytest.raises(InputError, match="UTF-8"):
        decode_bytes(codecs.BOM_UTF8 + SENTENCE.encode("cp1256"), "x.txt")


# --- paths ----------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    with pytest.raises(InputError, match="no such file") as info:
        read_articles(path)
    assert str(info.value) == f"{path}: no such file"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory") as info:
        read_articles(tmp_path)
    assert str(tmp_path) in str(info.value)


# --- plain text -----------------------------------------------------------------------------


def test_plain_text_article(tmp_path: Path) -> None:
    article = _one(_write(tmp_path, "homs-hospital.md", TEXT))
    assert article == Article(doc_id="homs-hospital", text=TEXT)


def test_plain_text_published(tmp_path: Path) -> None:
    article = _one(_write(tmp_path, "a.txt", TEXT), published="2024-03-05")
    assert article.published == "2024-03-05"


# --- JSON -----------------------------------------------------------------------------------


def test_json_article(tmp_path: Path) -> None:
    obj = {
        "doc_id": "sana-17",
        "source": "SANA",
        "url": "https://example.org/17",
        "published": "2024-03-04",
        "title": "مستشفى جديد",
        "text": SENTENCE,
        "events": [{"type": "AID"}],
    }
    article = _one(_write(tmp_path, "a.json", json.dumps(obj, ensure_ascii=False, indent=2)))
    assert article == Article(
        doc_id="sana-17",
        text=SENTENCE,
        source="SANA",
        url="https://example.org/17",
        published="2024-03-04",
        title="مستشفى جديد",
    )


def test_json_defaults_and_override(tmp_path: Path) -> None:
    path = _write(tmp_path, "homs.json", json.dumps({"text": SENTENCE, "published": "2024-01-01"}))
    assert _one(path).doc_id == "homs"
    assert _one(path).published == "2024-01-01"
    assert _one(path, published="2024-03-05").published == "2024-03-05"


@pytest.mark.parametrize(
    "obj",
    [{"title": "عنوان"}, {"text": ""}, {"text": "  \n"}, {"text": None}],
    ids=["missing", "empty", "blank", "null"],
)
def test_json_without_text(tmp_path: Path, obj: dict[str, object]) -> None:
    path = _write(tmp_path, "a.json", json.dumps(obj))
    with pytest.raises(InputError) as info:
        read_articles(path)
    assert str(info.value) == f"{path}: JSON article has no 'text' field"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "نص", "title": 5}', "field 'title' must be a string, got a number"),
        ('{"text": ["نص"]}', "field 'text' must be a string, got an array"),
        ('[{"text": "نص"}]', "expected a JSON article object, got an array"),
        ('{"text": "نص",\n "title": }', "invalid JSON"),
    ],
    ids=["title-number", "text-array", "array", "syntax"],
)
def test_json_bad_values(tmp_path: Path, content: str, message: str) -> None:
    path = _write(tmp_path, "a.json", content)
    with pytest.raises(InputError, match=message) as info:
        read_articles(path)
    assert str(path) in str(info.value)


def test_json_syntax_error_names_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.json", '{"text": "نص",\n "title": }')
    with pytest.raises(InputError) as info:
        read_articles(path)
    assert info.value.line == 2
    assert str(info.value).startswith(f"{path}:2: invalid JSON")


# --- JSON Lines -----------------------------------------------------------------------------


def _jsonl(*lines: object) -> str:
    return "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n"


@pytest.mark.parametrize("name", ["batch.jsonl", "batch.ndjson", "batch.json", "BATCH.JSONL"])
def test_jsonl_bad_middle_line(tmp_path: Path, name: str) -> None:
    content = _jsonl({"doc_id": "a1", "text": SENTENCE}, '{"text": "مكسور', {"text": SECOND})
    items = list(read_articles(_write(tmp_path, name, content)))
    assert [type(x) for x in items] == [Article, InputError, Article]
    first, error, third = items
    assert isinstance(first, Article) and first.doc_id == "a1" and first.text == SENTENCE
    assert isinstance(error, InputError) and error.line == 2
    assert str(error).startswith(f"{tmp_path / name}:2: invalid JSON")
    assert isinstance(third, Article) and third.text == SECOND
    assert third.doc_id == f"{Path(name).stem}-3"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[1, 2]", "expected a JSON article object, got an array"),
        ('"نص"', "expected a JSON article object, got a string"),
        ({"title": "عنوان"}, "JSON article has no 'text' field"),
        ({"text": " "}, "JSON article has no 'text' field"),
        ({"text": 42}, "field 'text' must be a string, got a number"),
        ({"text": SENTENCE, "doc_id": 7}, "field 'doc_id' must be a string, got a number"),
        ({"text": SENTENCE, "published": True}, "field 'published' must be a string, got a boolean"),
    ],
)
def test_jsonl_bad_lines_are_yielded(tmp_path: Path, line: object, message: str) -> None:
    path = _write(tmp_path, "b.jsonl", _jsonl({"text": SENTENCE}, "", line, {"text": SECOND}))
    items = list(read_articles(path))
    assert len(items) == 3
    error = items[1]
    assert isinstance(error, InputError)
    assert str(error) == f"{path}:3: {message}"
    assert isinstance(items[2], Article) and items[2].doc_id == "b-4"


def test_jsonl_doc_ids_and_published(tmp_path: Path) -> None:
    content = _jsonl(
        {"text": SENTENCE, "published": "2024-01-01"},
        {"doc_id": "", "text": SECOND},
        {"doc_id": "x9", "text": SENTENCE, "source": "SANA"},
    )
    path = _write(tmp_path, "feed.jsonl", content)
    articles = [a for a in read_articles(path) if isinstance(a, Article)]
    assert [a.doc_id for a in articles] == ["feed-1", "feed-2", "x9"]
    assert [a.published for a in articles] == ["2024-01-01", None, None]
    assert articles[2].source == "SANA"
    overridden = [a for a in read_articles(path, published="2024-03-05") if isinstance(a, Article)]
    assert [a.published for a in overridden] == ["2024-03-05"] * 3


def test_jsonl_text_is_cleaned(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.jsonl", _jsonl({"text": f"{SENTENCE}\r\n{SECOND}"}))
    assert _one(path).text == f"{SENTENCE}\n{SECOND}"


def test_jsonl_in_utf16(tmp_path: Path) -> None:
    content = _jsonl({"text": SENTENCE}, {"text": SECOND})
    path = _write(tmp_path, "d.jsonl", codecs.BOM_UTF16_LE + content.encode("utf-16-le"))
    assert [a.text for a in read_articles(path) if isinstance(a, Article)] == [SENTENCE, SECOND]


# --- standard input -------------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, TEXT.encode("cp1256"))
    assert list(read_articles("-")) == [Article(doc_id="stdin", text=TEXT)]


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, _jsonl({"text": SENTENCE}, "{oops", {"text": SECOND}).encode("utf-8"))
    items = list(read_articles("-", published="2024-03-05"))
    assert [type(x) for x in items] == [Article, InputError, Article]
    assert str(items[1]).startswith("<stdin>:2: invalid JSON")
    assert isinstance(items[2], Article)
    assert items[2].doc_id == "stdin-3" and items[2].published == "2024-03-05"


def test_stdin_pretty_json(monkeypatch: pytest.MonkeyPatch) -> None:
    obj = {"doc_id": "p1", "text": SENTENCE}
    _stdin(monkeypatch, json.dumps(obj, ensure_ascii=False, indent=2).encode("utf-8"))
    assert list(read_articles("-")) == [Article(doc_id="p1", text=SENTENCE)]


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"")
    with pytest.raises(InputError, match="file is empty") as info:
        read_articles("-")
    assert str(info.value) == "<stdin>: file is empty"
