"""Schema of the trigger lexicon (resources/triggers.tsv): columns, types, parts of speech, clean Arabic."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest

from rasd.matcher import GAP
from rasd.resources import RESOURCE_DIR, load_tsv
from rasd.stages.events import trigger_matcher
from rasd.text import norm

COLUMNS = ["form", "type", "mode", "context", "pos", "prep", "requires", "note"]
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
POS = {"verb", "noun", "part"}
REQUIRES = {"", "actor", "recipient", "sides", "parties", "blame", "weapon"}


def _rows() -> tuple[dict[str, str], ...]:
    return load_tsv("triggers.tsv")


def _bad_char(ch: str) -> bool:
    cp = ord(ch)
    return (0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF  # presentation forms, BOM
            or ch == "\u0640"  # tatweel
            or 0x064B <= cp <= 0x065F or cp == 0x0670  # diacritics, superscript alef
            or unicodedata.category(ch) in ("Cf", "Cc"))  # invisible controls (ZWJ, RLM ...)


def test_header_and_field_count() -> None:
    lines = (RESOURCE_DIR / "triggers.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == COLUMNS
    for n, line in enumerate(lines[1:], start=2):
        if line.strip() and not line.startswith("#"):
            assert len(line.split("\t")) == len(COLUMNS), f"line {n}: {line!r}"


def test_types_modes_pos_and_requires() -> None:
    for r in _rows():
        where = f"{r['form']!r} ({r['type']})"
        assert r["type"] in TYPES | {"NONE"}, where
        if r["type"] == "NONE":  # pos only says which proclitics the first word may take
            assert not (r["mode"] or r["context"] or r["prep"] or r["requires"]), where
            assert r["pos"] in POS | {""}, where
            continue
        assert r["pos"] in POS, where
        assert r["requires"] in REQUIRES, where
        assert r["mode"] == r["mode"].strip() and " " not in r["mode"], where
        for c in r["context"].split("|"):
            assert c == c.strip() and " " not in c, where


def test_forms_are_clean_arabic() -> None:
    for r in _rows():
        f = r["form"]
        assert f and f == f.strip() and "  " not in f, repr(f)
        assert not any(_bad_char(c) for c in f), f"{f!r} has a presentation form, tatweel, diacritic or control"
        assert all("\u0600" <= c <= "\u06ff" or c == " " for c in f.replace(GAP, "")), f"{f!r}: a non-Arabic character"
        words = f.split()
        assert GAP not in (words[0], words[-1]), f"{f!r}: a gap stands between two words"
        assert all(GAP not in w or w == GAP for w in words), f"{f!r}: a gap is a word of its own"
        assert not any(_bad_char(c) for c in r["prep"]), repr(r["prep"])


def test_no_duplicate_form_and_type() -> None:
    keys = Counter((norm(r["form"]), r["type"]) for r in _rows())
    dups = [k for k, n in keys.items() if n > 1]
    assert not dups, dups


def test_every_plover_type_has_verbs_and_nouns() -> None:
    have = {(r["type"], r["pos"]) for r in _rows()}
    for t in TYPES:
        assert (t, "verb") in have and (t, "noun") in have, t


def test_prep_is_a_preposition_or_gen() -> None:
    allowed = {"", "gen", "ب", "ل", "ك", "في", "من", "الى", "إلى", "على", "عن", "مع", "ضد", "حول", "بشأن", "بين"}
    for r in _rows():
        assert r["prep"] in allowed, f"{r['form']!r}: prep {r['prep']!r}"


def test_lexicon_loads_into_the_matcher() -> None:
    # every row, plus the indefinite accusative of the attack nouns that take one (تفجير → تفجيرا)
    rows = _rows()
    extra = len(trigger_matcher()) - len(rows)
    assert 0 < extra < sum(r["type"] == "ASSAULT" and r["pos"] == "noun" for r in rows)


@pytest.mark.parametrize("form", ["وقف إطلاق النار", "منظمات الإغاثة"])
def test_non_event_phrases_block_their_inner_trigger(form: str) -> None:
    assert any(norm(r["form"]) == norm(form) and r["type"] == "NONE" for r in _rows())


def _found(text: str) -> list[tuple[str, str]]:
    """(type, matched text) of the lexicon matches in a one-sentence text."""
    from rasd.text import sentence_spans, tokenize

    toks = tokenize(text, sentence_spans(text))
    return [(m.payload.type, text[m.start : m.end]) for m in trigger_matcher().find(toks)]


@pytest.mark.parametrize(("text", "want"), [
    ("دعا إلى الالتزام بوقف إطلاق النار في المدينة", ("NONE", "وقف إطلاق النار")),  # after ب
    ("أسقطت الدفاعات طائرة مسيرة فوق القاعدة", ("NONE", "طائرة مسيرة")),
    ("وقال قائد الحشد الشعبي إن الوضع هادئ", ("NONE", "حشد الشعبي")),  # the match skips ال
    ("وقتلوا ثلاثة جنود", ("ASSAULT", "قتلوا")),  # a verb after و
    ("شنت الطائرات غارات على البلدة", ("ASSAULT", "شنت الطائرات غارات")),  # a gapped phrase
    ("ندد الوزير باعتقالها", ("COERCE", "اعتقالها")),  # a noun after ب, with a pronoun
])
def test_matches_in_context(text: str, want: tuple[str, str]) -> None:
    assert want in _found(text)


@pytest.mark.parametrize("text", [
    "القتل جريمة",  # a verb row never matches after ال
    "وصلت القوات فجر اليوم",  # فجر is dawn
    "رفض المتحدث التعليق على الخبر",  # تعليق is a comment
    "نشرت الصحيفة التقرير",  # نشر is published
])
def test_no_event_trigger_in_non_event_text(text: str) -> None:
    found = [t for t, _ in _found(text) if t not in ("NONE", "REJECT")]
    assert not found, found
