"""Geocoding a name on its own: levels, Latin spellings, proclitics, hashtags, context."""

import pytest

from rasd.gazetteer import arabic_key, latin_key
from rasd.stages.places import geocode


@pytest.mark.parametrize(
    ("name", "level", "admin1", "admin2", "precision"),
    [
        ("محافظة حماة", None, "SY-HM", None, 3),
        ("منطقة حارم", None, "SY-ID", "SY-ID-HAREM", 2),
        ("Harem District", None, "SY-ID", "SY-ID-HAREM", 2),
        ("Hasaka Governorate", None, "SY-HA", None, 3),
        ("Al-Hasakeh", "admin2", "SY-HA", "SY-HA-HASAKAH", 2),
        ("ريف دمشق", "admin1", "SY-RD", None, 3),
        ("Damascus Countryside", "admin1", "SY-RD", None, 3),
        ("Jisr-Ash-Shugur", "admin2", "SY-ID", "SY-ID-JISRSHUGHUR", 2),
    ],
)
def test_geocode_resolves_units(name, level, admin1, admin2, precision) -> None:
    p = geocode(name, level=level, limit=1)[0]
    assert (p.country, p.admin1, p.admin2, p.precision) == ("SYR", admin1, admin2, precision)


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("بسراقب", "SYR", "SY-ID"),  # proclitic
        ("#حفر_الباطن", "SAU", "SA-04"),  # hashtag, a city GeoNames lacks in Arabic (its English name)
        ("حفرالباطن", "SAU", "SA-04"),  # glued hashtag spelling
        ("واشنطن", "USA", "US-DC"),
    ],
)
def test_geocode_spellings(name, country, admin1) -> None:
    p = geocode(name, limit=1)[0]
    assert (p.country, p.admin1) == (country, admin1)


def test_geocode_part_of_a_name_is_precision_two() -> None:
    p = geocode("مستشفى سراقب", limit=1)[0]
    assert (p.admin1, p.precision) == ("SY-ID", 2)


def test_geocode_unknown_name_falls_back_to_the_context_country() -> None:
    p = geocode("مزرعة لا اسم لها", context="أمطار غزيرة في الكويت اليوم", limit=1)[0]
    assert (p.country, p.precision, p.feature) == ("KWT", 4, "country")
    assert p.lat is not None


def test_geocode_unknown_name_without_context_is_empty() -> None:
    assert geocode("مزرعة لا اسم لها") == []


def test_geocode_context_country_breaks_ties() -> None:
    lebanon = geocode("طرابلس", context="اشتباكات في شمال لبنان", limit=1)[0]
    libya = geocode("طرابلس", context="قالت حكومة ليبيا", limit=1)[0]
    assert (lebanon.country, libya.country) == ("LBN", "LBY")


def test_geocode_rejects_unknown_level() -> None:
    with pytest.raises(ValueError):
        geocode("حلب", level="planet")


@pytest.mark.parametrize(("a", "b"), [("Hasakah", "Al-Hasakeh District"), ("Tall Kalakh", "Talkalakh"),
                                      ("Suwayda", "As-Sweida"), ("Idlib", "Idleb")])
def test_latin_key_tolerates_spellings(a, b) -> None:
    assert latin_key(a) == latin_key(b)


def test_arabic_key_matches_english_spelling() -> None:
    assert arabic_key("الخفجي") == latin_key("Al Khafji")
