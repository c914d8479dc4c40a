"""The JSON API: every endpoint and filter, paging, one error shape with clear 4xx messages, headers, write token."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import TOKEN
from fastapi.testclient import TestClient

from rasd.api import ApiSettings, create_app


def _items(client: TestClient, url: str) -> list[dict[str, Any]]:
    r = client.get(url)
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) >= {"total", "limit", "offset", "next", "items"}
    return list(body["items"])


def _assert_error(r: Any, status: int, *words: str) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status and body["errors"]
    for w in words:
        assert w in body["error"], body["error"]


def test_api_events_lists_every_event_with_its_evidence(client: TestClient) -> None:
    items = _items(client, "/api/events")
    assert {"ASSAULT", "COERCE", "PROTEST", "CONSULT"} <= {e["type"] for e in items}
    for e in items:
        assert e["evidence"] and e["n_mentions"] >= 1 and e["article_id"]


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("type=ASSAULT", lambda e: e["type"] == "ASSAULT"),
        ("type=assault,protest", lambda e: e["type"] in ("ASSAULT", "PROTEST")),
        ("type=ASSAULT&type=COERCE", lambda e: e["type"] in ("ASSAULT", "COERCE")),
        ("admin1=SY-ID", lambda e: e["admin1"] == "SY-ID" or any(p["admin1"] == "SY-ID" for p in e["places"])),
        ("actor=RUS", lambda e: any(a["code"] == "RUS" for a in e["actors"])),
        ("actor=SYR:COP", lambda e: any((a["code"], a["sector"]) == ("SYR", "COP") for a in e["actors"])),
        ("sector=CVL", lambda e: any(a["sector"] == "CVL" for a in e["actors"])),
        ("date_from=2024-03-07", lambda e: e["date_max"] >= "2024-03-07"),
        ("date_to=2024-03-06", lambda e: e["date_min"] <= "2024-03-06"),
        ("date_from=2024-03-06&date_to=2024-03-06", lambda e: e["date_min"] <= "2024-03-06" <= e["date_max"]),
        ("source=وكالة الجنوب", lambda e: e["article_id"] is not None),
        ("text=درعا", lambda e: "درعا" in e["evidence"] or e["type"] == "PROTEST"),
        ("status=all", lambda e: e["status"] in ("asserted", "negated", "future", "hypothetical")),
        ("min_report_score=0.6", lambda e: e["report_score"] is None or e["report_score"] >= 0.6),
    ],
)
def test_api_events_filter_narrows_the_list(client: TestClient, query: str, check: Any) -> None:
    every = _items(client, "/api/events?status=all")
    items = _items(client, f"/api/events?{query}")
    assert items, query
    assert len(items) <= len(every)
    assert all(check(e) for e in items), query


@pytest.mark.parametrize("query", ["type=ASSAULT", "admin1=SY-DR", "actor=RUS", "source=وكالة الشمال", "text=السويداء",
                                   "min_report_score=0.6"])
def test_api_events_filters_exclude_others(client: TestClient, query: str) -> None:
    assert len(_items(client, f"/api/events?{query}")) < len(_items(client, "/api/events"))


def test_api_events_source_filter_keeps_only_that_source(client: TestClient) -> None:
    north = {e["id"] for e in _items(client, "/api/events?source=وكالة الشمال")}
    south = {e["id"] for e in _items(client, "/api/events?source=وكالة الجنوب")}
    assert north and south and not north & south


def test_api_events_pages(client: TestClient) -> None:
    every = _items(client, "/api/events")
    r = client.get("/api/events?limit=2").json()
    assert r["total"] == len(every) and len(r["items"]) == 2 and r["next"]
    second = client.get(r["next"]).json()
    assert second["offset"] == 2
    assert [e["id"] for e in r["items"] + second["items"]] == [e["id"] for e in every[: 2 + len(second["items"])]]
    last = client.get(f"/api/events?limit=2&offset={len(every) - 1}").json()
    assert last["next"] is None and len(last["items"]) == 1


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("type=FIGHT", ["type", "FIGHT", "ASSAULT"]),
        ("actor=Syria", ["actor", "Syria"]),
        ("sector=military", ["sector"]),
        ("admin1=Idlib", ["admin1", "Idlib"]),
        ("date_from=yesterday", ["date_from", "YYYY-MM-DD"]),
        ("date_to=2024-13-01", ["date_to"]),
        ("date_from=2024-03-08&date_to=2024-03-01", ["after"]),
        ("status=maybe", ["status", "maybe"]),
        ("limit=0", ["limit"]),
        ("min_report_score=2", ["min_report_score", "between 0 and 1"]),
        ("limit=101", ["limit", "100"]),
        ("limit=many", ["limit"]),
        ("offset=-1", ["offset"]),
        ("text=" + "ب" * 201, ["text", "200"]),
    ],
)
def test_api_events_bad_parameter_is_a_clear_400(client: TestClient, query: str, words: list[str]) -> None:
    _assert_error(client.get(f"/api/events?{query}"), 400, *words)


def test_api_events_several_bad_parameters_are_all_named(client: TestClient) -> None:
    r = client.get("/api/events?type=X&admin1=Y&limit=0")
    _assert_error(r, 400, "type", "admin1", "limit")
    assert len(r.json()["errors"]) == 3


def test_api_event_has_every_report(client: TestClient) -> None:
    e = _items(client, "/api/events?type=COERCE")[0]
    ev = client.get(f"/api/events/{e['id']}").json()
    assert ev["id"] == e["id"] and len(ev["reports"]) == ev["n_mentions"]
    rep = ev["reports"][0]
    assert rep["trigger"] in rep["evidence"] and rep["doc_id"] == "w-2" and rep["source"] == "وكالة الجنوب"


def test_api_unknown_event_and_article_are_404(client: TestClient) -> None:
    _assert_error(client.get("/api/events/ev-nothing"), 404, "ev-nothing")
    _assert_error(client.get("/api/articles/999999"), 404, "999999")
    _assert_error(client.get("/api/articles/abc"), 400, "article_id")
    _assert_error(client.get("/api/nowhere"), 404, "/api/nowhere")


def test_api_map_points_count_events_by_type(client: TestClient) -> None:
    fc = client.get("/api/map?type=ASSAULT").json()
    assert fc["type"] == "FeatureCollection" and fc["features"]
    for ft in fc["features"]:
        lon, lat = ft["geometry"]["coordinates"]
        assert 30 < lat < 40 and 30 < lon < 45
        assert set(ft["properties"]["by_type"]) == {"ASSAULT"} and ft["properties"]["count"] >= 1


def test_api_daily_counts_are_per_day_and_type(client: TestClient) -> None:
    items = client.get("/api/counts/daily").json()["items"]
    assert {"day", "type", "count"} <= set(items[0])
    total = sum(i["count"] for i in items)
    dated = [e for e in _items(client, "/api/events") if e["date_min"]]
    assert total == len(dated)
    only = client.get("/api/counts/daily?type=ASSAULT").json()["items"]
    assert only and {i["type"] for i in only} == {"ASSAULT"}


def test_api_statements_filter_by_speaker(client: TestClient) -> None:
    every = _items(client, "/api/statements")
    assert any(s["cue"] == "قال" for s in every)
    tur = _items(client, "/api/statements?actor=TUR")
    assert tur and all(s["speaker"]["code"] == "TUR" for s in tur)
    assert all(s["evidence"] for s in every)
    assert _items(client, "/api/statements?date_from=2030-01-01") == []
    _assert_error(client.get("/api/statements?actor=bad code"), 400, "actor")


def test_api_aggregates_keep_each_reporter(client: TestClient) -> None:
    items = _items(client, "/api/aggregates?metric=ceasefire_violations")
    assert items and all(a["metric"] == "ceasefire_violations" for a in items)
    assert any(a["value"] == 12 and "SY-ID" in a["admin1"] for a in items)
    assert _items(client, "/api/aggregates?admin1=SY-ID")
    assert not _items(client, "/api/aggregates?admin1=SY-I")  # a code, not a prefix: SY-I is no province
    groups = client.get("/api/aggregates/side-by-side?metric=ceasefire_violations").json()["items"]
    assert groups and groups[0]["reports"]
    _assert_error(client.get("/api/aggregates?metric=DROP TABLE"), 400, "metric")


def test_api_articles_list_and_one_article_with_offsets(client: TestClient) -> None:
    arts = _items(client, "/api/articles")
    assert {a["doc_id"] for a in arts} >= {"w-1", "w-2", "w-3", "w-hostile"}
    one = next(a for a in arts if a["doc_id"] == "w-1")
    art = client.get(f"/api/articles/{one['id']}").json()
    text = art["text"]
    assert art["events"] and art["statements"] and art["aggregates"]
    for e in art["events"]:
        assert text[e["trigger_start"] : e["trigger_end"]] == e["trigger"]
    for s in art["statements"]:
        assert text[s["start"] : s["end"]] == s["evidence"]
    assert _items(client, "/api/articles?source=وكالة الجنوب") and all(
        a["source"] == "وكالة الجنوب" for a in _items(client, "/api/articles?source=وكالة الجنوب")
    )
    assert [a["doc_id"] for a in _items(client, "/api/articles?text=السويداء")] == ["w-2"]
    assert all(a["date"] == "2024-03-06" for a in _items(client, "/api/articles?date_to=2024-03-06"))


def test_api_actors_and_places(client: TestClient) -> None:
    actors = _items(client, "/api/actors")
    assert any(a["code"] == "RUS" for a in actors)
    assert all(a["sector"] == "MIL" for a in _items(client, "/api/actors?sector=MIL"))
    places = _items(client, "/api/places?admin1=SY-ID")
    assert places and all(p["admin1"] == "SY-ID" for p in places)
    _assert_error(client.get("/api/places?admin1=idlib province"), 400, "admin1")


def test_api_facets(client: TestClient) -> None:
    f = client.get("/api/facets").json()
    assert "ASSAULT" in f["types"] and "SY-ID" in f["admin1"] and "وكالة الشمال" in f["sources"]


def test_api_openapi_documents_every_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    for p in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/statements",
        "/api/aggregates",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/actors",
        "/api/places",
        "/api/counts/daily",
        "/api/map",
        "/api/export",
        "/api/facets",
        "/api/bulletin",
        "/api/aggregates/side-by-side",
    ):
        assert p in paths, p
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params >= {"type", "actor", "sector", "admin1", "date_from", "date_to", "text", "source", "limit", "offset"}


@pytest.mark.parametrize("url", ["/api/events", "/events", "/api/nowhere", "/articles/1", "/static/rasd/app.css"])
def test_api_security_headers_on_every_response(client: TestClient, url: str) -> None:
    h = client.get(url).headers
    assert "script-src 'self'" in h["content-security-policy"] and "unsafe-inline" not in h["content-security-policy"]
    assert "frame-ancestors 'none'" in h["content-security-policy"]
    assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"


def test_api_is_read_only_by_default(client: TestClient) -> None:
    _assert_error(client.post("/api/articles", json={"doc_id": "x", "text": "نص"}), 403, "read-only")
    _assert_error(client.delete("/api/events"), 405, "DELETE")


def test_api_write_needs_the_token(write_client: TestClient) -> None:
    body = {"doc_id": "w-new", "text": "قصفت طائرات حربية بلدة سراقب في ريف إدلب اليوم.", "published": "2024-03-08"}
    _assert_error(write_client.post("/api/articles", json=body), 401, "token")
    _assert_error(write_client.post("/api/articles", json=body, headers={"Authorization": "Bearer nope"}), 401)
    r = write_client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "written"
    assert any(a["doc_id"] == "w-new" for a in _items(write_client, "/api/articles"))
    bad = write_client.post("/api/articles", json={"doc_id": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
    _assert_error(bad, 400, "text")


def test_api_unreachable_store_fails_at_start(tmp_path: Any) -> None:
    app = create_app(ApiSettings(db=str(tmp_path / "no" / "such" / "dir.db")))
    with pytest.raises(Exception, match="does not exist"), TestClient(app):
        pass
