"""WSGI entry point for gunicorn: ``gunicorn skillgraph_web.wsgi:app``."""

from . import create_app

app = create_app()
