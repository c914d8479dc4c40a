"""Exports: ACLED CSV (pandas reads it, ACLED's columns, crosswalk), PLOVER JSONL (valid against the schema kept in
the repo), GeoJSON, Parquet; the same rows from the API and from `rasd export`."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from rasd.api.queries import Filters, export_events
from rasd.cli import main
from rasd.export import FORMAT_NAMES, acled, formats, plover
from rasd.store import open_store


@pytest.fixture(scope="module")
def events(small_db: str) -> list[dict[str, Any]]:
    with open_store(small_db) as store, store.connect() as conn:
        return export_events(conn, Filters(limit=10_000))


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, nlp: Any, shared: Path) -> str:
    """A store of the seed article alone (read in place from ../shared)."""
    from rasd.store.ingest import ingest

    db = tmp_path_factory.mktemp("seed") / "seed.db"
    with open_store(str(db)) as store:
        ingest(store, [str(shared / "eval" / "seed" / "article.txt")], pipeline=nlp, published="2016-10-11")
    return str(db)


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize(
    ("type_", "mode", "recipients", "expected"),
    [
        ("ASSAULT", "aerial", [], ("Explosions/Remote violence", "Air/drone strike")),
        ("ASSAULT", "heavy-weapons", [], ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("ASSAULT", "suicide-attack", [], ("Explosions/Remote violence", "Suicide bomb")),
        ("ASSAULT", "explosives", [], ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("ASSAULT", "abduct", [], ("Violence against civilians", "Abduction/forced disappearance")),
        ("ASSAULT", "firearms", [{"sector": "CVL"}], ("Violence against civilians", "Attack")),
        ("ASSAULT", "firearms", [{"sector": "MIL"}], ("Battles", "Armed clash")),
        ("ASSAULT", None, [], ("Battles", "Armed clash")),
        ("PROTEST", None, [], ("Protests", "Peaceful protest")),
        ("PROTEST", "riot", [], ("Riots", "Violent demonstration")),
        ("COERCE", "arrest", [], ("Strategic developments", "Arrests")),
        ("RETREAT", "withdraw", [], ("Strategic developments", "Non-violent transfer of territory")),
        ("AGREE", None, [], ("Strategic developments", "Agreement")),
        ("MOBILIZE", None, [], ("Strategic developments", "Change to group/activity")),
        ("CONSULT", "visit", [], None),
        ("ACCUSE", None, [], None),
    ],
)
def test_acled_crosswalk(type_: str, mode: str | None, recipients: list[dict[str, Any]], expected: Any) -> None:
    assert acled.crosswalk(type_, mode, recipients) == expected


def test_acled_csv_loads_with_pandas_with_acled_columns(events: list[dict[str, Any]]) -> None:
    pd = pytest.importorskip("pandas")
    buf = io.BytesIO()
    n = acled.write(events, buf, timestamp=1_700_000_000)
    df = pd.read_csv(io.BytesIO(buf.getvalue()))
    assert list(df.columns) == list(acled.COLUMNS) and len(df) == n > 0
    assert set(df["event_type"]) <= set(acled.DISORDER)
    assert set(df["disorder_type"]) <= set(acled.DISORDER.values())
    assert set(df["time_precision"]) <= {1, 2, 3}
    assert set(df["geo_precision"].dropna()) <= {1, 2, 3}
    idlib = df[df["admin1"] == "Idlib"]
    assert not idlib.empty and (idlib["country"] == "Syria").all() and (idlib["iso"] == 760).all()
    assert (idlib["region"] == "Middle East").all()
    strike = idlib[idlib["notes"].str.contains("سراقب")].iloc[0]
    assert strike["fatalities"] == 5 and strike["event_date"] == "2024-03-06" and strike["year"] == 2024
    assert strike["inter2"] == 7 and strike["inter1"] == 8  # Russian forces in Syria: external forces
    assert "CONSULT" not in " ".join(df["tags"])


def test_acled_csv_of_the_seed_article_loads_with_pandas(seed_db: str, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "seed.csv"
    r = _run("export", "--format", "acled-csv", "--db", seed_db, "--all-statuses", "-o", str(out))
    assert r.exit_code == 0, r.output
    df = pd.read_csv(out)
    assert list(df.columns) == list(acled.COLUMNS)
    assert len(df) >= 1 and df["event_date"].str.startswith("2016-").all()


def test_plover_jsonl_validates_against_the_schema(events: list[dict[str, Any]], seed_db: str) -> None:
    validator = jsonschema.Draft202012Validator(plover.schema())
    jsonschema.Draft202012Validator.check_schema(plover.schema())
    with open_store(seed_db) as store, store.connect() as conn:
        seed = export_events(conn, Filters(limit=10_000, status=None))
    for evs in (events, seed):
        buf = io.BytesIO()
        assert plover.write(evs, buf) == len(evs) > 0
        lines = buf.getvalue().decode("utf-8").splitlines()
        for line in lines:
            rec = json.loads(line)
            errors = [e.message for e in validator.iter_errors(rec)]
            assert errors == [], (rec["id"], errors)
    recs = [plover.record(e) for e in events]
    strike = next(r for r in recs if r["event"] == "ASSAULT" and "سراقب" in (r["text_info"]["sentence"] or ""))
    assert strike["actor"]["code"] == "RUS" and strike["event_loc"]["admin1"] == "SY-ID"
    assert strike["cite_info"]["source"] == "وكالة الشمال" and strike["text_info"]["size"].get("killed") == 5
    assert 0.0 < strike["text_info"]["report_score"] < 1.0  # the salience model scored the strike's sentence


def test_plover_schema_rejects_a_wrong_record() -> None:
    validator = jsonschema.Draft202012Validator(plover.schema())
    assert list(validator.iter_errors({"id": "x", "event": "FIGHT"}))


def test_geojson_and_parquet(events: list[dict[str, Any]]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    buf = io.BytesIO()
    formats()["geojson"].write(events, buf)
    fc = json.loads(buf.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(events)
    located = [f for f in fc["features"] if f["geometry"]]
    assert located and all(len(f["geometry"]["coordinates"]) == 2 for f in located)
    buf = io.BytesIO()
    formats()["parquet"].write(events, buf)
    table = pq.read_table(io.BytesIO(buf.getvalue()))
    assert table.num_rows == len(events) and {"id", "type", "date_min", "lat", "actors"} <= set(table.column_names)


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_export_api_equals_cli(fmt: str, client: TestClient, small_db: str, tmp_path: Path) -> None:
    r = client.get(f"/api/export?format={fmt}&type=ASSAULT")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    out = tmp_path / f"x.{fmt}"
    res = _run("export", "--format", fmt, "--db", small_db, "--type", "ASSAULT", "-o", str(out))
    assert res.exit_code == 0, res.output
    if fmt == "acled-csv":
        drop_ts = [line.rsplit(",", 1)[0] for line in r.text.splitlines()]
        assert drop_ts == [line.rsplit(",", 1)[0] for line in out.read_text(encoding="utf-8").splitlines()]
    elif fmt != "parquet":
        assert r.content == out.read_bytes()


def test_export_bad_input_is_one_line(small_db: str) -> None:
    r = CliRunner().invoke(main, ["export", "--format", "geojson", "--db", small_db, "--since", "soon"])
    assert r.exit_code == 2 and "--since" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["export", "--format", "geojson", "--db", small_db, "--admin1", "nowhere"])
    assert r.exit_code == 2 and "admin1" in r.output
