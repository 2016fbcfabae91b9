"""``skillgraph export --format F [-o FILE | -]``: write the taxonomy for other tools."""

from __future__ import annotations

import argparse
import sys

from ..errors import InvalidParameter
from ..formats.exporters import EXPORTERS, export
from ..formats.selection import EVERYTHING, field_selection, path_selection
from .common import command, graph_for


def register(subparsers) -> None:
    formats = "; ".join(f"{e.name}: {e.description}" for e in EXPORTERS.values())
    parser = command(
        subparsers,
        "export",
        "export the taxonomy (or one field, or the neighbourhood of a career path)",
        _export,
        epilog=f"Formats -- {formats}.",
    )
    parser.add_argument(
        "--format", "-f", required=True, choices=list(EXPORTERS), metavar="FORMAT",
        help=f"one of: {', '.join(EXPORTERS)}",
    )  # fmt: skip
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="where to write ('-', the default: standard output; esco-csv and neo4j write "
        "a folder, or a zip when FILE ends in .zip or is '-')",
    )
    subset = parser.add_mutually_exclusive_group()
    subset.add_argument("--field", metavar="FIELD", help="only this field's roles and skills")
    subset.add_argument(
        "--path",
        nargs=2,
        metavar=("FROM", "TO"),
        help="only the roles on the cheapest career path FROM -> TO, their skills and programs",
    )


def _export(args: argparse.Namespace) -> int:
    graph = graph_for(args)
    if args.field:
        selection = field_selection(graph, args.field)
    elif args.path:
        start, target = args.path
        selection = path_selection(graph.taxonomy, graph.careers.paths(start, target, k=1)[0])
    else:
        selection = EVERYTHING
    if args.output == "-":
        if sys.stdout.isatty() and EXPORTERS[args.format].bundle:
            raise InvalidParameter(f"{args.format} writes a zip: give -o FILE or redirect it")
        export(graph, args.format, sys.stdout.buffer, selection)
        sys.stdout.buffer.flush()
    else:
        export(graph, args.format, args.output, selection)
        print(f"wrote {args.format} of {selection.description} to {args.output}", file=sys.stderr)
    return 0
