"""``skillgraph safer ROLE``: the nearest roles less exposed to LLMs that pay no less, with
the path to each."""

from __future__ import annotations

import argparse

from ..careers.outlook import FIGURES_NOTE
from .careers import _param_options, _params
from .common import add_json_option, command, graph_for, print_json, table
from .figures import figures_cell, print_figures_note

__all__ = ["register"]


def register(subparsers) -> None:
    p = command(
        subparsers,
        "safer",
        "the nearest roles less exposed to LLMs that pay no less, with the path to each",
        _safer,
        epilog="Needs figures: import crosswalk, oews and exposure into the store (README).",
    )
    p.add_argument("start", help="the role you are in")
    p.add_argument("--k", type=int, default=5, help="how many roles (default 5)")
    p.add_argument(
        "--min-drop",
        type=float,
        default=0.1,
        metavar="X",
        help="exposure at least this much lower than the start's (0..1, default 0.1)",
    )
    _param_options(p)
    add_json_option(p)


def _safer(args: argparse.Namespace) -> int:
    graph = graph_for(args)
    found = graph.careers.safer_roles(
        args.start, k=args.k, min_drop=args.min_drop, params=_params(args)
    )
    if args.json:
        print_json({**found.as_dict(), "note": FIGURES_NOTE, "sources": graph.sources})
        return 0
    print(f"from {args.start}: {found.start.summary()}")
    if not found.paths:
        print("no role within reach is less exposed and pays as much")
    rows = [
        [
            i,
            p.target.label if p.target else "-",
            figures_cell(p.outlook),
            " -> ".join(s.target.label for s in p.steps),
            f"{p.cost:.3f}",
        ]
        for i, p in enumerate(found.paths, 1)
    ]
    if rows:
        print(
            table(rows, ["#", "safer role", "US pay, LLM exposure", "path", "cost"], max_width=70)
        )
    print_figures_note([found.start])
    for source in graph.sources:
        if source["attribution"]:
            print(f"source: {source['name']} -- {source['attribution']}")
    return 0
