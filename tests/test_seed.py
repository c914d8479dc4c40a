"""The reference article of ../shared/eval/seed: behaviour we are sure of (scores come from `rasd eval`)."""

import pytest

from rasd.records import Article


@pytest.fixture(scope="module")
def seed(nlp, shared):
    text = (shared / "eval" / "seed" / "article.txt").read_text(encoding="utf-8")
    return nlp(Article(doc_id="seed", text=text, published="2016-10-11"))


def test_seed_resolves_month_day_against_publication(seed) -> None:
    dates = {t.text: t.date for t in seed.times}
    assert dates["9 سبتمبر الماضي"] == "2016-09-09"


def test_seed_provinces(seed) -> None:
    codes = {p.text: p.admin1 for p in seed.places}
    for name, code in {"حلب": "SY-HL", "دمشق": "SY-DI", "اللاذقية": "SY-LA", "حماة": "SY-HM",
                       "السويداء": "SY-SU"}.items():
        assert codes.get(name) == code


def test_seed_every_statement_has_a_russian_speaker(seed) -> None:
    assert len(seed.statements) >= 10
    assert {s.speaker.code for s in seed.statements if s.speaker} == {"RUS"}


def test_seed_aggregates(seed) -> None:
    got = {(a.metric, a.value, tuple(a.admin1)) for a in seed.aggregates}
    assert ("ceasefire_violations", 47, ("SY-DI", "SY-HL", "SY-HM", "SY-LA")) in got
    assert ("settlements_signed_reconciliation", 6, ("SY-HM", "SY-LA", "SY-SU")) in got
    assert any(m == "settlements_joined_reconciliation" and v == 760 for m, v, _ in got)
