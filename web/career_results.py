"""The answers to career questions as JSON-ready data: the library's results
(``as_dict()``) with page URLs and, for the pages, graph drawings.  Pages and the JSON API
share these functions."""

from __future__ import annotations

from urllib.parse import urlencode

from skillgraph import InvalidParameter, Kind, NoPath, SkillGraph, SkillgraphError
from skillgraph.careers.examples import example_paths

from .career_drawings import moves_graph, path_graph, whatif_graph
from .career_queries import NextQuery, PathQuery, WhatIfQuery
from .career_words import add_currencies, compare, cost_level, cost_parts, describe_paths
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
        result["no_path"] = {
            "message": str(exc),
            "reason": exc.reason,
            "relax": _relaxations(graph, q, result) if drawings else [],
        }
        return result
    result["paths"] = [with_urls(p.as_dict()) for p in found]
    if drawings:
        describe_paths(result["paths"])
        add_currencies(graph, result["paths"])
        result["compare"] = compare(result["paths"])
        result["graphs"] = [path_graph(p) for p in result["paths"]]
    return result


def _relaxations(graph: SkillGraph, q: PathQuery, result: dict) -> list[dict]:
    """The limits of ``q`` that exclude every path, each with the smallest change that
    finds one, in words and as a link: "allow 1 reskilling step"."""
    limits = {"max_reskilling": q.max_reskilling, "max_steps": q.max_steps, "avoid": q.avoid}
    out: list[dict] = []
    for name, value in limits.items():
        if not value and value != 0:
            continue
        try:
            best = graph.careers.paths(
                result["from"]["uri"] if result["from"] else None,
                result["to"]["uri"],
                k=1,
                max_reskilling=None if name == "max_reskilling" else q.max_reskilling,
                max_steps=None if name == "max_steps" else q.max_steps,
                avoid=[] if name == "avoid" else [a["uri"] for a in result["avoid"]],
                have=[h["uri"] for h in result["have"]],
            )[0]
        except SkillgraphError:
            continue
        if name == "max_reskilling":
            n = best.reskilling_steps
            text = f"allow {n} reskilling step{'s' * (n != 1)}"
        elif name == "max_steps":
            n = len(best.steps)
            text = f"allow {n} step{'s' * (n != 1)}"
        else:
            n = None  # the parameter is dropped from the URL
            text = "go through " + ", ".join(a["label"] for a in result["avoid"]) + " too"
        out.append({"text": text, "param": name, "value": n})
    return out


def _move_words(moves: list[dict]) -> None:
    for m in moves:
        m["cost_level"] = cost_level(m["cost"])
        m["cost_parts"] = cost_parts(m)


def next_steps(graph: SkillGraph, q: NextQuery, *, drawings: bool = False) -> dict:
    _require_start(q)
    start = _concept(graph, q.start, Kind.ROLE)
    have = [_concept(graph, s, Kind.SKILL) for s in q.have]
    moves = graph.careers.next_steps(
        start["uri"] if start else None,
        q.k,
        have=[h["uri"] for h in have],
        group_kinds=q.group_kinds,
    )
    result = {
        "query": q.as_dict(),
        "from": start,
        "have": have,
        "moves": [with_urls(m.as_dict()) for m in moves],
    }
    if drawings:
        _move_words(result["moves"])
        add_currencies(graph, result["moves"])
        result["graph"] = moves_graph(start, result["moves"])
    return result


def whatif(graph: SkillGraph, q: WhatIfQuery, *, drawings: bool = False) -> dict:
    """What learning opens up (with no start: the roles the learned skills alone open,
    as first roles); with ``drawings``, ``graph`` draws it."""
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
    result["skills_only"] = not (start or have)
    if drawings:
        _move_words(result["newly_reachable"])
        result["graph"] = whatif_graph(result)
    return result


#: Example questions for the home page, by preferred label: the default taxonomy's own
#: cases (a move into digital marketing, IT support to a customer-facing role, data
#: analyst to machine learning, a leadership step) and well-known ESCO occupations.  Those
#: a taxonomy does not have are skipped; with fewer than two left, examples are mined
#: (``example_paths``).
CURATED_EXAMPLES = (
    ("administrative assistant", "digital marketing specialist"),
    ("IT support technician", "customer success manager"),
    ("data analyst", "machine-learning engineer"),
    ("senior data analyst", "analytics manager"),
    ("software developer", "ICT project manager"),
    ("nurse responsible for general care", "advanced nurse practitioner"),
    ("cook", "head chef"),
    ("shop assistant", "shop manager"),
    ("accountant", "financial controller"),
)


def _curated(graph: SkillGraph, n: int) -> list:
    preferred = {label.casefold() for label in graph.taxonomy.role_labels}
    found = []
    for start, target in CURATED_EXAMPLES:
        if start.casefold() not in preferred or target.casefold() not in preferred:
            continue
        try:
            found.append(graph.careers.paths(start, target, k=1)[0])
        except SkillgraphError:
            continue
        if len(found) == n:
            break
    return found


def example_queries(graph: SkillGraph, n: int = 4) -> list[dict]:
    """Example path queries that have answers, for the home page (``CURATED_EXAMPLES``,
    else ``example_paths``)."""
    found = _curated(graph, n)
    if len(found) < 2:
        try:
            found = example_paths(graph.careers)
        except SkillgraphError:
            return []
    out = []
    for path in found:
        src, dst, steps = path.source, path.target, len(path.steps)
        changes = path.reskilling_steps
        note = f"{steps} step{'s' * (steps != 1)}, " + (
            f"{changes} change{'s' * (changes != 1)} of field" if changes else "in the same field"
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
