"""Input limits: oversized articles and archive bombs are refused with an error naming the file and the limit."""

from __future__ import annotations

import io
import json
import struct
import tarfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.errors import InputError
from rasd.records import Article
from rasd.sources import (
    DEFAULT_MAX_ARTICLE_BYTES,
    iter_articles,
    max_archive_bytes,
    max_article_bytes,
    read_articles,
)

ARTICLE = "قال وزير الخارجية التركي اليوم إن أنقرة مستعدة للحوار."


class _Zeros(io.RawIOBase):
    """``size`` NUL bytes, read in chunks: a bomb's payload without holding it in memory."""

    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        n = min(len(buffer), self.left)
        buffer[:n] = b"\x00" * n
        self.left -= n
        return n


def _split(items: list[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    return [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, InputError)]


# --- article size ---------------------------------------------------------------------------------------------


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RASD_MAX_ARTICLE_BYTES", raising=False)
    monkeypatch.delenv("RASD_MAX_ARCHIVE_BYTES", raising=False)
    assert max_article_bytes() == DEFAULT_MAX_ARTICLE_BYTES == 5 * 1024 * 1024
    assert max_archive_bytes() == 2 * 1024**3


@pytest.mark.parametrize("value", ["abc", "-5", "0", "1.5"])
def test_bad_limit_value_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str) -> None:
    monkeypatch.setenv("RASD_MAX_ARTICLE_BYTES", value)
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(InputError, match="RASD_MAX_ARTICLE_BYTES must be a positive whole number"):
        list(read_articles(f))


def test_plain_text_over_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RASD_MAX_ARTICLE_BYTES", "1000")
    f = tmp_path / "big.txt"
    f.write_text(ARTICLE * 20, encoding="utf-8")
    with pytest.raises(InputError) as e:
        list(read_articles(f))
    assert str(e.value).startswith(f"{f}: article is ")
    assert "over the limit of 1,000 bytes" in str(e.value)
    assert "RASD_MAX_ARTICLE_BYTES" in str(e.value)


def test_article_at_limit_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    f = tmp_path / "ok.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("RASD_MAX_ARTICLE_BYTES", str(len(ARTICLE.encode())))
    [a] = read_articles(f)
    assert isinstance(a, Article) and a.text == ARTICLE


def test_jsonl_line_over_limit_names_line_and_others_are_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RASD_MAX_ARTICLE_BYTES", "500")
    f = tmp_path / "a.jsonl"
    lines = [{"doc_id": "1", "text": ARTICLE}, {"doc_id": "2", "text": ARTICLE * 10}, {"doc_id": "3", "text": ARTICLE}]
    f.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in lines), encoding="utf-8")
    articles, errors = _split(list(read_articles(f)))
    assert [a.doc_id for a in articles] == ["1", "3"]
    [err] = errors
    assert err.line == 2 and err.path == str(f)
    assert str(err).startswith(f"{f}:2: article is ") and "over the limit of 500 bytes" in str(err)


def test_jsonl_huge_line_is_refused_without_parsing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RASD_MAX_ARTICLE_BYTES", "100")
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"text": "قال"}) + "\n" + "{" * 5000 + "\n", encoding="utf-8")  # line 2 is not JSON
    articles, errors = _split(list(read_articles(f)))
    assert [a.text for a in articles] == ["قال"]
    [err] = errors
    assert err.line == 2
    assert str(err) == (
        f"{f}:2: line is over 600 characters, so its article is over the limit of 100 bytes "
        "(set RASD_MAX_ARTICLE_BYTES to change it)"
    )


def test_json_article_over_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RASD_MAX_ARTICLE_BYTES", "200")
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"doc_id": "x", "text": ARTICLE * 5}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match="over the limit of 200 bytes"):
        list(read_articles(f))


def test_trec_document_over_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RASD_MAX_ARTICLE_BYTES", "300")
    f = tmp_path / "ant-1"
    docs = [f"<DOC><DOCNO>d{i}</DOCNO><TEXT>{ARTICLE * n}</TEXT></DOC>" for i, n in ((1, 1), (2, 10), (3, 1))]
    f.write_text("\n".join(docs), encoding="utf-8")
    articles, errors = _split(list(iter_articles(f)))
    assert [a.doc_id for a in articles] == ["d1", "d3"]
    [err] = errors
    assert str(err).startswith(f"{f}: document 2 is ") and "over the limit of 300 bytes" in str(err)


def test_cli_reports_oversized_article_on_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RASD_MAX_ARTICLE_BYTES", "1000")
    f = tmp_path / "big.txt"
    f.write_text(ARTICLE * 20, encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(f)])
    assert r.exit_code == 2
    assert "over the limit of 1,000 bytes" in r.output
    assert "Traceback" not in r.output


# --- archives -------------------------------------------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def test_zip_bomb_is_refused_before_reading(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    _zip(bomb, {"a.txt": ARTICLE.encode(), "zeros.txt": b"\x00" * 20_000_000})
    assert bomb.stat().st_size < 100_000
    monkeypatch.setenv("RASD_MAX_ARCHIVE_BYTES", "1000000")

    def no_read(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a member was read")

    monkeypatch.setattr(zipfile.ZipFile, "read", no_read)
    articles, errors = _split(list(iter_articles(bomb)))
    assert articles == []
    [err] = errors
    assert str(err).startswith(f"{bomb}: archive expands to 20,000,")
    assert "over the limit of 1,000,000 bytes" in str(err) and "RASD_MAX_ARCHIVE_BYTES" in str(err)


def test_zip_lying_about_its_size_is_not_read_past_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A member whose headers declare 100 bytes but whose data inflates to 20 MB."""
    liar = tmp_path / "liar.zip"
    _zip(liar, {"zeros.txt": b"\x00" * 20_000_000})
    data = bytearray(liar.read_bytes())
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 100)
    struct.pack_into("<I", data, central + 24, 100)
    liar.write_bytes(bytes(data))
    monkeypatch.setenv("RASD_MAX_ARCHIVE_BYTES", "1000000")
    [err] = list(iter_articles(liar))
    assert isinstance(err, InputError)
    assert str(err).startswith(f"{liar}: cannot read archive")


def test_zip_with_too_many_members(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    many = tmp_path / "many.zip"
    _zip(many, {f"{i}.txt": ARTICLE.encode() for i in range(20)})
    monkeypatch.setenv("RASD_MAX_ARCHIVE_MEMBERS", "10")
    [err] = list(iter_articles(many))
    assert isinstance(err, InputError)
    assert str(err) == (
        f"{many}: archive has 20 members, over the limit of 10 (set RASD_MAX_ARCHIVE_MEMBERS to change it); "
        "not read further"
    )


def test_zip_under_limits_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ok = tmp_path / "ok.zip"
    _zip(ok, {f"{i}.txt": ARTICLE.encode() for i in range(3)})
    monkeypatch.setenv("RASD_MAX_ARCHIVE_MEMBERS", "3")
    monkeypatch.setenv("RASD_MAX_ARCHIVE_BYTES", str(3 * len(ARTICLE.encode())))
    articles, errors = _split(list(iter_articles(ok)))
    assert len(articles) == 3 and errors == []


def _tar(path: Path, members: list[tuple[str, int, bytes | None]]) -> None:
    """(name, size, data) members; data None means ``size`` NUL bytes streamed in."""
    with tarfile.open(path, "w:gz") as tf:
        for name, size, data in members:
            info = tarfile.TarInfo(name)
            info.size = size
            tf.addfile(info, io.BytesIO(data) if data is not None else io.BufferedReader(_Zeros(size)))


def test_tar_bomb_is_refused_before_its_member_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.tar.gz"
    a = ARTICLE.encode()
    _tar(bomb, [("a.txt", len(a), a), ("zeros.txt", 50_000_000, None), ("b.txt", len(a), a)])
    assert bomb.stat().st_size < 200_000
    monkeypatch.setenv("RASD_MAX_ARCHIVE_BYTES", "1000000")
    read: list[str] = []
    extract = tarfile.TarFile.extractfile

    def spy(self: tarfile.TarFile, member: tarfile.TarInfo | str) -> object:
        read.append(member.name if isinstance(member, tarfile.TarInfo) else member)
        return extract(self, member)

    monkeypatch.setattr(tarfile.TarFile, "extractfile", spy)
    articles, errors = _split(list(iter_articles(bomb)))
    assert [x.doc_id for x in articles] == ["a"]  # members before the bomb are read
    assert read == ["a.txt"]  # the bomb never is, nor anything after it
    [err] = errors
    assert str(err).startswith(f"{bomb}: archive expands to at least 50,000,")
    assert "over the limit of 1,000,000 bytes" in str(err)


def test_tar_with_too_many_members(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    many = tmp_path / "many.tar.gz"
    _tar(many, [(f"{i}.txt", 0, b"") for i in range(10)])
    monkeypatch.setenv("RASD_MAX_ARCHIVE_MEMBERS", "4")
    items = list(iter_articles(many))
    err = items[-1]
    assert isinstance(err, InputError)
    assert str(err).startswith(f"{many}: archive has at least 5 members, over the limit of 4")
