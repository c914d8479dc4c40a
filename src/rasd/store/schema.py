"""The store's tables (SQLAlchemy Core): sources, articles, records, actors, places, event clusters."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_REVISION = "0002"
"""The Alembic revision this code reads and writes; ``open_store`` upgrades older databases to it."""

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("doc_id", String(500), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=True, index=True),
    Column("url", Text),
    Column("published", String(40)),
    Column("pub_date", Date, index=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("origin", Text),  # the file, archive member or URL it was read from
    Column("stages", JSON),
    Column("sentences", JSON),  # [[start, end], ...] offsets into text
    Column("minhash", LargeBinary),  # MinHash signature (uint64 little-endian) of the normalised text
    Column("duplicate_of", Integer, ForeignKey("articles.id"), nullable=True, index=True),
    Column("similarity", Float),  # estimated Jaccard similarity to duplicate_of
    Column("ingested_at", String(40), nullable=False),
)

# LSH bands of each article's MinHash: articles sharing a (band, key) are near-duplicate candidates.
article_bands = Table(
    "article_bands",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("band", Integer, primary_key=True),
    Column("key", String(40), nullable=False),
    Index("ix_article_bands_band_key", "band", "key"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(20), nullable=False, default=""),
    Column("sector", String(20), nullable=False, default=""),
    Column("name", String(300), nullable=False, default=""),
    UniqueConstraint("code", "sector", "name", name="uq_actors_code_sector_name"),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(300), nullable=False, unique=True),  # gazetteer id, or name|country|admin1
    Column("name", String(300), nullable=False),
    Column("country", String(10)),
    Column("admin1", String(20), index=True),
    Column("admin2", String(40)),
    Column("lat", Float),
    Column("lon", Float),
    Column("gazetteer_id", String(100)),
    Column("feature", String(20)),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(10), nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id"), index=True),
    Column("found_by", String(20)),
    Column("entity_id", Integer),
)

place_mentions = Table(
    "place_mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("place_id", Integer, ForeignKey("places.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("precision", Integer, nullable=False),
)

# Event clusters: one row per real-world event, however many reports mention it.
events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),  # stable: derived from the first mention's id
    Column("type", String(20), nullable=False),
    Column("mode", String(40)),
    Column("status", String(20), nullable=False),
    Column("date_min", Date, index=True),
    Column("date_max", Date, index=True),
    Column("country", String(10)),
    Column("admin1", String(20), index=True),
    Column("n_mentions", Integer, nullable=False, default=1),
    Column("n_articles", Integer, nullable=False, default=1),
    Column("first_mention_id", String(80), nullable=False),
    Index("ix_events_type_status_date", "type", "status", "date_min"),
)

# What an event cluster is known by, for finding merge candidates: actor codes, admin1 codes, place ids.
event_keys = Table(
    "event_keys",
    metadata,
    Column("event_id", String(40), ForeignKey("events.id"), primary_key=True),
    Column("kind", String(10), primary_key=True),  # actor, admin1, place
    Column("key", String(300), primary_key=True),
)

# One row per event found in one article (an event mention), linked to its cluster.
event_mentions = Table(
    "event_mentions",
    metadata,
    Column("id", String(80), primary_key=True),  # <article content hash[:16]>-<index>
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("event_id", String(40), ForeignKey("events.id"), nullable=False, index=True),
    Column("merge_reason", Text),  # null for the mention that founded the cluster
    Column("type", String(20), nullable=False),
    Column("mode", String(40)),
    Column("status", String(20), nullable=False),
    Column("trigger", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("date", Date),
    Column("date_precision", String(10)),
    Column("cluster_date", Date),  # the date used for clustering: the event's, else the article's
    Column("size", JSON),
    Column("context", JSON),
    Column("reported_by_id", Integer, ForeignKey("actors.id")),
    Column("report_score", Float),  # rasd.stages.salience; null for types it has no model of
)

event_participants = Table(
    "event_participants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("mention_id", String(80), ForeignKey("event_mentions.id"), nullable=False, index=True),
    Column("role", String(10), nullable=False),  # actor, recipient
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

event_places = Table(
    "event_places",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("mention_id", String(80), ForeignKey("event_mentions.id"), nullable=False, index=True),
    Column("place_id", Integer, ForeignKey("places.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("precision", Integer, nullable=False),
)

statements = Table(
    "statements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("speaker_id", Integer, ForeignKey("actors.id"), index=True),
    Column("speaker_text", Text),
    Column("cue", Text, nullable=False),
    Column("cue_start", Integer, nullable=False),
    Column("cue_end", Integer, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("content_start", Integer),
    Column("content_end", Integer),
    Column("via_id", Integer, ForeignKey("actors.id")),
    Column("date", Date),
)

# Counts a reporter gives. Never summed across reporters: queries list them side by side.
aggregates = Table(
    "aggregates",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("metric", String(40), nullable=False),
    Column("value", Integer, nullable=False),
    Column("period", String(20), nullable=False),
    Column("admin1", String(200), nullable=False, default=""),  # sorted codes joined by ","
    Column("day", Date, index=True),  # the article's publication day
    Column("reporter_id", Integer, ForeignKey("actors.id"), index=True),
    Column("reporter_text", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("raw", Text),
    Index("ix_aggregates_metric_day", "metric", "day"),
)

# Articles that could not be processed: recorded, and the run goes on.
failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("origin", Text, nullable=False),
    Column("doc_id", String(500)),
    Column("error", Text, nullable=False),
    Column("at", String(40), nullable=False),
)
