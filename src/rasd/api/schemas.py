"""Response models of the JSON API: its public contract (documented keys keep name and type; keys may be added)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(_Model):
    """Every error: ``ok`` false, one message, all messages, the HTTP status."""

    ok: bool = False
    error: str = Field(description="What is wrong, naming the parameter or thing.")
    errors: list[str] = Field(description="One message per problem.")
    status: int


class ActorRef(_Model):
    """An actor as coded: country or body code, sector, canonical name and the words in the text."""

    role: str | None = None
    code: str | None = None
    sector: str | None = None
    name: str | None = None
    text: str | None = None


class PlaceRef(_Model):
    """A resolved place."""

    id: int | None = None
    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None


class EventSummary(_Model):
    """One event (a cluster of reports of the same real-world event)."""

    id: str
    type: str
    mode: str | None
    status: str
    date_min: str | None
    date_max: str | None
    country: str | None
    admin1: str | None
    n_mentions: int = Field(description="Reports of this event.")
    n_articles: int
    n_sources: int
    actors: list[ActorRef]
    places: list[PlaceRef]
    trigger: str | None
    evidence: str | None = Field(description="The first report's clause, exactly as in the article.")
    article_id: int | None


class Report(_Model):
    """One report (event mention) of an event in one article."""

    mention_id: str
    merge_reason: str | None
    trigger: str
    evidence: str
    start: int
    end: int
    article_id: int
    doc_id: str
    source: str | None


class EventDetail(EventSummary):
    """An event with every report of it."""

    reports: list[Report]


class Page(_Model):
    """A page of a listing."""

    total: int
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, or null on the last one.")
    items: list[Any]


class EventPage(Page):
    """A page of events."""

    items: list[EventSummary]


class Statement(_Model):
    """Who said what: speaker, reporting word, kind and the sentence."""

    id: int
    article_id: int
    speaker: dict[str, Any]
    cue: str
    kind: str
    date: str | None
    start: int
    end: int
    evidence: str | None
    source: str | None = None


class StatementPage(Page):
    """A page of statements."""

    items: list[Statement]


class Aggregate(_Model):
    """A count a source reports (never summed across sources)."""

    id: int
    article_id: int
    metric: str
    value: int
    period: str
    admin1: list[str]
    day: str | None
    reporter: dict[str, Any]
    evidence: str | None
    source: str | None


class AggregatePage(Page):
    """A page of reported counts."""

    items: list[Aggregate]


class ArticleSummary(_Model):
    """An article in a listing, with how many records it holds."""

    id: int
    doc_id: str
    title: str | None
    url: str | None
    date: str | None
    source: str | None
    n_events: int
    n_statements: int
    n_aggregates: int


class ArticlePage(Page):
    """A page of articles."""

    items: list[ArticleSummary]


class Article(_Model):
    """An article's text exactly as stored and every record found in it (offsets into ``text``)."""

    id: int
    doc_id: str
    title: str | None
    url: str | None
    date: str | None
    source: str | None
    text: str
    events: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    aggregates: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    places: list[dict[str, Any]]


class ActorRow(_Model):
    """A coded actor with the number of its events and statements."""

    id: int
    code: str
    sector: str | None
    name: str | None
    n_events: int
    n_statements: int


class ActorPage(Page):
    """A page of actors."""

    items: list[ActorRow]


class PlaceRow(_Model):
    """A resolved place with the number of events there."""

    id: int
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    n_events: int


class PlacePage(Page):
    """A page of places."""

    items: list[PlaceRow]


class DayCount(_Model):
    """Events of one type on one day."""

    day: str
    type: str
    count: int


class DailyCounts(_Model):
    """Events per day (their first date) and type; undated events are not counted."""

    items: list[DayCount]


class Facets(_Model):
    """The values the filters accept, as found in the store."""

    types: list[str]
    admin1: list[str]
    sources: list[str]
    metrics: list[str]


class Written(_Model):
    """What storing a posted article did."""

    status: str
    article_id: int
    events: int
    merged: int


class ArticleIn(BaseModel):
    """An article to process and store (write routes need the write token)."""

    model_config = ConfigDict(extra="forbid")
    doc_id: str = Field(min_length=1, max_length=500)
    text: str = Field(min_length=1, max_length=1_000_000)
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=40)
    title: str | None = Field(default=None, max_length=2000)
