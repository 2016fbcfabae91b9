"""Choosing a result format: the ``format`` parameter, else the Accept header (RFC 9110).

The SPARQL 1.1 Protocol leaves the format to content negotiation; clients differ in what
they send (SPARQLWrapper names one type, Jena lists several with q-values, YASGUI a
comma list, browsers ``text/html`` first), so the Accept header is parsed properly:
q-values, wildcards, and media-type parameters other than ``q`` ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "GRAPH_FORMATS",
    "SOLUTION_FORMATS",
    "Format",
    "choose_format",
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
    Format("turtle", "text/turtle", ("application/x-turtle",), "ttl"),
    Format("ntriples", "application/n-triples", ("text/plain",), "nt"),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml"), "rdf"),
    Format("jsonld", "application/ld+json", ("application/json",), "jsonld"),
)

_NAME_ALIASES = {
    "srj": "json",
    "srx": "xml",
    "ttl": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "rdf": "rdfxml",
    "rdf/xml": "rdfxml",
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


def choose_format(kind: str, accept: str | None, param: str | None = None) -> Format | None:
    """The format of a result of ``kind`` ("solutions", "boolean" or "graph").

    An explicit parameter wins over the Accept header; None means nothing acceptable.

    >>> choose_format("solutions", "application/sparql-results+xml").name
    'xml'
    >>> choose_format("graph", "application/rdf+xml;q=0.5, text/turtle").name
    'turtle'
    >>> choose_format("solutions", "text/html", "csv").name
    'csv'
    >>> choose_format("graph", "application/json").name
    'jsonld'
    """
    table = GRAPH_FORMATS if kind == "graph" else SOLUTION_FORMATS
    if param:
        return format_from_param(param, "graph" if kind == "graph" else "solutions")
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
