"""`rasd eval geo` / `rasd eval dates`: the scores on the shared gold sets meet issue 4's floors."""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.cli.eval_geo import resolve_phrases, score_idrisi, score_syria_admin, score_wojood


@pytest.fixture
def no_user_gazetteer(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_HOME", str(tmp_path / "empty-home"))


def test_eval_syria_admin_without_import(shared, no_user_gazetteer) -> None:
    r = score_syria_admin(shared / "data" / "gazetteer" / "syria-admin")
    assert r["governorates"]["share"] >= 0.98
    assert r["districts"]["share"] >= 0.90


def test_eval_syria_admin_after_import_is_complete(shared, tmp_path, monkeypatch) -> None:
    from rasd.gazetteer import import_gazetteer

    monkeypatch.setenv("RASD_HOME", str(tmp_path / "home"))
    folder = shared / "data" / "gazetteer" / "syria-admin"
    import_gazetteer(folder)
    r = score_syria_admin(folder)
    assert r["governorates"]["share"] == 1.0 and r["districts"]["share"] == 1.0


def test_eval_wojood_date_f1(shared) -> None:
    r = score_wojood(shared / "data" / "ner" / "wojood-sample")
    assert r["DATE"]["f1"] >= 0.70
    assert "CARDINAL" in r


def test_eval_idrisi_on_a_small_file(tmp_path, no_user_gazetteer) -> None:
    tweet = {"text": "سيول في حفر الباطن اليوم #السعودية", "location_mentions": [
        {"text": "حفر الباطن", "type": "City/town", "start_offset": 8, "end_offset": 18,
         "osm_json": {"lat": "28.43", "lon": "45.97", "address": {"country_code": "sa", "ISO3166-2-lvl4": "SA-04"}}},
        {"text": "مكان مجهول تماما", "type": "Other locations", "start_offset": 0, "end_offset": 4,
         "osm_json": {"lat": "10", "lon": "10", "address": {"country_code": "ng"}}}]}
    (tmp_path / "x__dev.jsonl").write_text(json.dumps(tweet, ensure_ascii=False) + "\n", encoding="utf-8")
    r = score_idrisi(tmp_path)
    assert r["mentions"] == 2
    assert r["country_accuracy"] == 0.5 and r["admin1_accuracy"] == 1.0 and r["within_161km"] == 0.5


def test_eval_date_phrases_are_resolved() -> None:
    rows = {r["phrase"]: r for r in resolve_phrases(dt.date(2024, 3, 7))}
    assert rows["أمس"]["date"] == "2024-03-06"
    assert rows["منذ ثلاثة أيام"]["date"] == "2024-03-04"
    assert rows["خلال الساعات الـ24 الماضية"]["kind"] == "duration"
    assert all(r["date"] for r in rows.values())


def test_eval_commands_are_registered() -> None:
    r = CliRunner().invoke(main, ["eval", "--help"])
    assert "geo" in r.output and "dates" in r.output
