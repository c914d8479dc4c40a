"""Fixtures shared by every test: the pipeline, built once per session, and the shared data folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rasd.doc import Doc
from rasd.pipeline import Pipeline
from rasd.records import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def nlp() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def run(nlp: Pipeline) -> Callable[..., Doc]:
    """run(text, published="2024-03-07") → the processed Doc."""

    def _run(text: str, published: str | None = "2024-03-07") -> Doc:
        return nlp(Article(doc_id="t", text=text, published=published))

    return _run


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repo")
    return SHARED
