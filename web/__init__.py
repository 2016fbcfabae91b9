"""The skillgraph web app (installed as ``skillgraph_web``).

``create_app`` is the application factory (as in Flask's tutorial): settings read once
(``config``), the shared skill graph (``knowledge``), error pages, security headers and
one blueprint per concern.  See docs/architecture.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from . import (
    api,
    config,
    errors,
    exports,
    knowledge,
    linkeddata,
    outlook,
    pages,
    security,
    sparql,
)

#: The blueprints, in registration order.
BLUEPRINTS = (pages.bp, api.bp, linkeddata.bp, sparql.bp, exports.bp, outlook.bp, outlook.api_bp)


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app.  ``test_config`` overrides settings (see ``config``); ``STORE``
    (``$SKILLGRAPH_STORE``) names the store, unset for the built-in default taxonomy."""
    app = Flask(__name__)
    config.load_config(app, test_config)
    knowledge.init_app(app)
    errors.init_app(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    security.init_app(app)
    return app
