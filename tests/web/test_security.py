"""The web app's safety: writes only with the configured token (refused before the body is read), no SQL built
from strings, hostile filter values are data, file paths never leave their folder, database failures are 503s with
the security headers. (Escaping of hostile article text: test_pages.py and, in a browser, test_browser.py.)"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from conftest import TOKEN
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from rasd.api import ApiSettings, create_app
from rasd.api.app import MAX_BODY, write_paths
from rasd.api.deps import require_token
from rasd.export import FORMAT_NAMES, formats

SRC = Path(__file__).resolve().parents[2] / "src" / "rasd"
ARTICLE = {"doc_id": "sec-1", "text": "قصفت طائرات حربية بلدة سراقب في ريف إدلب اليوم.", "published": "2024-03-08"}


def _error(r: Any, status: int, word: str) -> None:
    assert r.status_code == status, r.text
    assert word in r.json()["error"], r.json()
    assert r.headers["x-frame-options"] == "DENY"


# --- writes ------------------------------------------------------------------------------------------------------


def test_every_write_route_needs_the_token(client: TestClient, write_client: TestClient) -> None:
    from rasd.api.routes import articles, bulletin, catalog, events, exports, records
    from rasd.web import pages

    routers = [m.router for m in (events, records, articles, catalog, exports, bulletin, pages)]
    writes = [r for rt in routers for r in rt.routes if isinstance(r, APIRoute) and r.methods - {"GET", "HEAD"}]
    assert {(r.path, *sorted(r.methods)) for r in writes} == {("/api/articles", "POST")}  # a new one: add it here
    assert write_paths(routers) == {"/api/articles"}
    spec = client.get("/api/openapi.json").json()["paths"]
    assert {(p, m) for p, ms in spec.items() for m in ms if m != "get"} == {("/api/articles", "post")}
    for r in writes:
        assert any(d.call is require_token for d in r.dependant.dependencies), r.path
        method = next(iter(r.methods))
        _error(client.request(method, r.path, json=ARTICLE), 403, "read-only")
        _error(write_client.request(method, r.path, json=ARTICLE), 401, "token")
        _error(write_client.request(method, r.path, json=ARTICLE, headers={"Authorization": "Bearer x"}), 401, "token")
        _error(write_client.request(method, r.path, json=ARTICLE, headers={"Authorization": TOKEN}), 401, "token")
    assert not any(a["doc_id"] == "sec-1" for a in write_client.get("/api/articles").json()["items"])


def test_an_empty_token_in_the_configuration_keeps_the_app_read_only(small_db: str) -> None:
    with TestClient(create_app(ApiSettings(db=small_db, write_token=""))) as c:
        _error(c.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer "}), 403, "read-only")


def test_large_or_unauthenticated_bodies_are_refused_before_they_are_read(write_client: TestClient) -> None:
    big = b"x" * (MAX_BODY + 1)
    _error(write_client.post("/api/articles", content=big), 401, "token")  # no token: the body is never parsed
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    _error(write_client.post("/api/articles", content=big, headers=auth), 413, "at most")
    r = write_client.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201 and r.json()["status"] == "written", r.text


# --- SQL --------------------------------------------------------------------------------------------------------

_SQL_CALLS = {"text", "exec_driver_sql", "execute", "executescript", "literal_column"}
_ALLOWED = {  # (file, start of the SQL): names checked against a strict pattern, numbers from constants
    ("store/engine.py", "CREATE SCHEMA"),
    ("store/engine.py", "PRAGMA busy_timeout"),
}


def _built(node: ast.expr) -> bool:
    """True for SQL built at run time: an f-string, + or % on strings, str.format or join."""
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join")


def test_no_sql_is_built_from_strings() -> None:
    found = []
    files = [*SRC.glob("store/**/*.py"), *SRC.glob("api/**/*.py"), *SRC.glob("web/**/*.py"), *SRC.glob("export/*.py"),
             SRC / "bulletin.py", *SRC.glob("cli/*.py")]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in _SQL_CALLS and _built(node.args[0]):
                rel = path.relative_to(SRC).as_posix()
                sql = ast.unparse(node.args[0])
                if not any(rel == f and start in sql for f, start in _ALLOWED):
                    found.append(f"{rel}:{node.lineno}: {sql[:80]}")
    assert len(files) > 30 and found == [], "\n".join(found)


HOSTILE_VALUES = [
    "' OR 1=1 --",
    '"; DROP TABLE articles; --',
    'سراقب" OR "1"="1',
    "NEAR(سراقب إدلب)",
    "سراقب*",
    "a AND b OR NOT c",
    "^سراقب",
    "{title}: سراقب",
    "\\x00\x00",
    "%' UNION SELECT text FROM articles --",
    "'; SELECT pg_sleep(5); --",
]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_filter_values_are_data(client: TestClient, value: str) -> None:
    before = client.get("/api/articles").json()["total"]
    for url in ("/api/events", "/api/articles", "/api/statements", "/api/aggregates", "/api/map", "/events"):
        for param in ("text", "source"):
            r = client.get(url, params={param: value})
            assert r.status_code in (200, 400), (url, param, r.status_code, r.text[:200])
            if url.startswith("/api/") and r.status_code == 200 and "items" in r.json():
                assert r.json()["items"] == [] or (param == "text" and "سراقب" in value), (url, param)
    assert client.get(f"/api/events/{quote(value[:80], safe='')}").status_code in (400, 404)
    assert client.get("/api/articles").json()["total"] == before


# --- paths ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/static/rasd/..%2f..%2fapi%2fapp.py",
        "/static/rasd/%2e%2e/%2e%2e/api/app.py",
        "/static/rasd/..%2F..%2F..%2Frasd%2Fapi%2Fapp.py",
        "/static/rasd/%2e%2e%2f%2e%2e%2fstore%2fengine.py",
        "/static/leaflet/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/static/rasd/%2fetc%2fpasswd",
        "/static/rasd//etc/passwd",
        "/static/rasd/..%5c..%5capi%5capp.py",
    ],
)
def test_static_files_never_leave_their_folder(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (400, 404), (url, r.status_code)
    assert "create_app" not in r.text and "root:" not in r.text


def test_export_file_names_are_fixed_whatever_the_request(client: TestClient) -> None:
    for name in FORMAT_NAMES:
        r = client.get("/api/export", params={"format": name, "source": '../../x"; filename="evil.sh'})
        assert r.status_code == 200, r.text
        suffix = formats()[name].suffix
        assert r.headers["content-disposition"] == f'attachment; filename="rasd-events{suffix}"'
        assert suffix.startswith(".") and "/" not in suffix and ".." not in suffix
    for bad in ("../../etc/passwd", "plover-jsonl/../x", "..", "/etc/passwd", "geojson\r\nX-Evil: 1"):
        _error(client.get("/api/export", params={"format": bad}), 400, "format")


# --- database failures ------------------------------------------------------------------------------------------


def test_a_database_failure_is_a_503_with_the_headers(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import OperationalError

    def lost(*_a: Any, **_k: Any) -> Any:
        raise OperationalError("SELECT secret FROM articles", {}, Exception("server closed the connection"))

    monkeypatch.setattr("rasd.api.queries.count_events", lost)
    r = client.get("/api/events")
    _error(r, 503, "server closed the connection")
    assert "SELECT" not in r.text and "content-security-policy" in r.headers
    page = client.get("/events")
    assert page.status_code == 503 and "text/html" in page.headers["content-type"] and "SELECT" not in page.text
