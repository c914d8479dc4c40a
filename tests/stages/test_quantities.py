"""Quantities stage: numbers in digits and words, counted nouns, vague counts, and what is not a count."""

import unicodedata

import pytest

from rasd.doc import make_doc
from rasd.records import Article, Quantity
from rasd.resources import load_tsv
from rasd.stages.dates import dates
from rasd.stages.quantities import find_quantities, quantities
from rasd.text import norm


def _found(text: str) -> list[Quantity]:
    found = find_quantities(text)
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def _only(text: str, expr: str) -> Quantity:
    hits = [q for q in _found(text) if q.text == expr]
    assert hits, f"{expr!r} not found in {[q.text for q in _found(text)]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "expr", "value", "unit"),
    [
        ("قتل 47 مدنيا في الغارة.", "47", 47, "مدنيا"),
        ("وأصيب 1,200 شخص بجروح.", "1,200", 1200, "شخص"),
        ("وسجل المرصد 47 حالة انتهاك للهدنة.", "47", 47, "حاله"),
        ("وسجل المرصد ٤٧ حالة انتهاك للهدنة.", "٤٧", 47, "حاله"),  # Arabic-Indic digits
        ("واعتقلت الشرطة ۱۲ متظاهرا.", "۱۲", 12, "متظاهرا"),  # Persian digits
        ("ووصل ٣٬٥٠٠ لاجئ إلى الحدود.", "٣٬٥٠٠", 3500, "لاجي"),  # Arabic thousands separator
        ("وأفرج عن الـ24 معتقلا مساء.", "الـ24", 24, "معتقلا"),
        ("وقتل 5 من عناصر الشرطة.", "5", 5, "عناصر"),  # من skipped
        ("وارتفعت البطالة إلى 3.5%.", "3.5", 3.5, "%"),
        ("وصوت 60 في المئة من الناخبين.", "60", 60, "%"),
    ],
)
def test_quantities_digits(text: str, expr: str, value: float, unit: str) -> None:
    q = _only(text, expr)
    assert (q.value, q.unit, q.vague) == (value, unit, False)


@pytest.mark.parametrize(
    ("text", "expr", "value", "unit"),
    [
        ("ونزح 47 ألف شخص من المدينة.", "47 ألف", 47000, "شخص"),
        ("وتستضيف البلاد 2.5 مليون لاجئ.", "2.5 مليون", 2500000, "لاجي"),
        ("ورصدت الحكومة 3 مليارات دولار.", "3 مليارات", 3000000000, "دولار"),
        ("قتل خمسة وعشرين شخصا في التفجير.", "خمسة وعشرين", 25, "شخصا"),
        ("وأصيب ثلاثة آلاف مدني.", "ثلاثة آلاف", 3000, "مدني"),
        ("وقتل ثلاثة مدنيين.", "ثلاثة", 3, "مدنيين"),
        ("وقتلت عشرة جنود.", "عشرة", 10, "جنود"),
        ("وأسرت أحد عشر مقاتلا.", "أحد عشر", 11, "مقاتلا"),
        ("وأسرت اثني عشر مقاتلا.", "اثني عشر", 12, "مقاتلا"),
        ("وأطلق سراح مئة معتقل.", "مئة", 100, "معتقل"),
        ("وأطلق سراح مائة معتقل.", "مائة", 100, "معتقل"),
        ("وأطلق سراح مئتين وخمسين سجينا.", "مئتين وخمسين", 250, "سجينا"),
        ("ودمرت ثلاثمائة منزل.", "ثلاثمائة", 300, "منزل"),
        ("ودمرت ثلاث مئة منزل.", "ثلاث مئة", 300, "منزل"),
        ("وشارك ألف متطوع.", "ألف", 1000, "متطوع"),
        ("وشارك ألفين متطوع.", "ألفين", 2000, "متطوع"),
        ("وعاد ألف ومئتان نازح.", "ألف ومئتان", 1200, "نازح"),
        ("وعاد ثلاثة آلاف وخمسمائة نازح.", "ثلاثة آلاف وخمسمائة", 3500, "نازح"),
        ("وفر خمسة عشر ألفا من السكان.", "خمسة عشر ألفا", 15000, "السكان"),
        ("وسجل ثلاثمائة ألف ناخب.", "ثلاثمائة ألف", 300000, "ناخب"),
        ("وخصص مليون دولار للإغاثة.", "مليون", 1000000, "دولار"),
        ("وقتل مئة وخمسة وعشرون شخصا.", "مئة وخمسة وعشرون", 125, "شخصا"),
    ],
)
def test_quantities_number_words_and_multipliers(text: str, expr: str, value: int, unit: str) -> None:
    q = _only(text, expr)
    assert (q.value, q.unit, q.vague) == (value, unit, False)


@pytest.mark.parametrize(
    ("text", "expr", "value", "unit"),
    [
        ("وقتل عشرات من المدنيين في القصف.", "عشرات", 12, "المدنيين"),
        ("وسقط مئات الجرحى في المواجهات.", "مئات", 100, "الجرحي"),
        ("وفر آلاف النازحين نحو الحدود.", "آلاف", 1000, "النازحين"),
        ("واعتقلت الشرطة العشرات من المحتجين.", "العشرات", 12, "المحتجين"),
        ("ودمرت الغارات عدة قرى.", "عدة", 3, "قري"),
        ("وأصيب بضعة جنود بجروح.", "بضعة", 3, "جنود"),
        ("وقتل عدد من الجنود في الكمين.", "عدد من", 3, "الجنود"),
    ],
)
def test_quantities_vague_counts(text: str, expr: str, value: int, unit: str) -> None:
    q = _only(text, expr)
    assert (q.value, q.unit, q.vague) == (value, unit, True)


@pytest.mark.parametrize(
    ("text", "expr", "value", "unit"),
    [
        ("وفر عشرات الآلاف من اللاجئين.", "عشرات الآلاف", 12000, "اللاجيين"),
        ("وتظاهر مئات الآلاف في الساحات.", "مئات الآلاف", 100000, None),
        ("ويعيش ملايين السوريين في المخيمات.", "ملايين", 1000000, "السوريين"),
    ],
)
def test_quantities_large_vague_counts_are_marked(text: str, expr: str, value: int, unit: str | None) -> None:
    """Vague and above 9999: aggregates leave these out (CONVENTIONS, Aggregates)."""
    q = _only(text, expr)
    assert (q.value, q.unit, q.vague) == (value, unit, True)
    assert q.value > 9999


def test_quantities_one_and_two_follow_their_noun() -> None:
    q = _only("وقتل طفل واحد في القصف.", "واحد")
    assert (q.value, q.unit) == (1, "طفل")
    q = _only("وأصيب اثنان من الجنود.", "اثنان")
    assert (q.value, q.unit) == (2, "الجنود")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("وأسفر الانفجار عن مقتل 11 أغلبهم من رجال الإطفاء.", "رجال"),  # the noun after من
        ("وجرح 6 بينهم ثلاثة صحفيين.", None),  # no من: the words after tell (the subset count is its own)
        ("وأعدم المسلحون 4 منهم رميا بالرصاص.", None),
    ],
)
def test_quantities_a_part_of_them_is_no_counted_noun(text: str, unit: str | None) -> None:
    q = next(q for q in _found(text) if q.text.isdigit())
    assert q.unit == (norm(unit) if unit else None)


def test_quantities_proclitic_left_out_of_span() -> None:
    text = "قتل رجلان وثلاثة أطفال."
    q = _only(text, "ثلاثة")
    assert text[q.start - 1] == "و"
    assert (q.value, q.unit) == (3, "اطفال")


@pytest.mark.parametrize(
    "text",
    [
        "وفي عام 2016 تغير كل شيء.",
        "وأعلنت الهدنة في 9/9/2016 بعد مفاوضات.",
        "وأعلنت الهدنة في 9 سبتمبر 2016 بعد مفاوضات.",
        "وتستمر الحرب منذ 2011، ولا حل في الأفق.",
        "وتصاعد القصف خلال الساعات الـ24 الماضية.",
        "وتعقد الدورة الـ7 للمؤتمر في جنيف.",
        "وفاز الفريق للمرة الـ3 على التوالي.",
        "وتجرى انتخابات 2016 الرئاسية في موعدها.",
        "وبدأ القصف عند الساعة 10:30 صباحا.",
        "وحلقت طائرات إف-16 فوق المدينة.",
        "وقال إنه جاء بعده ولست أدري لماذا.",
        "ودمرت الطائرات في 2007 منشأة نووية.",  # a year after في
        "وعقدت قمة مجموعة السبع في كندا.",  # a definite number word is an adjective
        "ونشر الجيش صورا لمقاتلات أف 35 فوق المدينة.",
    ],
)
def test_quantities_not_counts(text: str) -> None:
    assert _found(text) == []


def test_quantities_count_that_looks_like_a_year() -> None:
    q = _only("وتظاهر 2000 شخص أمام البرلمان.", "2000")
    assert (q.value, q.unit) == (2000, "شخص")


def test_quantities_unit_never_inside_a_time_expression() -> None:
    q = _only("ودعا أعضاء المجلس الـ41 يوم الاثنين إلى الاجتماع.", "الـ41")
    assert (q.value, q.unit) == (41, None)


def test_quantities_years_in_dates_skipped_but_counts_kept() -> None:
    text = "وفي 9 سبتمبر 2016 قتل 12 شخصا في عام 2016 وأصيب عشرات."
    assert [(q.text, q.value) for q in _found(text)] == [("12", 12), ("عشرات", 12)]


def test_quantities_stage_uses_doc_times() -> None:
    text = "وقتل 12 مدنيا خلال الساعات الـ24 الماضية، وفر عشرات الآلاف منذ 3 أيام."
    doc = make_doc(Article(doc_id="q1", text=text, published="2016-10-11"))
    out = quantities(dates(doc))
    assert out is doc
    assert [(q.text, q.value, q.unit, q.vague) for q in doc.quantities] == [
        ("12", 12, "مدنيا", False),
        ("عشرات الآلاف", 12000, None, True),
    ]
    assert doc.stages[-2:] == ["dates@1", "quantities@1"]


def test_quantities_stage_alone_still_skips_dates() -> None:
    doc = quantities(make_doc(Article(doc_id="q2", text="وفي عام 2016 قتل 7 أشخاص.")))
    assert [(q.text, q.unit) for q in doc.quantities] == [("7", "اشخاص")]


_PLAIN_ARABIC = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي ")


def test_quantities_numbers_resource_is_clean() -> None:
    rows = load_tsv("numbers.tsv")
    assert rows
    seen: set[str] = set()
    for row in rows:
        form = row["form"]
        assert all(row[k] for k in ("form", "value", "kind", "note")), row
        assert set(form) <= _PLAIN_ARABIC, form
        assert not any(unicodedata.category(c) == "Mn" or c == "\u0640" for c in form), form
        assert form == " ".join(form.split()), form
        assert row["kind"] in {"unit", "ten", "hundred", "scale", "vague", "fraction", "dual"}, row
        if row["kind"] == "fraction":
            assert 0 < float(row["value"]) < 1, row
        else:
            assert int(row["value"]) > 0
        key = norm(form)
        assert key not in seen, f"duplicate after normalisation: {form}"
        seen.add(key)
    values = {int(r["value"]) for r in rows if r["kind"] == "unit"}
    assert values == set(range(1, 20))
    vague = {norm(r["form"]): int(r["value"]) for r in rows if r["kind"] == "vague"}
    assert vague[norm("عشرات")] == 12 and vague[norm("مئات")] == 100


@pytest.mark.parametrize(
    ("text", "expr", "value", "unit"),
    [
        ("وقتل بين 10 و15 شخصا في القصف.", "10 و15", 10, "شخصا"),
        ("وأصيب 10-15 مدنيا بجروح.", "10-15", 10, "مدنيا"),
        ("ونزح من 200 إلى 300 عائلة.", "200 إلى 300", 200, "عايله"),
    ],
)
def test_quantities_ranges_take_the_lower_end(text: str, expr: str, value: int, unit: str) -> None:
    q = _only(text, expr)
    assert (q.value, q.unit, q.vague) == (value, unit, False)


def test_quantities_unit_before_the_number() -> None:
    q = _only("وارتفع عدد البلدات المنضمة إلى المصالحة إلى 760.", "760")
    assert (q.value, q.unit) == (760, "البلدات")


@pytest.mark.parametrize(("text", "expr", "value"), [("وقتل أكثر من 50 شخصا.", "50", 50),
                                                     ("وقتل نحو عشرين مدنيا.", "عشرين", 20),
                                                     ("ونزح قرابة ألف شخص.", "ألف", 1000)])
def test_quantities_approximate_counts_keep_the_number(text: str, expr: str, value: int) -> None:
    assert _only(text, expr).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("نزح نصف مليون شخص", 500_000), ("عاد ربع مليون لاجئ", 250_000), ("فر ثلث مليون مدني", 333_333)],
)
def test_quantities_fraction_of_a_scale_word(run, text: str, value: int) -> None:
    assert [q.value for q in run(text).quantities] == [value]


def test_quantities_fraction_alone_is_not_a_number(run) -> None:
    assert run("احتلت القضية نصف الجلسة وربع الوقت").quantities == []


def test_quantity_dual_noun_counts_two() -> None:
    from rasd.stages.quantities import find_quantities

    assert [(q.text, q.value) for q in find_quantities("وأسفر القصف عن مقتل جنديين وإصابة طفلين")] == \
        [("جنديين", 2), ("طفلين", 2)]
    # a nisba plural is written like its dual: مدنيين is not a count
    assert find_quantities("مقتل مدنيين في القصف") == []
    # the number word after a dual counts them, once
    assert [(q.text, q.value) for q in find_quantities("مقتل جنديين اثنين")] == [("اثنين", 2)]


def test_quantities_every_dual_ends_as_a_dual() -> None:
    # the stage looks a word up as a dual only when it ends so; a row that did not would never match
    from rasd.stages.quantities import _DUAL_ENDINGS, _lexicon

    assert all(d.endswith(_DUAL_ENDINGS) for d in _lexicon().duals)
