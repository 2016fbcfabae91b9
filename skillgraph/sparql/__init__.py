"""SPARQL for skillgraph: safe, time-limited queries on the store's Oxigraph engine.

The pieces a SPARQL 1.1 Protocol endpoint and the ``skillgraph sparql`` command share,
none of them tied to a web framework:

- ``check``: parse with rdflib, refuse updates, SERVICE and foreign datasets;
- ``negotiate``: pick a result format from a ``format`` parameter or the Accept header;
- ``results``: write SPARQL JSON/XML/CSV/TSV and RDF, stopping at the row cap;
- ``engine``: ``execute`` in-process, ``QueryRunner`` in killable worker processes;
- ``examples``: the example queries of the query page;
- ``service``: the SPARQL service description.
"""

from __future__ import annotations

from .check import MAX_QUERY_LENGTH, CheckedQuery, ForbiddenQuery, MalformedQuery, check_query
from .engine import (
    DEFAULT_MAX_ROWS,
    DEFAULT_TIMEOUT,
    Answer,
    NotAcceptable,
    QueryOutOfMemory,
    QueryRunner,
    QueryTimeout,
    execute,
)
from .negotiate import choose_format, negotiate, parse_accept

__all__ = [
    "DEFAULT_MAX_ROWS",
    "DEFAULT_TIMEOUT",
    "MAX_QUERY_LENGTH",
    "Answer",
    "CheckedQuery",
    "ForbiddenQuery",
    "MalformedQuery",
    "NotAcceptable",
    "QueryOutOfMemory",
    "QueryRunner",
    "QueryTimeout",
    "check_query",
    "choose_format",
    "execute",
    "negotiate",
    "parse_accept",
]
