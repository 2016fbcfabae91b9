"""``skillgraph sparql``: run a read-only SPARQL query on the store.

The query runs in a worker process with the same checks and limits as the web endpoint
(no update, no SERVICE, a time limit, a row cap).
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from ..errors import InvalidParameter
from ..store import resolve_location
from .common import command, table

FORMATS = ("table", "json", "csv", "tsv", "xml", "turtle", "ntriples", "rdfxml", "jsonld")


def register(subparsers) -> None:
    p = command(
        subparsers,
        "sparql",
        "run a read-only SPARQL query",
        _sparql,
        epilog="Example: skillgraph sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'.  "
        "`skillgraph sparql --examples` lists the example queries of the web page.",
    )
    p.add_argument(
        "query",
        nargs="?",
        help="the query text, - to read it from stdin, @FILE to read it from a file, "
        "or the name of an example query",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="output format (default: table; graphs print as Turtle unless a graph "
        "format is named)",
    )
    p.add_argument(
        "--timeout", type=float, default=10.0, help="seconds before the query is stopped"
    )
    p.add_argument(
        "--max-rows", type=int, default=10_000, help="cap on result rows (default 10000)"
    )
    p.add_argument("--examples", action="store_true", help="list the example queries")


def _read_query(value: str) -> str:
    from ..sparql.examples import EXAMPLES

    if value == "-":
        return sys.stdin.read()
    if value.startswith("@"):
        try:
            with open(value[1:], encoding="utf-8") as handle:
                return handle.read()
        except OSError as exc:
            raise InvalidParameter(f"{value[1:]}: cannot read the query: {exc}") from None
    for item in EXAMPLES:
        if value == item.slug:
            return item.query
    return value


def with_known_prefixes(text: str) -> str:
    """``text`` with PREFIX declarations added for the well-known prefixes it uses but
    does not declare (sg, skos, rdfs, xsd, dcterms), as query editors do.

    >>> with_known_prefixes("SELECT * WHERE { ?r a sg:Role }").splitlines()[0]
    'PREFIX sg: <https://w3id.org/skillgraph/ontology#>'
    >>> with_known_prefixes("PREFIX sg: <x:> ASK { ?r a sg:Role }")
    'PREFIX sg: <x:> ASK { ?r a sg:Role }'
    """
    from ..sparql.examples import PREFIXES

    added = []
    for line in PREFIXES.splitlines():
        name = line.split()[1]  # "sg:"
        used = re.search(rf"(?<![\w:]){re.escape(name)}", text)
        declared = re.search(rf"(?i)PREFIX\s+{re.escape(name)}", text)
        if used and not declared:
            added.append(line)
    return "\n".join([*added, text]) if added else text


def _sparql(args: argparse.Namespace) -> int:
    from ..sparql import QueryRunner
    from ..sparql.examples import EXAMPLES

    if args.examples:
        print(table([(e.slug, e.title) for e in EXAMPLES], ["name", "example"], max_width=70))
        return 0
    if not args.query:
        raise InvalidParameter("give a query, - (stdin), @FILE or an example name")
    if args.timeout <= 0 or args.max_rows < 1:
        raise InvalidParameter("--timeout and --max-rows must be positive")
    text = with_known_prefixes(_read_query(args.query))
    runner = QueryRunner(
        resolve_location(args.store), size=1, timeout=args.timeout, max_rows=args.max_rows
    )
    try:
        wanted = "json" if args.format == "table" else args.format
        accept = None
        if args.format == "table":
            # Graph results cannot be a table: ask for JSON results or Turtle graphs.
            accept = "application/sparql-results+json, text/turtle;q=0.9"
            wanted = None
        elif args.format in ("json", "xml"):
            # "json"/"xml" name a results format and the graph format that fits it.
            accept = {
                "json": "application/sparql-results+json, application/ld+json;q=0.9",
                "xml": "application/sparql-results+xml, application/rdf+xml;q=0.9",
            }[args.format]
            wanted = None
        answer = runner.run(text, accept=accept, format=wanted)
    finally:
        runner.close()
    if args.format == "table" and answer.format == "json":
        _print_table(json.loads(answer.body))
    else:
        out = sys.stdout.buffer
        out.write(answer.body)
        if not answer.body.endswith(b"\n"):
            out.write(b"\n")
        out.flush()
    if answer.truncated:
        print(
            f"warning: result cut to the first {answer.max_rows:,} rows (--max-rows)",
            file=sys.stderr,
        )
    return 0


def _cell(term: dict | None) -> str:
    if term is None:
        return ""
    if term["type"] == "bnode":
        return "_:" + term["value"]
    return term["value"]


def _print_table(doc: dict) -> None:
    if "boolean" in doc:
        print("true" if doc["boolean"] else "false")
        return
    names = doc["head"]["vars"]
    rows = [[_cell(b.get(n)) for n in names] for b in doc["results"]["bindings"]]
    print(table(rows, names, max_width=80))
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", file=sys.stderr)
