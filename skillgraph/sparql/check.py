"""Deciding whether a query may run: parsed, read-only, no SERVICE, no foreign datasets.

The client's text is first re-written by ``canonical`` (no comments, one space for white
space, strings in one quoting): that text, and only that text, is what is checked here and
what Oxigraph runs (``CheckedQuery.text``), so the checking parser and the engine's parser
cannot disagree about where a comment, a string or an IRI ends (issue 12: a carriage
return ended a comment for Oxigraph and not for rdflib).  ``canonical`` refuses on its own
any word Oxigraph could read as SERVICE; the text is then parsed with rdflib's SPARQL 1.1
parser and the checks look at the algebra.  Oxigraph never loads ``FROM`` IRIs, it selects
named graphs of the store, and graphs the store does not hold are refused by the engine.
Whatever a parser does, the query worker process cannot open a network socket (see
``sandbox``), so a SERVICE that got through would fail there instead of fetching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import QueryError
from .canonical import ServiceInText, Unreadable, canonical

__all__ = ["CheckedQuery", "ForbiddenQuery", "MalformedQuery", "QueryTooLong", "check_query"]

#: Default cap on the length of a query, in characters.
MAX_QUERY_LENGTH = 50_000

_KINDS = {
    "SelectQuery": "solutions",
    "AskQuery": "boolean",
    "ConstructQuery": "graph",
    "DescribeQuery": "graph",
}


class MalformedQuery(QueryError):
    """The text is not a SPARQL 1.1 query (HTTP 400); the message gives line and column."""

    status = 400


class ForbiddenQuery(QueryError):
    """A well-formed request this endpoint refuses: an update, SERVICE, a foreign graph."""

    status = 403


class QueryTooLong(ForbiddenQuery):
    """The query is longer than the configured cap (HTTP 413)."""

    status = 413


@dataclass
class CheckedQuery:
    """A query that passed the checks; ``kind`` is solutions, boolean or graph."""

    text: str
    kind: str
    from_graphs: list[str] = field(default_factory=list)
    from_named_graphs: list[str] = field(default_factory=list)


def _names(node, found: set[str]) -> None:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        found.add(node.name)
        for value in node.values():
            _names(value, found)
    elif isinstance(node, list | tuple | set):
        for value in node:
            _names(value, found)
    elif isinstance(node, dict):
        for value in node.values():
            _names(value, found)


def _position(exc: Exception) -> str:
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    return f" (line {line}, column {col})" if line is not None and col is not None else ""


def check_query(text: str, *, max_length: int = MAX_QUERY_LENGTH) -> CheckedQuery:
    """Parse ``text`` and refuse what must not run; return what the engine needs.

    >>> check_query("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> {}").kind
    'solutions'
    >>> check_query("ASK { SERVICE <http://x/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    skillgraph.sparql.check.ForbiddenQuery: SERVICE is not allowed: this endpoint never ...
    >>> check_query("DROP ALL")
    Traceback (most recent call last):
    ...
    skillgraph.sparql.check.ForbiddenQuery: this endpoint is read-only: SPARQL Update ...
    >>> check_query("SELECT * WHERE { ?s ?p }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    skillgraph.sparql.check.MalformedQuery: malformed query (line 1, column 18): Expected ...
    """
    if not text or not text.strip():
        raise MalformedQuery("empty query")
    if len(text) > max_length:
        raise QueryTooLong(f"query too long: {len(text):,} characters, the limit is {max_length:,}")
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        text = canonical(original := text)
    except ServiceInText as exc:
        raise ForbiddenQuery(str(exc)) from None
    except Unreadable as exc:
        if _is_update(original):
            raise _update_refused() from None
        raise MalformedQuery(f"malformed query: {exc}") from None
    try:
        parsed = _parse(parseQuery, text)
    except Exception:
        if _is_update(text):
            raise _update_refused() from None
        # Positions in the canonical text (one line) help nobody: report the client's.
        problem: Exception = MalformedQuery("the query does not parse once comments are removed")
        try:
            _parse(parseQuery, original)
        except Exception as exc_original:
            problem = exc_original
        message = re.sub(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)", "", str(problem))
        message = message.split("\n")[0]
        raise MalformedQuery(f"malformed query{_position(problem)}: {message}") from None
    try:
        algebra = translateQuery(parsed).algebra
    except Exception as exc:
        raise MalformedQuery(f"malformed query: {exc}") from None
    names: set[str] = set()
    _names(algebra, names)
    if "ServiceGraphPattern" in names:
        raise ForbiddenQuery(
            "SERVICE is not allowed: this endpoint never sends queries to other endpoints"
        )
    kind = _KINDS.get(algebra.name)
    if kind is None:  # pragma: no cover - the parser knows only these four forms
        raise MalformedQuery(f"unsupported query form {algebra.name}")
    default, named = [], []
    for clause in algebra.get("datasetClause") or []:
        # CompValue.get does not return None for a missing key: test membership.
        if "default" in clause:
            default.append(str(clause["default"]))
        if "named" in clause:
            named.append(str(clause["named"]))
    return CheckedQuery(text=text, kind=kind, from_graphs=default, from_named_graphs=named)


def _parse(parser, text: str):
    """rdflib's parser, with room for the nesting ``canonical`` allows (pyparsing recurses
    a few frames per level; at the default limit it failed between 30 and 50 levels)."""
    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20_000))
    try:
        return parser(text)
    except RecursionError:
        raise ValueError("the query nests too deeply") from None
    finally:
        sys.setrecursionlimit(limit)


def _is_update(text: str) -> bool:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        _parse(parseUpdate, text)
    except Exception:
        return False
    return True


def _update_refused() -> ForbiddenQuery:
    return ForbiddenQuery(
        "this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, "
        "CREATE, ...) is refused"
    )
