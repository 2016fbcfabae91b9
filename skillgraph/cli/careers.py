"""``skillgraph path | next | whatif``: career paths, next steps and what-if questions.

A start is a role (label or URI), or ``-`` for "no role, just the skills given with
``--have``".
"""

from __future__ import annotations

import argparse
import dataclasses

from ..careers import STEP_DOWN, CareerPath, Move, PathParams, Step
from .common import add_json_option, command, graph_for, print_json, table
from .figures import figures_cell, print_figures_note

#: Missing skills shown per step before "and N more".
SHOWN_SKILLS = 4
ATTRIBUTION_NOTE = "source: {name} -- {attribution}"


def register(subparsers) -> None:
    p = command(
        subparsers,
        "path",
        "career paths from a role (or your skills) to a target role",
        _path,
        epilog="Use '-' as START to plan from the skills given with --have alone.",
    )
    p.add_argument("start", help="the role you are in, or '-' for your skills only (--have)")
    p.add_argument("target", help="the role you want")
    p.add_argument("--k", type=int, default=3, help="how many alternative paths (default 3)")
    p.add_argument("--max-reskilling", type=int, metavar="N", help="at most N field changes")
    p.add_argument("--max-steps", type=int, metavar="N", help="at most N moves")
    p.add_argument("--avoid", action="append", default=[], metavar="ROLE", help="never via ROLE")
    _have_option(p)
    _param_options(p)
    add_json_option(p)

    p = command(subparsers, "next", "the cheapest next moves from a role (or your skills)", _next)
    p.add_argument("start", help="the role you are in, or '-' for your skills only (--have)")
    p.add_argument("--k", type=int, default=10, help="how many moves (default 10)")
    p.add_argument(
        "--group-kinds",
        action="store_true",
        help="one place per occupation: kinds of one occupation (ESCO's broader roles) "
        "are listed under the best-fitting one",
    )
    _have_option(p)
    _param_options(p)
    add_json_option(p)

    p = command(
        subparsers, "whatif", "roles that become reachable or cheaper after learning", _whatif
    )
    p.add_argument("start", help="the role you are in, or '-' for your skills only (--have)")
    p.add_argument("--learn", action="append", default=[], metavar="SKILL", help="a skill to learn")
    p.add_argument(
        "--program", action="append", default=[], metavar="PROGRAM", help="a program to take"
    )
    p.add_argument("--k", type=int, default=20, help="how many roles per list (default 20)")
    _have_option(p)
    _param_options(p)
    add_json_option(p)


def _have_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--have", action="append", default=[], metavar="SKILL", help="a skill you have (repeat)"
    )


def _param_options(p: argparse.ArgumentParser) -> None:
    """One flag per ``PathParams`` field (``--size-prior X``, ``--no-use-levels``)."""
    group = p.add_argument_group("model parameters (defaults: see PathParams)")
    defaults = PathParams()
    for f in dataclasses.fields(PathParams):
        flag = "--" + f.name.replace("_", "-")
        default = getattr(defaults, f.name)
        if isinstance(default, bool):
            group.add_argument(
                flag, action=argparse.BooleanOptionalAction, dest=f.name, help=f"default {default}"
            )
        else:
            group.add_argument(
                flag, type=type(default), dest=f.name, metavar="X", help=f"default {default}"
            )


def _params(args: argparse.Namespace) -> PathParams:
    return PathParams.from_mapping(
        {f.name: getattr(args, f.name) for f in dataclasses.fields(PathParams)}
    )


def _start(args) -> str | None:
    return None if args.start.strip() == "-" else args.start


def _skills(items, shown: int = SHOWN_SKILLS) -> str:
    labels = [
        f"{g.skill.label}{'*' if g.essential else ''}" if hasattr(g, "skill") else g.label
        for g in items
    ]
    text = ", ".join(labels[:shown])
    if len(labels) > shown:
        text += f" and {len(labels) - shown} more"
    return text or "-"


def _to_learn(step) -> str:
    """Missing skills, then skills held at too low a rated level (O*NET)."""
    text = _skills(step.missing_skills)
    if step.to_deepen:
        deepen = [
            f"{g.skill.label} {g.have_level:g}->{g.level:g}" for g in step.to_deepen[:SHOWN_SKILLS]
        ]
        more = len(step.to_deepen) - len(deepen)
        text += "; deepen " + ", ".join(deepen) + (f" and {more} more" if more > 0 else "")
    return text


def _programs(step) -> str:
    return "; ".join(p.program.label for p in step.programs) or "-"


def _hours(h: float) -> str:
    return f"{h:g}" if h == int(h) else f"{h:.1f}"


def _attribution(graph) -> None:
    for source in graph.sources:
        if source["attribution"]:
            print(ATTRIBUTION_NOTE.format(**source))


def _path(args: argparse.Namespace) -> int:
    graph = graph_for(args)
    paths = graph.careers.paths(
        _start(args),
        args.target,
        k=args.k,
        max_reskilling=args.max_reskilling,
        max_steps=args.max_steps,
        avoid=args.avoid,
        have=args.have,
        params=_params(args),
    )
    if args.json:
        print_json({"paths": [p.as_dict() for p in paths], "sources": graph.sources})
        return 0
    for number, path in enumerate(paths, 1):
        _print_path(number, path)
    print("* essential skill")
    print_figures_note([s.outlook for p in paths for s in p.steps])
    _attribution(graph)
    return 0


def _print_path(number: int, path: CareerPath) -> None:
    if not path.steps:
        here = path.target.label if path.target is not None else "the target"
        print(f"path {number}: you are already in the target role ({here})")
        print()
        return
    chain = " -> ".join([path.steps[0].source.label] + [s.target.label for s in path.steps])
    print(f"path {number}: {chain}")
    rows = [_step_row(i, s) for i, s in enumerate(path.steps, 1)]
    print(
        table(
            rows,
            ["#", "move to", "kind", "cost", "skills", "missing (to learn)", "hours", "programs",
             "how", "US pay, LLM exposure"],
            max_width=70,
        )
    )  # fmt: skip
    estimated = any(s.hours_estimated for s in path.steps)
    print(
        f"total: {len(path.steps)} step{'s' * (len(path.steps) != 1)}, cost {path.cost:.3f}, "
        f"{path.reskilling_steps} reskilling, {_hours(path.hours)} hours of learning"
        + (" (~: estimated from the skills' type and reuse level)" if estimated else "")
    )
    if path.outlook is not None and path.outlook.known:
        start = path.start_outlook.summary() if path.start_outlook else "-"
        print(f"pay and exposure: from {start} to {path.outlook.summary()}")
    if not path.steps[0].programs_available:
        print("(this taxonomy lists no learning programs)")
    print()


def _kind(m: Move | Step) -> str:
    # A step down may also leave the field: say both, as the totals count it as reskilling.
    return f"{m.kind}, new field" if m.kind == STEP_DOWN and m.changes_field else m.kind


def _step_row(i: int, s: Step) -> list:
    return [
        i,
        s.target.label,
        _kind(s),
        f"{s.cost:.3f}",
        f"{s.matched} of {s.required} match",
        _to_learn(s),
        ("~" if s.hours_estimated else "") + _hours(s.hours),
        _programs(s),
        s.mode,
        figures_cell(s.outlook),
    ]


def _role_cell(m: Move) -> str:
    if not m.other_kinds:
        return m.role.label
    n = len(m.other_kinds)
    more = ", ..." if n > 1 else ""
    return f"{m.role.label} (+{n} other kind{'s' if n > 1 else ''}: {m.other_kinds[0].label}{more})"


def _move_rows(moves: list[Move]) -> list[list]:
    return [
        [
            i,
            _role_cell(m),
            _kind(m),
            f"{m.cost:.3f}",
            f"{m.matched} of {m.required}",
            _to_learn(m),
            ("~" if m.hours_estimated else "") + _hours(m.hours),
            m.mode,
            figures_cell(m.outlook),
        ]
        for i, m in enumerate(moves, 1)
    ]


_MOVE_HEADERS = [
    "#", "role", "kind", "cost", "match", "missing (to learn)", "hours", "how",
    "US pay, LLM exposure",
]  # fmt: skip


def _next(args: argparse.Namespace) -> int:
    graph = graph_for(args)
    moves = graph.careers.next_steps(
        _start(args), args.k, have=args.have, params=_params(args), group_kinds=args.group_kinds
    )
    if args.json:
        print_json({"moves": [m.as_dict() for m in moves], "sources": graph.sources})
        return 0
    if not moves:
        print(
            "no viable move from here: no role shares enough skills "
            "(see --min-overlap, and --profile-match for skill profiles)"
        )
        return 0
    print(table(_move_rows(moves), _MOVE_HEADERS, max_width=70))
    print("* essential skill")
    print_figures_note([m.outlook for m in moves])
    _attribution(graph)
    return 0


def _whatif(args: argparse.Namespace) -> int:
    graph = graph_for(args)
    result = graph.careers.whatif(
        _start(args),
        learn=args.learn,
        programs=args.program,
        have=args.have,
        k=args.k,
        params=_params(args),
    )
    if args.json:
        print_json({**result.as_dict(), "sources": graph.sources})
        return 0
    print(f"from {result.start.label}, after learning {_skills(result.learned, 10)}:")
    if result.already_have:
        had = _skills(result.already_have, 10)
        print(f"({result.start.label} already has {had}: learning it changes nothing)")
    print()
    if result.newly_reachable:
        print("newly reachable:")
        print(table(_move_rows(result.newly_reachable), _MOVE_HEADERS, max_width=70))
    else:
        print("no new role becomes reachable")
    print()
    if result.cheaper:
        print("cheaper moves:")
        rows = [
            [c.role.label, f"{c.cost_before:.3f}", f"{c.cost_after:.3f}", f"-{c.saving:.3f}"]
            for c in result.cheaper
        ]
        print(table(rows, ["role", "cost before", "cost after", "saving"], max_width=70))
    else:
        print("no move becomes cheaper")
    _attribution(graph)
    return 0
