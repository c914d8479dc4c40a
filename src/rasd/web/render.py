"""The Jinja2 environment of the pages and the bulletin (autoescape always on) and the timeline's geometry."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from rasd.web.i18n import TYPE_COLOURS

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"


def make_env() -> Environment:
    """A new Jinja2 environment over rasd's templates; every template is autoescaped."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["type_colour"] = lambda t: TYPE_COLOURS.get(t, "#455a64")
    return env


def _month(d: dt.date) -> dt.date:
    return d.replace(day=1)


def timeline(counts: list[dict[str, Any]], *, width: int = 900, height: int = 180) -> dict[str, Any]:
    """Stacked bars of events per day and type, as SVG geometry (drawn by the template; no script).

    Spans longer than 120 days are drawn per month. Returns ``bars`` (x, y, w, h, colour, title),
    ``labels`` (x, text), ``unit`` (day or month), ``max`` and the size.
    """
    if not counts:
        return {"bars": [], "labels": [], "unit": "day", "max": 0, "width": width, "height": height}
    days = [dt.date.fromisoformat(c["day"]) for c in counts]
    lo, hi = min(days), max(days)
    unit = "day" if (hi - lo).days <= 120 else "month"
    buckets: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c, d in zip(counts, days, strict=True):
        buckets[d if unit == "day" else _month(d)][c["type"]] += int(c["count"])
    keys: list[dt.date] = []
    cur = lo if unit == "day" else _month(lo)
    end = hi if unit == "day" else _month(hi)
    while cur <= end:
        keys.append(cur)
        cur = cur + dt.timedelta(days=1) if unit == "day" else (cur + dt.timedelta(days=32)).replace(day=1)
    top = max(sum(b.values()) for b in buckets.values())
    pad_bottom, pad_top = 22, 16
    usable = height - pad_bottom - pad_top
    step = width / len(keys)
    bar_w = max(step * 0.8, 1.0)
    bars, labels = [], []
    every = max(1, len(keys) // 8)
    for i, k in enumerate(keys):
        x = round(i * step + (step - bar_w) / 2, 2)
        y = float(height - pad_bottom)
        label = k.isoformat() if unit == "day" else k.strftime("%Y-%m")
        for typ, n in sorted(buckets.get(k, {}).items()):
            h = usable * n / top
            y -= h
            bars.append(
                {
                    "x": x,
                    "y": round(y, 2),
                    "w": round(bar_w, 2),
                    "h": round(h, 2),
                    "colour": TYPE_COLOURS.get(typ, "#455a64"),
                    "type": typ,
                    "title": f"{label} {typ}: {n}",
                    "day": k.isoformat(),
                }
            )
        if i % every == 0:
            labels.append({"x": round(i * step + step / 2, 2), "text": label})
    return {"bars": bars, "labels": labels, "unit": unit, "max": top, "width": width, "height": height}
