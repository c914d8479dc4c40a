"""Reading articles from files: encoding detection, plain text, JSON and JSON Lines."""

from __future__ import annotations

import codecs
import json
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from rasd.errors import InputError
from rasd.records import Article
from rasd.text import clean

__all__ = ["STDIN", "decode_bytes", "read_articles"]

STDIN = "-"
"""The path that stands for standard input."""

_STDIN_NAME = "<stdin>"  # how standard input is named in error messages
_STDIN_STEM = "stdin"  # the default doc_id stem for articles read from standard input

# Byte-order marks, UTF-32 before UTF-16 (FF FE 00 00 starts with FF FE).
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_BAD_SHARE = 0.05  # above this share of control (or unusable) characters, data is binary
_UTF16_HIGH_SHARE = 0.9  # share of 00/06 high bytes that marks BOM-less Latin/Arabic UTF-16
_UTF16_NUL_SKEW = 20  # NULs on one byte parity must outnumber the other parity this many times
_UTF16_MIN_NULS = 0.05  # ... and be at least this share of the characters (not a stray NUL)
_ARABIC_SHARE = 0.8  # share of non-ASCII characters that must fit Arabic text for windows-1256

_JSON_FIELDS = ("doc_id", "source", "url", "published", "title")


def decode_bytes(data: bytes, path: str) -> str:
    """Decode the raw bytes of an input file into text.

    Tried in order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
    BOM-less UTF-16, recognised by its NUL (or Arabic ``06``) high bytes all
    falling on one byte parity; strict UTF-8; windows-1256 when the result is
    mostly Arabic; finally whatever charset-normalizer finds best.

    Args:
        data: The file's bytes.
        path: The file name used in error messages.

    Returns:
        The text, without a byte-order mark, passed through :func:`rasd.text.clean`.

    Raises:
        InputError: The data is empty or whitespace only, looks binary (NUL bytes
            outside UTF-16, many control characters, no encoding fits), or
            is not valid in the encoding its byte-order mark declares.
    """
    if not data.strip():
        raise InputError("file is empty", path)

    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data[len(bom) :].decode(encoding), path)
            except UnicodeDecodeError as e:
                if encoding.startswith("utf-32"):
                    continue  # FF FE 00 00 may still be UTF-16 LE
                raise InputError(
                    f"cannot decode as {label} (declared by byte-order mark): "
                    f"invalid data at byte {e.start + len(bom)}",
                    path,
                ) from e

    encoding16 = _utf16_without_bom(data)
    if encoding16 is not None:
        try:
            text = data.decode(encoding16)
        except UnicodeDecodeError:
            pass
        else:
            if _bad_share(text, strict=True) <= _MAX_BAD_SHARE:
                return _finish(text, path)
    if b"\x00" in data:
        raise InputError("binary file, not text (contains NUL bytes)", path)

    try:
        return _finish(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass

    text = data.decode("cp1256", errors="replace")  # every byte is defined; no replacement happens
    if _looks_arabic(text):
        return _finish(text, path)

    best = from_bytes(data).best()
    if best is None:
        raise InputError("binary file, not text (no text encoding fits)", path)
    return _finish(str(best), path, strict=True)


def _finish(text: str, path: str, *, strict: bool = False) -> str:
    """Drop a leading BOM, reject empty or binary-looking text, then :func:`clean` it."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError("file is empty", path)
    share = _bad_share(text, strict=strict)
    if share > _MAX_BAD_SHARE:
        what = "control or unassigned characters" if strict else "control characters"
        raise InputError(f"binary file, not text ({share:.0%} {what})", path)
    return clean(text)


def _bad_share(text: str, *, strict: bool = False) -> float:
    """Share of characters that do not occur in text files.

    Control characters other than tab, newlines and form feed always count;
    with ``strict`` also unassigned, private-use and surrogate code points (used
    when the encoding was guessed, not known).
    """
    if not text:
        return 0.0
    bad_categories = ("Cc", "Cn", "Co", "Cs") if strict else ("Cc",)
    bad = sum(1 for c in text if c not in _TEXT_CONTROLS and unicodedata.category(c) in bad_categories)
    return bad / len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 codec BOM-less ``data`` seems to be in, or ``None``.

    In UTF-16 text of Latin or Arabic script the high byte of nearly every
    character is ``00`` or ``06``; in any UTF-16 text with ASCII spaces or
    digits, the NUL bytes fall on one parity only (odd offsets for little-endian).
    """
    if len(data) < 2 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    n = len(even)
    nul_even, nul_odd = even.count(0), odd.count(0)
    for high, nul_high, nul_low, encoding in (
        (odd, nul_odd, nul_even, "utf-16-le"),
        (even, nul_even, nul_odd, "utf-16-be"),
    ):
        if nul_high + high.count(6) >= _UTF16_HIGH_SHARE * n:
            return encoding
        if nul_high >= _UTF16_MIN_NULS * n and nul_high > _UTF16_NUL_SKEW * nul_low:
            return encoding
    return None


def _looks_arabic(text: str) -> bool:
    """True when the non-ASCII part of ``text`` is Arabic letters, marks, punctuation or spaces."""
    if _bad_share(text) > _MAX_BAD_SHARE:
        return False
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return False
    arabic_letters = other_letters = fitting = 0
    for c in non_ascii:
        arabic = "\u0600" <= c <= "\u06ff"
        if c.isalpha():
            if arabic:
                arabic_letters += 1
            else:
                other_letters += 1
        if arabic or unicodedata.category(c)[0] in "PZ" or unicodedata.category(c) == "Cf":
            fitting += 1
    return (
        arabic_letters > 0
        and arabic_letters >= _ARABIC_SHARE * (arabic_letters + other_letters)
        and fitting >= _ARABIC_SHARE * len(non_ascii)
    )


def read_articles(path: str | Path, *, published: str | None = None) -> Iterator[Article | InputError]:
    """Read the articles of one input file (or standard input).

    The format is chosen by extension and content:

    * ``.jsonl`` / ``.ndjson``, or a ``.json`` file holding several JSON objects
      on separate lines: one article per non-empty line. A bad line (invalid
      JSON, not an object, no non-empty ``text`` string, a non-string field) is
      yielded as an :class:`InputError` carrying its line number, and reading
      goes on with the next line. A missing ``doc_id`` becomes ``<stem>-<line>``.
    * ``.json``: one article object with the fields ``doc_id``, ``source``,
      ``url``, ``published``, ``title`` and ``text``; other fields (such as
      ``events``) are ignored. A missing ``doc_id`` becomes the file stem.
    * anything else: plain text, the whole file is one article whose
      ``doc_id`` is the file stem.
    * ``-``: standard input (bytes from ``sys.stdin.buffer``); JSON Lines when
      every non-empty line starts with ``{``, one JSON article when the whole
      input is a single JSON object, plain text otherwise (doc_id stem ``stdin``).

    JSON ``text`` values pass through :func:`rasd.text.clean` like plain text.

    Args:
        path: The file to read, or ``-`` for standard input.
        published: When given, overrides every article's own ``published``
            field (for instance the date of a whole crawl); when ``None`` the
            article's own value, if any, is kept.

    Returns:
        An iterator of :class:`Article` objects, with an :class:`InputError` in
        place of each unreadable JSON Lines line.

    Raises:
        InputError: Raised at call time, before any article is returned, when the
            path does not exist, is a directory or cannot be read, when the file is
            empty or binary, or when a single-article JSON file is invalid.
    """
    if str(path) == STDIN:
        name, stem, kind = _STDIN_NAME, _STDIN_STEM, "stdin"
        text = decode_bytes(_read_stdin(), name)
    else:
        p = Path(path)
        name, stem, kind = str(path), p.stem, p.suffix.lower()
        text = decode_bytes(_read_file(p, name), name)

    if kind in (".jsonl", ".ndjson"):
        return _jsonl_articles(text, name, stem, published)
    if kind == ".json":
        if _several_objects(text):
            return _jsonl_articles(text, name, stem, published)
        return iter([_json_article(text, name, stem, published)])
    if kind == "stdin":
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if all(ln.lstrip().startswith("{") for ln in lines):
            return _jsonl_articles(text, name, stem, published)
        if text.lstrip().startswith("{"):
            try:
                obj = json.loads(text)
            except json.JSONDecodeError:
                obj = None
            if isinstance(obj, dict):
                return iter([_article_from_object(obj, name, None, stem, published)])
    return iter([Article(doc_id=stem, text=text, published=published)])


def _read_file(path: Path, name: str) -> bytes:
    """The bytes of ``path``, or an :class:`InputError` saying why they cannot be read."""
    if path.is_dir():
        raise InputError("is a directory", name)
    if not path.exists():
        raise InputError("no such file", name)
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read file ({e.strerror or e})", name) from e


def _read_stdin() -> bytes:
    """All bytes of standard input (text streams without a buffer are encoded as UTF-8)."""
    stream = sys.stdin
    if stream is None:
        raise InputError("standard input is closed", _STDIN_NAME)
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            return bytes(buffer.read())
        return stream.read().encode("utf-8")
    except OSError as e:
        raise InputError(f"cannot read standard input ({e.strerror or e})", _STDIN_NAME) from e


def _several_objects(text: str) -> bool:
    """True when ``text`` is not one JSON value but JSON objects on separate lines."""
    try:
        json.loads(text)
    except json.JSONDecodeError:
        pass
    else:
        return False
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2:
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except json.JSONDecodeError:
        return False


def _json_article(text: str, name: str, stem: str, published: str | None) -> Article:
    """The one article of a ``.json`` file."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON ({e.msg}, column {e.colno})", name, e.lineno) from e
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON article object, got {_json_type(obj)}", name)
    return _article_from_object(obj, name, None, stem, published)


def _jsonl_articles(text: str, name: str, stem: str, published: str | None) -> Iterator[Article | InputError]:
    """One article per non-empty line; bad lines are yielded as errors with their line number."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(f"invalid JSON ({e.msg}, column {e.colno})", name, lineno)
            continue
        if not isinstance(obj, dict):
            yield InputError(f"expected a JSON article object, got {_json_type(obj)}", name, lineno)
            continue
        try:
            yield _article_from_object(obj, name, lineno, f"{stem}-{lineno}", published)
        except InputError as e:
            yield e


def _article_from_object(
    obj: dict[str, Any], name: str, line: int | None, default_id: str, published: str | None
) -> Article:
    """Build an :class:`Article` from a decoded JSON object, checking field types."""
    text = obj.get("text")
    if text is not None and not isinstance(text, str):
        raise InputError(f"field 'text' must be a string, got {_json_type(text)}", name, line)
    if not text or not text.strip():
        raise InputError("JSON article has no 'text' field", name, line)
    fields: dict[str, str | None] = {}
    for key in _JSON_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"field {key!r} must be a string, got {_json_type(value)}", name, line)
        fields[key] = value
    doc_id = (fields["doc_id"] or "").strip() or default_id
    return Article(
        doc_id=doc_id,
        text=clean(text),
        source=fields["source"],
        url=fields["url"],
        published=published if published is not None else fields["published"],
        title=fields["title"],
    )


def _json_type(value: object) -> str:
    """The JSON name of a decoded value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
