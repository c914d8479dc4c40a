"""The records rasd produces: plain dataclasses, each anchored to the original text.

Every record carries ``start``/``end``: character offsets into ``Article.text``
(the text exactly as given, never modified), so the Arabic words behind each
field can always be shown.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span ({self.start}, {self.end})")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Article:
    """One news article as read from input. ``text`` is never changed after reading."""

    doc_id: str
    text: str
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date or datetime, as given
    title: str | None = None

    def meta(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "title": self.title,
        }


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token:
    """A whitespace/punctuation token of the original text.

    ``norm`` is the normalised form (see :mod:`rasd.text`); ``stem_start`` is the
    offset where the word proper begins once proclitics are stripped (equal to
    ``start`` when there is no proclitic), and ``stem`` the normalised stem.
    """

    start: int
    end: int
    text: str
    norm: str
    sent: int
    is_word: bool = True

    def __init__(self, start: int, end: int, text: str, norm: str, sent: int, is_word: bool = True) -> None:
        # Every article makes hundreds of tokens: set the slots directly, not through the frozen
        # class's object.__setattr__ calls the generated __init__ makes (about twice as fast).
        _set_start(self, start)
        _set_end(self, end)
        _set_text(self, text)
        _set_norm(self, norm)
        _set_sent(self, sent)
        _set_is_word(self, is_word)


_set_start, _set_end, _set_text, _set_norm, _set_sent, _set_is_word = (
    getattr(Token, f).__set__ for f in ("start", "end", "text", "norm", "sent", "is_word")
)


@dataclass(slots=True)
class Actor:
    """Who acts: a country or body code plus a sector (CODEBOOK section 5)."""

    text: str
    start: int
    end: int
    code: str | None
    sector: str | None
    kind: str = "ORG"  # PER, ORG, GPE, GROUP
    name: str | None = None  # canonical name when known

    def gold(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "sector": self.sector}


@dataclass(slots=True)
class Mention:
    """An entity mention (PER, ORG, LOC, MISC) and, where known, its actor."""

    text: str
    start: int
    end: int
    label: str
    actor: Actor | None = None
    source: str = "lexicon"  # what found it: lexicon, title, coref, ...
    entity_id: int | None = None  # mentions of one entity share an id (coreference)


@dataclass(slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    precision: int = 1  # 1 town, 2 part of region/near town, 3 province, 4 country
    feature: str = "city"  # city, admin1, admin2, country, region, site

    def gold(self) -> dict[str, Any]:
        return {"text": self.text, "country": self.country, "admin1": self.admin1}


@dataclass(slots=True)
class TimeExpr:
    text: str
    start: int
    end: int
    date: str | None  # YYYY-MM-DD, first day of the period
    precision: str  # day, week, month, year, unknown
    end_date: str | None = None  # for ranges and durations
    kind: str = "date"  # date, duration, range


@dataclass(slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: int | float
    unit: str | None = None  # the counted noun as written (normalised)
    vague: bool = False


@dataclass(slots=True)
class Statement:
    speaker: Actor | None
    cue: str
    cue_start: int
    cue_end: int
    kind: str  # direct, indirect, mixed
    start: int  # the sentence (evidence) holding the cue
    end: int
    content_start: int | None = None
    content_end: int | None = None
    via: Actor | None = None
    date: str | None = None
    trace: list[str] = field(default_factory=list)

    def gold(self, text: str) -> dict[str, Any]:
        return {
            "speaker": self.speaker.gold() if self.speaker else None,
            "cue": self.cue,
            "kind": self.kind,
            "via": self.via.gold() if self.via else None,
            "evidence": text[self.start : self.end],
        }


@dataclass(slots=True)
class Event:
    type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    start: int  # evidence span (clause holding the trigger)
    end: int
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    location: list[Place] = field(default_factory=list)
    date: str | None = None
    date_precision: str = "unknown"
    size: dict[str, int] = field(default_factory=dict)
    status: str = "asserted"  # asserted, negated, future, hypothetical
    reported_by: Actor | None = None
    sentence: int = -1  # index of the sentence holding the trigger
    trace: list[str] = field(default_factory=list)  # which lexicon entry and rules produced it
    report_score: float | None = None  # how likely its sentence reports it as news (rasd.stages.salience)

    def gold(self, text: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "actor": [a.gold() for a in self.actor],
            "recipient": [a.gold() for a in self.recipient],
            "location": [p.gold() for p in self.location],
            "date": self.date,
            "date_precision": self.date_precision,
            "status": self.status,
            "reported_by": self.reported_by.gold() if self.reported_by else None,
            "evidence": text[self.start : self.end],
        }
        if self.size:
            out["size"] = dict(self.size)
        return out


@dataclass(slots=True)
class Aggregate:
    metric: str
    value: int
    period: str  # last_24h, day, week, cumulative, other
    start: int
    end: int
    admin1: list[str] = field(default_factory=list)
    reporter: Actor | None = None
    raw: str | None = None  # the vague phrase for vague counts
    trace: list[str] = field(default_factory=list)

    def gold(self, text: str) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "value": self.value,
            "period": self.period,
            "admin1": sorted(self.admin1),
            "reporter": self.reporter.gold() if self.reporter else None,
            "evidence": text[self.start : self.end],
        }


def to_dict(record: Any) -> dict[str, Any]:
    """Full record as a JSON-ready dict, offsets included."""
    return asdict(record)
