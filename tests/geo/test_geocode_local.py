"""Geocoding below the province: local places, GeoNames provinces, epithets, embassies, roads, context.

Every example is written for these tests (not taken from an evaluation set).
"""

import re

import pytest

from rasd.doc import make_doc
from rasd.gazetteer import geonames_admin1
from rasd.records import Article
from rasd.resources import load_tsv
from rasd.stages.places import find_places, geocode


def _top(name: str, context: str | None = None):
    got = geocode(name, context=context, limit=1)
    assert got, name
    return got[0]


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("منطقة أم الهيمان", "KWT", "KW-AH"),  # a Kuwaiti area under its usual name
        ("علي صباح السالم", "KWT", "KW-AH"),  # ... and under its official one
        ("الجابرية", "KWT", "KW-HA"),
        ("جليب الشيوخ", "KWT", "KW-FA"),
        ("مدينة صباح الأحمد", "KWT", "KW-AH"),
        ("بالجفر", "JOR", "JO-MN"),  # proclitic ب
        ("القطرانة", "JOR", "JO-KA"),
        ("لواء ذيبان", "JOR", "JO-MD"),  # لواء opens a Jordanian district
        ("حي المنيل", "EGY", "EG-C"),
        ("إمبابة", "EGY", "EG-GZ"),
        ("مدينة نصر", "EGY", "EG-C"),
        ("رفحاء", "SAU", "SA-08"),
        ("#حفر_الباطن", "SAU", "SA-04"),
        ("جبيل", "LBN", "LB-KJ"),  # Byblos; الجبيل with the article is the Saudi port
        ("البقاع الغربي", "LBN", "LB-BI"),
    ],
)
def test_local_places(name, country, admin1) -> None:
    p = _top(name)
    assert (p.country, p.admin1) == (country, admin1)


def test_geonames_provinces_from_the_table() -> None:
    # Qalyub (GeoNames EG.12) lies nearer Cairo's seat than Banha's: the table, not the vote, decides.
    assert geonames_admin1("EG", "12", "EGY", 30.18, 31.21) == "EG-KB"
    # GeoNames' Mount Lebanon (LB.05) predates Keserwan-Jbeil: the nearest of the two seats decides.
    assert geonames_admin1("LB", "05", "LBN", 33.81, 35.60) == "LB-JL"  # Aley
    assert geonames_admin1("LB", "05", "LBN", 33.98, 35.62) == "LB-KJ"  # Jounieh
    assert geonames_admin1("YE", "26", "YEM", 15.35, 44.21) == "YE-SA"  # the city of Sana'a


def test_the_kingdom_is_the_one_the_context_names() -> None:
    assert _top("المملكة", "توقعات بأمطار رعدية على معظم مناطق المملكة").country == "SAU"
    assert _top("المملكة", "الأردن: إغلاق طرق في عدة محافظات في المملكة").country == "JOR"
    assert _top("بالمملكة").precision == 4


def test_an_embassy_is_not_in_the_state_it_names() -> None:
    ctx = "أعلنت السفارة الكويتية في بيروت تضرر مبناها بعد الانفجار في لبنان"
    p = _top("السفارة الكويتية", ctx)
    assert p.country == "LBN" and p.precision >= 2
    assert geocode("سفارة الكويت") == []  # alone it says only where it is not


def test_a_national_institution_is_in_the_capital_a_road_is_not() -> None:
    p = _top("جامعة الكويت", "تعليق الدراسة في جامعة الكويت بسبب الأمطار")
    assert (p.country, p.admin1, p.precision) == ("KWT", "KW-KU", 2)
    road = _top("طريق الكويت", "إغلاق طريق الكويت في حفر الباطن بسبب السيول")
    assert road.feature != "capital"


def test_a_word_after_a_road_word_is_a_name() -> None:
    p = _top("طريق الأزرق", "إغلاق طريق الأزرق بسبب الغبار")
    assert (p.country, p.admin1) == ("JOR", "JO-AZ")


def test_a_far_context_does_not_hide_a_regional_town() -> None:
    # a Saudi town known only by its English spelling in GeoNames, in a tweet that names other countries
    p = _top("حوطة بني تميم", "تبرعات من مصر والمغرب لمتضرري السيول")
    assert p.country == "SAU"


def test_the_query_does_not_vote_for_its_own_country() -> None:
    ctx = "أمطار متفرقة على #حفر_الباطن و #الخفجي وشمال #الشرقية"
    assert _top("الشرقية", ctx).admin1 == "SA-04"  # not Egypt's Sharqia


def test_mintaqa_before_a_gulf_region_is_the_region() -> None:
    p = _top("منطقة الجوف", "سيول في شمال السعودية")
    assert (p.admin1, p.feature) == ("SA-12", "admin1")
    assert _top("منطقة حارم").admin2 == "SY-ID-HAREM"  # a Syrian district still wins


def test_invisible_marks_are_ignored() -> None:
    assert _top("السعودية\u2060").country == "SAU"


def test_ordinary_words_are_not_places_in_running_text() -> None:
    doc = make_doc(Article(doc_id="t", text="استمرار الحالة المطرية على الكويت وتحذيرات من فيروس كورونا في الجامعة."))
    assert {p.country for p in find_places(doc)} == {"KWT"}
    doc = make_doc(Article(doc_id="t", text="استقبل أمير الكويت الشيخ صباح الأحمد وفدا رسميا."))
    assert all(p.admin1 != "KW-AH" for p in find_places(doc))  # the emir, not the town


def test_a_name_beginning_with_ba_does_not_count_as_bi() -> None:
    # و + بترا: the proclitic is و alone, so nothing locative supports the reading (a tennis player)
    doc = make_doc(Article(doc_id="t", text="فازت اللاعبتان ماريا وبترا كفيتوفا في الدور الأول."))
    assert not find_places(doc)
    doc = make_doc(Article(doc_id="t", text="أصدرت وكالة الأنباء الأردنية (بترا) بيانا."))
    assert not find_places(doc)


def test_word_names_only_in_qualified_form() -> None:
    assert _top("منطقة كبد").admin1 == "KW-JA"
    doc = make_doc(Article(doc_id="t", text="وكبد الجيش المهاجمين خسائر كبيرة."))
    assert not find_places(doc)


LOCAL_HEADER = ["name_ar", "name_en", "kind", "country", "admin1", "lat", "lon", "population"]
# Arabic words; a number is a word of its own (محور 26 يوليو، مدينة 6 أكتوبر)
_WORD = r"(?:[\u0621-\u063A\u0641-\u064A]+|[0-9]+)"
ARABIC_NAME = re.compile(rf"^{_WORD}(?:[ \-]{_WORD})*$")


def test_places_local_rows() -> None:
    admin1 = {r["code"]: r["country"] for r in load_tsv("admin.tsv") if r["level"] == "admin1"}
    rows = load_tsv("places_local.tsv")
    assert rows and list(rows[0]) == LOCAL_HEADER
    seen = set()
    for r in rows:
        assert r["kind"] in {"city", "town", "site", "region", "airport", "crossing"}, r
        assert r["admin1"] in admin1 and admin1[r["admin1"]] == r["country"], r
        for n in r["name_ar"].split("|"):
            assert ARABIC_NAME.match(n), r
        assert re.match(r"^-?\d{1,3}\.\d{4}$", r["lat"]) and re.match(r"^-?\d{1,3}\.\d{4}$", r["lon"]), r
        assert r["population"] == "" or r["population"].isdigit(), r
        assert (r["name_ar"], r["country"]) not in seen, r
        seen.add((r["name_ar"], r["country"]))


def test_geonames_admin1_table_codes_exist() -> None:
    codes = {r["code"] for r in load_tsv("admin.tsv") if r["level"] == "admin1"}
    for r in load_tsv("geonames_admin1.tsv"):
        assert set(r["iso"].split("|")) <= codes, r


def test_epithets_name_countries() -> None:
    from rasd.lexicon import countries

    for r in load_tsv("place_epithets.tsv"):
        assert set(r["countries"].split("|")) <= set(countries()), r


# --- more local places and rules (examples written for these tests) -------------------------------


@pytest.mark.parametrize(
    ("name", "context", "admin1"),
    [
        ("منطقة هدية", None, "KW-AH"),  # a Kuwaiti area named by an ordinary word: qualified form
        ("مستشفى مبارك الكبير", None, "KW-HA"),  # a national hospital, not the governorate it is named after
        ("مقبرة صبحان", None, "KW-MU"),
        ("استاد جابر الأحمد", None, "KW-FA"),
        ("محطة الدوحة الغربية", "انقطاع الكهرباء في الكويت بعد عطل في محطة الدوحة الغربية", "KW-KU"),
        ("ضبعة", "انهيار جسر على الطريق الصحراوي في الأردن قرب ضبعة", "JO-AM"),  # not Egypt's El Dabaa
        ("لواء الجيزة", "أمطار غزيرة على لواء الجيزة جنوب عمان", "JO-AM"),  # a Jordanian liwa, not Giza
        ("وادي الهيدان", None, "JO-MD"),
        ("حدائق أكتوبر", None, "EG-GZ"),
        ("محور 26 يوليو", None, "EG-GZ"),
        ("خندق الغميق", None, "LB-BA"),
        ("مستشفى رفيق الحريري", None, "LB-JL"),  # in Jnah, outside the city's governorate
        ("مطار حمد الدولي", None, "QA-DA"),
    ],
)
def test_more_local_places(name, context, admin1) -> None:
    assert _top(name, context).admin1 == admin1


def test_a_name_that_is_also_a_word_or_a_person() -> None:
    assert _top("العمري").admin1 == "JO-AZ"  # asked for as a place: the border crossing
    assert _top("رمسيس").admin1 == "EG-C"
    doc = make_doc(Article(doc_id="t", text="قال الباحث محمد العمري إن تمثال رمسيس الثاني نقل إلى المتحف."))
    assert not find_places(doc)  # in running text a family name and a pharaoh
    doc = make_doc(Article(doc_id="t", text="ارتفعت الوفيات في كورونا إلى عشرة."))
    assert all(p.country != "ITA" for p in find_places(doc))  # ك + ورونا is not Verona


def test_an_embassy_in_a_country_named_only_as_a_country_is_in_its_capital() -> None:
    p = _top("السفارة السعودية", "السفارة السعودية في الأردن تدعو مواطنيها إلى الحذر")
    assert (p.country, p.admin1, p.precision) == ("JOR", "JO-AM", 2)


def test_the_query_with_a_proclitic_does_not_vote_for_itself() -> None:
    # السيدة زينب is a Damascus suburb and a Cairo quarter: the hospital decides, not the name's own mention
    p = _top("بالسيدة زينب", "نقل المصابين إلى مستشفى القصر العيني بالسيدة زينب")
    assert p.admin1 == "EG-C"


def test_the_airport_unnamed_is_the_main_airport_of_the_country() -> None:
    assert _top("طريق المطار", "أمطار غزيرة في الكويت وإغلاق طريق المطار").admin1 == "KW-FA"
    assert _top("المطار", "إغلاق المطار في الأردن بسبب الضباب").admin1 == "JO-AM"


def test_a_road_named_after_a_country_is_in_the_other_place() -> None:
    p = _top("طريق الكويت", "إغلاق طريق الكويت في حفر الباطن بسبب السيول")
    assert (p.country, p.admin1) == ("SAU", "SA-04")


def test_the_head_of_a_phrase_comes_first() -> None:
    # مليح is also a word; after منطقة it is a name, and it comes before the place named after it
    assert _top("منطقة مليح جنوب عمان").admin1 == "JO-MD"


def test_a_governor_names_a_place() -> None:
    p = _top("مركز تندحة", "محافظ خميس مشيط يتفقد مركز تندحة بعد الأمطار")
    assert (p.country, p.admin1) == ("SAU", "SA-14")


def test_a_worded_place_belongs_to_the_articles_countries() -> None:
    # الأزرق is "the blue" and a Jordanian town: in an article about Riyadh it is not the town
    doc = make_doc(Article(doc_id="t", text="فاز الهلال في الرياض أمس، وعاد المدرب إلى الأزرق بعد عامين."))
    assert {p.country for p in find_places(doc)} == {"SAU"}
    doc = make_doc(Article(doc_id="t", text="تقدمت القوات في تعز باتجاه العمري قرب الساحل."))
    assert all(p.country != "JOR" for p in find_places(doc))  # a Yemeni العمري, not the Jordanian crossing
    assert _top("العمري", "تقدمت القوات في تعز باتجاه العمري قرب الساحل").country == "YEM"
    assert _top("العمري", "إغلاق حدود العمري مع السعودية بسبب السيول في الأردن").admin1 == "JO-AZ"
