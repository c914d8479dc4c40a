"""`rasd gazetteer import`: a user's CSV or OpenSyria JSON joins the gazetteer; re-imports change nothing."""

import json

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.errors import InputError
from rasd.gazetteer import import_gazetteer, user_file
from rasd.stages.places import geocode

CSV = (
    "name,alias,lat,lon,country,admin1,admin2,feature,id\n"
    "تل الزهور,تل الورد|Tell Zuhur,35.9,36.7,SYR,SY-ID,,village,v1\n"
)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_HOME", str(tmp_path / "home"))
    return tmp_path


def test_import_csv_then_geocode(home) -> None:
    src = home / "villages.csv"
    src.write_text(CSV, encoding="utf-8")
    assert geocode("تل الزهور") == []
    r = import_gazetteer(src)
    assert (r.read, r.added, r.updated, r.total) == (1, 1, 0, 1)
    for name in ("تل الزهور", "تل الورد", "Tell Zuhur"):
        p = geocode(name, limit=1)[0]
        assert (p.gazetteer_id, p.admin1, p.feature, p.precision) == ("user:v1", "SY-ID", "village", 1)


def test_reimport_is_idempotent(home) -> None:
    src = home / "villages.csv"
    src.write_text(CSV, encoding="utf-8")
    import_gazetteer(src)
    before = user_file().read_bytes()
    r = import_gazetteer(src)
    assert (r.added, r.updated, r.total) == (0, 0, 1)
    assert user_file().read_bytes() == before
    assert not list(user_file().parent.glob(".gazetteer-*"))  # no temporary file left


def test_imported_places_take_part_in_matching(home, run) -> None:
    src = home / "villages.csv"
    src.write_text(CSV, encoding="utf-8")
    import_gazetteer(src)
    doc = run("قصفت الطائرات قرية تل الزهور فجر اليوم.")
    assert [(p.text, p.gazetteer_id) for p in doc.places] == [("تل الزهور", "user:v1")]


def test_import_opensyria_layout(home) -> None:
    gov = [{"id": "g1", "name": {"ar": "إدلب", "en": "Idlib"}, "aliases": [], "iso31662": "SY-ID",
            "centroid": {"latitude": 35.9, "longitude": 36.6}, "externalIds": {"ochaPcode": "SY07"}}]
    dist = [{"id": "d1", "governorateId": "g1", "name": {"ar": "حارم", "en": "Harem"},
             "aliases": [{"value": "منطقة حارم", "language": "ar"}],
             "centroid": {"latitude": 36.2, "longitude": 36.5}, "externalIds": {"ochaPcode": "SY0703"}},
            {"id": "d2", "governorateId": "g1", "name": {"ar": "وادي الزيتون", "en": "Olive Valley"},
             "aliases": [], "centroid": {"latitude": 35.7, "longitude": 36.4}, "externalIds": {"ochaPcode": "SY0799"}}]
    folder = home / "os"
    folder.mkdir()
    (folder / "governorates.json").write_text(json.dumps(gov, ensure_ascii=False), encoding="utf-8")
    (folder / "districts.json").write_text(json.dumps(dist, ensure_ascii=False), encoding="utf-8")
    assert import_gazetteer(folder).added == 3
    harem = geocode("منطقة حارم", limit=1)[0]
    assert (harem.gazetteer_id, harem.admin2) == ("user:SY0703", "SY-ID-HAREM")  # rasd's own district code
    olive = geocode("Olive Valley District", limit=1)[0]
    assert (olive.admin1, olive.admin2, olive.feature) == ("SY-ID", "SY0799", "admin2")


def test_import_rejects_bad_csv(home) -> None:
    src = home / "bad.csv"
    src.write_text("place,lat\nx,1\n", encoding="utf-8")
    with pytest.raises(InputError):
        import_gazetteer(src)


def test_cli_geocode_and_import(home) -> None:
    src = home / "villages.csv"
    src.write_text(CSV, encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(main, ["gazetteer", "import", str(src)])
    assert r.exit_code == 0 and "1 added" in r.output
    r = runner.invoke(main, ["geocode"], input="تل الورد\nلا مكان\n")
    lines = [json.loads(x) for x in r.output.splitlines()]
    assert lines[0]["places"][0]["gazetteer_id"] == "user:v1" and lines[1]["places"] == []
    r = runner.invoke(main, ["geocode", "محافظة حلب"])
    assert json.loads(r.output)["places"][0]["admin1"] == "SY-HL"
    bad = runner.invoke(main, ["gazetteer", "import", str(home / "bad.json")])
    assert bad.exit_code == 2
