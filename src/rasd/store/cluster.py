"""Cross-article event clustering: when two reports describe the same event, and why (pure functions)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

DATE_WINDOW_DAYS = 1
"""Two mentions merge only when their dates are at most this many days apart."""

NEIGHBOUR_KM = 25.0
"""Places at most this far apart (centroids) count as neighbouring."""

MAX_PLACE_PRECISION = 3
"""Places less precise than a province (countries, regions) never make two events "the same place"."""

MAX_NEIGHBOUR_PRECISION = 1
"""Only towns and sites are compared by distance (the centroid of a region or province says little)."""

MERGEABLE_STATUS = "asserted"
"""Only events reported as having happened merge; negated, future and hypothetical ones stay alone."""


@dataclass(slots=True)
class Features:
    """What clustering looks at in an event mention or in a whole cluster."""

    type: str
    status: str
    date_min: dt.date | None
    date_max: dt.date | None
    date_from_article: bool = False  # the date is the article's publication day, not stated in the text
    mode: str | None = None  # PLOVER mode (aerial, unconventional, ...): two known, different modes never merge
    actors: set[str] = field(default_factory=set)  # "actor=CODE:SECTOR" and "recipient=CODE:SECTOR"
    admin1: set[str] = field(default_factory=set)
    places: dict[str, tuple[float, float] | None] = field(default_factory=dict)  # town-level place key → (lat, lon)
    towns: set[str] = field(default_factory=set)  # place keys of places of precision 1 (a town, a site)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two (lat, lon) points.

    >>> round(haversine_km((33.51, 36.29), (33.57, 36.40)))  # Damascus to Douma
    12
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place_reason(m: Features, c: Features) -> str | None:
    shared_towns = m.towns & c.towns
    if shared_towns:
        return f"same place {sorted(shared_towns)[0]}"
    best: float | None = None
    for p in m.places.values():
        for q in c.places.values():
            if p is not None and q is not None:
                d = haversine_km(p, q)
                best = d if best is None else min(best, d)
    if best is not None and best <= NEIGHBOUR_KM:
        return f"neighbouring places {best:.0f} km apart"
    shared = m.admin1 & c.admin1
    if shared and not (m.towns and c.towns):  # two different, distant towns of one province are two places
        return f"same province {','.join(sorted(shared))}"
    return None


def _date_gap(m: Features, c: Features) -> int | None:
    """Days between the mention and the farthest day of the cluster (so a cluster never spans more than the window)."""
    if m.date_min is None or c.date_min is None or m.date_max is None or c.date_max is None:
        return None
    return max(abs((m.date_min - c.date_max).days), abs((m.date_max - c.date_min).days))


def merge_reason(mention: Features, cluster: Features, *, near_duplicate: bool = False) -> str | None:
    """Why ``mention`` is a report of the event ``cluster`` stands for, or ``None`` when it is not.

    The rule: the same PLOVER type (and mode, when both are known), both asserted, dates at most
    :data:`DATE_WINDOW_DAYS` apart (from every day the cluster already spans), the same town, towns
    at most :data:`NEIGHBOUR_KM` apart, or the same province when one side names no town; and at
    least one actor or recipient in the same role in common (two when both reports name two or
    more). Events with no actors on either side merge only on the same town. A date taken from the
    publication day (the text gives none) is good enough only for a near-duplicate article: in
    other articles such undated mentions are mostly background (an attack days before, a list of
    past strikes), and merging them on the publication day was right only half the time.

    Args:
        mention: The new event mention.
        cluster: An existing cluster: the features of its first report and the days it spans (not
            the union of its members' features, so clusters do not grow by chaining: A like B,
            B like C, C unlike A).
        near_duplicate: The mention's article is a near-duplicate of a stored one.

    Returns:
        A readable reason (stored with the mention), or ``None``.
    """
    if mention.type != cluster.type or mention.status != MERGEABLE_STATUS or cluster.status != MERGEABLE_STATUS:
        return None
    if mention.mode and cluster.mode and mention.mode != cluster.mode:
        return None
    if (mention.date_from_article or cluster.date_from_article) and not near_duplicate:
        return None
    gap = _date_gap(mention, cluster)
    if gap is None or gap > DATE_WINDOW_DAYS:
        return None
    place = _place_reason(mention, cluster)
    if place is None:
        return None
    shared_actors = mention.actors & cluster.actors
    needed = min(2, len(mention.actors), len(cluster.actors))  # two sides known on both: share two
    if shared_actors and len(shared_actors) >= needed:
        who = f"shared {','.join(sorted(shared_actors))}"
    elif (
        not mention.actors
        and not cluster.actors
        and mention.towns & cluster.towns
        and not (mention.date_from_article or cluster.date_from_article)
    ):
        who = "no actors on either side"
    else:
        return None
    when = "same day" if gap == 0 else f"{gap} day apart"
    if mention.date_from_article:
        when += " (publication date)"
    return f"same type {mention.type}; {when}; {place}; {who}"


def score(mention: Features, cluster: Features) -> int:
    """How much two mergeable feature sets share; the best-scoring candidate cluster wins."""
    return (
        3 * len(mention.towns & cluster.towns)
        + 2 * len(mention.actors & cluster.actors)
        + len(mention.admin1 & cluster.admin1)
        + (mention.date_min == cluster.date_min)
    )
