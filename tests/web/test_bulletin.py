"""The daily bulletin: counts by type and province against the day before and the last 7 days, counts by source
side by side, main statements, every number linked to its sentences; ar/en; html/md; CLI and page."""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from rasd import bulletin
from rasd.cli import main
from rasd.store import open_store


@pytest.fixture(scope="module")
def b(small_db: str) -> dict[str, Any]:
    with open_store(small_db) as store, store.connect() as conn:
        return bulletin.build(conn, dt.date(2024, 3, 7))


def _row(rows: list[dict[str, Any]], key: str | None) -> dict[str, Any]:
    return next(r for r in rows if r["key"] == key)


def test_bulletin_counts_against_previous_day_and_week(b: dict[str, Any]) -> None:
    assert b["day"] == "2024-03-07" and b["prev"] == "2024-03-06" and b["week_from"] == "2024-03-01"
    assault = _row(b["by_type"], "ASSAULT")
    assert (
        assault["prev"]["count"] >= 1 and assault["week"]["count"] >= assault["day"]["count"] + assault["prev"]["count"]
    )
    assert _row(b["by_type"], "COERCE")["day"]["count"] >= 1
    assert _row(b["by_province"], "SY-DR")["day"]["count"] >= 1
    assert sum(r["day"]["count"] for r in b["by_type"]) == b["totals"]["day"]


def test_bulletin_every_number_links_to_its_sentences(b: dict[str, Any]) -> None:
    for rows in (b["by_type"], b["by_province"]):
        for r in rows:
            for w in bulletin.WINDOWS:
                cell = r[w]
                if cell["count"]:
                    assert len(b["evidence"][cell["anchor"]]["items"]) == cell["count"]
                else:
                    assert cell["anchor"] is None
    for g in b["aggregates"]:
        for rep in g["reports"]:
            assert b["evidence"][rep["anchor"]]["items"][0]["evidence"] == rep["evidence"]


def test_bulletin_keeps_reporters_side_by_side(b: dict[str, Any]) -> None:
    cv = [g for g in b["aggregates"] if g["metric"] == "ceasefire_violations"]
    assert cv and cv[0]["reports"][0]["value"] == 12 and set(cv[0]["admin1"]) == {"SY-HL", "SY-ID"}
    assert any(s["cue"] == "قال" for s in b["statements"])


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_bulletin_markdown_links_resolve(b: dict[str, Any], lang: str) -> None:
    md = bulletin.render_md(b, lang)
    links = set(re.findall(r"\]\(#([\w-]+)\)", md))
    anchors = set(re.findall(r'<a id="([\w-]+)"></a>', md))
    assert links and links <= anchors
    assert ("نشرة يوم" if lang == "ar" else "Bulletin for") in md


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_bulletin_html_links_resolve_and_has_no_script(b: dict[str, Any], lang: str) -> None:
    html = bulletin.render_html(b, lang)
    links = set(re.findall(r'href="#([\w-]+)"', html))
    ids = set(re.findall(r'id="([\w-]+)"', html))
    assert links and links <= ids
    assert "<script" not in html.lower()
    assert f'dir="{"rtl" if lang == "ar" else "ltr"}"' in html


def test_bulletin_escapes_hostile_text(b: dict[str, Any]) -> None:
    hostile = copy.deepcopy(b)
    group = next(iter(hostile["evidence"].values()))
    group["items"][0]["evidence"] = "<script>window.__pwned = 1</script>"
    hostile["statements"][0]["cue"] = "<img src=x onerror=alert(1)>"
    html = bulletin.render_html(hostile, "ar")
    assert "window.__pwned" in html and "<script>window" not in html and "<img" not in html
    assert re.search(r"(?<!\\)<img", bulletin.render_md(hostile, "ar")) is None


@pytest.mark.parametrize(("fmt", "marker"), [("md", "# "), ("html", "<!doctype html>")])
def test_bulletin_cli(small_db: str, fmt: str, marker: str) -> None:
    r = CliRunner().invoke(
        main, ["bulletin", "--date", "2024-03-07", "--db", small_db, "--format", fmt, "--lang", "en"]
    )
    assert r.exit_code == 0, r.output
    assert r.output.startswith(marker) and "2024-03-07" in r.output


def test_bulletin_cli_bad_date(small_db: str) -> None:
    r = CliRunner().invoke(main, ["bulletin", "--date", "07/03/2024", "--db", small_db])
    assert r.exit_code == 2 and "--date" in r.output


def test_bulletin_page(client: TestClient) -> None:
    r = client.get("/bulletin?date=2024-03-07&lang=en")
    assert r.status_code == 200 and "Bulletin for 2024-03-07" in r.text and 'class="num-link"' in r.text
    assert client.get("/bulletin?date=tomorrow").status_code == 400
    assert client.get("/bulletin").status_code == 200


def test_bulletin_api(client: TestClient) -> None:
    body = client.get("/api/bulletin?date=2024-03-07").json()
    assert body["day"] == "2024-03-07" and body["by_type"] and body["evidence"]
    r = client.get("/api/bulletin?date=7-3-2024")
    assert r.status_code == 400 and r.json()["error"].startswith("date:")
