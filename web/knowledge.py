"""The one module that owns the skill graph of the app (like flaskr's ``db.py``).

The graph is opened once per process, at app creation, so that its derived data
(taxonomy arrays, label index, transition graph) is built before the first request and,
with gunicorn's ``--preload``, shared by the forked workers.
"""

from __future__ import annotations

from flask import Flask, current_app

import skillgraph


def init_app(app: Flask) -> None:
    graph = skillgraph.open(app.config.get("SKILLGRAPH_STORE"))
    # Warm the derived data now rather than on the first request.
    _ = graph.taxonomy
    _ = graph.labels
    app.extensions["skillgraph"] = graph


def get_graph() -> skillgraph.SkillGraph:
    return current_app.extensions["skillgraph"]
