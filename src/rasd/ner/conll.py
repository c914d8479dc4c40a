"""CoNLL-style NER files: ``TOKEN TAG`` lines, a blank line between sentences; BIO spans of a tag sequence."""

from __future__ import annotations

import tarfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from rasd.errors import RasdError

LABELS = ("PER", "ORG", "LOC", "MISC")
_TYPE_ALIASES = {"PERS": "PER", "PERSON": "PER", "GPE": "LOC", "ORGANIZATION": "ORG", "LOCATION": "LOC"}

Sentence = list[tuple[str, str]]


class ConllError(RasdError):
    """A CoNLL file that cannot be read."""


def norm_tag(tag: str) -> str:
    """The tag in rasd's BIO scheme: ``B-PERS`` → ``B-PER``; anything unreadable is an error of the caller."""
    tag = tag.strip()
    if tag in ("O", ""):
        return "O"
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BIE S":
        prefix, typ = tag[0], tag[2:].upper()
        prefix = "B" if prefix == "S" else "I" if prefix == "E" else prefix
        return f"{prefix}-{_TYPE_ALIASES.get(typ, typ)}"
    raise ValueError(f"not a BIO tag: {tag!r}")


def parse_conll(lines: Iterable[str], name: str = "<input>") -> Iterator[Sentence]:
    """Sentences of ``TOKEN TAG`` lines (tab or space separated; the tag is the last field).

    A line holding only a tag (an empty token) keeps its place as the token ``_``.
    A ``-DOCSTART-`` line ends a sentence and is skipped; ``ar:`` prefixes (WikiANN) are removed.

    Raises:
        ConllError: a line has no tag or an unreadable one.
    """
    sent: Sentence = []
    for n, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if sent:
                yield sent
                sent = []
            continue
        parts = line.split()
        if parts[0] == "-DOCSTART-":
            if sent:
                yield sent
                sent = []
            continue
        if len(parts) == 1:
            if line[:1].isspace():
                parts = ["_", parts[0]]
            else:
                raise ConllError(f"{name}: line {n}: expected TOKEN TAG, got {line.strip()!r}")
        token = parts[0]
        if token.startswith("ar:") and len(token) > 3:
            token = token[3:]
        try:
            tag = norm_tag(parts[1] if len(parts) == 2 else parts[-1])
        except ValueError as e:
            raise ConllError(f"{name}: line {n}: {e}") from e
        sent.append((token, tag))
    if sent:
        yield sent


def read_conll(path: Path) -> list[Sentence]:
    """All sentences of a CoNLL file (UTF-8).

    Raises:
        ConllError: the file cannot be read or has a bad line.
    """
    try:
        with path.open(encoding="utf-8-sig") as f:
            return list(parse_conll(f, str(path)))
    except OSError as e:
        raise ConllError(f"{path}: cannot read ({e.strerror})") from e
    except UnicodeDecodeError as e:
        raise ConllError(f"{path}: not UTF-8 ({e.reason})") from e


def read_conll_columns(path: Path, columns: int = 3) -> list[list[tuple[str, ...]]]:
    """Sentences of ``TOKEN GOLD PREDICTED`` lines (the output of ``rasd ner``); tags in rasd's BIO scheme.

    Raises:
        ConllError: the file cannot be read or a line has too few fields.
    """
    out: list[list[tuple[str, ...]]] = []
    sent: list[tuple[str, ...]] = []
    try:
        with path.open(encoding="utf-8-sig") as f:
            for n, line in enumerate(f, start=1):
                parts = line.split()
                if not parts:
                    if sent:
                        out.append(sent)
                        sent = []
                    continue
                if len(parts) < columns:
                    raise ConllError(f"{path}: line {n}: expected {columns} fields, got {len(parts)}")
                try:
                    sent.append((parts[0], *(norm_tag(t) for t in parts[len(parts) - columns + 1 :])))
                except ValueError as e:
                    raise ConllError(f"{path}: line {n}: {e}") from e
    except OSError as e:
        raise ConllError(f"{path}: cannot read ({e.strerror})") from e
    if sent:
        out.append(sent)
    return out


_TRAILING = "،,.:;!?\"'»«()؛؟"


def split_punctuation(sent: Sentence) -> Sentence:
    """Punctuation glued to the end of a token (WikiANN's ``ساعة،``) as a token of its own, tagged O.

    >>> split_punctuation([("ميتيران،", "B-PER"), ("وهو", "O")])
    [('ميتيران', 'B-PER'), ('،', 'O'), ('وهو', 'O')]
    """
    out: Sentence = []
    for tok, tag in sent:
        core = tok.rstrip(_TRAILING)
        if core and core != tok:
            out.append((core, tag))
            out.append((tok[len(core) :], "O"))
        else:
            out.append((tok, tag))
    fixed: Sentence = []
    prev = "O"
    for tok, tag in out:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append((tok, tag))
        prev = tag
    return fixed


def read_wikiann(archive: Path, member: str = "train") -> list[Sentence]:
    """Sentences of one split (``train``, ``dev``, ``test``, ``extra``) of the WikiANN ``ar.tar.gz``."""
    with tarfile.open(archive, "r:gz") as tar:
        for m in tar.getmembers():
            if m.isfile() and Path(m.name).name == member:
                f = tar.extractfile(m)
                assert f is not None
                text = f.read().decode("utf-8")
                return [split_punctuation(s) for s in parse_conll(text.splitlines(), f"{archive}:{m.name}")]
    raise ConllError(f"{archive}: no member named {member!r}")


def write_conll(out: TextIO, sentences: Iterable[Sequence[tuple[str, ...]]]) -> None:
    """Write sentences of tuples (``TOKEN GOLD PREDICTED`` or ``TOKEN TAG``), one token a line."""
    for sent in sentences:
        for row in sent:
            out.write(" ".join(row) + "\n")
        out.write("\n")


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entities ``(first token, end token, type)`` of a BIO sequence, read as conlleval reads it.

    An ``I-`` tag that does not continue an entity of its type starts a new one.

    >>> bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"])
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'LOC')]
    """
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        p, t = (tag[0], tag[2:]) if tag != "O" else ("O", "")
        if typ and (p in ("B", "O") or t != typ):
            out.append((start, i, typ))
            typ = ""
        if p == "B" or (p == "I" and not typ):
            start, typ = i, t
    return out
