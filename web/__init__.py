"""The skillgraph web app (installed as ``skillgraph_web``).

``create_app`` is the application factory (as in Flask's tutorial): configuration,
the shared skill graph (``knowledge.init_app``) and one blueprint per concern.
"""

from __future__ import annotations

import os

from flask import Flask

#: Blueprint modules of this package, each exposing ``bp``.
BLUEPRINTS = ("pages", "api", "linkeddata", "sparql", "exports")


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app.  ``test_config`` overrides settings; ``SKILLGRAPH_STORE`` names the
    store (unset: the built-in default taxonomy)."""
    app = Flask(__name__)
    app.config.from_mapping(
        SKILLGRAPH_STORE=os.environ.get("SKILLGRAPH_STORE") or None,
        MAX_CONTENT_LENGTH=16 * 1024 * 1024,
        JSON_SORT_KEYS=False,
    )
    if test_config is not None:
        app.config.from_mapping(test_config)

    from . import knowledge

    knowledge.init_app(app)

    from . import errors

    errors.init_app(app)

    import importlib

    for name in BLUEPRINTS:
        module = importlib.import_module(f"{__name__}.{name}")
        app.register_blueprint(module.bp)

    from .pages import secure_headers

    # App-wide, not per blueprint: the SPARQL page, static files and 404s from no
    # blueprint at all need them too.  Frame-busting for browsers without CSP 3 as well.
    @app.after_request
    def _content_id(response):
        # Which content answered (/sparql sets the one its query process read).
        response.headers.setdefault("X-Content-Id", knowledge.get_graph().store.content_id)
        return response

    @app.after_request
    def _secure_headers(response):
        if response.mimetype == "text/html":
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return secure_headers(response)

    return app
