"""Documents built by hand for the store tests: places, actors and events placed on words of Arabic texts."""

from __future__ import annotations

from rasd.records import Actor, Event, Place

IDLIB = Place("إدلب", 0, 0, "Idlib", "SYR", "SY-ID", lat=35.93, lon=36.63, gazetteer_id="g-idlib", precision=3,
              feature="admin1")
SARAQIB = Place("سراقب", 0, 0, "Saraqib", "SYR", "SY-ID", lat=35.86, lon=36.80, gazetteer_id="g-saraqib")
MAARRAT = Place("معرة النعمان", 0, 0, "Maarat al-Numan", "SYR", "SY-ID", lat=35.64, lon=36.67, gazetteer_id="g-maara")
DOUMA = Place("دوما", 0, 0, "Douma", "SYR", "SY-RD", lat=33.57, lon=36.40, gazetteer_id="g-douma")
HARASTA = Place("حرستا", 0, 0, "Harasta", "SYR", "SY-RD", lat=33.56, lon=36.36, gazetteer_id="g-harasta")
ALEPPO = Place("حلب", 0, 0, "Aleppo", "SYR", "SY-HL", lat=36.20, lon=37.16, gazetteer_id="g-aleppo")


def _at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def actor_at(text: str, word: str, code: str, sector: str) -> Actor:
    s, e = _at(text, word)
    return Actor(word, s, e, code, sector)


def place_at(text: str, place: Place) -> Place:
    s, e = _at(text, place.text)
    return Place(place.text, s, e, place.name, place.country, place.admin1, place.admin2, place.lat, place.lon,
                 place.gazetteer_id, place.precision, place.feature)


def make_event(text: str, trigger: str, type_: str, *, actor: tuple[str, str, str] | None = None,
               recipient: tuple[str, str, str] | None = None, place: Place | None = None, date: str | None = None,
               status: str = "asserted", size: dict[str, int] | None = None,
               report_score: float | None = None) -> Event:
    """An event whose trigger, actor, recipient and place are words of ``text``."""
    ts, te = _at(text, trigger)
    return Event(
        type=type_, trigger=trigger, trigger_start=ts, trigger_end=te, start=0, end=len(text),
        actor=[actor_at(text, *actor)] if actor else [], recipient=[actor_at(text, *recipient)] if recipient else [],
        location=[place_at(text, place)] if place else [], date=date, date_precision="day" if date else "unknown",
        status=status, size=dict(size or {}), report_score=report_score,
    )


