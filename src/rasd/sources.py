"""Reading articles: encoding detection, text/JSON/JSONL, TREC-style and SaudiNewsNet files, archives, HTML, feeds."""

from __future__ import annotations

import codecs
import email.utils
import json
import os
import sys
import tarfile
import unicodedata
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import regex
from charset_normalizer import from_bytes

from rasd.errors import InputError
from rasd.records import Article
from rasd.text import clean

__all__ = [
    "ARCHIVE_SUFFIXES",
    "STDIN",
    "Fetcher",
    "decode_bytes",
    "fetch_url",
    "is_url",
    "iter_articles",
    "max_archive_bytes",
    "max_archive_members",
    "max_article_bytes",
    "read_articles",
]

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


# --- input limits ------------------------------------------------------------------------------------------------

MAX_ARTICLE_BYTES_ENV = "RASD_MAX_ARTICLE_BYTES"
MAX_ARCHIVE_BYTES_ENV = "RASD_MAX_ARCHIVE_BYTES"
MAX_ARCHIVE_MEMBERS_ENV = "RASD_MAX_ARCHIVE_MEMBERS"
DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024
DEFAULT_MAX_ARCHIVE_MEMBERS = 500_000
_JSON_ESCAPE_GROWTH = 6  # a JSON line is at most this many times the UTF-8 size of its text (\u0001 for one byte)


def _limit(env: str, default: int) -> int:
    """A positive byte or count limit from environment variable ``env``, else ``default``.

    Raises:
        InputError: The variable is set to something other than a positive whole number.
    """
    raw = os.environ.get(env, "").strip().replace("_", "")
    if not raw:
        return default
    if not raw.isdigit() or int(raw) <= 0:
        raise InputError(f"{env} must be a positive whole number, got {os.environ[env]!r}")
    return int(raw)


def max_article_bytes() -> int:
    """The largest article text read, in UTF-8 bytes (``RASD_MAX_ARTICLE_BYTES``, default 5 MiB)."""
    return _limit(MAX_ARTICLE_BYTES_ENV, DEFAULT_MAX_ARTICLE_BYTES)


def max_archive_bytes() -> int:
    """The most bytes all members of one archive may expand to (``RASD_MAX_ARCHIVE_BYTES``, default 2 GiB)."""
    return _limit(MAX_ARCHIVE_BYTES_ENV, DEFAULT_MAX_ARCHIVE_BYTES)


def max_archive_members() -> int:
    """The most members one archive may hold (``RASD_MAX_ARCHIVE_MEMBERS``, default 500,000)."""
    return _limit(MAX_ARCHIVE_MEMBERS_ENV, DEFAULT_MAX_ARCHIVE_MEMBERS)


def _check_article_size(text: str, name: str, line: int | None = None, *, what: str = "article") -> None:
    """Refuse an article text over :func:`max_article_bytes`.

    Raises:
        InputError: Naming ``name`` (and ``line``), the size and the limit.
    """
    limit = max_article_bytes()
    if len(text) * 4 <= limit:  # a character is at most 4 bytes in UTF-8: no need to encode
        return
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > limit:
        raise InputError(
            f"{what} is {size:,} bytes, over the limit of {limit:,} bytes (set {MAX_ARTICLE_BYTES_ENV} to change it)",
            name,
            line,
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
            empty or binary, when a single-article JSON file is invalid, or when a
            plain-text or JSON article is over :func:`max_article_bytes` (a JSON
            Lines line over it is yielded as an error like any bad line).
    """
    if str(path) == STDIN:
        name, stem, kind = _STDIN_NAME, _STDIN_STEM, "stdin"
        text = decode_bytes(_read_stdin(), name)
    else:
        p = Path(path)
        name, stem, kind = str(path), p.stem, p.suffix.lower()
        text = decode_bytes(_read_file(p, name), name)
    return _text_articles(text, name, stem, kind, published)


def _text_articles(text: str, name: str, stem: str, kind: str, published: str | None) -> Iterator[Article | InputError]:
    """The articles of decoded ``text`` as :func:`read_articles` reads them (``kind``: suffix or ``stdin``)."""
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
    _check_article_size(text, name)
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
    limit = max_article_bytes()
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if len(line) > _JSON_ESCAPE_GROWTH * limit:  # surely too big: not even parsed
            yield InputError(
                f"line is over {_JSON_ESCAPE_GROWTH * limit:,} characters, so its article is over the limit "
                f"of {limit:,} bytes (set {MAX_ARTICLE_BYTES_ENV} to change it)",
                name,
                lineno,
            )
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
    _check_article_size(text, name, line)
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


# --- collections: directories, archives, TREC-style files, JSON arrays, HTML, feeds, URLs --------------------------

ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".zip")
"""File name endings read as archives: every member file is read as if it were on disk."""

Fetcher = Callable[[str], tuple[bytes, str]]
"""Fetches a URL: returns the body and its content type (``""`` when unknown); raises :class:`InputError`."""

_FETCH_TIMEOUT = 30.0
_USER_AGENT = "rasd (+https://github.com/rasd)"
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_FEED_SUFFIXES = (".rss", ".atom", ".xml")
_TREC_DOC = regex.compile(r"<DOC>(.*?)</DOC>", regex.S)
_TREC_FIELD = regex.compile(r"<(DOCNO|URL|SRC|TITLE|TIME|TEXT)>(.*?)</\1>", regex.S)
_FEED_START = regex.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", regex.S)


def fetch_url(url: str, *, timeout: float = _FETCH_TIMEOUT) -> tuple[bytes, str]:
    """Fetch ``url`` over HTTP(S).

    Args:
        url: The address.
        timeout: Seconds to wait for the server.

    Returns:
        The body and its content type.

    Raises:
        InputError: The server cannot be reached or answers with an error status.
    """
    if not is_url(url):
        raise InputError("not an http(s) URL", url)
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        raise InputError(f"cannot fetch (HTTP {e.code})", url) from e
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise InputError(f"cannot fetch ({getattr(e, 'reason', e)})", url) from e


def is_url(target: str) -> bool:
    """True when ``target`` is an http(s) address rather than a path."""
    return target.startswith(("http://", "https://"))


def iter_articles(
    target: str | Path, *, published: str | None = None, fetch: Fetcher | None = None
) -> Iterator[Article | InputError]:
    """Every article found at ``target``, read lazily; what cannot be read is yielded as an error, never raised.

    ``target`` may be:

    * a file: plain text, JSON, JSON Lines (as :func:`read_articles`), a TREC-style file
      (``<DOC><DOCNO>..</DOCNO><URL>..<SRC>..<TITLE>..<TIME>..<TEXT>..</DOC>``, as in the ANT
      corpus, one or several documents per file), a JSON array of articles (SaudiNewsNet:
      ``content``, ``date_extracted``, ``source``, ``url``, ``title``), an HTML page (main text
      via trafilatura) or an RSS/Atom feed (each item's page is fetched and extracted);
    * an archive (``.tar``, ``.tar.gz``, ``.tar.xz``, ``.tar.bz2``, ``.zip``), read directly: its
      members in archive order (zip: name order), each named ``ARCHIVE!MEMBER`` in errors;
    * a directory, read recursively in name order (hidden files skipped);
    * an ``http(s)://`` URL of a page or a feed;
    * ``-`` for standard input.

    An article over :func:`max_article_bytes` is an error; an archive with more members than
    :func:`max_archive_members` or expanding to more than :func:`max_archive_bytes` is refused
    before the member that crosses the limit is read (a zip's declared sizes are checked first).

    Args:
        target: What to read.
        published: Overrides every article's publication date when given.
        fetch: How URLs are fetched (default :func:`fetch_url`); tests pass a loopback fetcher.

    Yields:
        :class:`Article` objects, and an :class:`InputError` (naming file, member or URL) for each
        unreadable file, line or page.
    """
    fetcher = fetch or fetch_url
    name = str(target)
    try:
        if is_url(name):
            body, ctype = fetcher(name)
            yield from _bytes_articles(body, name, published, fetcher, content_type=ctype, url=name)
        elif name == STDIN:
            yield from read_articles(STDIN, published=published)
        else:
            path = Path(target)
            if path.is_dir():
                for child in sorted(p for p in path.rglob("*") if p.is_file()):
                    if not any(part.startswith(".") for part in child.relative_to(path).parts):
                        yield from iter_articles(child, published=published, fetch=fetcher)
            elif name.lower().endswith(ARCHIVE_SUFFIXES):
                yield from _archive_articles(path, published, fetcher)
            else:
                yield from _bytes_articles(_read_file(path, name), name, published, fetcher)
    except InputError as e:
        yield e


def _archive_articles(path: Path, published: str | None, fetch: Fetcher) -> Iterator[Article | InputError]:
    """The articles of every member file of a tar or zip archive, in member name order."""
    name = str(path)
    if not path.exists():
        raise InputError("no such file", name)
    max_bytes, max_members = max_archive_bytes(), max_archive_members()
    try:
        if name.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as zf:
                infos = zf.infolist()  # sizes as the central directory declares them; reads never go past them
                _check_expansion(name, len(infos), sum(i.file_size for i in infos), max_members, max_bytes)
                for info in sorted(infos, key=lambda i: i.filename):
                    if not info.is_dir() and not _hidden(info.filename):
                        yield from _member(zf.read(info), f"{name}!{info.filename}", published, fetch)
        else:
            with tarfile.open(path, "r|*") as tf:  # a stream, in archive order: no seeking back in compressed data
                total = 0
                for members, m in enumerate(tf, start=1):  # each header is checked before its data is read
                    total += max(m.size, 0) if m.isfile() else 0
                    _check_expansion(name, members, total, max_members, max_bytes, so_far=True)
                    if m.isfile() and not _hidden(m.name):
                        f = tf.extractfile(m)
                        if f is not None:
                            yield from _member(f.read(), f"{name}!{m.name}", published, fetch)
    except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError) as e:
        raise InputError(f"cannot read archive ({e})", name) from e


def _check_expansion(
    name: str, members: int, total: int, max_members: int, max_bytes: int, *, so_far: bool = False
) -> None:
    """Refuse an archive with too many members or expanding to too many bytes (a zip bomb).

    Args:
        name: The archive, for the message.
        members: Its member count (``so_far``: counted up to the member about to be read).
        total: The uncompressed bytes of its members (or of those up to the one about to be read).
        max_members: The member limit.
        max_bytes: The expansion limit.
        so_far: The counts are of a stream read so far, not of the whole archive.

    Raises:
        InputError: Over either limit; nothing more of the archive is read.
    """
    at_least = "at least " if so_far else ""
    if members > max_members:
        raise InputError(
            f"archive has {at_least}{members:,} members, over the limit of {max_members:,} "
            f"(set {MAX_ARCHIVE_MEMBERS_ENV} to change it); not read further",
            name,
        )
    if total > max_bytes:
        raise InputError(
            f"archive expands to {at_least}{total:,} bytes, over the limit of {max_bytes:,} bytes "
            f"(set {MAX_ARCHIVE_BYTES_ENV} to change it); not read further",
            name,
        )


def _hidden(member: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in member.split("/") if part)


def _member(data: bytes, name: str, published: str | None, fetch: Fetcher) -> Iterator[Article | InputError]:
    """The articles of one archive member; a bad member is yielded as an error and reading goes on."""
    if name.lower().endswith(ARCHIVE_SUFFIXES):
        yield InputError("archives inside archives are not read", name)
        return
    try:
        yield from _bytes_articles(data, name, published, fetch)
    except InputError as e:
        yield e


def _bytes_articles(
    data: bytes,
    name: str,
    published: str | None,
    fetch: Fetcher,
    *,
    content_type: str = "",
    url: str | None = None,
) -> Iterator[Article | InputError]:
    """Decode ``data`` and read it by its content and name: TREC, JSON array, HTML, feed, or as read_articles does."""
    text = decode_bytes(data, name)
    base = name.rsplit("!", 1)[-1].split("?", 1)[0]
    stem = Path(base).stem or "page"
    kind = Path(base).suffix.lower()
    head = text.lstrip()[:200]
    if head.startswith("<DOC>"):
        yield from _trec_articles(text, name, stem, published)
    elif kind == ".json" and head.startswith("["):
        yield from _json_array_articles(text, name, stem, published)
    elif "rss" in content_type or "atom" in content_type or kind in _FEED_SUFFIXES or _FEED_START.match(text):
        yield from _feed_articles(text, name, published, fetch)
    elif "html" in content_type or kind in _HTML_SUFFIXES or head.lower().startswith(("<!doctype html", "<html")):
        yield _html_article(text, name, stem, published, url)
    else:
        yield from _text_articles(text, name, stem, kind, published)


def _iso_time(value: str | None) -> str | None:
    """An RFC 2822 time (``Sun, 18 Feb 2018 20:50:44 GMT``) or ``YYYY-MM-DD hh:mm:ss`` as ISO 8601."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if regex.match(r"\d{4}-\d{2}-\d{2}", value):
        return value.replace(" ", "T", 1)
    return None


def _trec_articles(text: str, name: str, stem: str, published: str | None) -> Iterator[Article | InputError]:
    """TREC-style documents (ANT corpus). Parsed with patterns: the files are not well-formed XML."""
    docs = _TREC_DOC.findall(text)
    if not docs:
        yield InputError("TREC-style file without a complete <DOC>...</DOC>", name)
    for i, doc in enumerate(docs, start=1):
        fields = {k: v.strip() for k, v in _TREC_FIELD.findall(doc)}
        body = fields.get("TEXT", "")
        if not body:
            yield InputError(f"document {i} has no <TEXT>", name)
            continue
        try:
            _check_article_size(body, name, what=f"document {i}")
        except InputError as e:
            yield e
            continue
        yield Article(
            doc_id=fields.get("DOCNO") or (stem if len(docs) == 1 else f"{stem}-{i}"),
            text=clean(body),
            source=fields.get("SRC") or None,
            url=fields.get("URL") or None,
            published=published if published is not None else _iso_time(fields.get("TIME")),
            title=fields.get("TITLE") or None,
        )


def _json_array_articles(text: str, name: str, stem: str, published: str | None) -> Iterator[Article | InputError]:
    """A JSON array of article objects; SaudiNewsNet's ``content`` and ``date_extracted`` are understood."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON ({e.msg}, column {e.colno})", name, e.lineno) from e
    for i, obj in enumerate(items, start=1):
        where = f"{name}[{i - 1}]"
        if not isinstance(obj, dict):
            yield InputError(f"expected a JSON article object, got {_json_type(obj)}", where)
            continue
        obj = dict(obj)
        if "text" not in obj and "content" in obj:
            obj["text"] = obj.pop("content")
        if "published" not in obj and isinstance(obj.get("date_extracted"), str):
            obj["published"] = _iso_time(obj["date_extracted"])
        try:
            yield _article_from_object(obj, where, None, f"{stem}-{i}", published)
        except InputError as e:
            yield e


def _html_article(text: str, name: str, stem: str, published: str | None, url: str | None) -> Article:
    """The main text of an HTML page, with its title and date, via trafilatura."""
    import trafilatura  # a heavy import, only for HTML

    result = trafilatura.bare_extraction(text, url=url, with_metadata=True, include_comments=False)
    data: dict[str, Any] = {}
    if result is not None:
        data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = data.get("text") or ""
    if not body.strip():
        raise InputError("no article text found in the HTML page", name)
    _check_article_size(body, name)
    return Article(
        doc_id=stem,
        text=clean(body),
        source=data.get("sitename") or data.get("hostname") or None,
        url=url or data.get("url") or None,
        published=published if published is not None else data.get("date") or None,
        title=data.get("title") or None,
    )


def _feed_articles(text: str, name: str, published: str | None, fetch: Fetcher) -> Iterator[Article | InputError]:
    """Each item of an RSS/Atom feed: its page is fetched and its main text extracted."""
    import feedparser  # only for feeds

    feed = feedparser.parse(text)
    if feed.bozo and not feed.entries:
        raise InputError(f"not a readable RSS/Atom feed ({feed.get('bozo_exception')})", name)
    site = feed.feed.get("title") or None
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            yield InputError(f"feed item {entry.get('title', '?')!r} has no link", name)
            continue
        date = published
        if date is None:
            date = _iso_time(entry.get("published") or entry.get("updated"))
        try:
            body, ctype = fetch(link)
            pages = list(_bytes_articles(body, link, date, fetch, content_type=ctype or "text/html", url=link))
        except InputError as e:
            yield e
            continue
        for page in pages:
            if isinstance(page, Article):
                page.doc_id = entry.get("id") or link
                page.url = link
                page.source = site or page.source
                page.title = entry.get("title") or page.title
                if page.published is None:
                    page.published = date
            yield page
