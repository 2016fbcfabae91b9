"""``skillgraph export --format F [-o FILE | -]``: write the taxonomy for other tools;
``skillgraph dump -o FILE.nq``: the store itself (content and metadata) as N-Quads."""

from __future__ import annotations

import argparse
import contextlib
import os
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

    dump = command(
        subparsers,
        "dump",
        "write the store exactly (content and metadata) as N-Quads, to load into a "
        "SPARQL server (Virtuoso's bulk loader, Oxigraph's `oxigraph load`)",
        _dump,
    )
    dump.add_argument(
        "-o", "--output", default="-", metavar="FILE", help="where to write (default: stdout)"
    )
    dump.add_argument(
        "--graph",
        metavar="IRI",
        help="put the content in this named graph (the store URL then says ?graph=IRI) "
        "instead of the default graph",
    )


def _dump(args: argparse.Namespace) -> int:
    import pyoxigraph as ox

    from ..store.remote import dump_quads

    if args.graph is not None:
        try:
            ox.NamedNode(args.graph)
        except ValueError:
            raise InvalidParameter(f"--graph {args.graph!r} is not an IRI") from None
    store = graph_for(args).store
    if args.output == "-":
        ox.serialize(dump_quads(store, args.graph), sys.stdout.buffer, ox.RdfFormat.N_QUADS)
        sys.stdout.buffer.flush()
        return 0
    partial = f"{args.output}.partial"
    try:
        with open(partial, "wb") as out:
            ox.serialize(dump_quads(store, args.graph), out, ox.RdfFormat.N_QUADS)
        os.replace(partial, args.output)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.remove(partial)
        raise InvalidParameter(f"{args.output}: cannot write ({exc.strerror})") from None
    print(f"wrote the store ({store.content_id}) to {args.output}", file=sys.stderr)
    return 0


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
