"""Tests for rasd.store.cluster: the merge rule as a pure function."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from rasd.store.cluster import Features, haversine_km, merge_reason

D = dt.date(2024, 3, 7)


def _f(**kw: Any) -> Features:
    base: dict[str, Any] = {"type": "ASSAULT", "status": "asserted", "date_min": D, "date_max": D,
                            "actors": {"actor=SYR:MIL"}, "admin1": {"SY-ID"}, "places": {"g-saraqib": (35.86, 36.80)},
                            "towns": {"g-saraqib"}}
    base.update(kw)
    return Features(**base)


@pytest.mark.parametrize(
    ("mention", "cluster", "expected"),
    [
        (_f(), _f(), "same type ASSAULT; same day; same place g-saraqib; shared actor=SYR:MIL"),
        (_f(date_min=D + dt.timedelta(1), date_max=D + dt.timedelta(1)), _f(), "1 day apart"),
        (_f(towns=set(), places={"g-idlib": None}), _f(), "same province SY-ID"),
        (_f(towns={"g-x"}, admin1={"SY-HM"}, places={"g-x": (35.80, 36.75)}), _f(), "neighbouring places 8 km apart"),
        (_f(actors=set()), _f(actors=set()), "no actors on either side"),
        (_f(actors={"actor=SYR:MIL", "recipient=SYR:REB"}), _f(actors={"actor=SYR:MIL", "recipient=SYR:REB"}),
         "shared actor=SYR:MIL,recipient=SYR:REB"),
    ],
)
def test_merge_reason_merges(mention: Features, cluster: Features, expected: str) -> None:
    reason = merge_reason(mention, cluster)
    assert reason is not None and expected in reason


@pytest.mark.parametrize(
    "mention",
    [
        _f(type="PROTEST"),
        _f(status="negated"),
        _f(date_min=D + dt.timedelta(2), date_max=D + dt.timedelta(2)),
        _f(date_min=None, date_max=None),
        _f(actors={"actor=RUS:MIL"}),
        _f(actors={"recipient=SYR:MIL"}),
        _f(actors={"actor=SYR:MIL", "recipient=TUR:MIL"}),
        _f(towns={"g-x"}, admin1={"SY-HL"}, places={"g-x": (36.2, 37.16)}),
        _f(places={}, towns=set(), admin1=set()),
        _f(actors=set(), date_from_article=True),
        _f(date_from_article=True),
        _f(towns={"g-y"}, places={"g-y": (35.5, 36.3)}),
        _f(mode="unconventional"),
    ],
    ids=["type", "status", "date", "no-date", "actor", "other-role", "one-of-two", "far", "no-place",
         "no-actor-publication-date", "other-town-same-province", "other-mode", "publication-date"],
)
def test_merge_reason_refuses(mention: Features) -> None:
    cluster = _f(actors=set()) if not mention.actors else _f(actors={"actor=SYR:MIL", "recipient=SYR:REB"})
    cluster.mode = "aerial"
    assert merge_reason(mention, cluster) is None


def test_publication_date_is_enough_for_a_near_duplicate() -> None:
    reason = merge_reason(_f(date_from_article=True), _f(), near_duplicate=True)
    assert reason is not None and "same day (publication date)" in reason


def test_cluster_span_never_exceeds_the_window() -> None:
    cluster = _f(date_max=D + dt.timedelta(1))
    assert merge_reason(_f(date_min=D + dt.timedelta(1), date_max=D + dt.timedelta(1)), cluster) is not None
    assert merge_reason(_f(date_min=D + dt.timedelta(2), date_max=D + dt.timedelta(2)), cluster) is None


def test_haversine_km() -> None:
    assert haversine_km((0.0, 0.0), (0.0, 0.0)) == 0
    assert 110 < haversine_km((0.0, 0.0), (1.0, 0.0)) < 112
