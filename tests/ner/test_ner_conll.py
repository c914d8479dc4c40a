"""The CoNLL reader and writer, BIO span reading and WikiANN punctuation splitting."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from rasd.ner.conll import (
    ConllError,
    bio_spans,
    norm_tag,
    parse_conll,
    read_conll,
    read_conll_columns,
    split_punctuation,
    write_conll,
)


def test_parse_sentences_and_tags() -> None:
    lines = ["زار B-PERS", "محمد I-PERS", "عمان B-LOC", "", "", "ar:قال\tO", " O", "-DOCSTART- O", "هنا O"]
    sents = list(parse_conll(lines))
    assert sents == [
        [("زار", "B-PER"), ("محمد", "I-PER"), ("عمان", "B-LOC")],
        [("قال", "O"), ("_", "O")],
        [("هنا", "O")],
    ]


def test_bad_line_is_an_error() -> None:
    with pytest.raises(ConllError, match="line 1"):
        list(parse_conll(["كلمة"]))
    with pytest.raises(ConllError, match="line 2"):
        list(parse_conll(["كلمة O", "كلمة X-PER"]))


def test_norm_tag() -> None:
    assert norm_tag("B-PERS") == "B-PER"
    assert norm_tag("S-ORG") == "B-ORG"
    assert norm_tag("O") == "O"


def test_bio_spans_like_conlleval() -> None:
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG"),
    ]
    assert bio_spans([]) == []


def test_write_and_read_back(tmp_path: Path) -> None:
    buf = io.StringIO()
    write_conll(buf, [[("قال", "O", "O"), ("سمير", "B-PER", "B-PER")], [("بيروت", "B-LOC", "O")]])
    assert buf.getvalue() == "قال O O\nسمير B-PER B-PER\n\nبيروت B-LOC O\n\n"
    f = tmp_path / "p.txt"
    f.write_text(buf.getvalue(), encoding="utf-8")
    assert read_conll_columns(f) == [[("قال", "O", "O"), ("سمير", "B-PER", "B-PER")], [("بيروت", "B-LOC", "O")]]


def test_read_conll_file(tmp_path: Path) -> None:
    f = tmp_path / "c.txt"
    f.write_text("\ufeffسافر O\nخالد B-PERS\n\nإلى O\n", encoding="utf-8")
    assert read_conll(f) == [[("سافر", "O"), ("خالد", "B-PER")], [("إلى", "O")]]
    with pytest.raises(ConllError, match="cannot read"):
        read_conll(tmp_path / "missing.txt")


def test_split_punctuation() -> None:
    assert split_punctuation([("التقى", "O"), ("فرنسوا", "B-PER"), ("ميتيران،", "I-PER"), ("أمس", "O")]) == [
        ("التقى", "O"), ("فرنسوا", "B-PER"), ("ميتيران", "I-PER"), ("،", "O"), ("أمس", "O"),
    ]
    # An entity that went on after the comma starts afresh.
    assert split_punctuation([("(", "B-ORG"), ("شركة", "I-ORG")]) == [("(", "B-ORG"), ("شركة", "I-ORG")]
    assert split_punctuation([("نادي،", "B-ORG"), ("الوحدة", "I-ORG")]) == [
        ("نادي", "B-ORG"), ("،", "O"), ("الوحدة", "B-ORG"),
    ]
