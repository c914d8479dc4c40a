"""Read-only loading of the data files in ``rasd/resources`` (loaded once per process, then cached)."""

from __future__ import annotations

import csv
import functools
from importlib import resources as _res
from pathlib import Path

from rasd.errors import ResourceError

RESOURCE_DIR = Path(str(_res.files("rasd") / "resources"))


@functools.cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``resources/<name>`` as dicts keyed by the header; ``#`` lines are comments.

    Raises:
        ResourceError: the file is missing, or a row has the wrong number of fields.
    """
    path = RESOURCE_DIR / name
    try:
        with path.open(encoding="utf-8", newline="") as f:
            lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    except OSError as e:
        raise ResourceError(f"{path}: cannot read resource file ({e.strerror})") from e
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    try:
        header = next(reader)
    except StopIteration as e:
        raise ResourceError(f"{path}: empty resource file") from e
    rows: list[dict[str, str]] = []
    for n, row in enumerate(reader, start=2):
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))
        if len(row) > len(header):
            raise ResourceError(f"{path}: data row {n} has {len(row)} fields, header has {len(header)}")
        rows.append({k: v.strip() for k, v in zip(header, row, strict=True)})
    return tuple(rows)
