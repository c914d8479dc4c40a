"""Places: gazetteer lookup, province codes, cue words and context."""

import pytest


def _places(doc):
    return {p.text: p for p in doc.places}


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("سقطت قذائف على حي في حلب صباح اليوم.", "حلب", "SYR", "SY-HL"),
        ("وصل الوفد إلى دمشق أمس.", "دمشق", "SYR", "SY-DI"),
        ("تجددت الاشتباكات في محافظة درعا.", "درعا", "SYR", "SY-DR"),
        ("نزح مئات من ريف إدلب الجنوبي.", "إدلب", "SYR", "SY-ID"),
        ("عقد الاجتماع في جنيف بحضور الوفود.", "جنيف", "CHE", None),
        ("وصل الرئيس إلى واشنطن مساء الأحد.", "واشنطن", "USA", None),
    ],
)
def test_places_resolve_country_and_province(run, text, name, country, admin1) -> None:
    places = _places(run(text))
    assert name in places, places
    assert places[name].country == country
    if admin1:
        assert places[name].admin1 == admin1


def test_places_list_after_province_cue(run) -> None:
    doc = run("سجلت خروقات في محافظات حمص وطرطوس والقنيطرة.")
    assert [p.admin1 for p in doc.places] == ["SY-HI", "SY-TA", "SY-QU"]
    assert all(p.precision == 3 for p in doc.places)


def test_places_kurdistan_region_is_iraq_with_no_province(run) -> None:
    # three governorates: the region has no admin1; the PKK (coded TUR) does not make it Turkish
    doc = run("وقصفت المقاتلات التركية مواقع لحزب العمال الكردستاني في إقليم كردستان.")
    assert [(p.text, p.country, p.admin1) for p in doc.places] == [("إقليم كردستان", "IRQ", None)]
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    assert [p.country for p in ev.location] == ["IRQ"]


def test_places_countryside_is_precision_two(run) -> None:
    doc = run("قصفت المدفعية قرى في ريف حماة.")
    hama = _places(doc)["حماة"]
    assert (hama.admin1, hama.precision) == ("SY-HM", 2)


def test_places_offsets_point_at_the_name(run) -> None:
    text = "وبحمص وفي اللاذقية هدوء حذر."
    doc = run(text)
    assert {text[p.start : p.end] for p in doc.places} >= {"حمص", "اللاذقية"}


@pytest.mark.parametrize("text", ["قال إنه لن يشارك بأنه غائب.", "وتحدث عن تسوية سياسية شاملة."])
def test_places_common_words_are_not_places(run, text) -> None:
    assert run(text).places == []


def test_places_national_territory(run) -> None:
    doc = run("نفذت الطائرات غارات في الأراضي العراقية.")
    assert any(p.country == "IRQ" and p.precision == 4 for p in doc.places)


@pytest.mark.parametrize(
    "text",
    [
        "وقال إنه بذل كل ما بوسعه في سبيل التعاون.",  # س is no proclitic of a name (not بيل)
        "وجاء ذلك في إطار التعاون بين البلدين.",  # إطار: framework, not Atar
        "وأشار في قوله إلى ضرورة التهدئة.",
        "ونشر الخبر في وكالة الأنباء الرسمية.",  # وكالة: agency, not و + ك + آلة (Alès) or و + كالة (Calais)
    ],
)
def test_places_common_words_after_a_preposition_are_not_places(run, text) -> None:
    assert run(text).places == []


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("عقدت المحكمة جلستها في لاهاي أمس.", "لاهاي", "NLD", "NL-ZH"),
        ("وصل الوزير إلى ميونخ للمشاركة في المؤتمر.", "ميونخ", "DEU", "DE-BY"),
        ("أمطار غزيرة في المنقف جنوب الكويت.", "المنقف", "KWT", "KW-AH"),  # GeoNames admin1 code → ISO
    ],
)
def test_places_foreign_cities_have_iso_provinces(run, text, name, country, admin1) -> None:
    places = _places(run(text))
    assert (places[name].country, places[name].admin1) == (country, admin1)


def test_places_nationality_adjective_is_not_the_country(run) -> None:
    assert run("وبحث الوزيران سبل حل الأزمة السورية.").places == []


def test_places_outlet_title_is_not_a_place(run) -> None:
    doc = run("ونقلت قناة “روسيا اليوم” عن مصدر عسكري أن الهدنة صامدة.")
    assert doc.places == []
    assert [t.text for t in doc.times] == []


def test_places_amman_or_oman_by_the_nationalities_of_the_article(run) -> None:
    doc = run("وتظاهر المحتجون الأردنيون أمام مقر الحكومة في عمان.")
    assert [(p.text, p.country) for p in doc.places] == [("عمان", "JOR")]
    doc = run("وزار وزير الخارجية العماني مسقط، عاصمة سلطنة عمان.")
    assert {p.country for p in doc.places} == {"OMN"}


@pytest.mark.parametrize("text", [
    "وتظاهر المئات أمام البرلمان في ولاية تكساس الأمريكية.",  # ولاية is no و + Lae
    "ونقل الجرحى إلى المعسكر القريب من الحدود.",  # a camp, not Mascara
    "ودعا الوزير إلى وقف التصعيد فورا.",  # a halt, not Al Waqf
])
def test_places_words_that_geonames_lists_are_no_places_here(run, text) -> None:
    assert [p.country for p in run(text).places if p.country in ("PNG", "DZA", "EGY")] == []


@pytest.mark.parametrize(("text", "admin1"), [
    ("وقصفت الطائرات التركية بلدة جنديرس في ريف عفرين.", "SY-HL"),
    ("وانفجرت سيارة مفخخة في حي الكرادة وسط العاصمة.", "IQ-BG"),
    ("ونقلت عائلات من مخيم الهول إلى العراق.", "SY-HA"),
])
def test_towns_of_the_war_the_cities_list_leaves_out(run, text, admin1) -> None:
    assert admin1 in [p.admin1 for p in run(text).places]


def test_a_town_named_by_an_ordinary_word_needs_its_kind(run) -> None:
    # الراعي "the shepherd", الهول "the horror": only بلدة الراعي، مخيم الهول are places
    assert [p.text for p in run("وقال الراعي إن الهول كان كبيرا.").places] == []


@pytest.mark.parametrize("text", [
    "وارتفعت الأسهم في البورصة الأمريكية أمس.",  # بورصة: Bursa
    "وفاز الفريق بلقب الدوري الإسباني للمرة الثانية.",  # دوري: Dori, Burkina Faso
    "وقال إن الدولة الحديثة قامت على القانون.",  # حديثة: Haditha
])
def test_a_name_read_with_an_article_it_never_takes_is_a_common_noun(run, text) -> None:
    assert [p.text for p in run(text).places] == []


def test_a_small_foreign_town_needs_its_country_in_the_article(run) -> None:
    # من كبار المسؤولين: كبار is no ك + Bar (Montenegro, 17,000 people)
    assert [p.name for p in run("والتقى الوزير عددا من كبار المسؤولين في الوزارة.").places] == []
    doc = run("ووصل الوفد إلى بار في الجبل الأسود أمس.")
    assert ("Bar", "MNE") in [(p.name, p.country) for p in doc.places]


@pytest.mark.parametrize(("text", "town"), [
    ("وارتفعت الأسعار في شهر آب الماضي.", None),  # the month, not Ibb in Yemen
    ("وتتراجع المبيعات على المدى القصير.", None),  # the short, not al-Qusayr
    ("وفي حديثه لقناة أردنية قال إن الأردن متفائل.", None),  # his talk, not Haditha
    ("وقصفت الطائرات مواقع في القصير بريف حمص.", "القصير"),
    ("وقتل ثلاثة في هجوم على حاجز في مدينة حديثة غرب الأنبار.", "حديثة"),
])
def test_town_names_that_are_ordinary_words_need_a_place_reading(run, text, town) -> None:
    found = [p.text for p in run(text).places if p.country in ("IRQ", "SYR", "YEM")]
    assert found[:1] == ([town] if town else [])
