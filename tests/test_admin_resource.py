"""Checks on the hand-written gazetteer tables in ``rasd/resources``.

``admin.tsv``: admin1 units (ISO 3166-2) and Syrian admin2 districts.
``places_extra.tsv``: well-known places that a GeoNames lookup misses or gets wrong.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from importlib.resources import files

import pytest

from rasd.text import fold_char

RESOURCES = files("rasd") / "resources"

ADMIN_HEADER = ["level", "code", "country", "parent", "name_en", "names_ar", "lat", "lon"]
PLACES_HEADER = ["name_ar", "name_en", "kind", "country", "admin1", "lat", "lon", "population"]
KINDS = {"capital", "city", "town", "site", "region", "camp", "crossing", "airport", "base"}

SYRIA_ADMIN1 = {
    "SY-DI",
    "SY-RD",
    "SY-HL",
    "SY-HM",
    "SY-HI",
    "SY-ID",
    "SY-LA",
    "SY-TA",
    "SY-DR",
    "SY-SU",
    "SY-QU",
    "SY-DY",
    "SY-RA",
    "SY-HA",
}
SYRIA_BOX = (32.3, 37.4, 35.7, 42.4)  # lat_min, lat_max, lon_min, lon_max

ADMIN1_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
ADMIN2_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}-[A-Z0-9]+$")
COUNTRY = re.compile(r"^[A-Z]{3}$")
COORD = re.compile(r"^-?\d{1,3}\.\d{4}$")
# Plain Arabic letters (hamza..ghain, fa..ya), space and hyphen; no tatweel, no diacritics.
ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+(?:[ \-][\u0621-\u063A\u0641-\u064A]+)*$")


def _forbidden(ch: str) -> bool:
    cp = ord(ch)
    return (
        0xFB50 <= cp <= 0xFDFF  # Arabic presentation forms A
        or 0xFE70 <= cp <= 0xFEFF  # Arabic presentation forms B, BOM
        or cp == 0x0640  # tatweel
        or 0x064B <= cp <= 0x065F  # harakat and other combining marks
        or cp == 0x0670  # superscript alef
        or 0x06D6 <= cp <= 0x06ED  # Quranic marks
        or 0x200B <= cp <= 0x200F  # zero-width and directional marks
        or 0x202A <= cp <= 0x202E
        or 0x2066 <= cp <= 0x2069
        or cp == 0x00A0
    )


def _fold(name: str) -> str:
    return "".join(fold_char(c) for c in name)


def _read(name: str) -> tuple[list[str], list[list[str]], str]:
    text = (RESOURCES / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    header = lines[0].split("\t")
    body = [ln for ln in lines[1:] if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(body, delimiter="\t", quoting=csv.QUOTE_NONE))
    return header, rows, text


@pytest.fixture(scope="module")
def admin() -> tuple[list[str], list[dict[str, str]], str]:
    header, rows, text = _read("admin.tsv")
    return header, [dict(zip(ADMIN_HEADER, r, strict=False)) for r in rows], text


@pytest.fixture(scope="module")
def places() -> tuple[list[str], list[dict[str, str]], str]:
    header, rows, text = _read("places_extra.tsv")
    return header, [dict(zip(PLACES_HEADER, r, strict=False)) for r in rows], text


# ---------------------------------------------------------------- admin.tsv


def test_admin_header(admin):
    header, _, _ = admin
    assert header == ADMIN_HEADER


def test_admin_column_count():
    _, rows, _ = _read("admin.tsv")
    bad = [r for r in rows if len(r) != len(ADMIN_HEADER)]
    assert not bad, bad[:5]


def test_admin_fields_well_formed(admin):
    _, rows, _ = admin
    for r in rows:
        assert r["level"] in {"admin1", "admin2"}, r
        assert COUNTRY.match(r["country"]), r
        assert r["name_en"].strip() == r["name_en"] and r["name_en"], r
        assert COORD.match(r["lat"]) and COORD.match(r["lon"]), r
        if r["level"] == "admin1":
            assert ADMIN1_CODE.match(r["code"]), r
            assert r["parent"] == "", r
        else:
            assert ADMIN2_CODE.match(r["code"]), r
            assert r["code"].startswith(r["parent"] + "-"), r


def test_admin_syria_governorates(admin):
    _, rows, _ = admin
    syr = {r["code"] for r in rows if r["level"] == "admin1" and r["country"] == "SYR"}
    assert syr == SYRIA_ADMIN1


@pytest.mark.parametrize(
    ("country", "count"),
    [
        ("SYR", 14),
        ("IRQ", 19),
        ("LBN", 9),
        ("JOR", 12),
        ("PSE", 16),
        ("ISR", 6),
        ("YEM", 22),
        ("LBY", 22),
        ("EGY", 27),
        ("SAU", 13),
        ("KWT", 6),
        ("ARE", 7),
        ("OMN", 11),
        ("SDN", 18),
        ("TUN", 24),
        ("MAR", 12),
        ("TUR", 81),
        ("IRN", 31),
    ],
)
def test_admin1_counts(admin, country, count):
    _, rows, _ = admin
    n = sum(1 for r in rows if r["level"] == "admin1" and r["country"] == country)
    assert n == count


def test_admin2_parents_exist(admin):
    _, rows, _ = admin
    admin1 = {r["code"]: r["country"] for r in rows if r["level"] == "admin1"}
    for r in rows:
        if r["level"] == "admin2":
            assert r["parent"] in admin1, r
            assert admin1[r["parent"]] == r["country"], r


def test_admin2_syria_coverage(admin):
    _, rows, _ = admin
    per_gov = Counter(r["parent"] for r in rows if r["level"] == "admin2" and r["country"] == "SYR")
    assert set(per_gov) == SYRIA_ADMIN1
    assert sum(per_gov.values()) >= 60


def test_admin_coordinates(admin):
    _, rows, _ = admin
    lat0, lat1, lon0, lon1 = SYRIA_BOX
    for r in rows:
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r
        if r["country"] == "SYR":
            assert lat0 <= lat <= lat1 and lon0 <= lon <= lon1, r


def test_admin_no_forbidden_characters(admin):
    _, _, text = admin
    bad = sorted({f"U+{ord(c):04X}" for c in text if _forbidden(c)})
    assert not bad


def test_admin_arabic_names_plain(admin):
    _, rows, _ = admin
    for r in rows:
        names = r["names_ar"].split("|")
        for n in names:
            assert ARABIC_NAME.match(n), (r["code"], n)
        folded = [_fold(n) for n in names]
        assert len(folded) == len(set(folded)), (r["code"], names)


def test_admin_no_duplicate_codes(admin):
    _, rows, _ = admin
    dup = [c for c, k in Counter(r["code"] for r in rows).items() if k > 1]
    assert not dup


def test_admin1_names_unique_within_country(admin):
    _, rows, _ = admin
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        if r["level"] != "admin1":
            continue
        for n in r["names_ar"].split("|"):
            seen[(r["country"], _fold(n))].add(r["code"])
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not clashes


# ---------------------------------------------------------------- places_extra.tsv


def test_places_header_and_columns(places):
    header, _, _ = places
    assert header == PLACES_HEADER
    _, raw, _ = _read("places_extra.tsv")
    bad = [r for r in raw if len(r) != len(PLACES_HEADER)]
    assert not bad, bad[:5]
    assert 150 <= len(raw) <= 400


def test_places_fields(places, admin):
    _, rows, text = places
    _, admin_rows, _ = admin
    admin1 = {r["code"]: r["country"] for r in admin_rows if r["level"] == "admin1"}
    lat0, lat1, lon0, lon1 = SYRIA_BOX
    assert not {c for c in text if _forbidden(c)}
    for r in rows:
        assert r["kind"] in KINDS, r
        assert COUNTRY.match(r["country"]), r
        for n in r["name_ar"].split("|"):
            assert ARABIC_NAME.match(n), r
        assert r["admin1"] == "" or re.match(r"^[A-Z]{2}-[A-Z0-9]{1,3}$", r["admin1"]), r
        if r["admin1"] in admin1:
            assert admin1[r["admin1"]] == r["country"], r
        assert COORD.match(r["lat"]) and COORD.match(r["lon"]), r
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r
        if r["country"] == "SYR":
            assert lat0 <= lat <= lat1 and lon0 <= lon <= lon1, r
        assert r["population"] == "" or r["population"].isdigit(), r


def test_places_no_duplicate_rows(places):
    _, rows, _ = places
    keys = Counter((r["name_ar"], r["country"]) for r in rows)
    assert not [k for k, n in keys.items() if n > 1]


def test_places_key_entries(places):
    _, rows, _ = places
    by_name = defaultdict(list)
    for r in rows:
        for n in r["name_ar"].split("|"):
            by_name[_fold(n)].append(r)
    wash = by_name[_fold("واشنطن")]
    assert any(r["country"] == "USA" and r["admin1"] == "US-DC" and r["kind"] == "capital" for r in wash)
    tripoli = {r["country"] for r in by_name[_fold("طرابلس")]}
    assert {"LBY", "LBN"} <= tripoli
    quds = by_name[_fold("القدس")]
    assert any(r["country"] == "PSE" and r["admin1"] == "PS-JEM" for r in quds)
    for name in ["الكرملين", "البيت الأبيض", "البنتاغون", "الغوطة الشرقية", "معبر نصيب", "مخيم الركبان"]:
        assert by_name[_fold(name)], name


def _rows(name: str) -> list[dict[str, str]]:
    header, raw, text = _read(name)
    assert not {c for c in text if _forbidden(c)}, name
    assert all(len(r) <= len(header) for r in raw), name
    return [dict(zip(header, r + [""] * (len(header) - len(r)), strict=True)) for r in raw]


def test_admin_en_codes_exist_and_names_are_latin(admin):
    _, rows, _ = admin
    codes = {r["code"] for r in rows}
    for r in _rows("admin_en.tsv"):
        assert r["code"] in codes, r
        for n in r["names_en"].split("|"):
            assert re.match(r"^[A-Za-z][A-Za-z '\-]*$", n), r


def test_country_points_are_countries_with_coordinates():
    rows = _rows("country_points.tsv")
    assert len({r["iso3"] for r in rows}) == len(rows)
    for r in rows:
        assert COUNTRY.match(r["iso3"]), r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r


@pytest.mark.parametrize(("name", "kinds"), [("place_query_words.tsv", {"admin1", "admin2", "admin3", "town",
                                                                          "facility", "road", "mission"}),
                                              ("place_stopwords.tsv", None), ("place_cues.tsv", None)])
def test_place_word_lists_are_plain_and_unique(name, kinds):
    rows = _rows(name)
    forms = [_fold(r["form"]) for r in rows]
    assert len(forms) == len(set(forms)), [f for f in forms if forms.count(f) > 1]
    for r in rows:
        assert ARABIC_NAME.match(r["form"]), r
        if kinds:
            assert r["kind"] in kinds, r
