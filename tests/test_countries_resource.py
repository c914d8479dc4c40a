"""Checks on the country gazetteer resource ``src/rasd/resources/countries.tsv``."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parents[1] / "src" / "rasd" / "resources" / "countries.tsv"
HEADER = ["iso3", "iso2", "role", "form"]
ROLES = {"name", "capital", "adj", "adj_pl"}

# Plain Arabic letters (hamza .. ghain, fa .. ya) separated by single spaces.
FORM_RE = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+(?: [\u0621-\u063A\u0641-\u064A]+)*$")
# The same folding the text layer applies before matching (alef forms, ya, ta marbuta, hamza seats;
# diacritics and tatweel dropped), so that forms equal after normalisation count as equal.
FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ئ": "ي", "ؤ": "و"}
    | {chr(cp): None for cp in [*range(0x064B, 0x0653), 0x0640]}
)


def _forbidden(ch: str) -> bool:
    cp = ord(ch)
    return (
        0xFB50 <= cp <= 0xFDFF  # Arabic presentation forms A
        or 0xFE70 <= cp <= 0xFEFF  # Arabic presentation forms B (and BOM)
        or cp == 0x0640  # tatweel
        or 0x064B <= cp <= 0x0652  # harakat, shadda, sukun
    )


def _load() -> tuple[list[str], list[list[str]]]:
    with PATH.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = [row for row in reader if row and not row[0].startswith("#")]
    return header, rows


@pytest.fixture(scope="module")
def rows() -> list[list[str]]:
    return _load()[1]


def test_header() -> None:
    assert _load()[0] == HEADER


def test_row_shape(rows: list[list[str]]) -> None:
    assert rows
    for row in rows:
        assert len(row) == 4, row
        iso3, iso2, role, form = row
        assert re.fullmatch(r"[A-Z]{3}", iso3), row
        assert re.fullmatch(r"[A-Z]{2}", iso2), row
        assert role in ROLES, row
        assert form == form.strip() and form, row


def test_iso2_consistent(rows: list[list[str]]) -> None:
    pairs: dict[str, set[str]] = defaultdict(set)
    for iso3, iso2, _role, _form in rows:
        pairs[iso3].add(iso2)
    assert {k: v for k, v in pairs.items() if len(v) > 1} == {}
    owners: dict[str, set[str]] = defaultdict(set)
    for iso3, codes in pairs.items():
        owners[next(iter(codes))].add(iso3)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_forms_are_plain_arabic(rows: list[list[str]]) -> None:
    for row in rows:
        form = row[3]
        assert not any(_forbidden(ch) for ch in form), row
        assert FORM_RE.match(form), row


def test_no_duplicates(rows: list[list[str]]) -> None:
    seen: set[tuple[str, str, str]] = set()
    for iso3, _iso2, role, form in rows:
        key = (iso3, role, form.translate(FOLD))
        assert key not in seen, (iso3, role, form)
        seen.add(key)


def test_no_form_for_two_countries(rows: list[list[str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for iso3, _iso2, _role, form in rows:
        owners[form.translate(FOLD)].add(iso3)
    assert {f: c for f, c in owners.items() if len(c) > 1} == {}


def test_coverage(rows: list[list[str]]) -> None:
    named = {r[0] for r in rows if r[2] == "name"}
    with_adj = {r[0] for r in rows if r[2] == "adj"}
    assert len(named) >= 197
    assert named - with_adj == set()
    assert {"PSE", "XKX", "TWN", "VAT", "ESH"} <= named


@pytest.mark.parametrize(
    ("form", "iso3", "role"),
    [
        ("روسيا", "RUS", "name"),
        ("موسكو", "RUS", "capital"),
        ("روسي", "RUS", "adj"),
        ("روس", "RUS", "adj_pl"),
        ("أمريكي", "USA", "adj"),
        ("أميركا", "USA", "name"),
        ("الولايات المتحدة", "USA", "name"),
        ("واشنطن", "USA", "capital"),
        ("دمشق", "SYR", "capital"),
        ("سورية", "SYR", "name"),
        ("بريطانيا", "GBR", "name"),
        ("المملكة العربية السعودية", "SAU", "name"),
        ("الإمارات", "ARE", "name"),
        ("إسرائيلي", "ISR", "adj"),
        ("تل أبيب", "ISR", "capital"),
        ("فلسطين", "PSE", "name"),
        ("كوريا الشمالية", "PRK", "name"),
        ("أتراك", "TUR", "adj_pl"),
        ("جنوب السودان", "SSD", "name"),
        ("نيجري", "NER", "adj"),
        ("نيجيري", "NGA", "adj"),
    ],
)
def test_spot_checks(rows: list[list[str]], form: str, iso3: str, role: str) -> None:
    assert [iso3, role] in [[r[0], r[2]] for r in rows if r[3] == form]


def test_jerusalem_left_out(rows: list[list[str]]) -> None:
    assert not [r for r in rows if r[3].translate(FOLD) in {"القدس", "القدس الشرقيه"}]


def test_israel_epithet_is_a_name_of_israel() -> None:
    from rasd.lexicon import country_name_index
    from rasd.text import norm

    assert country_name_index().get(norm("الدولة العبرية")) == "ISR"
