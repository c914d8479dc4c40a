"""Dates: time expressions found on the normalised view and resolved against the publication date.

Covers relative days (اليوم، أمس، أول أمس، غدا، بعد غد, with صباح/مساء/ليلة), weekdays (with
الماضي/المقبل), day + month (+ year) in the Gregorian, Levantine and Maghreb calendars and in the
Hijri calendar (converted with hijridate), numeric dates, a month or a year alone, the previous/
current/next week, month and year, windows ("خلال الساعات الـ24 الماضية"), "منذ/قبل N أيام" and
day ranges ("من 5 إلى 9 مايو"). Month, weekday and relative-day words live in
``resources/months.tsv``.

A relative expression without a publication date, or one that cannot be resolved, gets
``date=None`` and precision ``"unknown"``: the publication date is never copied in silently.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex
from hijridate import Gregorian, Hijri

from rasd.doc import Doc
from rasd.errors import ResourceError
from rasd.memo import Memo
from rasd.records import TimeExpr
from rasd.resources import load_tsv
from rasd.text import NormText, fold_char, norm, normalize

VERSION = "dates@1"

# A date written without a year is put in the year nearest to publication, but never more than
# about ten months after it.
MAX_FUTURE_DAYS = 304

# Grammar words (written plainly; folded to the normalised view when the patterns are built).
_PAST = ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق", "السابقة")
_NEXT = ("المقبل", "المقبلة", "القادم", "القادمة")
_THIS = ("الجاري", "الجارية", "الحالي", "الحالية")
_BEFORE_LAST = ("قبل الماضي", "قبل الماضية")
_TIME_OF_DAY = ("صباح", "صبيحة", "مساء", "ليلة", "ليل", "فجر", "ظهر", "ظهيرة", "عصر", "ضحى",
                "منتصف ليلة", "منتصف ليل", "منتصف نهار")
# Parts of a period and seasons: "مطلع أغسطس", "صيف 2015" keep the period's date and precision.
_PERIOD_PART = ("مطلع", "بداية", "أوائل", "منتصف", "أواسط", "أواخر", "نهاية", "آخر", "صيف", "شتاء", "ربيع",
                "خريف")
_WINDOW_PREP = ("خلال", "في", "طوال", "طيلة", "على مدى", "على مدار")
_WINDOW_LAST = ("الماضية", "الماضي", "الأخيرة", "الأخير", "المنصرمة", "المنصرم", "الفائتة", "الفائت",
                "السابقة", "المنقضية")
_WINDOW_LAST_DUAL = ("الماضيين", "الماضيتين", "الأخيرين", "الأخيرتين", "المنصرمين", "الفائتين",
                     "السابقين")
_APPROX = ("أكثر من", "أقل من", "نحو", "حوالي", "قرابة", "زهاء", "ما يزيد عن", "ما يزيد على",
           "ما يقارب", "أزيد من")
_FEW = ("عدة", "بضعة", "بضع")
# Time units: form → (unit, count); count 0 marks a plural that needs a number.
_UNITS: dict[str, tuple[str, int]] = {
    "ساعة": ("hour", 1), "ساعات": ("hour", 0), "ساعتين": ("hour", 2), "ساعتان": ("hour", 2),
    "يوم": ("day", 1), "يوما": ("day", 1), "أيام": ("day", 0), "يومين": ("day", 2), "يومان": ("day", 2),
    "أسبوع": ("week", 1), "أسبوعا": ("week", 1), "أسابيع": ("week", 0), "أسبوعين": ("week", 2),
    "أسبوعان": ("week", 2),
    "شهر": ("month", 1), "شهرا": ("month", 1), "أشهر": ("month", 0), "شهور": ("month", 0),
    "شهرين": ("month", 2), "شهران": ("month", 2),
    "عام": ("year", 1), "عاما": ("year", 1), "أعوام": ("year", 0), "سنة": ("year", 1),
    "سنوات": ("year", 0), "سنين": ("year", 0), "عامين": ("year", 2), "عامان": ("year", 2),
    "سنتين": ("year", 2), "سنتان": ("year", 2),
}
# اليوم followed by one of these is "the day", not today (اليوم التالي، اليوم العالمي ...).
_NOT_TODAY = ("السابق", "التالي", "الموالي", "الذي", "العالمي", "الدولي", "الوطني", "نفسه", "ذاته",
              "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
              "العاشر", "الأخير", "الأخيرة")
_PRECISION_OF_UNIT = {"hour": "day", "day": "day", "week": "week", "month": "month", "year": "year"}

_S = r"[^\S\n]+"  # spaces within a line
_O = r"[^\S\n]*"
_L = r"(?<![\p{L}\p{N}])"
_R = r"(?![\p{L}\p{N}])"


@dataclass(frozen=True, slots=True)
class _Lexicon:
    months: dict[str, tuple[str, int]]  # normalised form → (calendar, month number)
    ambiguous: frozenset[str]
    weekdays: dict[str, int]  # normalised form → weekday (0 = Monday)
    relative: dict[str, int]  # normalised form → day offset
    numbers: dict[str, int]  # one-word number words (normalised) → value
    units: dict[str, tuple[str, int]]  # normalised time unit → (unit, count)
    rel: dict[str, int]  # normalised الماضي/المقبل/الجاري words → offset


@dataclass(frozen=True, slots=True)
class _Value:
    date: dt.date | None
    precision: str
    end: dt.date | None = None
    kind: str = "date"


_Resolver = Callable[[regex.Match[str], "_Ctx"], _Value | None]


@dataclass(frozen=True, slots=True)
class _Ctx:
    pub: dt.date | None
    text: str  # the normalised view
    lex: _Lexicon


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: regex.Pattern[str]
    resolve: _Resolver


def _key(s: str) -> str:
    """Lookup key of a matched (already normalised) phrase: single spaces."""
    return " ".join(s.split())


@functools.cache
def _lexicon() -> _Lexicon:
    """Month, weekday and relative-day words from months.tsv; number words from numbers.tsv."""
    months: dict[str, tuple[str, int]] = {}
    ambiguous: set[str] = set()
    weekdays: dict[str, int] = {}
    relative: dict[str, int] = {}
    for n, row in enumerate(load_tsv("months.tsv"), start=2):
        form, cal = norm(row["form"]), row["calendar"]
        try:
            num = int(row["number"])
        except ValueError as e:
            raise ResourceError(f"months.tsv: row {n}: number {row['number']!r} is not an integer") from e
        if cal in ("gregorian", "levantine", "maghreb", "hijri"):
            if not 1 <= num <= 12:
                raise ResourceError(f"months.tsv: row {n}: month {num} out of 1-12")
            months[form] = (cal, num)
            if "ambiguous" in row["note"]:
                ambiguous.add(form)
        elif cal == "weekday":
            if not 0 <= num <= 6:
                raise ResourceError(f"months.tsv: row {n}: weekday {num} out of 0-6")
            weekdays[form] = num
        elif cal == "relative":
            relative[form] = num
        else:
            raise ResourceError(f"months.tsv: row {n}: unknown calendar {cal!r}")
    numbers = {
        norm(r["form"]): int(r["value"])
        for r in load_tsv("numbers.tsv")
        if r["kind"] in ("unit", "ten") and " " not in r["form"]
    }
    rel = {norm(w): -1 for w in _PAST} | {norm(w): 1 for w in _NEXT} | {norm(w): 0 for w in _THIS}
    rel |= {norm(w): -2 for w in _BEFORE_LAST}
    units = {norm(k): v for k, v in _UNITS.items()}
    return _Lexicon(months, frozenset(ambiguous), weekdays, relative, numbers, units, rel)


def _alt(forms: Iterable[str]) -> str:
    """A regex alternation of normalised forms, longest first; spaces match any run of spaces."""
    items = sorted({norm(f) for f in forms if f.strip()}, key=lambda s: (-len(s), s))
    if not items:
        raise ResourceError("dates: an empty word list")
    return "(?:" + "|".join(_S.join(regex.escape(w) for w in f.split()) for f in items) + ")"


def _fold(pattern: str) -> str:
    return "".join(fold_char(c) for c in pattern)


@functools.cache
def _rules() -> tuple[_Rule, ...]:
    """Compile every rule once per process (``%NAME%`` in a body is a shared sub-pattern)."""
    lex = _lexicon()
    months = _alt(lex.months)
    units = lex.units
    w = {
        "S": _S,
        "O": _O,
        "WD": _alt(lex.weekdays),
        "RD": _alt(lex.relative),
        "REL": _alt(lex.rel),
        "TOD": _alt(_TIME_OF_DAY),
        "PP": _alt(_PERIOD_PART),
        "PREP": _alt(_WINDOW_PREP),
        "LAST": _alt(_WINDOW_LAST),
        "LASTD": _alt(_WINDOW_LAST_DUAL),
        "APPROX": _alt(_APPROX),
        "FEW": _alt(_FEW),
        "NUM": r"(?:\d{1,4}|" + _alt(lex.numbers) + ")",
        "UALL": _alt(k for k, (_, c) in units.items() if c != 2),
        "UPL": _alt(k for k, (_, c) in units.items() if c == 0),
        "USG": _alt(k for k, (_, c) in units.items() if c == 1),
        "UDUAL": _alt(k for k, (_, c) in units.items() if c == 2),
        "GMARK": r"(?:م|ميلادية|ميلادي)(?!\p{L})",
        "HMARK": r"(?:هـ|هجرية|هجري)(?!\p{L})",
    }

    def mon(tag: str = "") -> str:
        return rf"(?P<mon{tag}>{months})(?:%O%[/(\-]%O%(?P<mtwo{tag}>{months})(?:%O%\))?)?"

    year = (
        r"(?:%O%[,،]?%O%(?:من%S%)?(?:(?:ال)?(?:عام|سنة)%S%)?(?P<year>\d{4})(?:%O%(?P<hij>%HMARK%)|%O%%GMARK%)?"
        r"|%S%(?:من%S%)?(?:(?:العام|السنة)%S%(?P<yrel>%REL%)|(?P<ythis>هذا%S%العام|هذه%S%السنة)))?"
    )
    rel = r"(?:%S%(?P<rel>%REL%))?"
    day_prefix = r"(?:(?P<tod>%TOD%)%S%)?(?:(?:يوم|نهار)%S%)?(?:(?P<wd>%WD%)%O%[,،]?%O%(?:الموافق%S%)?)?"
    specs: list[tuple[str, str, _Resolver]] = [
        ("numeric_dmy", r"(?<![/.\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![/.\-]?\d)",
         _numeric),
        # Spaced slashes, optionally "بتاريخ (...)" or a month name before the bracketed date:
        # "بتاريخ ( 27 / 9 / 1948 )", "تموز ( 9 / 7 / 1947 )", "19 / 9 / 1992".
        ("numeric_spaced",
         r"(?<![/\d]%O%)(?:(?:بتاريخ|" + months + r")%O%(?P<po>\()?%O%)?"
         r"(?P<d>\d{1,2})%O%/%O%(?P<m>\d{1,2})%O%/%O%(?P<y>\d{4})(?(po)%O%\))(?!%O%/)",
         _numeric),
        ("numeric_ymd", r"(?<![/.\-])(?P<y>\d{4})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![/.\-]?\d)",
         _numeric),
        ("range",
         r"(?:ما%S%)?(?:من|بين)%S%(?:(?:يوم|نهار)%S%)?(?:ال)?(?P<d1>\d{1,2})"
         r"(?:%S%(?:من%S%)?" + mon("1") + r"(?:%O%[,،]?%O%(?P<y1>\d{4}))?)?"
         r"%O%(?:-|و%O%(?:إلى|حتى|لغاية)%S%|إلى%S%|حتى%S%|لغاية%S%|و%O%)(?:(?:يوم|نهار)%S%)?(?:ال)?"
         r"(?P<d2>\d{1,2})%O%(?:من%S%)?(?:شهر%S%)?" + mon() + year + rel,
         _range),
        ("range_dash", r"(?P<d1>\d{1,2})%O%-%O%(?P<d2>\d{1,2})%S%(?:من%S%)?(?:شهر%S%)?" + mon() + year + rel,
         _range),
        ("day_month", day_prefix + r"(?:ال)?(?P<day>\d{1,2})%O%(?:من%S%)?(?:شهر%S%)?" + mon() + year + rel,
         _day_month),
        ("month", r"(?:(?P<pp>%PP%)%S%)?(?P<shahr>(?:ال)?شهر%S%)?" + mon() + year + rel, _month),
        ("day_of_month", r"(?:(?:يوم|نهار)%S%)?(?:ال)?(?P<day>\d{1,2})%S%من%S%(?:هذا%S%)?الشهر" + rel,
         _day_of_month),
        ("year", r"(?:(?P<pp>%PP%)%S%)?(?:ال)?(?:عام|سنة)%S%(?P<po>\(%O%)?(?P<year>\d{4})(?(po)%O%\))"
                 r"(?:%O%(?P<hij>%HMARK%)|%O%%GMARK%)?",
         _year),
        ("bracket_year", r"(?:(?:بتاريخ|بعد|قبل)%O%\(%O%(?P<year>(?:1[6-9]|20)\d\d)%O%\)"
                         r"|(?<=\(%O%)(?P<year>(?:1[6-9]|20)\d\d)(?=%O%\)))", _bare_year),
        ("bare_year",
         r"(?:(?P<pp>%PP%)%S%|(?<=(?:^|[^\p{L}])[وف]?(?:منذ|حتى|في)%S%))"
         r"(?P<year>(?:19|20)\d\d)(?!%O%(?:[/\-]|\.\d)|\d)",
         _bare_year),
        ("period",
         r"(?:(?P<pp>%PP%)%S%)?(?:(?P<u>العام|السنة|الشهر|الأسبوع)%S%(?P<rel>%REL%)"
         r"|(?:هذا|هذه)%S%(?P<u>العام|السنة|الشهر|الأسبوع))"
         r"|(?P<pp>%PP%)%S%(?P<u>العام|السنة|الشهر|الأسبوع)",
         _period),
        ("weekday", r"(?:(?P<tod>%TOD%)%S%)?(?:(?:يوم|نهار)%S%)?(?P<wd>%WD%)" + rel, _weekday),
        ("relative_day", r"(?:(?P<tod>%TOD%)%S%)?(?:يوم%S%)?(?P<rd>%RD%)(?:%S%(?:يوم%S%)?(?P<wd>%WD%))?",
         _relative_day),
        ("window_unit_first", r"(?:%PREP%%S%)?ال(?P<u>%UPL%)%S%(?:ال)?(?P<n>%NUM%)%S%%LAST%", _window),
        ("window_number_first", r"(?:%PREP%%S%)?(?:ال)?(?P<n>%NUM%)%O%(?P<u>%UALL%)%S%%LAST%", _window),
        ("window_dual", r"(?:%PREP%%S%)?ال(?P<u>%UDUAL%)%S%%LASTD%", _window),
        ("window_vague", r"(?:%PREP%%S%)?ال(?P<u>%UPL%)%S%(?:القليلة%S%)?%LAST%", _window),
        ("window_week", r"%PREP%%S%ال(?P<u>أسبوع)%S%%LAST%", _window),
        ("ago",
         r"(?:منذ|قبل)%S%(?:%APPROX%%S%)?"
         r"(?:(?P<n>%NUM%)%O%(?P<u>%UALL%)|(?P<u>%UDUAL%)|(?P<u>%USG%)(?!%S%\d)"
         r"|(?P<few>%FEW%)%S%(?P<u>%UPL%)|(?P<u>%UPL%))",
         _ago),
    ]
    rules: list[_Rule] = []
    for name, body, resolve in specs:
        for _ in range(2):  # placeholders may hold placeholders (GMARK inside year)
            body = regex.sub(r"%([A-Z]+)%", lambda mm: w[mm.group(1)], body)
        pattern = _fold(rf"{_L}(?:[وفبل](?=\S))?(?P<x>{body}){_R}")
        rules.append(_Rule(name, regex.compile(pattern), resolve))
    return tuple(rules)


# --- calendar helpers -------------------------------------------------------------------------


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` months, the day clamped to the month's length."""
    idx = d.year * 12 + d.month - 1 + n
    y, m = divmod(idx, 12)
    m += 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _pick(cands: Iterable[dt.date], ref: dt.date, off: int | None) -> dt.date | None:
    """Choose among candidate dates relative to ``ref``.

    ``off`` None: the nearest (ties go to the past), at most MAX_FUTURE_DAYS ahead; -1: the latest
    strictly before ``ref``; -2: the one before that; 1: the earliest strictly after.
    """
    cs = sorted(set(cands))
    if off is None:
        ok = [c for c in cs if (c - ref).days <= MAX_FUTURE_DAYS]
        return min(ok, key=lambda c: (abs((c - ref).days), c > ref)) if ok else None
    if off < 0:
        past = [c for c in reversed(cs) if c < ref]
        return past[-off - 1] if len(past) >= -off else None
    future = [c for c in cs if c > ref]
    return future[off - 1] if len(future) >= off else None


def _hijri(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(*Hijri(y, m, d).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def _hijri_month(y: int, m: int) -> tuple[dt.date, dt.date] | None:
    try:
        h = Hijri(y, m, 1)
        first = dt.date(*h.to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None
    return first, first + dt.timedelta(days=h.month_length() - 1)


def _hijri_year_of(d: dt.date) -> int | None:
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def _year_of(m: regex.Match[str], ctx: _Ctx, tag: str = "") -> tuple[int | None, bool]:
    """The year written after a month (explicit, or العام الماضي/هذا العام); (None, False) when
    absent, (None, True) when present but relative with no publication date."""
    gd = m.groupdict()
    if gd.get("year" + tag):
        return int(gd["year" + tag]), True
    yrel, ythis = gd.get("yrel" + tag), gd.get("ythis" + tag)
    if not (yrel or ythis):
        return None, False
    if ctx.pub is None:
        return None, True
    off = ctx.lex.rel.get(_key(yrel), 0) if yrel else 0
    return ctx.pub.year + off, True


def _rel(m: regex.Match[str], ctx: _Ctx) -> int | None:
    r = m.groupdict().get("rel")
    return ctx.lex.rel.get(_key(r)) if r else None


def _resolve_day(cal: str, month: int, day: int, m: regex.Match[str], ctx: _Ctx) -> dt.date | None:
    """A day of a named month, the year written or found from the publication date."""
    year, has_year = _year_of(m, ctx)
    if cal == "hijri":
        if m.groupdict().get("year"):
            return _hijri(int(m["year"]), month, day)
        if ctx.pub is None or has_year:
            return None  # a Hijri day with a Gregorian 'last year' is not resolved
        hy = _hijri_year_of(ctx.pub)
        if hy is None:
            return None
        off = _rel(m, ctx)
        if off == 0:
            return _hijri(hy, month, day)
        cands = [c for y in range(hy - 2, hy + 2) if (c := _hijri(y, month, day))]
        return _pick(cands, ctx.pub, off)
    if year is not None:
        return _date(year, month, day)
    if has_year or ctx.pub is None:
        return None
    off = _rel(m, ctx)
    if off == 0:
        return _date(ctx.pub.year, month, day)
    cands = [c for y in range(ctx.pub.year - 2, ctx.pub.year + 2) if (c := _date(y, month, day))]
    return _pick(cands, ctx.pub, off)


def _month_of(m: regex.Match[str], ctx: _Ctx, tag: str = "") -> tuple[str, int]:
    return ctx.lex.months[_key(m["mon" + tag])]


_UNKNOWN = _Value(None, "unknown")


# --- resolvers ----------------------------------------------------------------------------------


def _numeric(m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
    if mo > 12 and d <= 12:  # month/day/year
        d, mo = mo, d
    date = _date(y, mo, d)
    return _Value(date, "day") if date else None


def _day_month(m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    cal, month = _month_of(m, ctx)
    date = _resolve_day(cal, month, day, m, ctx)
    return _Value(date, "day") if date else _UNKNOWN


def _range(m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    d1, d2 = int(m["d1"]), int(m["d2"])
    mon1 = m.groupdict().get("mon1")  # the dash form (5-9 مايو) has no month of its own for the first day
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31) or (mon1 is None and d1 >= d2):
        return None
    cal, month = _month_of(m, ctx)
    end = _resolve_day(cal, month, d2, m, ctx)
    unknown = _Value(None, "unknown", None, "range")
    if end is None:
        return unknown
    if mon1 is None:
        start = end - dt.timedelta(days=d2 - d1)
    else:
        cal1, month1 = _month_of(m, ctx, "1")
        if cal1 == "hijri" or cal == "hijri":
            return unknown
        y1 = int(m["y1"]) if m["y1"] else end.year
        start = _date(y1, month1, d1)
        if start and not m["y1"] and start > end:
            start = _date(y1 - 1, month1, d1)
        if start is None or start > end:
            return unknown
    return _Value(start, "day", end, "range")


def _month(m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    cal, month = _month_of(m, ctx)
    gd = m.groupdict()
    context = any(gd.get(k) for k in ("shahr", "mtwo", "year", "yrel", "ythis", "rel", "pp"))
    if _key(m["mon"]) in ctx.lex.ambiguous and not context:
        return None
    year, has_year = _year_of(m, ctx)
    off = _rel(m, ctx)
    if cal == "hijri":
        if not any(gd.get(k) for k in ("shahr", "year", "rel")):
            return None  # رمضان alone is also a name
        span = _hijri_month_span(month, m, ctx, has_year)
        return _Value(span[0], "month", span[1], "range") if span else _Value(None, "unknown", None, "range")
    if year is not None:
        return _Value(dt.date(year, month, 1), "month")
    if has_year or ctx.pub is None:
        return _UNKNOWN
    ref = ctx.pub.replace(day=1)
    if off == 0:
        return _Value(dt.date(ctx.pub.year, month, 1), "month")
    first = _pick((dt.date(y, month, 1) for y in range(ref.year - 2, ref.year + 2)), ref, off)
    return _Value(first, "month") if first else _UNKNOWN


def _hijri_month_of(d: dt.date) -> int | None:
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().month
    except (ValueError, OverflowError):
        return None


def _hijri_month_span(
    month: int, m: regex.Match[str], ctx: _Ctx, has_year: bool
) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian day of a Hijri month (شهر رمضان الماضي، رمضان 1437)."""
    if m.groupdict().get("year"):
        return _hijri_month(int(m["year"]), month)
    if ctx.pub is None or has_year:
        return None
    hy = _hijri_year_of(ctx.pub)
    if hy is None:
        return None
    off = _rel(m, ctx)
    if off == 0:
        return _hijri_month(hy, month)
    spans = {s[0]: s for y in range(hy - 2, hy + 2) if (s := _hijri_month(y, month))}
    # الماضي/المقبل count from the current Hijri month; a bare name picks the nearest.
    now = _hijri_month(hy, _hijri_month_of(ctx.pub) or 1)
    ref = now[0] if now and off is not None else ctx.pub
    first = _pick(spans, ref, off)
    return spans[first] if first else None


def _day_of_month(m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if ctx.pub is None:
        return _UNKNOWN
    off = _rel(m, ctx) or 0
    first = _add_months(ctx.pub.replace(day=1), off)
    date = _date(first.year, first.month, day)
    return _Value(date, "day") if date else _UNKNOWN


def _year(m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    year = int(m["year"])
    if m["hij"] or 1300 <= year < 1600:
        return _UNKNOWN  # a Hijri year spans two Gregorian years
    return _Value(dt.date(year, 1, 1), "year")


def _bare_year(m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    return _Value(dt.date(int(m["year"]), 1, 1), "year")


def _period(m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    if ctx.pub is None:
        return _UNKNOWN
    off = _rel(m, ctx) or 0
    unit = _key(m["u"])
    if unit in ("العام", "السنه"):
        return _Value(dt.date(ctx.pub.year + off, 1, 1), "year")
    if unit == "الشهر":
        return _Value(_add_months(ctx.pub.replace(day=1), off), "month")
    return _Value(_monday(ctx.pub) + dt.timedelta(weeks=off), "week")


def _weekday(m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    if _key(m["wd"]) == "الاثنين" and m["rel"] is None and (
        _prev_word(ctx, m.start("x")) == "كلا" or _next_word(ctx, m.end("x")) in ("معا", "كليهما")
    ):
        return None  # كلا الاثنين، الاثنين معا: "the two"
    if ctx.pub is None:
        return _UNKNOWN
    wd = ctx.lex.weekdays[_key(m["wd"])]
    off = _rel(m, ctx)
    pub = ctx.pub
    if not off:  # bare, or الجاري: the latest such day on or before publication
        return _Value(pub - dt.timedelta(days=(pub.weekday() - wd) % 7), "day")
    if off < 0:
        back = (pub.weekday() - wd) % 7 or 7
        return _Value(pub - dt.timedelta(days=back + 7 * (-off - 1)), "day")
    ahead = (wd - pub.weekday()) % 7 or 7
    return _Value(pub + dt.timedelta(days=ahead + 7 * (off - 1)), "day")


_NEXT_WORD = regex.compile(r"[^\S\n]*([\p{L}]+)")
_PREV_WORD = regex.compile(r"([\p{L}]+)[^\S\n]*$")
_MEDIA_TAIL = regex.compile(r"(\p{L}+)[^\S\n]*[\"“«]?[^\S\n]*\p{L}+[^\S\n]*$")


def _next_word(ctx: _Ctx, pos: int) -> str:
    mm = _NEXT_WORD.match(ctx.text[pos : pos + 40])
    return mm.group(1) if mm else ""


def _prev_word(ctx: _Ctx, pos: int) -> str:
    mm = _PREV_WORD.search(ctx.text[max(0, pos - 40) : pos])
    return mm.group(1) if mm else ""


_MEDIA_HEADS = ("قناة", "صحيفة", "موقع", "وكالة", "شبكة", "جريدة", "تلفزيون", "إذاعة")


def _in_media_name(ctx: _Ctx, pos: int) -> bool:
    """اليوم closing an outlet's title: قناة "روسيا اليوم"، صحيفة المصري اليوم."""
    mm = _MEDIA_TAIL.search(ctx.text[max(0, pos - 50) : pos])
    return bool(mm) and mm.group(1) in _media_heads()


@functools.cache
def _media_heads() -> frozenset[str]:
    return frozenset(norm(w) for w in _MEDIA_HEADS)


@functools.cache
def _not_today() -> frozenset[str]:
    return frozenset(norm(w) for w in _NOT_TODAY)


def _relative_day(m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    form = _key(m["rd"])
    if form == "اليوم" and m["wd"] is None and _next_word(ctx, m.end("x")) in _not_today():
        return None
    if form == "اليوم" and m["wd"] is None and _in_media_name(ctx, m.start("x")):
        return None
    if ctx.pub is None:
        return _UNKNOWN
    return _Value(ctx.pub + dt.timedelta(days=ctx.lex.relative[form]), "day")


def _count(m: regex.Match[str], ctx: _Ctx) -> tuple[str, int]:
    """(unit, count) of a time-unit phrase; count 0 when it is vague (الأيام الماضية)."""
    unit, count = ctx.lex.units[_key(m["u"])]
    n = m.groupdict().get("n")
    if n:
        count = int(n) if n.isdigit() else ctx.lex.numbers.get(_key(n).removeprefix("ال"), 0)
    return unit, count


def _window(m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    unit, count = _count(m, ctx)
    if count == 0 and unit == "hour":  # الساعات الأخيرة: the last day
        unit, count = "day", 1
    if ctx.pub is None or count == 0 or count > 1000:
        return _Value(None, "unknown", None, "duration")
    pub = ctx.pub
    if unit == "hour":
        start = pub - dt.timedelta(days=max(1, math.ceil(count / 24)))
    elif unit == "day":
        start = pub - dt.timedelta(days=count)
    elif unit == "week":
        start = pub - dt.timedelta(weeks=count)
    else:
        start = _add_months(pub, -count * (12 if unit == "year" else 1))
    return _Value(start, "day", pub, "duration")


def _ago(m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    unit, count = _count(m, ctx)
    if m["few"] or count == 0 or ctx.pub is None or count > 1000:
        return _UNKNOWN
    if _next_word(ctx, m.end("x")) == "من":  # قبل 3 أيام من الانتخابات: relative to something else
        return _UNKNOWN
    pub = ctx.pub
    if unit == "hour":
        date = pub - dt.timedelta(days=count // 24)
    elif unit == "day":
        date = pub - dt.timedelta(days=count)
    elif unit == "week":
        date = _monday(pub - dt.timedelta(weeks=count))
    elif unit == "month":
        date = _add_months(pub, -count).replace(day=1)
    else:
        date = dt.date(pub.year - count, 1, 1)
    return _Value(date, _PRECISION_OF_UNIT[unit])


# --- public API ---------------------------------------------------------------------------------


def _is_mark(ch: str) -> bool:
    return ch == "\u0640" or unicodedata.category(ch) == "Mn"


def _orig_span(nt: NormText, text: str, start: int, end: int) -> tuple[int, int]:
    """Original offsets of a span of the view, trailing diacritics (غداً) included."""
    s, e = nt.span(start, end)
    while e < len(text) and _is_mark(text[e]):
        e += 1
    return s, e


# The one kind of word each rule cannot match without; rules not listed always run.
_GATES = {
    "numeric_dmy": "digit", "numeric_spaced": "digit", "numeric_ymd": "digit", "range_dash": "digit",
    "day_of_month": "digit", "year": "digit", "bracket_year": "digit", "bare_year": "digit",
    "range": "month", "day_month": "month", "month": "month", "weekday": "weekday",
}


def _anchor_in(kind: str, view: str, segments: list[tuple[int, int, int]]) -> bool:
    """Whether an anchor word of ``kind`` ('', digit, month, weekday) is anywhere in a normalised text."""
    if kind == "digit":
        digit = _BIT["digit"]
        first = next(((a, b) for a, b, bits in segments if bits & digit), None)  # usually holds one
        return (first is not None and any(c.isdigit() for c in view[first[0] : first[1]])) or any(
            c.isdigit() for c in view
        )
    return not kind or _anchor_re(kind).search(view) is not None


@functools.cache
def _anchor_re(kind: str) -> regex.Pattern[str]:
    lex = _lexicon()
    words = lex.months if kind == "month" else lex.weekdays
    return regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)))

# --- segments ----------------------------------------------------------------------------------
#
# A match of any rule consumes only letters, digits, spaces within a line, , ، / - ( ) and a full
# stop before a digit. Any other character that every lookahead of the rules reads like the end of
# the text (so not a letter, digit, space, / - . or )), and a newline and a full stop not before a
# digit, cut the text into segments that no match crosses. A rule only scans the segments that hold
# every kind of word it cannot match without (``_NEEDS``); lookbehinds still see the text before a
# segment, so the matches are exactly those of a scan of the whole text.

_CUT = regex.compile(r"[^\p{L}\p{N}\s,،/.\-()]|\n|\.(?!\d)")

# Kinds of word a rule cannot match without. A word of a month, weekday, relative day or منذ/قبل
# begins a rule's body (after at most a proclitic و/ف/ب/ل at a word start) or follows a space, a
# digit or / ( -: never another letter.
_KINDS = ("digit", "year", "month", "weekday", "relative", "unit", "last", "ago")
_BIT = {k: 1 << i for i, k in enumerate(_KINDS)}
_WORD_START = r"(?:(?<![\p{L}\p{N}])[وفبل]|(?<!\p{L}))"

# The kinds of word each rule cannot match without; each must occur in the segment of a match.
_NEEDS: dict[str, tuple[str, ...]] = {
    "numeric_dmy": ("year",), "numeric_spaced": ("year",), "numeric_ymd": ("year",),
    "range": ("digit", "month"), "range_dash": ("digit", "month"), "day_month": ("digit", "month"),
    "month": ("month",), "day_of_month": ("digit", "unit"), "year": ("year", "unit"),
    "bracket_year": ("year",), "bare_year": ("year",), "period": ("unit",), "weekday": ("weekday",),
    "relative_day": ("relative",), "window_unit_first": ("unit", "last"),
    "window_number_first": ("unit", "last"), "window_dual": ("unit", "last"), "window_vague": ("unit", "last"),
    "window_week": ("unit", "last"), "ago": ("ago",),
}


@functools.cache
def _kind_res() -> tuple[tuple[tuple[int, regex.Pattern[str]], ...], re.Pattern[str]]:
    """(bit, pattern) per kind, each pattern finding a word of its kind in a chunk (a run of
    characters between spaces); and a quick test that finds a word of some kind (or more).

    A form of several words is found by one of its words (they hold no space): the first for a
    month (ربيع of ربيع الأول, not الأول), the longest otherwise. The quick test (``re``, faster on
    word lists) finds every word of the lists, every digit below U+0700 and every character above.
    """
    lex = _lexicon()
    every: set[str] = set()

    def words(forms: Iterable[str], first: bool = False) -> str:
        ws = {norm(f).split()[0] if first else max(norm(f).split(), key=len) for f in forms if f.strip()}
        every.update(ws)
        return "(?:" + "|".join(regex.escape(w) for w in sorted(ws, key=lambda w: (-len(w), w))) + ")"

    pats = {
        "digit": r"\d",
        "year": r"\d{4}",
        "month": _WORD_START + words(lex.months, first=True),
        "weekday": _WORD_START + words(lex.weekdays),
        "relative": _WORD_START + words(lex.relative),
        "unit": words(lex.units),
        "last": words((*_WINDOW_LAST, *_WINDOW_LAST_DUAL)),
        "ago": _WORD_START + words(("منذ", "قبل")),
    }
    quick = re.compile(r"\d|[^\x00-\u06ff]|" + _trie(every))
    return tuple((_BIT[k], regex.compile(_fold(p))) for k, p in pats.items()), quick


def _trie(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, branching on one character at a time (``re`` tries the
    branches of an alternation one by one: a trie of them is tried at one branch per level)."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


_CHUNK_KINDS: Memo[str, int] = Memo()


def _learn(chunks: list[str]) -> None:
    """Add the kind bits of new chunks to ``_CHUNK_KINDS``: one quick scan of them all, then the kind
    patterns on the few it flags."""
    kinds, quick = _kind_res()
    joined = "\n".join(chunks)  # no word or digit holds a newline: a hit lies in one chunk
    starts = list(itertools.accumulate((len(c) + 1 for c in chunks[:-1]), initial=0))
    flagged = {bisect.bisect_right(starts, m.start()) - 1 for m in quick.finditer(joined)}
    for i, chunk in enumerate(chunks):
        bits = 0
        if i in flagged:
            for bit, pattern in kinds:
                if pattern.search(chunk):
                    bits |= bit
        _CHUNK_KINDS[chunk] = bits


def _segments(view: str) -> list[tuple[int, int, int]]:
    """(start, end, kind bits) of each segment of ``view`` holding a word of some kind, in text order.

    A word of a kind (a form of months.tsv, a digit ...) has no space in it, so it lies inside one
    chunk of the segment, and the chunk's bits have the kind.
    """
    pieces: list[tuple[int, int, list[str]]] = []
    start = 0
    for end in [*(m.start() for m in _CUT.finditer(view)), len(view)]:
        if end > start:
            pieces.append((start, end, view[start:end].split()))
        start = end + 1
    known = _CHUNK_KINDS
    get = known.get
    out: list[tuple[int, int, int]] = []
    unknown: list[int] = []  # pieces with a chunk not seen before
    for i, (a, b, chunks) in enumerate(pieces):
        bits = 0
        for k in map(get, chunks):
            if k is None:
                unknown.append(i)
                break
            bits |= k
        else:
            if bits:
                out.append((a, b, bits))
    if unknown:
        new = {c for i in unknown for c in pieces[i][2] if c not in known}
        if known.make_room(len(new)):
            new = {c for i in unknown for c in pieces[i][2]}
        _learn(sorted(new))
        for i in unknown:
            a, b, chunks = pieces[i]
            bits = 0
            for c in chunks:
                bits |= known[c]
            if bits:
                out.append((a, b, bits))
        out.sort()
    return out


@functools.cache
def _need_bits(name: str) -> int:
    """Bits of the kinds rule ``name`` cannot match without; 0 (scan the whole text) for a rule not in
    ``_NEEDS``."""
    bits = 0
    for k in _NEEDS.get(name, ()):
        bits |= _BIT[k]
    return bits


def _safe_resolve(rule: _Rule, m: regex.Match[str], ctx: _Ctx) -> _Value | None:
    """Resolve a match; a date that falls outside the calendar (year 0 or 10000) is unknown, not a crash."""
    try:
        return rule.resolve(m, ctx)
    except (OverflowError, ValueError):
        return _Value(None, "unknown")


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def find_dates(text: str, published: dt.date | None, view_of: NormText | None = None) -> list[TimeExpr]:
    """Find the time expressions of ``text`` and resolve them against ``published``.

    Longer expressions win over shorter ones they overlap (يوم الأحد 9 سبتمبر 2016 is one
    expression, not three). ``start``/``end`` are offsets into ``text``; a proclitic و/ف/ب/ل is
    left out of the span.

    Args:
        text: the original article text.
        published: the publication date; None leaves every relative expression unresolved.
        view_of: the normalised view of ``text`` when the caller has it (the Doc does).

    Returns:
        The expressions in text order. ``date`` is ISO YYYY-MM-DD (the first day of the period)
        or None with precision ``"unknown"``; ``kind`` is ``date``, ``duration`` (a window
        ending at publication, ``end_date`` = publication) or ``range``.

    >>> [(t.text, t.date, t.precision) for t in find_dates("وصل أمس", dt.date(2016, 10, 11))]
    [('أمس', '2016-10-10', 'day')]
    """
    nt = view_of if view_of is not None else normalize(text)
    view = nt.text
    ctx = _Ctx(published, view, _lexicon())
    cands: list[tuple[int, int, int, _Value]] = []
    segments = _segments(view)
    present: dict[str, bool] = {}
    for order, rule in enumerate(_rules()):
        need = _need_bits(rule.name)
        spans = [(a, b) for a, b, bits in segments if bits & need == need] if need else [(0, len(view))]
        if not spans:
            continue  # no segment holds every kind of word the rule cannot match without
        gate = _GATES.get(rule.name, "")
        if (open_ := present.get(gate)) is None:
            open_ = present[gate] = _anchor_in(gate, view, segments)
        if not open_:
            continue  # the kind of word this rule cannot do without is nowhere in the text
        finditer = rule.pattern.finditer
        for a, b in spans:
            for m in finditer(view, a, b, overlapped=True):
                s, e = m.span("x")
                if e > s and (value := _safe_resolve(rule, m, ctx)) is not None:
                    cands.append((s, e, order, value))
    cands.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    for s, e, _, v in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        os_, oe = _orig_span(nt, text, s, e)
        out.append(TimeExpr(text[os_:oe], os_, oe, _iso(v.date), v.precision, _iso(v.end), v.kind))
    out.sort(key=lambda t: (t.start, t.end))
    return out


def dates(doc: Doc) -> Doc:
    """Pipeline stage: add the article's time expressions to ``doc.times`` (kept sorted by start).

    Args:
        doc: the document; ``doc.published`` anchors relative expressions.

    Returns:
        The same document.
    """
    doc.times.extend(find_dates(doc.text, doc.published, view_of=doc.norm))
    doc.times.sort(key=lambda t: (t.start, t.end))
    doc.stages.append(VERSION)
    return doc
