"""The API and exports over PostgreSQL (the local test server, a schema of their own); skipped when it is down."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from web_articles import ARTICLES, HOSTILE

from rasd.api import ApiSettings, create_app
from rasd.pipeline import Pipeline
from rasd.records import Article
from rasd.store import open_store

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
_SQLA_URL = "postgresql+psycopg://" + PG_URL.split("://", 1)[1]


@pytest.fixture(scope="module")
def pg_client(nlp: Pipeline) -> Iterator[TestClient]:
    try:
        engine = create_engine(_SQLA_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (OperationalError, ImportError) as e:
        pytest.skip(f"PostgreSQL at {PG_URL} is unreachable: {str(e).splitlines()[0]}")
    schema = f"rasd_web_{uuid.uuid4().hex[:12]}"
    try:
        with open_store(PG_URL, schema=schema) as store:
            for a in [*ARTICLES, HOSTILE]:
                store.write(nlp(Article(**a)))
        with TestClient(create_app(ApiSettings(db=PG_URL, schema=schema))) as c:
            yield c
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?type=ASSAULT&admin1=SY-ID",
        "/api/events?actor=RUS&sector=MIL&date_from=2024-03-01&text=سراقب",
        "/api/map",
        "/api/counts/daily",
        "/api/statements?actor=TUR",
        "/api/aggregates?admin1=SY-ID",
        "/api/aggregates/side-by-side",
        "/api/articles?source=وكالة الجنوب",
        "/api/actors",
        "/api/places?admin1=SY-ID",
        "/api/facets",
        "/events?type=ASSAULT",
        "/bulletin?date=2024-03-07",
        "/articles",
    ],
)
def test_api_on_postgresql(pg_client: TestClient, url: str) -> None:
    r = pg_client.get(url)
    assert r.status_code == 200, r.text
    if url.startswith("/api/") and "items" in r.json():
        assert r.json()["items"], url


def test_api_article_and_exports_on_postgresql(pg_client: TestClient) -> None:
    arts = pg_client.get("/api/articles").json()["items"]
    art = pg_client.get(f"/api/articles/{arts[0]['id']}").json()
    for s in art["statements"]:
        assert art["text"][s["start"] : s["end"]] == s["evidence"]
    r = pg_client.get("/api/export?format=plover-jsonl")
    recs: list[dict[str, Any]] = [json.loads(line) for line in io.StringIO(r.text)]
    assert recs and all(rec["event"] for rec in recs)
    ev = pg_client.get(f"/events/{recs[0]['id']}")
    assert ev.status_code == 200


def test_hostile_filter_values_are_data_on_postgresql(pg_client: TestClient) -> None:
    from test_security import HOSTILE_VALUES

    before = pg_client.get("/api/articles").json()["total"]
    for value in HOSTILE_VALUES:
        for url in ("/api/events", "/api/articles", "/api/statements", "/events"):
            for param in ("text", "source"):
                r = pg_client.get(url, params={param: value})
                assert r.status_code in (200, 400), (url, param, value, r.text[:200])
    assert pg_client.get("/api/articles").json()["total"] == before
