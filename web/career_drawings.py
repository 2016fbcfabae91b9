"""Drawings of career answers for vis-network (through ``network.GraphBuilder``): a path
laid out left to right with each step's gap and programs, a start's next moves, and what a
what-if opens up."""

from __future__ import annotations

import math

from .career_words import cost_level
from .network import GraphBuilder, drawn_label
from .urls import concept_url

__all__ = ["GAP_NODES", "ROLE_DX", "moves_graph", "path_graph", "whatif_graph"]

#: Missing skills drawn per step (essential first); the table lists them all.
GAP_NODES = 8
#: Horizontal distance between the roles of a path drawing.
ROLE_DX = 320


def _stacked(labels: list[str], gap: float = 16.0) -> list[float]:
    """The y of each role box in a column, each as tall as its wrapped label (role labels
    are 20 px and wrap at 210 px), so that no two boxes overlap.

    >>> _stacked(["a", "b"])
    [0.0, 63.0]
    >>> ys = _stacked(["a", "a long role title that wraps onto three lines", "b"])
    >>> ys[2] - ys[0] > 2 * 63.0  # the tall box in the middle pushes "b" down
    True
    """
    ys, y, previous = [], 0.0, 0.0
    for label in labels:
        lines = max(1, math.ceil(len(drawn_label(label, "role")) * 0.62 * 20 / 210))
        height = lines * 25 + 22
        y += (previous + height) / 2 + gap if ys else 0.0
        ys.append(y)
        previous = height
    return ys


def _fmt_hours(h) -> str:
    return "unknown" if h is None else f"{h:,.0f} h"


def _role_info(step: dict, index: int) -> list[tuple[str, str]]:
    return [
        ("reached by", f"step {index + 1}, {step['kind']}"),
        ("step cost", f"{step['cost']:.2f} ({cost_level(step['cost'])})"),
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
    return b.data(physics=False, meta={"steps": len(steps), "layout": "path", "dx": ROLE_DX})


def moves_graph(start: dict | None, moves: list[dict]) -> dict:
    """Next steps as a fan: the start on the left, the moves in a column on the right,
    cheapest at the top."""
    b = GraphBuilder(concept_url)
    n = len(moves)
    ys = _stacked([m["role"]["label"] for m in moves])
    origin = _start_node(b, start, x=0, y=ys[-1] / 2 if ys else 0)
    for j, move in enumerate(moves):
        role = move["role"]
        node = b.node(
            role["uri"],
            role["label"],
            "role",
            uri=role["uri"],
            info=[
                ("move", move["kind"]),
                ("cost", f"{move['cost']:.2f} ({cost_level(move['cost'])})"),
                ("skills matched", f"{move['matched']} of {move['required']}"),
                ("learning", _fmt_hours(move["hours"])),
            ],
            x=520,
            y=ys[j],
        )
        b.edge(origin, node, move["kind"], title=f"{move['kind']}, cost {move['cost']:.2f}")
    return b.data(physics=False, meta={"moves": n, "layout": "fan"})


def whatif_graph(result: dict) -> dict:
    """The skills learned on the left, the start in the middle, on the right the roles the
    learning makes reachable (coloured by kind) and, below them, the moves it makes
    cheaper (grey, labelled with the saving)."""
    b = GraphBuilder(concept_url)
    new, cheaper = result["newly_reachable"], result["cheaper"]
    ys = _stacked([m["role"]["label"] for m in new] + [""] + [c["role"]["label"] for c in cheaper])
    ys = ys[: len(new)] + ys[len(new) + 1 :]  # an empty row between the two groups
    middle = (ys[0] + ys[-1]) / 2 if ys else 0.0
    origin = _start_node(b, result.get("start") or result.get("from"), x=0, y=middle)
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
            y=ys[j],
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
                ("easier move", f"cost {change['cost_before']:.2f} -> {change['cost_after']:.2f}"),
                ("easier by", f"{change['saving']:.2f}"),
            ],
            x=480,
            y=ys[len(new) + j],
        )
        b.edge(origin, node, "relation", title=f"easier by {change['saving']:.2f}")
    meta = {"newly_reachable": len(new), "cheaper": len(cheaper), "layout": "fan"}
    return b.data(physics=False, meta=meta)
