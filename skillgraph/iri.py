"""IRIs that may be placed inside ``<...>`` in a SPARQL query built by skillgraph."""

from __future__ import annotations

import re

import pyoxigraph as ox

__all__ = ["is_query_iri"]

_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|^`\\]+$')


def is_query_iri(name: str) -> bool:
    """True for a string that is safe to place inside ``<...>`` in a SPARQL query: no
    character SPARQL forbids there, and an IRI Oxigraph parses (control characters or a
    bad ``%`` escape would make the query a syntax error).

    >>> is_query_iri("http://example.org/a"), is_query_iri("http://example.org/%zz")
    (True, False)
    >>> is_query_iri("http://example.org/a> ?p ?o } #"), is_query_iri("http://x/\x1b")
    (False, False)
    """
    if not _IRI.match(name):
        return False
    try:
        ox.NamedNode(name)
    except ValueError:
        return False
    return True
