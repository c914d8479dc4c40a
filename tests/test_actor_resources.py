"""Checks of the actor lexicons: actors.tsv, heads.tsv and generic_actors.tsv."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from rasd.text import norm

RESOURCES = Path(__file__).resolve().parents[1] / "src" / "rasd" / "resources"

# CODEBOOK section 5, plus NGO (sector of NGO-type bodies) and ELI (experts; CONVENTIONS, Actors).
SECTORS = {
    "GOV", "MIL", "COP", "REB", "OPP", "UAF", "PTY", "JUD", "LEG", "SPY",
    "CVL", "JRN", "MED", "REF", "REL", "BUS", "EDU", "LAB", "NGO", "ELI",
}
ACTOR_KINDS = {"ORG", "PER", "GROUP", "MEDIA"}
HEAD_KINDS = {"title", "body", "modifier"}

# Presentation forms, tatweel and harakat (fathatan .. sukun).
FORBIDDEN = re.compile("[\ufb50-\ufdff\ufe70-\ufeff\u0640\u064b-\u0652]")
CODE = re.compile(r"^[A-Z]{3}$")
PROCLITICS = "وفبلك"

FILES = {
    "actors.tsv": ["alias", "code", "sector", "kind", "canonical"],
    "heads.tsv": ["head", "sector", "kind", "note"],
    "generic_actors.tsv": ["alias", "sector", "note"],
}


def read_tsv(name: str) -> tuple[list[str], list[list[str]]]:
    """Header and data rows of a resource TSV; lines starting with # are skipped."""
    with open(RESOURCES / name, encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


def as_dict(name: str) -> dict[str, list[str]]:
    _, rows = read_tsv(name)
    return {r[0]: r for r in rows}


@pytest.mark.parametrize("name", sorted(FILES))
def test_header_and_columns(name: str) -> None:
    header, rows = read_tsv(name)
    assert header == FILES[name]
    assert rows
    for row in rows:
        assert len(row) == len(header), row
        assert all(cell == cell.strip() and cell for cell in row), row


@pytest.mark.parametrize("name", sorted(FILES))
def test_first_line_is_header(name: str) -> None:
    with open(RESOURCES / name, encoding="utf-8") as f:
        assert f.readline().rstrip("\n").split("\t") == FILES[name]


@pytest.mark.parametrize("name", sorted(FILES))
def test_no_forbidden_characters(name: str) -> None:
    text = (RESOURCES / name).read_text(encoding="utf-8")
    bad = sorted({f"U+{ord(c):04X}" for c in FORBIDDEN.findall(text)})
    assert not bad, bad


@pytest.mark.parametrize("name", sorted(FILES))
def test_aliases_are_plain_arabic(name: str) -> None:
    _, rows = read_tsv(name)
    for row in rows:
        assert re.fullmatch(r"[\u0621-\u063a\u0641-\u064a0-9]+(?: [\u0621-\u063a\u0641-\u064a0-9]+)*", row[0]), row


@pytest.mark.parametrize("name", sorted(FILES))
def test_no_duplicate_aliases(name: str) -> None:
    _, rows = read_tsv(name)
    raw = [r[0] for r in rows]
    assert len(raw) == len(set(raw)), sorted({a for a in raw if raw.count(a) > 1})
    normed: dict[str, str] = {}
    for alias in raw:
        n = norm(alias)
        assert n not in normed, f"{alias} and {normed[n]} are the same after normalisation"
        normed[n] = alias


@pytest.mark.parametrize("name", sorted(FILES))
def test_no_proclitic_variants(name: str) -> None:
    _, rows = read_tsv(name)
    normed = {norm(r[0]) for r in rows}
    clitic = sorted(n for n in normed if n[0] in PROCLITICS and n[1:] in normed)
    assert not clitic, clitic


@pytest.mark.parametrize("name", sorted(FILES))
def test_sectors(name: str) -> None:
    header, rows = read_tsv(name)
    i = header.index("sector")
    assert {r[i] for r in rows} <= SECTORS


def test_actor_codes_and_kinds() -> None:
    _, rows = read_tsv("actors.tsv")
    for alias, code, _sector, kind, canonical in rows:
        assert CODE.match(code), alias
        assert kind in ACTOR_KINDS, alias
        assert canonical.isascii(), alias


def test_head_kinds() -> None:
    _, rows = read_tsv("heads.tsv")
    assert {r[2] for r in rows} <= HEAD_KINDS
    assert {r[2] for r in rows} == HEAD_KINDS


def test_one_canonical_one_code() -> None:
    _, rows = read_tsv("actors.tsv")
    seen: dict[str, tuple[str, str]] = {}
    for _alias, code, sector, _kind, canonical in rows:
        assert seen.setdefault(canonical, (code, sector)) == (code, sector), canonical


@pytest.mark.parametrize(
    ("alias", "code", "sector", "kind"),
    [
        ("داعش", "IMG", "REB", "GROUP"),
        ("تنظيم الدولة الإسلامية", "IMG", "REB", "GROUP"),
        ("جبهة النصرة", "SYR", "REB", "GROUP"),
        ("هيئة تحرير الشام", "SYR", "REB", "GROUP"),
        ("الأمم المتحدة", "UNO", "GOV", "ORG"),
        ("مجلس الأمن", "UNO", "GOV", "ORG"),
        ("الاتحاد الأوروبي", "EUR", "GOV", "ORG"),
        ("حلف الناتو", "IGO", "MIL", "ORG"),
        ("لافروف", "RUS", "GOV", "PER"),
        ("سيرغي لافروف", "RUS", "GOV", "PER"),
        ("شويغو", "RUS", "MIL", "PER"),
        ("التحالف الدولي", "USA", "MIL", "ORG"),
        ("التحالف العربي", "SAU", "MIL", "ORG"),
        ("مركز المصالحة الروسي", "RUS", "MIL", "ORG"),
        ("حزب الله", "LBN", "REB", "GROUP"),
        ("الحشد الشعبي", "IRQ", "MIL", "GROUP"),
        ("قوات سوريا الديمقراطية", "SYR", "REB", "GROUP"),
        ("المرصد السوري لحقوق الإنسان", "NGO", "NGO", "ORG"),
        ("سانا", "SYR", "JRN", "MEDIA"),
        ("رويترز", "GBR", "JRN", "MEDIA"),
        ("غوتيريش", "UNO", "GOV", "PER"),
    ],
)
def test_actor_spot_checks(alias: str, code: str, sector: str, kind: str) -> None:
    row = as_dict("actors.tsv")[alias]
    assert row[1:4] == [code, sector, kind]


@pytest.mark.parametrize(
    "alias",
    ["القاعدة", "الجزيرة", "العربية", "فتح", "الشباب", "عون", "سلمان", "عباس", "هادي", "رئيسي", "السوداني", "مبارك"],
)
def test_ambiguous_words_left_out(alias: str) -> None:
    assert alias not in as_dict("actors.tsv")


@pytest.mark.parametrize(
    ("head", "sector", "kind"),
    [
        ("الجيش", "MIL", "body"),
        ("وزير الخارجية", "GOV", "title"),
        ("وزير الدفاع", "MIL", "title"),
        ("وزارة الدفاع", "MIL", "body"),
        ("الشرطة", "COP", "body"),
        ("المخابرات", "SPY", "body"),
        ("البرلمان", "LEG", "body"),
        ("القاضي", "JUD", "title"),
        ("المعارضة", "OPP", "body"),
        ("نائب", "GOV", "modifier"),
        ("المتحدث باسم", "GOV", "modifier"),
    ],
)
def test_head_spot_checks(head: str, sector: str, kind: str) -> None:
    row = as_dict("heads.tsv")[head]
    assert row[1:3] == [sector, kind]


@pytest.mark.parametrize(
    ("alias", "sector"),
    [("مسلحون مجهولون", "UAF"), ("المدنيين", "CVL"), ("النازحين", "REF"), ("الجماعات الإرهابية", "REB")],
)
def test_generic_spot_checks(alias: str, sector: str) -> None:
    assert as_dict("generic_actors.tsv")[alias][1] == sector


def test_no_country_names_in_actor_files() -> None:
    """Bare countries, capitals and nationality adjectives belong to countries.tsv."""
    path = RESOURCES / "countries.tsv"
    if not path.exists():
        pytest.skip("countries.tsv not present")
    _, rows = read_tsv("countries.tsv")
    forms = {norm(r[-1]) for r in rows}
    for name in FILES:
        _, arows = read_tsv(name)
        clash = sorted(r[0] for r in arows if norm(r[0]) in forms)
        assert not clash, (name, clash)


def test_the_gulf_states_as_a_bloc_are_the_gcc(run) -> None:
    doc = run("وتعهدت دول الخليج بتقديم مساعدات للمغرب.")
    assert {(m.text, m.actor.code) for m in doc.mentions if m.actor} >= {("دول الخليج", "IGO")}
