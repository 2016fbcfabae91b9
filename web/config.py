"""The app's settings, read once when the app is made: defaults, then every
``SKILLGRAPH_*`` environment variable (prefix removed: ``SKILLGRAPH_SPARQL_TIMEOUT=5`` is
``SPARQL_TIMEOUT``), then the mapping given to ``create_app`` (tests).

========================  =================================================================
``STORE``                 the store: a folder, a SPARQL server's URL, or None (the default
                          taxonomy)
``SPARQL_TIMEOUT``        seconds a query may run (10)
``SPARQL_MAX_ROWS``       rows a result may hold (10,000)
``SPARQL_MAX_QUERY_LENGTH``  characters a query may have (50,000)
``SPARQL_WORKERS``        query worker processes per web process (2)
``SPARQL_MEMORY_MB``      address-space cap of a query worker (2048; 0 for none)
========================  =================================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from skillgraph.sparql import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, MAX_QUERY_LENGTH
from skillgraph.sparql.engine import DEFAULT_MEMORY_MB

__all__ = ["DEFAULTS", "PREFIX", "load_config"]

PREFIX = "SKILLGRAPH"

DEFAULTS: dict[str, Any] = {
    "STORE": None,
    "SPARQL_TIMEOUT": DEFAULT_TIMEOUT,
    "SPARQL_MAX_ROWS": DEFAULT_MAX_ROWS,
    "SPARQL_MAX_QUERY_LENGTH": MAX_QUERY_LENGTH,
    "SPARQL_WORKERS": 2,
    "SPARQL_MEMORY_MB": DEFAULT_MEMORY_MB,
    "SPARQL_CONCURRENCY": None,
    "EXPORT_BUILDS": 2,
    "PUBLIC_URL": None,
    "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
    "JSON_SORT_KEYS": False,
}


def load_config(app: Flask, overrides: Mapping[str, Any] | None = None) -> None:
    """Fill ``app.config``: defaults, the environment, then ``overrides``."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env(PREFIX)
    if overrides is not None:
        app.config.from_mapping(overrides)
    # An empty variable means "not set" (a shell's `SKILLGRAPH_STORE= skillgraph serve`).
    if app.config["STORE"] in ("", None):
        app.config["STORE"] = None
    else:
        app.config["STORE"] = str(app.config["STORE"])
