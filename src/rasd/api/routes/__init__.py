"""The API's routers, one module per resource; :func:`rasd.api.app.create_app` includes them all."""
