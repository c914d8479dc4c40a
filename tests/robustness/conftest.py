"""The ``fuzz`` marker: long fuzz runs, skipped unless RASD_FUZZ_EXAMPLES is set."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fuzz: long fuzz run, skipped unless RASD_FUZZ_EXAMPLES is set")
