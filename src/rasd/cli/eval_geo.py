"""`rasd eval geo` and `rasd eval dates`: geocoding and date/number scores on public gold sets.

The scoring functions return plain dicts (the commands only format them), so tests and scripts can
call them directly. Gold data is read in place and never copied.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

WITHIN_KM = 161.0  # 100 miles, the usual "accuracy at 161 km" of toponym resolution


# --- syria-admin --------------------------------------------------------------------------------


def _gold_units(folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    govs = json.loads((folder / "governorates.json").read_text(encoding="utf-8"))
    dists = json.loads((folder / "districts.json").read_text(encoding="utf-8"))
    return govs, dists


def _district_code(d: dict[str, Any], admin1: str) -> str | None:
    """The unit of rasd (built-in or imported) that a gold district is: rasd's own district when it has
    one of that name in that governorate, else the imported P-code."""
    from rasd.gazetteer import _rasd_admin2

    names = [d["name"]["ar"], *(a["value"] for a in d.get("aliases", []) if a.get("language") == "ar")]
    return _rasd_admin2(admin1, names) or (d.get("externalIds") or {}).get("ochaPcode")


def score_syria_admin(folder: Path) -> dict[str, Any]:
    """Share of governorate and district names and aliases (Arabic and English) that geocode to the right unit.

    Each name is geocoded alone with the level of the set as a hint (``admin1`` for governorates,
    ``admin2`` for districts: the same word often names both, الحسكة). Right means: a governorate's
    top reading is that governorate (feature admin1, same ISO code); a district's top reading is a
    district with that governorate and that district's code (rasd's own code for the districts rasd
    ships, the OCHA P-code for imported ones; see :func:`_district_code`).
    """
    from rasd.stages.places import geocode

    govs, dists = _gold_units(folder)
    iso_of = {g["id"]: g["iso31662"] for g in govs}
    out: dict[str, Any] = {}
    for level, units in (("governorates", govs), ("districts", dists)):
        per_lang: dict[str, Counter[str]] = defaultdict(Counter)
        misses: list[dict[str, Any]] = []
        for u in units:
            admin1 = u.get("iso31662") or iso_of.get(u.get("governorateId"))
            want2 = _district_code(u, admin1) if level == "districts" else None
            names = [(u["name"]["ar"], "ar"), (u["name"]["en"], "en")]
            names += [(a["value"], a.get("language", "?")) for a in u.get("aliases", [])]
            for name, lang in dict.fromkeys(names):
                got = geocode(name, level="admin1" if level == "governorates" else "admin2", limit=1)
                p = got[0] if got else None
                if level == "governorates":
                    ok = p is not None and p.feature == "admin1" and p.admin1 == admin1
                else:
                    ok = p is not None and p.feature == "admin2" and p.admin1 == admin1 and p.admin2 == want2
                per_lang[lang]["total"] += 1
                per_lang[lang]["correct"] += ok
                if not ok:
                    misses.append({"name": name, "want": want2 or admin1,
                                   "got": (p.gazetteer_id, p.admin1, p.admin2, p.feature) if p else None})
        total = sum(c["total"] for c in per_lang.values())
        correct = sum(c["correct"] for c in per_lang.values())
        out[level] = {
            "names": total, "correct": correct, "share": correct / total if total else 0.0,
            "by_language": {k: {"names": v["total"], "share": v["correct"] / v["total"]} for k, v in per_lang.items()},
            "misses": misses,
        }
    return out


# --- IDRISI -------------------------------------------------------------------------------------


def _idrisi_mentions(folder: Path, split: str | None) -> Iterator[tuple[str, dict[str, Any]]]:
    for f in sorted(folder.glob("*.jsonl")):
        if split and not f.stem.endswith(f"__{split}"):
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            t = json.loads(line)
            seen = set()
            for m in t.get("location_mentions", []):
                key = (m.get("start_offset"), m.get("end_offset"))
                if key in seen or not m.get("osm_json"):
                    continue
                seen.add(key)
                yield t["text"], m


def score_idrisi(folder: Path, split: str | None = None) -> dict[str, Any]:
    """Country, admin1 and within-161-km accuracy of geocoding IDRISI-D's place mentions.

    Each gold mention's text is geocoded with its tweet as context. Country accuracy is over every
    mention; admin1 accuracy over mentions below country level whose gold address has an ISO 3166-2
    code; distance accuracy over every mention. An unresolved mention counts as wrong everywhere.
    """
    from rasd.gazetteer import _iso2_to_iso3, distance_km
    from rasd.stages.places import geocode

    iso3 = _iso2_to_iso3()
    c: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for text, m in _idrisi_mentions(folder, split):
        osm = m["osm_json"]
        addr = osm.get("address") or {}
        got = geocode(m["text"], context=text, limit=1)
        p = got[0] if got else None
        gold_country = iso3.get(str(addr.get("country_code", "")).upper())
        gold_a1 = addr.get("ISO3166-2-lvl4")
        c["mentions"] += 1
        c["resolved"] += p is not None
        ok_c = p is not None and p.country == gold_country
        c["country_ok"] += ok_c
        by_type[m["type"]]["n"] += 1
        by_type[m["type"]]["country_ok"] += ok_c
        if gold_a1 and m["type"] != "Country":
            c["admin1_n"] += 1
            c["admin1_ok"] += p is not None and p.admin1 == gold_a1
        lat, lon = float(osm["lat"]), float(osm["lon"])
        near = p is not None and p.lat is not None and distance_km(p.lat, p.lon or 0.0, lat, lon) <= WITHIN_KM
        c["near_ok"] += near
        by_type[m["type"]]["near_ok"] += near
    n = c["mentions"] or 1
    return {
        "mentions": c["mentions"], "resolved": c["resolved"] / n,
        "country_accuracy": c["country_ok"] / n,
        "admin1_accuracy": c["admin1_ok"] / (c["admin1_n"] or 1), "admin1_mentions": c["admin1_n"],
        "within_161km": c["near_ok"] / n,
        "by_type": {k: {"n": v["n"], "country": v["country_ok"] / v["n"], "within_161km": v["near_ok"] / v["n"]}
                    for k, v in sorted(by_type.items(), key=lambda kv: -kv[1]["n"])},
    }


# --- Wojood DATE / CARDINAL ---------------------------------------------------------------------


def _wojood_sentences(path: Path) -> Iterator[tuple[str, dict[str, set[tuple[int, int]]]]]:
    """(text with tokens joined by spaces, label → gold character spans) of each sentence."""
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            rows.append(line.split())
            continue
        if not rows:
            continue
        toks = [r[0] for r in rows]
        starts, pos = [], 0
        for t in toks:
            starts.append(pos)
            pos += len(t) + 1
        spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for i, r in enumerate(rows):
            for tag in r[1:]:
                if tag.startswith("B-"):
                    lab, j = tag[2:], i + 1
                    while j < len(rows) and f"I-{lab}" in rows[j][1:]:
                        j += 1
                    spans[lab].add((starts[i], starts[j - 1] + len(toks[j - 1])))
        yield " ".join(toks), spans
        rows = []


def _snap(text: str, s: int, e: int) -> tuple[int, int]:
    """Widen a span to whole space-separated tokens (a proclitic left out of a span is part of its token)."""
    while s > 0 and text[s - 1] != " ":
        s -= 1
    while e < len(text) and text[e] != " ":
        e += 1
    return s, e


def score_wojood(folder: Path, split: str | None = None) -> dict[str, Any]:
    """Exact-span precision, recall and F1 of rasd's dates (DATE) and quantities (CARDINAL) on Wojood."""
    from rasd.stages.dates import find_dates
    from rasd.stages.quantities import find_quantities

    files = [folder / f"{s}.txt" for s in ([split] if split else ["train", "val", "test"])]
    counts = {lab: Counter() for lab in ("DATE", "CARDINAL")}
    for f in files:
        for text, gold in _wojood_sentences(f):
            times = find_dates(text, None)
            pred = {
                "DATE": {_snap(text, t.start, t.end) for t in times},
                "CARDINAL": {_snap(text, q.start, q.end) for q in find_quantities(text, times=times)
                             if q.unit != "%"},
            }
            for lab, c in counts.items():
                g, p = gold.get(lab, set()), pred[lab]
                c["tp"] += len(g & p)
                c["fp"] += len(p - g)
                c["fn"] += len(g - p)
    out = {}
    for lab, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        out[lab] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, **c}
    return out


# Test phrases written for rasd, resolved against 2024-03-07 (a Thursday).
DATE_PHRASES: tuple[str, ...] = (
    "اليوم", "أمس", "أول أمس", "غدا", "يوم الثلاثاء", "الجمعة الماضية", "الأحد المقبل", "9 سبتمبر الماضي",
    "15 شباط 2023", "كانون الثاني الماضي", "منتصف الشهر الجاري", "أواخر الشهر الماضي", "مطلع العام",
    "عام 2011", "من 3 إلى 5 آذار", "رمضان الماضي", "خلال الساعات الـ24 الماضية", "منذ ثلاثة أيام",
    "الأسبوع الماضي", "3/2/2024", "15 رجب 1445 هـ",
)


def resolve_phrases(published: dt.date) -> list[dict[str, Any]]:
    """How rasd resolves :data:`DATE_PHRASES` against ``published``."""
    from rasd.stages.dates import find_dates

    out = []
    for ph in DATE_PHRASES:
        ts = find_dates(ph, published)
        t = max(ts, key=lambda x: x.end - x.start) if ts else None
        out.append({"phrase": ph, "span": t.text if t else None, "date": t.date if t else None,
                    "end_date": t.end_date if t else None, "precision": t.precision if t else "unknown",
                    "kind": t.kind if t else None})
    return out


# --- commands -----------------------------------------------------------------------------------

_SHARED = Path("..") / "shared" / "data"


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


@click.command(name="geo")
@click.option("--syria-admin", "syria", type=click.Path(file_okay=False, path_type=Path),
              default=_SHARED / "gazetteer" / "syria-admin", show_default=True)
@click.option("--idrisi", type=click.Path(file_okay=False, path_type=Path),
              default=_SHARED / "geo" / "idrisi", show_default=True)
@click.option("--split", type=click.Choice(["train", "dev"]), help="Only this IDRISI split (default: both).")
@click.option("--misses", is_flag=True, help="List the syria-admin names that did not resolve.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def eval_geo(syria: Path, idrisi: Path, split: str | None, misses: bool, fmt: str) -> None:
    """Geocoding scores: syria-admin names and aliases, IDRISI-D country/admin1/161 km accuracy."""
    report: dict[str, Any] = {}
    if (syria / "governorates.json").exists():
        report["syria_admin"] = score_syria_admin(syria)
    if idrisi.is_dir():
        report["idrisi"] = score_idrisi(idrisi, split)
    if not report:
        raise click.UsageError("neither gold set was found (see --syria-admin, --idrisi)")
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    for level, r in report.get("syria_admin", {}).items():
        langs = ", ".join(f"{k} {_pct(v['share'])} of {v['names']}" for k, v in sorted(r["by_language"].items()))
        click.echo(f"syria-admin {level:<13} {_pct(r['share'])} of {r['names']} names ({langs})")
        if misses:
            for m in r["misses"]:
                click.echo(f"    miss {m['name']!r}: want {m['want']}, got {m['got']}")
    if "idrisi" in report:
        r = report["idrisi"]
        click.echo(f"idrisi mentions {r['mentions']}: country {_pct(r['country_accuracy'])}, admin1 "
                   f"{_pct(r['admin1_accuracy'])} (of {r['admin1_mentions']}), within 161 km "
                   f"{_pct(r['within_161km'])}, resolved {_pct(r['resolved'])}")
        for t, v in r["by_type"].items():
            click.echo(f"    {t:<30} {v['n']:5d}  country {_pct(v['country'])}  161 km {_pct(v['within_161km'])}")


@click.command(name="dates")
@click.option("--wojood", type=click.Path(file_okay=False, path_type=Path),
              default=_SHARED / "ner" / "wojood-sample", show_default=True)
@click.option("--split", type=click.Choice(["train", "val", "test"]), help="Only this Wojood file (default: all).")
@click.option("--published", default="2024-03-07", show_default=True, help="Publication date for the phrase table.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def eval_dates(wojood: Path, split: str | None, published: str, fmt: str) -> None:
    """Span F1 of DATE (and CARDINAL) on the Wojood sample, and a table of resolved test phrases."""
    pub = dt.date.fromisoformat(published)
    report: dict[str, Any] = {"phrases": resolve_phrases(pub)}
    if wojood.is_dir():
        report["wojood"] = score_wojood(wojood, split)
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    for lab, r in report.get("wojood", {}).items():
        click.echo(f"wojood {lab:<9} P {100 * r['precision']:5.1f}  R {100 * r['recall']:5.1f}  "
                   f"F1 {100 * r['f1']:5.1f}  (tp {r['tp']}, fp {r['fp']}, fn {r['fn']})")
    click.echo(f"\nphrases resolved against {pub.isoformat()} ({pub.strftime('%A')}):")
    for r in report["phrases"]:
        end = f" .. {r['end_date']}" if r["end_date"] else ""
        click.echo(f"  {r['phrase']:<28} {r['date'] or 'unknown'}{end} ({r['precision']}, {r['kind']})")
