"""Fixtures of the web tests: stores made by ingesting our own small articles (and ../shared/eval articles read in
place), and API clients over them."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_articles import ARTICLES, HOSTILE

from rasd.api import ApiSettings, create_app
from rasd.pipeline import Pipeline
from rasd.store import open_store
from rasd.store.ingest import ingest

TOKEN = "test-token-1234"


def _ingest(nlp: Pipeline, db: Path, targets: list[str], published: str | None = None) -> None:
    with open_store(str(db)) as store:
        report = ingest(store, targets, pipeline=nlp, published=published)
    assert report.failed == 0, report.line()


@pytest.fixture(scope="session")
def small_db(tmp_path_factory: pytest.TempPathFactory, nlp: Pipeline) -> str:
    """A SQLite store of our three articles and the hostile one (read-only for the tests: copy it to write)."""
    folder = tmp_path_factory.mktemp("web-small")
    src = folder / "articles.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in [*ARTICLES, HOSTILE]), encoding="utf-8")
    db = folder / "small.db"
    _ingest(nlp, db, [str(src)])
    return str(db)


@pytest.fixture(scope="session")
def eval_db(tmp_path_factory: pytest.TempPathFactory, nlp: Pipeline, shared: Path) -> str:
    """A SQLite store of the ../shared/eval dev articles (read in place), the seed article and the hostile one."""
    folder = tmp_path_factory.mktemp("web-eval")
    db = folder / "eval.db"
    _ingest(nlp, db, [str(shared / "eval" / "articles-dev")])
    _ingest(nlp, db, [str(shared / "eval" / "seed" / "article.txt")], published="2016-10-11")
    hostile = folder / "hostile.json"
    hostile.write_text(json.dumps(HOSTILE, ensure_ascii=False), encoding="utf-8")
    _ingest(nlp, db, [str(hostile)])
    return str(db)


@pytest.fixture(scope="session")
def client(small_db: str) -> Iterator[TestClient]:
    """A client of the read-only app over :func:`small_db`."""
    with TestClient(create_app(ApiSettings(db=small_db, max_limit=100))) as c:
        yield c


@pytest.fixture
def write_client(small_db: str, tmp_path: Path) -> Iterator[TestClient]:
    """A client of an app with a write token over a copy of :func:`small_db`."""
    db = tmp_path / "w.db"
    shutil.copyfile(small_db, db)
    with TestClient(create_app(ApiSettings(db=str(db), write_token=TOKEN))) as c:
        yield c
