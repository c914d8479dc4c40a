"""Property tests of reading input: any bytes in any format give articles or InputError, never another exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzz_inputs import article_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.errors import InputError
from rasd.records import Article
from rasd.sources import decode_bytes, iter_articles

_CI = settings(
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "utf-32")

# Bytes of text in some encoding (maybe cut short), or arbitrary bytes.
_file_bytes = st.one_of(
    st.binary(max_size=300),
    st.builds(
        lambda t, enc, cut: t.encode(enc, errors="replace")[: cut or None],
        article_text,
        st.sampled_from(_ENCODINGS),
        st.integers(min_value=0, max_value=200),
    ),
)

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | article_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(("text", "doc_id", "x")), inner),
    max_leaves=6,
)
_jsonl_line = st.one_of(
    st.fixed_dictionaries(
        {"text": st.one_of(article_text, _json_values)},
        optional={"doc_id": _json_values, "published": _json_values, "title": _json_values},
    ).map(lambda o: json.dumps(o, ensure_ascii=False)),
    _json_values.map(json.dumps),
    article_text,  # not JSON at all
)
_suffixes = st.sampled_from(("", ".txt", ".json", ".jsonl", ".html", ".xml"))
_broken_html = st.lists(
    st.sampled_from(
        ("<html>", "<body>", "<p>", "</p>", "<div>", "<article>", "<title>", "</title>", "<script>", "<!--", "<", "&")
    )
    | article_text,
    max_size=20,
).map("".join)


def _read_all(path: Path) -> list[Article | InputError]:
    """Everything read from ``path``; a fetch (for feeds) is refused like an unreachable server."""

    def no_fetch(url: str) -> tuple[bytes, str]:
        raise InputError("no network in tests", url)

    items = list(iter_articles(path, fetch=no_fetch))
    for item in items:
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert item.text.strip()
            assert "\r" not in item.text and "\x00" not in item.text
    return items


@settings(_CI, max_examples=300)
@given(_file_bytes)
def test_decode_gives_text_or_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "f")
    except InputError as e:
        assert str(e).startswith("f: ")
        return
    assert text.strip() and "\r" not in text and "\x00" not in text


@settings(_CI, max_examples=150)
@given(data=_file_bytes, suffix=_suffixes)
def test_any_file_reads_to_articles_or_errors(tmp_path: Path, data: bytes, suffix: str) -> None:
    f = tmp_path / f"in{suffix}"
    f.write_bytes(data)
    _read_all(f)


@settings(_CI, max_examples=100)
@given(st.lists(_jsonl_line, min_size=1, max_size=6))
def test_jsonl_lines_read_one_by_one(tmp_path: Path, lines: list[str]) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(ln.replace("\n", " ").replace("\r", " ") for ln in lines), encoding="utf-8")
    for item in _read_all(f):
        if isinstance(item, InputError):
            assert item.path == str(f)
            assert item.line is None or 1 <= item.line <= len(lines)  # None: the whole file (empty, binary)


@pytest.mark.filterwarnings("ignore")
@settings(_CI, max_examples=40)
@given(_broken_html)
def test_broken_html_reads_to_an_article_or_an_error(tmp_path: Path, page: str) -> None:
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    _read_all(f)
