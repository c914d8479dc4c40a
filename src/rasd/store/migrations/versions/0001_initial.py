"""Initial schema: sources, articles, records, actors, places, event clusters, full-text index.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("sector", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
        sa.UniqueConstraint("code", "sector", "name", name="uq_actors_code_sector_name"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("date_min", sa.Date(), nullable=True),
        sa.Column("date_max", sa.Date(), nullable=True),
        sa.Column("country", sa.String(length=10), nullable=True),
        sa.Column("admin1", sa.String(length=20), nullable=True),
        sa.Column("n_mentions", sa.Integer(), nullable=False),
        sa.Column("n_articles", sa.Integer(), nullable=False),
        sa.Column("first_mention_id", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_admin1"), ["admin1"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_date_max"), ["date_max"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_date_min"), ["date_min"], unique=False)
        batch_op.create_index("ix_events_type_status_date", ["type", "status", "date_min"], unique=False)

    op.create_table(
        "failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("doc_id", sa.String(length=500), nullable=True),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_failures")),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("country", sa.String(length=10), nullable=True),
        sa.Column("admin1", sa.String(length=20), nullable=True),
        sa.Column("admin2", sa.String(length=40), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("gazetteer_id", sa.String(length=100), nullable=True),
        sa.Column("feature", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
        sa.UniqueConstraint("key", name=op.f("uq_places_key")),
    )
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_places_admin1"), ["admin1"], unique=False)

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_sources_name")),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("doc_id", sa.String(length=500), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.Column("pub_date", sa.Date(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("stages", sa.JSON(), nullable=True),
        sa.Column("sentences", sa.JSON(), nullable=True),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("ingested_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["duplicate_of"], ["articles.id"], name=op.f("fk_articles_duplicate_of_articles")),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_articles_source_id_sources")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_duplicate_of"), ["duplicate_of"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_pub_date"), ["pub_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_source_id"), ["source_id"], unique=False)

    op.create_table(
        "event_keys",
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_event_keys_event_id_events")),
        sa.PrimaryKeyConstraint("event_id", "kind", "key", name=op.f("pk_event_keys")),
    )
    op.create_table(
        "aggregates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("metric", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=20), nullable=False),
        sa.Column("admin1", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("reporter_id", sa.Integer(), nullable=True),
        sa.Column("reporter_text", sa.Text(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_aggregates_article_id_articles")),
        sa.ForeignKeyConstraint(["reporter_id"], ["actors.id"], name=op.f("fk_aggregates_reporter_id_actors")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aggregates")),
    )
    with op.batch_alter_table("aggregates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_aggregates_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_aggregates_day"), ["day"], unique=False)
        batch_op.create_index("ix_aggregates_metric_day", ["metric", "day"], unique=False)
        batch_op.create_index(batch_op.f("ix_aggregates_reporter_id"), ["reporter_id"], unique=False)

    op.create_table(
        "article_bands",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_article_bands_article_id_articles")),
        sa.PrimaryKeyConstraint("article_id", "band", name=op.f("pk_article_bands")),
    )
    with op.batch_alter_table("article_bands", schema=None) as batch_op:
        batch_op.create_index("ix_article_bands_band_key", ["band", "key"], unique=False)

    op.create_table(
        "event_mentions",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("merge_reason", sa.Text(), nullable=True),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=10), nullable=True),
        sa.Column("cluster_date", sa.Date(), nullable=True),
        sa.Column("size", sa.JSON(), nullable=True),
        sa.Column("context", sa.JSON(), nullable=True),
        sa.Column("reported_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_event_mentions_article_id_articles")),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_event_mentions_event_id_events")),
        sa.ForeignKeyConstraint(
            ["reported_by_id"], ["actors.id"], name=op.f("fk_event_mentions_reported_by_id_actors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_mentions")),
    )
    with op.batch_alter_table("event_mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_mentions_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_mentions_event_id"), ["event_id"], unique=False)

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(length=10), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("found_by", sa.String(length=20), nullable=True),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name=op.f("fk_mentions_actor_id_actors")),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_mentions_article_id_articles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentions_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentions_article_id"), ["article_id"], unique=False)

    op.create_table(
        "place_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("precision", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_place_mentions_article_id_articles")),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], name=op.f("fk_place_mentions_place_id_places")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place_mentions")),
    )
    with op.batch_alter_table("place_mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_mentions_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_place_mentions_place_id"), ["place_id"], unique=False)

    op.create_table(
        "statements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        sa.Column("cue", sa.Text(), nullable=False),
        sa.Column("cue_start", sa.Integer(), nullable=False),
        sa.Column("cue_end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("content_start", sa.Integer(), nullable=True),
        sa.Column("content_end", sa.Integer(), nullable=True),
        sa.Column("via_id", sa.Integer(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_statements_article_id_articles")),
        sa.ForeignKeyConstraint(["speaker_id"], ["actors.id"], name=op.f("fk_statements_speaker_id_actors")),
        sa.ForeignKeyConstraint(["via_id"], ["actors.id"], name=op.f("fk_statements_via_id_actors")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statements")),
    )
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statements_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statements_speaker_id"), ["speaker_id"], unique=False)

    op.create_table(
        "event_participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mention_id", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name=op.f("fk_event_participants_actor_id_actors")),
        sa.ForeignKeyConstraint(
            ["mention_id"], ["event_mentions.id"], name=op.f("fk_event_participants_mention_id_event_mentions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_participants")),
    )
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_participants_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_participants_mention_id"), ["mention_id"], unique=False)

    op.create_table(
        "event_places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mention_id", sa.String(length=80), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("precision", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mention_id"], ["event_mentions.id"], name=op.f("fk_event_places_mention_id_event_mentions")
        ),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], name=op.f("fk_event_places_place_id_places")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_places")),
    )
    with op.batch_alter_table("event_places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_places_mention_id"), ["mention_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_places_place_id"), ["place_id"], unique=False)

    _create_search_index()


def _create_search_index() -> None:
    """Full-text search over the normalised Arabic of titles and texts: FTS5 on SQLite, tsvector + GIN on PostgreSQL."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='')")
    elif dialect == "postgresql":
        op.create_table(
            "article_search",
            sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id"), primary_key=True),
            sa.Column("tsv", postgresql.TSVECTOR(), nullable=False),
        )
        op.create_index("ix_article_search_tsv", "article_search", ["tsv"], postgresql_using="gin")


def downgrade() -> None:
    """Undo this revision."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS article_fts")
    elif dialect == "postgresql":
        op.drop_table("article_search")
    with op.batch_alter_table("event_places", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_places_place_id"))
        batch_op.drop_index(batch_op.f("ix_event_places_mention_id"))

    op.drop_table("event_places")
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_participants_mention_id"))
        batch_op.drop_index(batch_op.f("ix_event_participants_actor_id"))

    op.drop_table("event_participants")
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statements_speaker_id"))
        batch_op.drop_index(batch_op.f("ix_statements_article_id"))

    op.drop_table("statements")
    with op.batch_alter_table("place_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_mentions_place_id"))
        batch_op.drop_index(batch_op.f("ix_place_mentions_article_id"))

    op.drop_table("place_mentions")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentions_article_id"))
        batch_op.drop_index(batch_op.f("ix_mentions_actor_id"))

    op.drop_table("mentions")
    with op.batch_alter_table("event_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_mentions_event_id"))
        batch_op.drop_index(batch_op.f("ix_event_mentions_article_id"))

    op.drop_table("event_mentions")
    with op.batch_alter_table("article_bands", schema=None) as batch_op:
        batch_op.drop_index("ix_article_bands_band_key")

    op.drop_table("article_bands")
    with op.batch_alter_table("aggregates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aggregates_reporter_id"))
        batch_op.drop_index("ix_aggregates_metric_day")
        batch_op.drop_index(batch_op.f("ix_aggregates_day"))
        batch_op.drop_index(batch_op.f("ix_aggregates_article_id"))

    op.drop_table("aggregates")
    op.drop_table("event_keys")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_source_id"))
        batch_op.drop_index(batch_op.f("ix_articles_pub_date"))
        batch_op.drop_index(batch_op.f("ix_articles_duplicate_of"))

    op.drop_table("articles")
    op.drop_table("sources")
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_places_admin1"))

    op.drop_table("places")
    op.drop_table("failures")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_type_status_date")
        batch_op.drop_index(batch_op.f("ix_events_date_min"))
        batch_op.drop_index(batch_op.f("ix_events_date_max"))
        batch_op.drop_index(batch_op.f("ix_events_admin1"))

    op.drop_table("events")
    op.drop_table("actors")
