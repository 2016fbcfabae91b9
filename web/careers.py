"""The career views: path finder, next steps and what-if, as JSON-ready data.

The queries are read from the URL (so a result can be shared), handed to
``skillgraph.careers`` and the results (``as_dict()``) gain page URLs and, for the pages,
graph drawings.  Pages and the JSON API share these functions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from urllib.parse import urlencode

import numpy as np

from skillgraph import careers as lib
from skillgraph.errors import InvalidParameter, NoPath, SkillgraphError
from skillgraph.graph import SkillGraph
from skillgraph.taxonomy import Kind

from . import params
from .knowledge import concept_url
from .network import GraphBuilder

#: Missing skills drawn per step (essential first); the table lists them all.
GAP_NODES = 8
#: Horizontal distance between the roles of a path drawing.
ROLE_DX = 320


# ----------------------------------------------------------------- queries


@dataclass
class PathQuery:
    start: str | None = None
    have: list[str] = field(default_factory=list)
    target: str | None = None
    k: int = 3
    max_reskilling: int | None = None
    max_steps: int | None = None
    avoid: list[str] = field(default_factory=list)
    alt: int = 0

    @property
    def ready(self) -> bool:
        return bool((self.start or self.have) and self.target)

    def as_dict(self) -> dict:
        return {
            "from": self.start,
            "have": self.have,
            "to": self.target,
            "k": self.k,
            "max_reskilling": self.max_reskilling,
            "max_steps": self.max_steps,
            "avoid": self.avoid,
        }


@dataclass
class NextQuery:
    start: str | None = None
    have: list[str] = field(default_factory=list)
    k: int = 10

    @property
    def ready(self) -> bool:
        return bool(self.start or self.have)

    def as_dict(self) -> dict:
        return {"from": self.start, "have": self.have, "k": self.k}


@dataclass
class WhatIfQuery:
    start: str | None = None
    have: list[str] = field(default_factory=list)
    learn: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    k: int = 20

    @property
    def ready(self) -> bool:
        return bool((self.start or self.have) and (self.learn or self.programs))

    def as_dict(self) -> dict:
        return {
            "from": self.start,
            "have": self.have,
            "learn": self.learn,
            "program": self.programs,
            "k": self.k,
        }


def path_query() -> PathQuery:
    k = params.integer("k", 3, lo=1, hi=10)
    return PathQuery(
        start=params.text("from"),
        have=params.texts("have"),
        target=params.text("to"),
        k=k,
        max_reskilling=params.integer("max_reskilling", None, lo=0, hi=lib.MAX_STEPS_LIMIT),
        max_steps=params.integer("max_steps", None, lo=1, hi=lib.MAX_STEPS_LIMIT),
        avoid=params.texts("avoid"),
        alt=params.integer("alt", 0, lo=0, hi=k - 1),
    )


def next_query() -> NextQuery:
    return NextQuery(
        start=params.text("from"),
        have=params.texts("have"),
        k=params.integer("k", 10, lo=1, hi=50),
    )


def whatif_query() -> WhatIfQuery:
    return WhatIfQuery(
        start=params.text("from"),
        have=params.texts("have"),
        learn=params.texts("learn"),
        programs=params.texts("program"),
        k=params.integer("k", 20, lo=1, hi=100),
    )


# ----------------------------------------------------------------- results


def with_urls(data):
    """``data`` with a page ``url`` next to every ``uri`` (recursively, in place)."""
    if isinstance(data, dict):
        uri = data.get("uri")
        if uri is not None and "kind" in data and data["kind"] != "profile":
            data["url"] = concept_url(uri)
        for value in data.values():
            if isinstance(value, dict | list):
                with_urls(value)
    elif isinstance(data, list):
        for value in data:
            if isinstance(value, dict | list):
                with_urls(value)
    return data


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
        found = lib.career_paths(
            graph,
            result["from"]["uri"] if result["from"] else None,
            result["to"]["uri"],
            k=q.k,
            max_reskilling=q.max_reskilling,
            max_steps=q.max_steps,
            avoid=[a["uri"] for a in result["avoid"]],
            have=[h["uri"] for h in result["have"]],
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
    moves = lib.next_steps(
        graph, start["uri"] if start else None, q.k, have=[h["uri"] for h in have]
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
    found = lib.whatif(
        graph,
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


def uris_in(data) -> list[str]:
    """Every concept URI in a result (for attribution)."""
    out: list[str] = []
    if isinstance(data, dict):
        if isinstance(data.get("uri"), str):
            out.append(data["uri"])
        for value in data.values():
            out.extend(uris_in(value))
    elif isinstance(data, list):
        for value in data:
            out.extend(uris_in(value))
    return list(dict.fromkeys(out))


def form_values(graph: SkillGraph, q) -> dict:
    """Labels for the form fields of a query (the URL may hold URIs)."""

    def label(name: str | None, kind: str) -> dict:
        if not name:
            return {"uri": "", "label": ""}
        try:
            c = graph.resolve(name, kind=kind)
        except SkillgraphError:
            return {"uri": name, "label": name}
        return {"uri": c.uri, "label": c.label}

    values = {"from": label(q.start, Kind.ROLE), "have": [label(s, Kind.SKILL) for s in q.have]}
    if isinstance(q, PathQuery):
        values["to"] = label(q.target, Kind.ROLE)
        values["avoid"] = [label(a, Kind.ROLE) for a in q.avoid]
    if isinstance(q, WhatIfQuery):
        values["learn"] = [label(s, Kind.SKILL) for s in q.learn]
        values["programs"] = [label(p, Kind.PROGRAM) for p in q.programs]
    return values


# ----------------------------------------------------------------- drawings


def _fmt_hours(h) -> str:
    return "unknown" if h is None else f"{h:,.0f} h"


def _role_info(step: dict, index: int) -> list[tuple[str, str]]:
    return [
        ("reached by", f"step {index + 1}, {step['kind']}"),
        ("step cost", f"{step['cost']:.2f}"),
        ("skills matched", f"{step['matched']} of {step['required']}"),
        ("missing skills", str(len(step["missing_skills"]))),
        ("learning", _fmt_hours(step["hours"])),
    ]


def _start_node(b: GraphBuilder, concept: dict | None, x: int = 0, y: int = 0) -> str:
    if concept is None or concept.get("kind") == "profile":
        return b.node(
            "profile:",
            "your skills",
            "profile",
            info=[("start", "the skills you have")],
            x=x,
            y=y,
            shape="box",
            color={"background": "#f1f5f9", "border": "#334155"},
            font={"color": "#0f172a", "size": 15},
            margin=8,
        )
    return b.node(concept["uri"], concept["label"], "role", uri=concept["uri"], x=x, y=y)


def path_graph(path: dict) -> dict:
    """A path drawn left to right: roles on a line, each step's missing skills below the
    step's edge and the programs that teach them further below.  Positions are computed
    here, so physics stays off and nothing moves unless dragged."""
    b = GraphBuilder(concept_url)
    steps = path["steps"]
    previous = _start_node(b, path.get("source"))
    for i, step in enumerate(steps):
        target = step["target"]
        x = (i + 1) * ROLE_DX
        node = b.node(
            target["uri"],
            target["label"],
            "role",
            uri=target["uri"],
            info=_role_info(step, i),
            x=x,
            y=0,
        )
        b.edge(
            previous,
            node,
            step["kind"],
            title=f"step {i + 1}: {step['kind']}, cost {step['cost']:.2f}, "
            f"{step['matched']} of {step['required']} skills matched",
            label=step["kind"],
            font={"size": 15, "color": "#334155", "strokeWidth": 4, "align": "top"},
        )
        mid = x - ROLE_DX / 2
        gaps = step["missing_skills"]
        drawn = gaps[:GAP_NODES]
        gap_ids = {}
        for row, gap in enumerate(drawn):
            skill = gap["skill"]
            gid = b.node(
                f"{i}|{skill['uri']}",
                skill["label"],
                "skill",
                uri=skill["uri"],
                info=[
                    ("needed for", target["label"]),
                    ("requirement", "essential" if gap["essential"] else "optional"),
                    ("learning", _fmt_hours(gap["hours"])),
                ],
                x=mid,
                y=95 + 42 * row,
                borderWidth=2.5 if gap["essential"] else 1,
            )
            gap_ids[skill["uri"]] = gid
            b.edge(gid, node, "gap", title=f"{target['label']} needs {skill['label']}")
        bottom = 95 + 42 * max(len(drawn), 1)
        if len(gaps) > len(drawn):
            b.node(
                f"{i}|more",
                f"+{len(gaps) - len(drawn)} more skills",
                "concept",
                info=[("missing skills", f"{len(gaps)} in all; the table lists them")],
                x=mid,
                y=bottom,
            )
            bottom += 42
        for j, pick in enumerate(step["programs"]):
            program = pick["program"]
            pid = b.node(
                f"{i}|{program['uri']}",
                program["label"],
                "program",
                uri=program["uri"],
                info=[
                    ("type", pick["program_type"] or "unknown"),
                    ("hours", _fmt_hours(pick["hours"])),
                    ("cost", "unknown" if pick["cost"] is None else f"{pick['cost']:,.0f}"),
                    ("teaches", ", ".join(c["label"] for c in pick["covers"]) or "-"),
                ],
                x=mid,
                y=bottom + 30 + 46 * j,
            )
            for covered in pick["covers"]:
                gid = gap_ids.get(covered["uri"])
                if gid:
                    b.edge(
                        pid, gid, "teaches", title=f"{program['label']} teaches {covered['label']}"
                    )
        previous = node
    return b.data(physics=False, meta={"steps": len(steps)})


def moves_graph(start: dict | None, moves: list[dict]) -> dict:
    """Next steps as a fan: the start on the left, the moves in a column on the right,
    cheapest at the top."""
    b = GraphBuilder(concept_url)
    n = len(moves)
    origin = _start_node(b, start, x=0, y=(n - 1) * 35)
    for j, move in enumerate(moves):
        role = move["role"]
        node = b.node(
            role["uri"],
            role["label"],
            "role",
            uri=role["uri"],
            info=[
                ("move", move["kind"]),
                ("cost", f"{move['cost']:.2f}"),
                ("skills matched", f"{move['matched']} of {move['required']}"),
                ("learning", _fmt_hours(move["hours"])),
            ],
            x=520,
            y=j * 70,
        )
        b.edge(origin, node, move["kind"], title=f"{move['kind']}, cost {move['cost']:.2f}")
    return b.data(physics=False, meta={"moves": n})


def whatif_graph(result: dict) -> dict:
    """The skills learned on the left, the start in the middle, on the right the roles the
    learning makes reachable (coloured by kind) and, below them, the moves it makes
    cheaper (grey, labelled with the saving)."""
    b = GraphBuilder(concept_url)
    new, cheaper = result["newly_reachable"], result["cheaper"]
    rows = max(len(new) + len(cheaper), len(result["learned"]), 1)
    origin = _start_node(b, result.get("start") or result.get("from"), x=0, y=(rows - 1) * 30)
    for j, skill in enumerate(result["learned"]):
        sid = b.node(
            "learn|" + skill["uri"],
            skill["label"],
            "skill",
            uri=skill["uri"],
            info=[("what if", "you learn this")],
            x=-380,
            y=j * 60,
            borderWidth=2.5,
        )
        b.edge(sid, origin, "teaches", title=f"learn {skill['label']}")
    for j, move in enumerate(new):
        role = move["role"]
        node = b.node(
            role["uri"],
            role["label"],
            "role",
            uri=role["uri"],
            info=[
                ("newly reachable", move["kind"]),
                ("cost", f"{move['cost']:.2f}"),
                ("skills matched", f"{move['matched']} of {move['required']}"),
            ],
            x=480,
            y=j * 60,
        )
        b.edge(origin, node, move["kind"], title=f"newly reachable: {move['kind']}")
    for j, change in enumerate(cheaper):
        role = change["role"]
        node = b.node(
            role["uri"],
            role["label"],
            "role",
            uri=role["uri"],
            info=[
                ("cheaper move", f"{change['cost_before']:.2f} -> {change['cost_after']:.2f}"),
                ("saving", f"{change['saving']:.2f}"),
            ],
            x=480,
            y=(len(new) + j) * 60 + (40 if new else 0),
        )
        b.edge(origin, node, "relation", title=f"cheaper by {change['saving']:.2f}")
    return b.data(physics=False, meta={"newly_reachable": len(new), "cheaper": len(cheaper)})


# ----------------------------------------------------------------- examples


@functools.cache
def _examples_for(content_id: str, graph: SkillGraph) -> tuple:
    """A few example queries that have answers: follow the cheapest next steps from roles
    of the largest fields, then ask for the path to where the chain ended.  Paths of two
    or more steps are preferred, half of them staying in their field, half changing it."""
    t = graph.taxonomy
    field_of = t.role_field.tolist()
    starts: list[int] = []
    per_field = np.bincount(t.role_field[t.role_field >= 0], minlength=len(t.field_uris))
    for fi in np.argsort(-per_field, kind="stable")[:8].tolist():
        starts.extend([i for i, x in enumerate(field_of) if x == fi][:2])
    # A "growth" move goes to a role that asks for more skills: chains of them read as
    # careers, not as drifting sideways or down.
    size = np.bincount(t.req_role, minlength=t.n_roles)
    candidates = []
    for start in starts:
        for change_field in (False, True):
            chain = [start]
            try:
                for hop in range(3):
                    moves = lib.next_steps(graph, t.role_uris[chain[-1]], 10)
                    nxt = next(
                        (
                            m
                            for m in moves
                            if (r := t.locate(m.role.uri)[1]) not in chain
                            and size[r] >= size[chain[-1]]
                            and (hop > 0 or (m.kind == "reskilling") == change_field)
                        ),
                        None,
                    )
                    if nxt is None:
                        break
                    chain.append(t.locate(nxt.role.uri)[1])
                if len(chain) < 3:
                    continue
                path = lib.career_paths(graph, t.role_uris[start], t.role_uris[chain[-1]])[0]
            except SkillgraphError:
                continue
            candidates.append((t.concept(Kind.ROLE, start), path))
    chosen = []
    for reskilling in (False, True):
        pool = [c for c in candidates if bool(c[1].reskilling_steps) == reskilling]
        pool.sort(key=lambda c: len(c[1].steps) < 2)  # multi-step first, stable otherwise
        chosen.extend(pool[:2])
    chosen = chosen or candidates[:4]
    found = []
    for src, path in chosen:
        steps, dst = len(path.steps), path.target
        note = f"{steps} step{'s' * (steps != 1)}, " + (
            f"{path.reskilling_steps} reskilling" if path.reskilling_steps else "upskilling only"
        )
        found.append(
            {
                "start": {"uri": src.uri, "label": src.label},
                "target": {"uri": dst.uri, "label": dst.label},
                "note": note,
                "url": "/paths?" + urlencode({"from": src.uri, "to": dst.uri}),
            }
        )
    return tuple(found)


def examples(graph: SkillGraph) -> list[dict]:
    """Example path queries for the home page (computed once per store)."""
    try:
        return list(_examples_for(graph.store.content_id, graph))
    except SkillgraphError:
        return []
