"""Choosing a result format: the ``format`` parameter, else the Accept header (RFC 9110).

One module for ``/sparql`` and the Linked Data URIs (``/id/...``, ``/ontology``).  The
SPARQL 1.1 Protocol leaves the format to content negotiation; clients differ in what
they send (SPARQLWrapper names one type, Jena lists several with q-values, YASGUI a
comma list, browsers ``text/html`` first), so the Accept header is parsed properly:
q-values (``q=0`` refuses), wildcards, and media-type parameters other than ``q`` ignored
(``text/turtle; charset=utf-8`` is Turtle).  ``format``/``output`` parameters are hints:
SPARQLWrapper repeats them with values of its own (``rdf+xml``, ``n3``), so the first one
that names a format of the right kind wins and the rest, like unknown ones, are ignored.
N3 and TriG requests get Turtle, which is both.  A graph query whose client accepts only
SPARQL results formats (rdflib's ``SPARQLStore``, rasqal's ``roqet``) gets a graph format,
as Fuseki and Virtuoso answer, rather than 406.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "GRAPH_FORMATS",
    "HTML",
    "SOLUTION_FORMATS",
    "Format",
    "choose_format",
    "choose_page_or_graph",
    "format_from_param",
    "negotiate",
    "parse_accept",
]


@dataclass(frozen=True)
class Format:
    """A result format: its short name, its media type and the other types it answers to."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()
    extension: str = ""

    @property
    def content_type(self) -> str:
        if self.media_type.startswith("text/") or self.media_type.endswith(("+json", "+xml")):
            return self.media_type + "; charset=utf-8"
        return self.media_type


#: Formats of SELECT and ASK results, the first is the default.
SOLUTION_FORMATS = (
    Format("json", "application/sparql-results+json", ("application/json",), "srj"),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"), "srx"),
    Format("csv", "text/csv", (), "csv"),
    Format("tsv", "text/tab-separated-values", (), "tsv"),
)

#: Formats of CONSTRUCT and DESCRIBE results, the first is the default.
GRAPH_FORMATS = (
    Format(
        "turtle",
        "text/turtle",
        # N3 and TriG are supersets of Turtle: a Turtle document is one of each.
        ("application/x-turtle", "text/n3", "text/rdf+n3", "application/trig"),
        "ttl",
    ),
    Format("ntriples", "application/n-triples", ("text/plain",), "nt"),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml"), "rdf"),
    Format("jsonld", "application/ld+json", ("application/json",), "jsonld"),
)

#: A person's page, for ``choose_page_or_graph``.
HTML = Format("html", "text/html", ("application/xhtml+xml",), "html")

_NAME_ALIASES = {
    "srj": "json",
    "srx": "xml",
    "ttl": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "rdf": "rdfxml",
    "rdf/xml": "rdfxml",
    "rdf+xml": "rdfxml",
    "n3": "turtle",
    "trig": "turtle",
    "application/x-nice-turtle": "turtle",
    "json-ld": "jsonld",
    "text": "tsv",
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q-values, best first.

    Ties keep header order, but a more specific range beats a wildcard of the same q.

    >>> parse_accept("text/html, application/json;q=0.9, */*;q=0.1")
    [('text/html', 1.0), ('application/json', 0.9), ('*/*', 0.1)]
    >>> parse_accept("*/*, text/turtle")
    [('text/turtle', 1.0), ('*/*', 1.0)]
    >>> parse_accept("text/csv;q=oops, text/tab-separated-values;q=0")
    [('text/csv', 1.0), ('text/tab-separated-values', 0.0)]
    >>> parse_accept(None)
    []
    """
    ranges = []
    for position, part in enumerate((header or "").split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        if "/" not in media:
            media = "*/*" if media == "*" else media + "/*"
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 1.0
        specificity = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
        ranges.append((-q, -specificity, position, media, q))
    ranges.sort()
    return [(media, q) for _, _, _, media, q in ranges]


def _matches(media_range: str, media_type: str) -> int:
    """How specifically ``media_range`` matches ``media_type``: 0 no, 1 */*, 2 type/*, 3 exact."""
    if media_range == media_type:
        return 3
    if media_range == "*/*":
        return 1
    if media_range.endswith("/*") and media_type.split("/")[0] == media_range[:-2]:
        return 2
    return 0


def negotiate(header: str | None, offered: list[str] | tuple[str, ...]) -> str | None:
    """The offered media type the client prefers, or None if it accepts none of them.

    Each offered type takes the q-value of the most specific range matching it; among
    equal q-values the server's order of ``offered`` wins.  No header accepts anything.

    >>> offered = ["application/sparql-results+json", "text/csv"]
    >>> negotiate("text/csv;q=0.8, application/sparql-results+json;q=0.5", offered)
    'text/csv'
    >>> negotiate("text/*", offered)
    'text/csv'
    >>> negotiate("image/png", offered) is None
    True
    >>> negotiate("", offered)
    'application/sparql-results+json'
    """
    ranges = parse_accept(header)
    if not ranges:
        return offered[0] if offered else None
    best, best_q = None, 0.0
    for media_type in offered:
        q, specificity = 0.0, 0
        for media_range, range_q in ranges:
            level = _matches(media_range, media_type)
            if level > specificity:
                q, specificity = range_q, level
        if q > best_q:
            best, best_q = media_type, q
    return best


def format_from_param(value: str, kind: str) -> Format | None:
    """The format a ``format``/``output`` parameter names (short name or media type).

    >>> format_from_param("csv", "solutions").media_type
    'text/csv'
    >>> format_from_param("application/sparql-results+json", "solutions").name
    'json'
    >>> format_from_param("ttl", "graph").name
    'turtle'
    >>> format_from_param("turtle", "solutions") is None
    True
    """
    table = GRAPH_FORMATS if kind == "graph" else SOLUTION_FORMATS
    wanted = value.strip().lower().split(";")[0].strip()
    wanted = _NAME_ALIASES.get(wanted, wanted)
    if kind == "graph" and wanted in ("json", "xml"):
        wanted = {"json": "jsonld", "xml": "rdfxml"}[wanted]
    for fmt in table:
        if wanted == fmt.name or wanted == fmt.media_type or wanted in fmt.aliases:
            return fmt
    return None


def _hints(params: str | Iterable[str] | None) -> list[str]:
    if params is None:
        return []
    return [params] if isinstance(params, str) else [p for p in params if p]


def _by_accept(table, accept: str | None) -> Format | None:
    offered: list[str] = []
    owner: dict[str, Format] = {}
    # Primary types first, so that a wildcard picks text/csv before the text/xml alias.
    for media_type, fmt in [(f.media_type, f) for f in table] + [
        (alias, f) for f in table for alias in f.aliases
    ]:
        if media_type not in owner:
            owner[media_type] = fmt
            offered.append(media_type)
    chosen = negotiate(accept, offered)
    return owner[chosen] if chosen is not None else None


def _accepts_results_only(accept: str | None) -> bool:
    """Whether ``accept`` takes a SPARQL results format (a graph format it would have got)."""
    results = [f.media_type for f in SOLUTION_FORMATS]
    return negotiate(accept, results) is not None


def choose_format(
    kind: str, accept: str | None, params: str | Iterable[str] | None = None
) -> Format | None:
    """The format of a result of ``kind`` ("solutions", "boolean" or "graph").

    The first ``format``/``output`` parameter naming a format of this kind wins; others
    are ignored, and without one the Accept header decides.  None means nothing
    acceptable.

    >>> choose_format("solutions", "application/sparql-results+xml").name
    'xml'
    >>> choose_format("graph", "application/rdf+xml;q=0.5, text/turtle").name
    'turtle'
    >>> choose_format("solutions", "text/html", "csv").name
    'csv'
    >>> choose_format("graph", "application/json").name
    'jsonld'
    >>> choose_format("graph", "application/rdf+xml", ["rdf+xml", "application/rdf+xml"]).name
    'rdfxml'
    >>> choose_format("graph", "text/turtle", ["bogus", "csv"]).name
    'turtle'
    >>> choose_format("graph", "application/sparql-results+xml").name
    'turtle'
    """
    param_kind = "graph" if kind == "graph" else "solutions"
    for hint in _hints(params):
        fmt = format_from_param(hint, param_kind)
        if fmt is not None:
            return fmt
    table = GRAPH_FORMATS if kind == "graph" else SOLUTION_FORMATS
    chosen = _by_accept(table, accept)
    if chosen is None and kind == "graph" and _accepts_results_only(accept):
        return GRAPH_FORMATS[0]
    return chosen


def choose_page_or_graph(accept: str | None, param: str | None = None) -> Format | None:
    """``HTML`` or the graph format to describe a resource in (``/id/...``, ``/ontology``).

    ``param`` (``html``, ``ttl``, ``jsonld``, ``nt``, ``rdf`` or a media type) overrides
    the Accept header; a value naming no format gives None.  Without a header, or with
    one naming nothing we serve, a browser is assumed.

    >>> choose_page_or_graph("text/html,application/xhtml+xml,*/*;q=0.8").name
    'html'
    >>> choose_page_or_graph("text/turtle; charset=utf-8").name
    'turtle'
    >>> choose_page_or_graph("text/plain").name
    'ntriples'
    >>> choose_page_or_graph('application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"').name
    'jsonld'
    >>> choose_page_or_graph("text/html;q=0, text/turtle;q=0.1").name
    'turtle'
    >>> choose_page_or_graph("image/png").name
    'html'
    >>> choose_page_or_graph(None, "nt").name
    'ntriples'
    >>> choose_page_or_graph(None, "bogus") is None
    True
    """
    if param:
        wanted = param.strip().lower()
        if wanted in ("html", HTML.media_type, *HTML.aliases):
            return HTML
        return format_from_param(wanted, "graph")
    return _by_accept((HTML, *GRAPH_FORMATS), accept) or HTML
