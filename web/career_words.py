"""Words for the numbers of career answers, for the pages: what a step's cost is made of,
the currency of a program's cost, how the alternative paths differ from the cheapest, and
the one-click relaxations offered when no path fits the limits."""

from __future__ import annotations

from skillgraph.careers.params import PathParams
from skillgraph.graph import SkillGraph
from skillgraph.namespace import SG

__all__ = [
    "COST_SCALE",
    "add_currencies",
    "compare",
    "cost_level",
    "cost_parts",
    "describe_paths",
]

#: What one unit of cost stands for, in the words the pages use.
COST_SCALE = "1.0 is about as hard as 1,000 hours of retraining"


def cost_level(cost: float) -> str:
    """A move's cost in one word.

    >>> [cost_level(c) for c in (0.2, 0.5, 0.9, 1.6)]
    ['easy', 'moderate', 'hard', 'very hard']
    """
    if cost < 0.35:
        return "easy"
    if cost < 0.7:
        return "moderate"
    if cost < 1.2:
        return "hard"
    return "very hard"


def cost_parts(step: dict, params: PathParams | None = None) -> list[str]:
    """What the cost of a move (a step or a next move) is made of, in words.

    >>> step = {"mode": "job move", "kind": "reskilling", "matched": 3, "required": 12,
    ...         "cost": 0.8, "target": {"label": "data engineer"}}
    >>> cost_parts(step)[0]
    '0.10 for making a move at all'
    >>> cost_parts(step)[-1]
    'x1.25 because the move changes field'
    >>> cost_parts({**step, "kind": "step down", "changes_field": True})[-2:]
    ['x1.25 because the move changes field', '+0.10 for each rank it steps down']
    >>> cost_parts({**step, "mode": "retraining", "kind": "upskilling"})[1]
    '+0.30 for the learning it takes (1.00 per 1,000 hours; optional skills count a quarter)'
    """
    p = params or PathParams()
    target = (step.get("target") or step.get("role") or {}).get("label", "the role")
    if step.get("mode") == "retraining":
        parts = [
            f"{p.training_step_cost:.2f} for retraining at all",
            f"+{max(step['cost'] - p.training_step_cost, 0):.2f} for the learning it takes "
            f"(1.00 per {p.training_hours_unit:,.0f} hours; optional skills count a quarter)",
        ]
    else:
        parts = [
            f"{p.step_cost:.2f} for making a move at all",
            f"up to +{1 - p.reuse_weight:.2f} for the share of {target}'s skills still to "
            f"learn ({step['matched']} of {step['required']} already matched)",
            f"up to +{p.reuse_weight:.2f} for the share of your experience the new role "
            "leaves unused",
        ]
    if (
        step.get("changes_field", step.get("kind") == "reskilling")
        and step.get("mode") != "retraining"
    ):
        parts.append(f"x{p.reskilling_penalty:g} because the move changes field")
    if step.get("kind") == "step down":
        parts.append(f"+{p.step_down_penalty:.2f} for each rank it steps down")
    return parts


def add_currencies(graph: SkillGraph, data: object) -> None:
    """Give every program pick in ``data`` (a path, move or what-if answer) the currency of
    its cost (``sg:currency``; None where the data names none), in place, with one query."""
    picks: list[dict] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if "program" in value and "cost" in value and isinstance(value["program"], dict):
                picks.append(value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(data)
    uris = sorted({p["program"]["uri"] for p in picks if p.get("cost") is not None})
    found: dict[str, str] = {}
    safe = [u for u in uris if not any(ch in u for ch in '<>"{}|^`\\ \n')]
    if safe:
        values = " ".join(f"<{u}>" for u in safe)
        query = f"SELECT ?p ?c WHERE {{ VALUES ?p {{ {values} }} ?p <{SG.currency}> ?c }}"
        for row in graph.store.query(query):
            found[row[0].value] = row[1].value
    for pick in picks:
        pick["currency"] = found.get(pick["program"]["uri"])


def _chain(path: dict) -> list[dict]:
    return [s["target"] for s in path["steps"]]


def compare(paths: list[dict]) -> list[dict]:
    """Each path beside the cheapest: its chain of roles and how it differs, in words.

    >>> a = {"cost": 1.0, "reskilling_steps": 0, "hours": 100.0, "steps": [
    ...     {"target": {"uri": "x", "label": "X"}}, {"target": {"uri": "z", "label": "Z"}}]}
    >>> b = {"cost": 1.3, "reskilling_steps": 1, "hours": 80.0, "steps": [
    ...     {"target": {"uri": "y", "label": "Y"}}, {"target": {"uri": "z", "label": "Z"}}]}
    >>> compare([a, b])[1]["differs"]
    ['through Y instead of X', '+0.30 cost', '1 more reskilling step', '20 fewer hours']
    """
    if not paths:
        return []
    best = paths[0]
    best_via = [r["uri"] for r in _chain(best)[:-1]]
    out = []
    for i, path in enumerate(paths):
        chain = _chain(path)
        via = [r["uri"] for r in chain[:-1]]
        differs: list[str] = []
        if i:
            added = [r["label"] for r in chain[:-1] if r["uri"] not in best_via]
            dropped = [r["label"] for r in _chain(best)[:-1] if r["uri"] not in via]
            if added and dropped:
                differs.append(f"through {', '.join(added)} instead of {', '.join(dropped)}")
            elif added:
                differs.append(f"also through {', '.join(added)}")
            elif dropped:
                differs.append(f"skips {', '.join(dropped)}")
            elif via != best_via:
                differs.append("the same roles in another order")
            differs.append(f"+{path['cost'] - best['cost']:.2f} cost")
            differs += _more_or_fewer(len(path["steps"]) - len(best["steps"]), "step")
            differs += _more_or_fewer(
                path["reskilling_steps"] - best["reskilling_steps"], "reskilling step"
            )
            differs += _more_or_fewer(round(path["hours"] - best["hours"]), "hour")
        out.append({"index": i, "chain": chain, "differs": differs})
    return out


def _more_or_fewer(n: int, what: str) -> list[str]:
    if n == 0:
        return []
    return [f"{abs(n):,} {'more' if n > 0 else 'fewer'} {what}{'s' * (abs(n) != 1)}"]


def describe_paths(paths: list[dict]) -> None:
    """Add the words of each step (``cost_level``, ``cost_parts``, ``first_role``) in place."""
    for path in paths:
        for i, step in enumerate(path["steps"]):
            step["cost_level"] = cost_level(step["cost"])
            step["cost_parts"] = cost_parts(step)
            step["first_role"] = i == 0 and step["source"].get("kind") == "profile"
