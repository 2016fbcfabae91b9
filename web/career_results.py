"""The answers to career questions as JSON-ready data: the library's results
(``as_dict()``) with page URLs and, for the pages, graph drawings.  Pages and the JSON API
share these functions."""

from __future__ import annotations

from urllib.parse import urlencode

from skillgraph import InvalidParameter, Kind, NoPath, SkillGraph, SkillgraphError
from skillgraph.careers.examples import example_paths

from .career_drawings import moves_graph, path_graph, whatif_graph
from .career_queries import NextQuery, PathQuery, WhatIfQuery
from .urls import concept_url, with_urls

__all__ = ["example_queries", "find_paths", "next_steps", "whatif"]


def _concept(graph: SkillGraph, name: str | None, kind: str) -> dict | None:
    if not name:
        return None
    c = graph.resolve(name, kind=kind)
    return {"uri": c.uri, "label": c.label, "kind": c.kind, "url": concept_url(c.uri)}


def _require_start(q) -> None:
    if not (q.start or q.have):
        raise InvalidParameter("give a start role (from=...) or the skills you have (have=...)")


def find_paths(graph: SkillGraph, q: PathQuery, *, drawings: bool = False) -> dict:
    """Paths for ``q``; a ``NoPath`` becomes ``paths: []`` with the reason.  With
    ``drawings``, ``graphs`` holds the drawing of each path."""
    if not q.target:
        raise InvalidParameter("parameter 'to' is required")
    _require_start(q)
    result = {
        "query": q.as_dict(),
        "from": _concept(graph, q.start, Kind.ROLE),
        "have": [_concept(graph, s, Kind.SKILL) for s in q.have],
        "to": _concept(graph, q.target, Kind.ROLE),
        "avoid": [_concept(graph, a, Kind.ROLE) for a in q.avoid],
        "paths": [],
        "no_path": None,
    }
    try:
        found = graph.careers.paths(
            result["from"]["uri"] if result["from"] else None,
            result["to"]["uri"],
            k=q.k,
            max_reskilling=q.max_reskilling,
            max_steps=q.max_steps,
            avoid=[a["uri"] for a in result["avoid"]],
            have=[h["uri"] for h in result["have"]],
            params={"wage_floor": q.wage_floor, "exposure_weight": q.exposure_weight},
        )
    except NoPath as exc:
        result["no_path"] = {"message": str(exc), "reason": exc.reason}
        return result
    result["paths"] = [with_urls(p.as_dict()) for p in found]
    if drawings:
        result["graphs"] = [path_graph(p) for p in result["paths"]]
    return result


def next_steps(graph: SkillGraph, q: NextQuery, *, drawings: bool = False) -> dict:
    _require_start(q)
    start = _concept(graph, q.start, Kind.ROLE)
    have = [_concept(graph, s, Kind.SKILL) for s in q.have]
    moves = graph.careers.next_steps(
        start["uri"] if start else None, q.k, have=[h["uri"] for h in have]
    )
    result = {
        "query": q.as_dict(),
        "from": start,
        "have": have,
        "moves": [with_urls(m.as_dict()) for m in moves],
    }
    if drawings:
        result["graph"] = moves_graph(start, result["moves"])
    return result


def whatif(graph: SkillGraph, q: WhatIfQuery, *, drawings: bool = False) -> dict:
    """What learning opens up; with ``drawings``, ``graph`` draws it."""
    _require_start(q)
    start = _concept(graph, q.start, Kind.ROLE)
    have = [_concept(graph, s, Kind.SKILL) for s in q.have]
    learn = [_concept(graph, s, Kind.SKILL) for s in q.learn]
    programs = [_concept(graph, p, Kind.PROGRAM) for p in q.programs]
    found = graph.careers.whatif(
        start["uri"] if start else None,
        learn=[x["uri"] for x in learn],
        programs=[x["uri"] for x in programs],
        have=[h["uri"] for h in have],
        k=q.k,
    )
    result = {
        "query": q.as_dict(),
        "from": start,
        "have": have,
        "learn": learn,
        "programs": programs,
        **with_urls(found.as_dict()),
    }
    if drawings:
        result["graph"] = whatif_graph(result)
    return result


def example_queries(graph: SkillGraph) -> list[dict]:
    """Example path queries that have answers, for the home page (``example_paths``)."""
    try:
        found = example_paths(graph.careers)
    except SkillgraphError:
        return []
    out = []
    for path in found:
        src, dst, steps = path.source, path.target, len(path.steps)
        note = f"{steps} step{'s' * (steps != 1)}, " + (
            f"{path.reskilling_steps} reskilling" if path.reskilling_steps else "upskilling only"
        )
        out.append(
            {
                "start": {"uri": src.uri, "label": src.label},
                "target": {"uri": dst.uri, "label": dst.label},
                "note": note,
                "url": "/paths?" + urlencode({"from": src.uri, "to": dst.uri}),
            }
        )
    return out
