"""The one module that owns the skill graph of the app (like flaskr's ``db.py``).

The graph is opened once per process, at app creation, so that its derived data
(taxonomy arrays, label index, transition graph) is built before the first request and,
with gunicorn's ``--preload``, shared by the forked workers.
"""

from __future__ import annotations

from flask import Flask, current_app

import skillgraph

from .career_results import example_queries


def init_app(app: Flask) -> None:
    graph = skillgraph.open(app.config["STORE"])
    # Warm the derived data now rather than on the first request.
    graph.warm()
    app.extensions["skillgraph"] = graph
    # Counting over a large store takes a few hundred ms; the store an app holds is one
    # generation and never changes under it, so the figures are computed once.
    app.extensions["skillgraph.stats"] = graph.stats()
    app.extensions["skillgraph.examples"] = example_queries(graph)


def get_graph() -> skillgraph.SkillGraph:
    return current_app.extensions["skillgraph"]


def get_examples() -> list[dict]:
    """Example path queries that have answers (computed at start-up)."""
    return current_app.extensions["skillgraph.examples"]


def get_stats() -> dict:
    """``SkillGraph.stats()`` of the app's store (computed at start-up)."""
    return current_app.extensions["skillgraph.stats"]


def attribution_for(uris) -> list[dict]:
    """The sources (with their attribution text) of the concepts named by ``uris``."""
    graph = get_graph()
    found: dict[str, dict] = {}
    for uri in uris:
        source = graph.source_of(uri)
        if source is not None and source.get("attribution"):
            found.setdefault(source["uri"], source)
    return list(found.values())


def all_attributions() -> list[dict]:
    """Every source of the store that requires attribution (for pages over all content)."""
    return [s for s in get_graph().sources if s.get("attribution")]
