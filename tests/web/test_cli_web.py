"""`rasd serve` (without serving: uvicorn is replaced), and one-line errors of the web commands."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from rasd.cli import main


def test_serve_builds_the_app_and_hands_it_to_uvicorn(small_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    r = CliRunner().invoke(main, ["serve", "--db", small_db, "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert seen["app"].state.settings.read_only and seen["app"].state.settings.db == small_db


def test_serve_write_token_from_the_environment(small_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app))
    r = CliRunner().invoke(main, ["serve", "--db", small_db], env={"RASD_WRITE_TOKEN": "s3cret"})
    assert r.exit_code == 0, r.output
    assert not seen["app"].state.settings.read_only


@pytest.mark.parametrize(
    "args",
    [
        ["serve", "--db", "/no/such/folder/x.db"],
        ["bulletin", "--date", "2024-03-07", "--db", "/no/such/folder/x.db"],
        ["export", "--format", "geojson", "--db", "/no/such/folder/x.db"],
    ],
)
def test_web_commands_report_a_bad_store_in_one_line(args: list[str]) -> None:
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2 and r.output.startswith("rasd: error:") and "Traceback" not in r.output
