"""Helpers shared by the CLI modules: common options and output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ..graph import SkillGraph
from ..graph import open as open_graph


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="PATH|URL",
        help="on-disk store, or SPARQL server URL, to use "
        "(default: $SKILLGRAPH_STORE, else the built-in taxonomy)",
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def command(subparsers, name: str, help: str, handler, **kwargs) -> argparse.ArgumentParser:
    """A sub-command with the options every command has (``--store``)."""
    parser = subparsers.add_parser(name, help=help, description=help, **kwargs)
    add_store_option(parser)
    parser.set_defaults(handler=handler)
    return parser


def graph_for(args: argparse.Namespace) -> SkillGraph:
    return open_graph(getattr(args, "store", None))


def print_json(data) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def table(rows: Sequence[Sequence[object]], headers: Sequence[str], *, max_width: int = 60) -> str:
    """A plain-text table, cells cut to ``max_width`` characters.

    >>> print(table([["a", 1], ["bb", 22]], ["name", "n"]))
    name  n
    ----  --
    a     1
    bb    22
    """

    def cut(value: object) -> str:
        text = "" if value is None else str(value)
        text = " ".join(text.split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cut(h) for h in headers]] + [[cut(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths).rstrip())
    return "\n".join(lines)
