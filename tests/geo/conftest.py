"""Geo tests never read the developer's own user gazetteer: RASD_HOME points at an empty folder."""

import pytest


@pytest.fixture(autouse=True)
def _empty_rasd_home(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_HOME", str(tmp_path / "rasd-home"))
