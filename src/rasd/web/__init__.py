"""The web interface: server-rendered pages (Jinja2, autoescaped) over the same queries as the JSON API."""
