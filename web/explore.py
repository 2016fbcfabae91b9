"""What the search, concept and browse pages show, as JSON-ready data.

Pages and the JSON API call the same functions, so the API really holds everything a page
shows.
"""

from __future__ import annotations

from skillgraph.graph import SkillGraph

from . import concept_words as words
from . import hierarchy
from .network import neighbourhood_graph
from .urls import concept_url

#: How many related concepts the neighbourhood graph draws by default.
GRAPH_CAP = 60
#: The most a client may ask for: past a few hundred nodes a drawing stops being readable.
GRAPH_CAP_MAX = 300


def search(graph: SkillGraph, q: str, *, kinds=None, limit: int = 10) -> dict:
    matches = graph.search(q, kinds=kinds, limit=limit)
    return {
        "query": q,
        "results": [{**m.as_dict(), "url": concept_url(m.uri)} for m in matches],
    }


def concept(graph: SkillGraph, name: str, *, kind: str | None = None) -> dict:
    """``SkillGraph.show`` plus page URLs for the concept and every related concept, with
    the relations and properties named in words (``words.relation_name``)."""
    shown = graph.show(name, kind=kind)
    shown["url"] = concept_url(shown["uri"])
    for group in shown["outgoing"] + shown["incoming"]:
        group["shown"] = len(group["items"])
        for item in group["items"]:
            item["url"] = concept_url(item["uri"])
    return words.in_words(shown)


def concept_graph(shown: dict, cap: int = GRAPH_CAP) -> dict:
    """The neighbourhood graph of a concept returned by ``concept``."""
    return neighbourhood_graph(shown, concept_url, cap=cap)


def browse_roots(graph: SkillGraph) -> dict:
    roots = hierarchy.roots(graph)
    for group in roots.values():
        for item in group:
            item["url"] = concept_url(item["uri"])
    return roots


def browse_children(graph: SkillGraph, name: str) -> dict:
    node = graph.resolve(name)
    found = hierarchy.children(graph, node.uri)
    found["label"] = node.label
    for item in found["items"]:
        item["url"] = concept_url(item["uri"])
    return found
