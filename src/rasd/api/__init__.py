"""The JSON API and web app over a rasd store: ``create_app(ApiSettings(db=...))``."""

from rasd.api.app import create_app
from rasd.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
