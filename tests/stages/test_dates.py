"""Dates stage: time expressions found, anchored to the original text and resolved against publication."""

import datetime as dt
import unicodedata

import pytest

from rasd.doc import make_doc
from rasd.records import Article, TimeExpr
from rasd.resources import load_tsv
from rasd.stages.dates import dates, find_dates
from rasd.text import norm

PUB = dt.date(2016, 10, 11)  # a Tuesday


def _only(text: str, expr: str, published: dt.date | None = PUB) -> TimeExpr:
    """The one time expression of ``text`` whose text is ``expr`` (checking the offsets)."""
    found = find_dates(text, published)
    for t in found:
        assert text[t.start : t.end] == t.text
    hits = [t for t in found if t.text == expr]
    assert hits, f"{expr!r} not found in {[t.text for t in found]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "expr", "date"),
    [
        ("وصل الوفد اليوم إلى جنيف.", "اليوم", "2016-10-11"),
        ("وقال المتحدث أمس إن القصف توقف.", "أمس", "2016-10-10"),
        ("وعاد الهدوء بالأمس إلى الأحياء الشرقية.", "الأمس", "2016-10-10"),
        ("اندلعت الاشتباكات أول أمس في المدينة.", "أول أمس", "2016-10-09"),
        ("ستعقد الجلسة غداً في القاهرة.", "غداً", "2016-10-12"),
        ("ويبدأ الاجتماع بعد غد في عمان.", "بعد غد", "2016-10-13"),
        ("قصفت الطائرات البلدة مساء أمس.", "مساء أمس", "2016-10-10"),
        ("سقطت القذائف صباح اليوم على السوق.", "صباح اليوم", "2016-10-11"),
        ("وقالت الوزارة اليوم الثلاثاء إن المعبر أغلق.", "اليوم الثلاثاء", "2016-10-11"),
        ("وأكد الرئيس أمس الاثنين أن الحوار مستمر.", "أمس الاثنين", "2016-10-10"),
    ],
)
def test_dates_relative_days(text: str, expr: str, date: str) -> None:
    t = _only(text, expr)
    assert (t.date, t.precision, t.kind) == (date, "day", "date")


@pytest.mark.parametrize(
    ("text", "expr", "date"),
    [
        ("التقى الوزيران الخميس في باريس.", "الخميس", "2016-10-06"),
        ("وقع الانفجار الثلاثاء قرب السوق.", "الثلاثاء", "2016-10-11"),  # the publication day itself
        ("أعلن الجيش يوم الأحد الماضي أنه سيطر على البلدة.", "يوم الأحد الماضي", "2016-10-09"),
        ("وكان قد التقى به الثلاثاء الماضي في الرياض.", "الثلاثاء الماضي", "2016-10-04"),
        ("يزور الرئيس موسكو الأربعاء المقبل.", "الأربعاء المقبل", "2016-10-12"),
        ("وتنطلق المفاوضات يوم الجمعة القادم.", "يوم الجمعة القادم", "2016-10-14"),
        ("وقتل ثلاثة مدنيين فجر السبت في القصف.", "فجر السبت", "2016-10-08"),
        ("وقالت مصادر إن الهجوم بدأ ليلة الإثنين.", "ليلة الإثنين", "2016-10-10"),
    ],
)
def test_dates_weekdays(text: str, expr: str, date: str) -> None:
    t = _only(text, expr)
    assert (t.date, t.precision) == (date, "day")


def test_dates_proclitic_left_out_of_span() -> None:
    text = "وعقد المجلس جلسة والأحد الماضي."
    t = _only(text, "الأحد الماضي")
    assert text[t.start - 1] == "و"
    assert t.date == "2016-10-09"


@pytest.mark.parametrize(
    ("text", "expr", "date"),
    [
        ("وقعت المجزرة في 9 سبتمبر الماضي.", "9 سبتمبر الماضي", "2016-09-09"),
        ("انتهت الهدنة في 3 أكتوبر بعد أسبوع من الهدوء.", "3 أكتوبر", "2016-10-03"),
        ("ستجرى الانتخابات في 20 نوفمبر المقبل.", "20 نوفمبر المقبل", "2016-11-20"),
        ("وصل المبعوث في 28 ديسمبر لإجراء محادثات.", "28 ديسمبر", "2016-12-28"),  # nearest: ahead
        ("وقعت المعركة في 2 مايو وراح ضحيتها كثيرون.", "2 مايو", "2016-05-02"),  # nearest: behind
        ("وقع الهجوم في 12 كانون الثاني 2015 على الحاجز.", "12 كانون الثاني 2015", "2015-01-12"),
        ("وفي 14 تموز 2016 قصفت الطائرات الجسر.", "14 تموز 2016", "2016-07-14"),
        ("أعلنت الحكومة في 5 جويلية 2016 حالة الطوارئ.", "5 جويلية 2016", "2016-07-05"),
        ("وفي 1 ماي 2016 خرجت مظاهرات.", "1 ماي 2016", "2016-05-01"),
        ("أغلق المعبر في 3 حزيران/يونيو 2014.", "3 حزيران/يونيو 2014", "2014-06-03"),
        ("اعتقل الناشط في 9 مارس من العام الماضي.", "9 مارس من العام الماضي", "2015-03-09"),
        ("اجتمع المجلس يوم السبت 10 سبتمبر 2016 في جنيف.", "يوم السبت 10 سبتمبر 2016", "2016-09-10"),
        ("وفي ٩ سبتمبر ٢٠١٦ وقع انفجار.", "٩ سبتمبر ٢٠١٦", "2016-09-09"),
        ("وصدر الحكم في الـ9 من أيلول.", "الـ9 من أيلول", "2016-09-09"),
        ("ويعقد المؤتمر في 20 من الشهر الجاري.", "20 من الشهر الجاري", "2016-10-20"),
        ("وفي 9/9/2016 أعلنت الهدنة.", "9/9/2016", "2016-09-09"),
        ("وفي 2016-09-09 أعلنت الهدنة.", "2016-09-09", "2016-09-09"),
        ("وفي 9-9-2016 أعلنت الهدنة.", "9-9-2016", "2016-09-09"),
        ("وفي ١٩/٩/٢٠١٦ أعلنت الهدنة.", "١٩/٩/٢٠١٦", "2016-09-19"),
    ],
)
def test_dates_day_and_month(text: str, expr: str, date: str) -> None:
    t = _only(text, expr)
    assert (t.date, t.precision, t.kind) == (date, "day", "date")


def test_dates_longest_expression_wins() -> None:
    text = "اجتمع المجلس يوم السبت 10 سبتمبر 2016 في جنيف."
    assert [t.text for t in find_dates(text, PUB)] == ["يوم السبت 10 سبتمبر 2016"]


@pytest.mark.parametrize(
    ("text", "expr", "date"),
    [
        ("وفي سبتمبر دخلت القوات المدينة.", "سبتمبر", "2016-09-01"),
        ("وفي شهر أيار الماضي وقعت اشتباكات.", "شهر أيار الماضي", "2016-05-01"),
        ("وكانت القوات قد انسحبت في يونيو/حزيران الماضي.", "يونيو/حزيران الماضي", "2016-06-01"),
        ("وبدأت العملية مطلع أغسطس/آب الماضي.", "مطلع أغسطس/آب الماضي", "2016-08-01"),
        ("وقعت الاتفاقية في مارس 2015.", "مارس 2015", "2015-03-01"),
        ("وتجرى الانتخابات في كانون الأول المقبل.", "كانون الأول المقبل", "2016-12-01"),
        ("وفي أكتوبر الماضي انهارت الهدنة.", "أكتوبر الماضي", "2015-10-01"),  # not the current month
        ("وفي شهر آب سقطت المدينة.", "شهر آب", "2016-08-01"),
        ("تمكن الجيش الشهر الماضي من استعادة القرية.", "الشهر الماضي", "2016-09-01"),
        ("ويتوقع وصول المساعدات خلال الشهر الجاري.", "الشهر الجاري", "2016-10-01"),
        ("وتبدأ المرحلة الثانية الشهر المقبل.", "الشهر المقبل", "2016-11-01"),
    ],
)
def test_dates_month_precision(text: str, expr: str, date: str) -> None:
    t = _only(text, expr)
    assert (t.date, t.precision) == (date, "month")


@pytest.mark.parametrize(
    ("text", "expr", "date"),
    [
        ("وتستمر الحرب منذ عام 2011.", "عام 2011", "2011-01-01"),
        ("وفي سنة 2012 انشقت الكتيبة.", "سنة 2012", "2012-01-01"),
        ("وبدأت الأزمة في العام 2013م.", "العام 2013م", "2013-01-01"),
        ("وتستمر الحرب منذ 2011، وقد قتل فيها كثيرون.", "2011", "2011-01-01"),
        ("وفي 1981 دمر سلاح الجو المفاعل.", "1981", "1981-01-01"),
        ("وتصاعد القتال منذ صيف 2015 حين انهارت الهدنة.", "صيف 2015", "2015-01-01"),
        ("وانهارت الهدنة في ربيع العام الماضي.", "ربيع العام الماضي", "2015-01-01"),
        ("وشهدت المنطقة العام الماضي مواجهات عنيفة.", "العام الماضي", "2015-01-01"),
        ("وتراجعت الهجمات خلال العام الحالي.", "العام الحالي", "2016-01-01"),
        ("وارتفع عدد النازحين هذا العام.", "هذا العام", "2016-01-01"),
        ("وقد أبرم الاتفاق أواخر العام الماضي.", "أواخر العام الماضي", "2015-01-01"),
    ],
)
def test_dates_year_precision(text: str, expr: str, date: str) -> None:
    t = _only(text, expr)
    assert (t.date, t.precision) == (date, "year")


@pytest.mark.parametrize(
    ("text", "expr", "date"),
    [
        ("وأعلن الأسبوع الماضي حظرا للتجول.", "الأسبوع الماضي", "2016-10-03"),
        ("وتستأنف المحادثات الأسبوع المقبل.", "الأسبوع المقبل", "2016-10-17"),
        ("ووصلت القافلة هذا الأسبوع.", "هذا الأسبوع", "2016-10-10"),
    ],
)
def test_dates_week_is_monday(text: str, expr: str, date: str) -> None:
    t = _only(text, expr)
    assert (t.date, t.precision) == (date, "week")
    assert dt.date.fromisoformat(t.date).weekday() == 0


@pytest.mark.parametrize(
    ("text", "expr", "start"),
    [
        ("وقتل 12 شخصا خلال الساعات الـ24 الماضية.", "خلال الساعات الـ24 الماضية", "2016-10-10"),
        ("وسجلت 30 غارة خلال الـ24 ساعة الماضية.", "خلال الـ24 ساعة الماضية", "2016-10-10"),
        ("وتصاعد القصف في الساعات الأخيرة.", "في الساعات الأخيرة", "2016-10-10"),
        ("ونزح المئات خلال اليومين الماضيين.", "خلال اليومين الماضيين", "2016-10-09"),
        ("وقتل 40 مدنيا خلال الأسبوع الماضي.", "خلال الأسبوع الماضي", "2016-10-04"),
        ("وتوقفت المخابز خلال الأيام الثلاثة الماضية.", "خلال الأيام الثلاثة الماضية", "2016-10-08"),
        ("وشهدت الـ48 ساعة الأخيرة هدوءا.", "الـ48 ساعة الأخيرة", "2016-10-09"),
    ],
)
def test_dates_durations_end_at_publication(text: str, expr: str, start: str) -> None:
    t = _only(text, expr)
    assert (t.kind, t.date, t.end_date, t.precision) == ("duration", start, "2016-10-11", "day")


@pytest.mark.parametrize(
    ("text", "expr", "date", "precision"),
    [
        ("واعتقل الصحفي منذ 3 أيام.", "منذ 3 أيام", "2016-10-08", "day"),
        ("وأفرج عنه قبل يومين.", "قبل يومين", "2016-10-09", "day"),
        ("وغادر البلاد قبل أسبوعين.", "قبل أسبوعين", "2016-09-26", "week"),
        ("والمدينة محاصرة منذ ثلاثة أشهر.", "منذ ثلاثة أشهر", "2016-07-01", "month"),
        ("وسقطت البلدة قبل خمس سنوات.", "قبل خمس سنوات", "2011-01-01", "year"),
        ("وبدأ النزاع منذ أكثر من ثلاث سنوات.", "منذ أكثر من ثلاث سنوات", "2013-01-01", "year"),
    ],
)
def test_dates_ago(text: str, expr: str, date: str, precision: str) -> None:
    t = _only(text, expr)
    assert (t.date, t.precision, t.kind) == (date, precision, "date")


@pytest.mark.parametrize(
    ("text", "expr", "first", "last"),
    [
        ("وتعقد الجولة من 5 إلى 9 مايو في أستانا.", "من 5 إلى 9 مايو", "2016-05-05", "2016-05-09"),
        ("وجرت المعارك بين 5 و9 مايو 2015.", "بين 5 و9 مايو 2015", "2015-05-05", "2015-05-09"),
        ("وامتدت الهدنة من 28 ديسمبر 2015 إلى 3 يناير 2016.", "من 28 ديسمبر 2015 إلى 3 يناير 2016",
         "2015-12-28", "2016-01-03"),
    ],
)
def test_dates_ranges(text: str, expr: str, first: str, last: str) -> None:
    t = _only(text, expr)
    assert (t.kind, t.date, t.end_date, t.precision) == ("range", first, last, "day")


@pytest.mark.parametrize(
    ("text", "expr", "date"),
    [
        ("وقع الانفجار في 15 رمضان 1437 هـ.", "15 رمضان 1437 هـ", "2016-06-20"),
        ("أعلن ذلك في 1 محرم 1438.", "1 محرم 1438", "2016-10-02"),
        ("ووقعت الحادثة في 15 رمضان الماضي.", "15 رمضان الماضي", "2016-06-20"),  # year from publication
    ],
)
def test_dates_hijri_converted(text: str, expr: str, date: str) -> None:
    t = _only(text, expr)
    assert (t.date, t.precision) == (date, "day")


def test_dates_hijri_month_is_a_range() -> None:
    t = _only("وتصاعدت الهجمات خلال شهر رمضان الماضي.", "شهر رمضان الماضي")
    assert (t.kind, t.precision, t.date, t.end_date) == ("range", "month", "2016-06-06", "2016-07-05")


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        ("وقال المتحدث أمس إن القصف توقف.", "أمس"),
        ("وصل الوفد اليوم إلى جنيف.", "اليوم"),
        ("أعلن الجيش يوم الأحد الماضي أنه سيطر على البلدة.", "يوم الأحد الماضي"),
        ("وقعت المجزرة في 9 سبتمبر الماضي.", "9 سبتمبر الماضي"),
        ("وقعت المجزرة في 9 سبتمبر.", "9 سبتمبر"),
        ("وفي سبتمبر دخلت القوات المدينة.", "سبتمبر"),
        ("وأعلن الأسبوع الماضي حظرا للتجول.", "الأسبوع الماضي"),
        ("وشهدت المنطقة العام الماضي مواجهات.", "العام الماضي"),
        ("واعتقل الصحفي منذ 3 أيام.", "منذ 3 أيام"),
        ("ووقعت الحادثة في 15 رمضان.", "15 رمضان"),
    ],
)
def test_dates_relative_unknown_without_publication(text: str, expr: str) -> None:
    t = _only(text, expr, published=None)
    assert (t.date, t.precision) == (None, "unknown")


def test_dates_duration_unknown_without_publication() -> None:
    t = _only("وقتل 12 شخصا خلال الساعات الـ24 الماضية.", "خلال الساعات الـ24 الماضية", published=None)
    assert (t.kind, t.date, t.end_date, t.precision) == ("duration", None, None, "unknown")


@pytest.mark.parametrize(
    ("text", "expr", "date", "precision"),
    [
        ("وقعت المجزرة في 9 سبتمبر 2016.", "9 سبتمبر 2016", "2016-09-09", "day"),
        ("وفي 9/9/2016 أعلنت الهدنة.", "9/9/2016", "2016-09-09", "day"),
        ("وتستمر الحرب منذ عام 2011.", "عام 2011", "2011-01-01", "year"),
        ("وقع الانفجار في 15 رمضان 1437 هـ.", "15 رمضان 1437 هـ", "2016-06-20", "day"),
    ],
)
def test_dates_absolute_resolved_without_publication(text: str, expr: str, date: str, precision: str) -> None:
    t = _only(text, expr, published=None)
    assert (t.date, t.precision) == (date, precision)


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        ("وقالت المصادر إن الهجوم وقع قبل 3 أيام من الانتخابات.", "قبل 3 أيام"),  # relative to another event
        ("وفي عام 1437 هـ تأسست المدرسة.", "عام 1437 هـ"),  # a Hijri year spans two Gregorian years
        ("وقعت الحادثة في 31 أبريل 2016.", "31 أبريل 2016"),  # no such day
        ("ولم يعد منذ سنوات.", "منذ سنوات"),
    ],
)
def test_dates_unresolvable_is_unknown(text: str, expr: str) -> None:
    t = _only(text, expr)
    assert (t.date, t.precision) == (None, "unknown")


@pytest.mark.parametrize(
    "text",
    [
        "مارس الجيش ضغوطا كبيرة على المسلحين.",  # مارس the verb
        "وقالت رئيسة الوزراء تيريزا ماي إن بلادها لن تتراجع.",  # ماي the surname
        "وفي اليوم التالي انسحبت القوات من البلدة.",
        "واحتفلت المدارس باليوم العالمي للمعلم.",
        "وقال رمضان عبد الله إن الحركة لن تشارك.",  # رمضان a name
        "وشنت الطائرات 2000 غارة على المنطقة.",  # a count, not a year
        "ويكفي 2000 جندي لحماية الحدود.",  # في inside a word is not في
        "وتعمل الفرق على مدار 24 ساعة لإنقاذ العالقين.",  # no window ending at publication
        "ونفى كلا الاثنين الاتهامات الموجهة إليهما.",  # الاثنين "the two"
    ],
)
def test_dates_not_time_expressions(text: str) -> None:
    assert find_dates(text, PUB) == []


def test_dates_stage_appends_sorted_times() -> None:
    text = "وقال المتحدث أمس إن الهجوم وقع في 9 سبتمبر الماضي، وإن المحادثات تستأنف الأسبوع المقبل."
    doc = make_doc(Article(doc_id="d1", text=text, published="2016-10-11T08:30:00Z"))
    out = dates(doc)
    assert out is doc
    assert [(t.text, t.date) for t in doc.times] == [
        ("أمس", "2016-10-10"),
        ("9 سبتمبر الماضي", "2016-09-09"),
        ("الأسبوع المقبل", "2016-10-17"),
    ]
    assert [t.start for t in doc.times] == sorted(t.start for t in doc.times)
    assert doc.stages[-1] == "dates@1"


def test_dates_stage_without_publication_date() -> None:
    doc = dates(make_doc(Article(doc_id="d2", text="وقال المتحدث أمس إن الهجوم فشل.")))
    assert [(t.text, t.date, t.precision) for t in doc.times] == [("أمس", None, "unknown")]


_PLAIN_ARABIC = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي ")


def test_dates_months_resource_is_clean() -> None:
    rows = load_tsv("months.tsv")
    assert rows
    seen: set[str] = set()
    calendars = {"gregorian", "levantine", "maghreb", "hijri", "weekday", "relative"}
    for row in rows:
        form = row["form"]
        assert all(row[k] for k in ("form", "calendar", "number", "note")), row
        assert set(form) <= _PLAIN_ARABIC, form
        assert not any(unicodedata.category(c) == "Mn" or c == "\u0640" for c in form), form
        assert form == " ".join(form.split()), form
        assert row["calendar"] in calendars, row
        key = norm(form)
        assert key not in seen, f"duplicate after normalisation: {form}"
        seen.add(key)
        number = int(row["number"])
        if row["calendar"] == "weekday":
            assert 0 <= number <= 6
        elif row["calendar"] != "relative":
            assert 1 <= number <= 12
    assert {int(r["number"]) for r in rows if r["calendar"] == "weekday"} == set(range(7))
    for cal in ("gregorian", "levantine", "hijri"):
        assert {int(r["number"]) for r in rows if r["calendar"] == cal} == set(range(1, 13)), cal


@pytest.mark.parametrize(
    ("text", "expr", "date"),
    [
        ("وصلت الرسالة بتاريخ ( 27 / 9 / 1948 ) إلى المكتب.", "بتاريخ ( 27 / 9 / 1948 )", "1948-09-27"),
        ("نشر في جريدة المساء ( 19 / 9 / 1992 ) مقال.", "19 / 9 / 1992", "1992-09-19"),
        ("عدد تموز ( 9 / 7 / 1947 ) من المجلة.", "تموز ( 9 / 7 / 1947 )", "1947-07-09"),
    ],
)
def test_dates_spaced_numeric_dates(text: str, expr: str, date: str) -> None:
    t = _only(text, expr)
    assert (t.date, t.precision) == (date, "day")


@pytest.mark.parametrize(
    ("text", "expr", "date"),
    [
        ("تأسست البلدية عام ( 1993 ) في المدينة.", "عام ( 1993 )", "1993-01-01"),
        ("صورة للمدينة ( 1948 ) في الأرشيف.", "1948", "1948-01-01"),
        ("عاد اللاجئون بعد ( 1982 ) إلى المخيم.", "بعد ( 1982 )", "1982-01-01"),
    ],
)
def test_dates_bracketed_years(text: str, expr: str, date: str) -> None:
    t = _only(text, expr)
    assert (t.date, t.precision) == (date, "year")


def test_dates_bracketed_hijri_year_is_not_resolved() -> None:
    t = _only("سجلات البلدية عام ( 1319 ) هجري محفوظة.", "عام ( 1319 ) هجري")
    assert (t.date, t.precision) == (None, "unknown")


def test_dates_dash_range_has_no_first_month() -> None:
    # Regression: the 5-9 form has no month of its own for the first day (it crashed the stage).
    import datetime as dt

    from rasd.stages.dates import find_dates

    (t,) = find_dates("يقام المعرض في الفترة 5-9 مايو المقبل في دبي.", dt.date(2018, 3, 18))
    assert (t.date, t.end_date, t.kind) == ("2018-05-05", "2018-05-09", "range")


# --- the segment scan finds what a scan of the whole text finds ----------------------------------

_GATED = [
    "وصل يوم الأحد 9 سبتمبر 2016 إلى بيروت، ثم غادر في 12 / 10 / 2016 (تقريبا).",
    "في كانون  الثاني الماضي وفي 5-9 مايو 2015 ومن 3 إلى 7 حزيران/يونيو 2014.",
    "قتل 47 شخصا خلال الساعات الـ24 الماضية، منذ ثلاثة أيام، قبل أسبوعين وفي الأسبوع الماضي.",
    "بتاريخ ( 27 / 9 / 1948 ) وتموز ( 9 / 7 / 1947 ) و19 / 9 / 1992 و2016-03-04 و4.3.2016",
    "مطلع أغسطس وصيف 2015 وعام 2011 ومنذ 2003 والعام المقبل وهذا الشهر و15 من الشهر الجاري.",
    "انتخابات 2016.الرئاسية؟ أمس الأول؛ بعد  الغد «اليوم» روسيا اليوم: الخميس، الاثنين معا.",
    "رمضان 1437 هـ وشهر رمضان الماضي و3 ذو  الحجة والعام 2016م (1999) بعد (2001)",
    "في الثالث من مايو2016م،ومايو  2017 و12مايو و5 / 6 و٢٠١٦/٣/٤ ولمدة عامين ماضيين",
]


def _full_scan(text: str, published: dt.date | None) -> list[tuple[int, int, int, object]]:
    """Every candidate of every rule, from an overlapped scan of the whole normalised text."""
    from rasd.stages import dates as d
    from rasd.text import normalize

    view = normalize(text).text
    ctx = d._Ctx(published, view, d._lexicon())
    out = []
    for order, rule in enumerate(d._rules()):
        for m in rule.pattern.finditer(view, overlapped=True):
            s, e = m.span("x")
            if e > s and (v := d._safe_resolve(rule, m, ctx)) is not None:
                out.append((s, e, order, v))
    return out


@pytest.mark.parametrize("text", _GATED)
def test_dates_segments_lose_no_match(text: str) -> None:
    from rasd.stages import dates as d
    from rasd.text import normalize

    view = normalize(text).text
    segments = d._segments(view)
    for s, e, _order, _v in _full_scan(text, dt.date(2016, 10, 11)):
        rule = d._rules()[_order]
        need = d._need_bits(rule.name)
        assert any(a <= s and e <= b and bits & need == need for a, b, bits in segments), (rule.name, view[s:e])


@pytest.mark.parametrize("text", _GATED)
def test_dates_same_as_a_scan_of_the_whole_text(text: str) -> None:
    pub = dt.date(2016, 10, 11)
    cands = sorted(_full_scan(text, pub), key=lambda c: (c[0] - c[1], c[0], c[2]))
    taken: list[tuple[int, int]] = []
    for s, e, _, _v in cands:
        if not any(s < te and ts < e for ts, te in taken):
            taken.append((s, e))
    from rasd.stages.dates import _orig_span
    from rasd.text import normalize

    nt = normalize(text)
    want = sorted(_orig_span(nt, text, s, e) for s, e in taken)
    assert [(t.start, t.end) for t in find_dates(text, pub)] == want


def test_dates_every_rule_says_what_it_needs() -> None:
    from rasd.stages import dates as d

    assert {r.name for r in d._rules()} == set(d._NEEDS)
