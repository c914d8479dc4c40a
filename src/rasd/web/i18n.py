"""Interface labels in Arabic and English (the web pages and the bulletin), looked up by key."""

from __future__ import annotations

import functools
from collections.abc import Callable

LANGS = ("ar", "en")

# key → (Arabic, English)
LABELS: dict[str, tuple[str, str]] = {
    "app": ("رصد", "rasd"),
    "tagline": ("أحداث وتصريحات وأعداد من الأخبار العربية", "Events, statements and counts from Arabic news"),
    "events": ("الأحداث", "Events"),
    "event": ("حدث", "Event"),
    "articles": ("المقالات", "Articles"),
    "article": ("مقال", "Article"),
    "bulletin": ("النشرة اليومية", "Daily bulletin"),
    "api": ("واجهة البرمجة", "API"),
    "switch": ("English", "العربية"),
    "filters": ("تصفية", "Filters"),
    "apply": ("تطبيق", "Apply"),
    "reset": ("مسح", "Reset"),
    "type": ("النوع", "Type"),
    "any": ("الكل", "any"),
    "actor": ("الفاعل", "Actor"),
    "recipient": ("المتلقي", "Recipient"),
    "sector": ("القطاع", "Sector"),
    "province": ("المحافظة", "Province"),
    "date_from": ("من تاريخ", "From"),
    "date_to": ("إلى تاريخ", "To"),
    "text": ("نص", "Text"),
    "source": ("المصدر", "Source"),
    "status": ("الحالة", "Status"),
    "report_score": ("درجة الخبر", "Report score"),
    "date": ("التاريخ", "Date"),
    "place": ("المكان", "Place"),
    "places": ("الأماكن", "Places"),
    "reports": ("التقارير", "Reports"),
    "sources": ("المصادر", "Sources"),
    "evidence": ("الدليل", "Evidence"),
    "map": ("الخريطة", "Map"),
    "timeline": ("الأحداث يوميًا حسب النوع", "Events per day and type"),
    "count": ("العدد", "Count"),
    "total": ("المجموع", "Total"),
    "matching": ("حدثًا مطابقًا", "matching events"),
    "previous": ("السابق", "Previous"),
    "next": ("التالي", "Next"),
    "open_event": ("فتح الحدث", "Open event"),
    "open_article": ("فتح المقال", "Open article"),
    "every_report": ("كل تقارير هذا الحدث", "Every report of this event"),
    "merge_reason": ("سبب الدمج", "Merged because"),
    "first_report": ("أول تقرير", "first report"),
    "trigger": ("الكلمة الدالة", "Trigger"),
    "mode": ("الأسلوب", "Mode"),
    "size": ("الحجم", "Size"),
    "statements": ("التصريحات", "Statements"),
    "statement": ("تصريح", "Statement"),
    "aggregates": ("الأعداد المبلغ عنها", "Reported counts"),
    "aggregate": ("عدد", "Count"),
    "speaker": ("المتحدث", "Speaker"),
    "cue": ("فعل القول", "Cue"),
    "kind": ("النوع", "Kind"),
    "metric": ("المقياس", "Metric"),
    "value": ("القيمة", "Value"),
    "period": ("الفترة", "Period"),
    "reporter": ("المُبلِّغ", "Reporter"),
    "records": ("السجلات المستخرجة", "Extracted records"),
    "legend_hint": (
        "مرّر المؤشر فوق نص مظلل أو انقر عليه لرؤية السجل.",
        "Hover or click a highlighted passage to see its record.",
    ),
    "published": ("تاريخ النشر", "Published"),
    "no_events": ("لا أحداث مطابقة.", "No matching events."),
    "no_location": ("بلا موقع على الخريطة", "without a map location"),
    "undated": ("بلا تاريخ", "undated"),
    "day": ("اليوم", "Day"),
    "prev_day": ("اليوم السابق", "Previous day"),
    "last7": ("آخر ٧ أيام", "Last 7 days"),
    "avg7": ("المعدل اليومي (٧ أيام)", "Daily average (7 days)"),
    "by_type": ("الأحداث حسب النوع", "Events by type"),
    "by_province": ("الأحداث حسب المحافظة", "Events by province"),
    "by_source": ("الأعداد حسب المصدر", "Counts by source"),
    "main_statements": ("أبرز التصريحات", "Main statements"),
    "sentences": ("الجمل الدالة", "Sentences behind the numbers"),
    "none": ("لا شيء", "none"),
    "unknown": ("غير معروف", "unknown"),
    "bulletin_for": ("نشرة يوم", "Bulletin for"),
    "choose_day": ("اختر اليوم", "Choose the day"),
    "show": ("عرض", "Show"),
    "export": ("تصدير", "Export"),
    "error": ("خطأ", "Error"),
    "back": ("عودة إلى الأحداث", "Back to events"),
}

TYPE_NAMES_AR = {
    "AGREE": "اتفاق",
    "CONSULT": "تشاور",
    "SUPPORT": "تأييد",
    "CONCEDE": "تنازل",
    "COOPERATE": "تعاون",
    "AID": "مساعدة",
    "RETREAT": "تراجع",
    "REQUEST": "طلب",
    "ACCUSE": "اتهام",
    "REJECT": "رفض",
    "THREATEN": "تهديد",
    "PROTEST": "احتجاج",
    "SANCTION": "عقوبة",
    "MOBILIZE": "تعبئة",
    "COERCE": "إكراه",
    "ASSAULT": "اعتداء",
}

STATUS_NAMES = {
    "asserted": ("وقع", "asserted"),
    "negated": ("منفي", "negated"),
    "future": ("مستقبلي", "future"),
    "hypothetical": ("افتراضي", "hypothetical"),
}

TYPE_COLOURS = {
    "AGREE": "#2e7d32",
    "CONSULT": "#1565c0",
    "SUPPORT": "#00838f",
    "CONCEDE": "#558b2f",
    "COOPERATE": "#283593",
    "AID": "#00695c",
    "RETREAT": "#6d4c41",
    "REQUEST": "#5e35b1",
    "ACCUSE": "#ef6c00",
    "REJECT": "#8e24aa",
    "THREATEN": "#f9a825",
    "PROTEST": "#ad1457",
    "SANCTION": "#4e342e",
    "MOBILIZE": "#757575",
    "COERCE": "#d84315",
    "ASSAULT": "#c62828",
}
"""One colour per event type: map markers, timeline bars and legends."""


def check_lang(lang: str | None) -> str:
    """``ar`` or ``en`` (anything else falls back to Arabic)."""
    return lang if lang in LANGS else "ar"


@functools.cache
def translator(lang: str) -> Callable[[str], str]:
    """``t(key)``: the label in ``lang``; an unknown key is shown as itself."""
    i = 0 if check_lang(lang) == "ar" else 1
    return lambda key: LABELS[key][i] if key in LABELS else key


def type_name(event_type: str, lang: str) -> str:
    """The event type in ``lang`` (English keeps the PLOVER name)."""
    return TYPE_NAMES_AR.get(event_type, event_type) if lang == "ar" else event_type


def status_name(status: str, lang: str) -> str:
    """The event status in ``lang``."""
    pair = STATUS_NAMES.get(status)
    return (pair[0] if lang == "ar" else pair[1]) if pair else status


@functools.cache
def province_names() -> dict[str, tuple[str, str]]:
    """Province code → (Arabic name, English name), from rasd's admin resource."""
    from rasd.resources import load_tsv

    out = {}
    for r in load_tsv("admin.tsv"):
        if r.get("level") == "admin1":
            ar = (r.get("names_ar") or "").split("|")[0].strip()
            out[r["code"]] = (ar or r["code"], r.get("name_en") or r["code"])
    return out


def province_name(code: str | None, lang: str) -> str:
    """A province's name in ``lang`` (its code when unknown)."""
    if not code:
        return translator(lang)("unknown")
    pair = province_names().get(code)
    if not pair:
        return code
    return pair[0] if lang == "ar" else pair[1]


@functools.cache
def _seats() -> tuple[dict[str, object], ...]:
    from rasd.resources import load_tsv

    out = []
    for r in load_tsv("admin.tsv"):
        if r.get("level") != "admin1" or not r.get("lat") or not r.get("lon"):
            continue
        ar, en = province_names().get(r["code"], (r["code"], r["code"]))
        out.append(
            {
                "code": r["code"],
                "country": r["country"],
                "ar": ar,
                "en": en,
                "lat": float(r["lat"]),
                "lon": float(r["lon"]),
            }
        )
    return tuple(out)


def province_seats(countries: set[str]) -> list[dict[str, object]]:
    """The seats of the provinces of ``countries`` (ISO3), with Arabic and English names: map landmarks."""
    return [dict(s) for s in _seats() if s["country"] in countries]
