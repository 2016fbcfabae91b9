"""The one module that owns the skill graph of the app (like flaskr's ``db.py``).

The graph is opened once per process, at app creation, so that its derived data
(taxonomy arrays, label index, transition graph) is built before the first request and,
with gunicorn's ``--preload``, shared by the forked workers.
"""

from __future__ import annotations

import functools
from urllib.parse import quote

from flask import Flask, current_app

import skillgraph
from skillgraph.careers import career_model
from skillgraph.namespace import DATA


def init_app(app: Flask) -> None:
    graph = skillgraph.open(app.config.get("SKILLGRAPH_STORE"))
    # Warm the derived data now rather than on the first request.
    _ = graph.taxonomy
    _ = graph.labels
    career_model(graph)
    app.extensions["skillgraph"] = graph
    # Counting over a large store takes a few hundred ms; the store an app holds is one
    # generation and never changes under it, so the figures are computed once.
    app.extensions["skillgraph.stats"] = graph.stats()
    from .careers import examples

    examples(graph)


def get_graph() -> skillgraph.SkillGraph:
    return current_app.extensions["skillgraph"]


def get_stats() -> dict:
    """``SkillGraph.stats()`` of the app's store (computed at start-up)."""
    return current_app.extensions["skillgraph.stats"]


@functools.lru_cache(maxsize=1 << 16)
def concept_url(uri: str) -> str:
    """The page of a concept: its own ``/id/...`` path for our namespace (Linked Data),
    ``/concept?uri=...`` for imported URIs such as ESCO's."""
    if uri.startswith(str(DATA)):
        return "/id/" + quote(uri[len(str(DATA)) :], safe="/")
    return "/concept?uri=" + quote(uri, safe="")


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
