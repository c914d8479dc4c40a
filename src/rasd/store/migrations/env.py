"""Alembic environment: runs rasd's migrations on the connection ``rasd.store`` hands over."""

from __future__ import annotations

from alembic import context

from rasd.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # run only through rasd.store.engine.upgrade(), which passes a connection
    raise RuntimeError("rasd migrations run through rasd.store.open_store(), not the alembic command")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
