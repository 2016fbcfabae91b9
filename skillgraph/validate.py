"""SHACL validation of a store against the packaged shapes (``ontology/shapes.ttl``).

``validate(store)`` runs pyshacl over the store's data together with the vocabulary, so
that ``sh:class sg:Skill`` and ``sh:targetClass`` see subclasses the way the ontology
declares them.  The report is plain data: whether the store conforms, one
``ValidationResult`` per problem, and pyshacl's human-readable text.

A role without a label and a program that teaches a field instead of a skill:

>>> import pyoxigraph as ox
>>> from skillgraph.store import Store
>>> bad = ox.Store()
>>> bad.load(b'''
...     @prefix sg: <https://w3id.org/skillgraph/ontology#> .
...     @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
...     @prefix ex: <https://example.org/> .
...     ex:r a sg:Role .
...     ex:f a sg:Field ; skos:prefLabel "finance"@en .
...     ex:p a sg:LearningProgram ; skos:prefLabel "a course"@en ;
...         sg:hours 10.0 ; sg:teaches ex:f .
... ''', format=ox.RdfFormat.TURTLE)
>>> report = validate(Store(bad, {"content_id": "doctest"}))
>>> report.conforms
False
>>> for result in report.results:
...     print(result.focus, result.path, result.message)
https://example.org/p https://w3id.org/skillgraph/ontology#teaches \
a learning program must teach at least one sg:Skill (sg:teaches)
https://example.org/r http://www.w3.org/2004/02/skos/core#prefLabel \
needs a language-tagged skos:prefLabel, at most one per language
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from .store import Store, ontology_bytes

__all__ = ["ValidationReport", "ValidationResult", "load_shapes", "validate"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """One SHACL result: the node at fault, the property, what is wrong, how bad it is.

    ``severity`` is ``"Violation"``, ``"Warning"`` or ``"Info"``; ``path`` and ``value``
    are None when the shape does not say (a node-level constraint).
    """

    focus: str
    path: str | None
    message: str
    severity: str
    value: str | None = None
    shape: str | None = None


@dataclass
class ValidationReport:
    """The outcome of ``validate``: ``conforms``, the ``results`` and pyshacl's ``text``."""

    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)
    text: str = ""

    def summary(self) -> str:
        """One line: conforms, or how many results of each severity."""
        if self.conforms and not self.results:
            return "conforms: no SHACL results"
        counts: dict[str, int] = {}
        for result in self.results:
            counts[result.severity] = counts.get(result.severity, 0) + 1
        listed = ", ".join(f"{n} {severity.lower()}(s)" for severity, n in sorted(counts.items()))
        verdict = "conforms" if self.conforms else "does not conform"
        return f"{verdict}: {listed}"


def load_shapes() -> Graph:
    """The packaged SHACL shapes as an rdflib graph."""
    shapes = Graph()
    shapes.parse(data=ontology_bytes("shapes.ttl"), format="turtle")
    return shapes


def _vocabulary() -> Graph:
    vocabulary = Graph()
    vocabulary.parse(data=ontology_bytes("skillgraph.ttl"), format="turtle")
    return vocabulary


def _copy(store: Store) -> Graph:
    # pyshacl makes many small lookups; an in-memory rdflib copy answers them far faster
    # than going through oxrdflib into Oxigraph one pattern at a time, and the vocabulary
    # can be mixed into the copy without touching the store.  Converting terms directly
    # is about a quarter faster than dumping and re-parsing N-Triples.
    data = Graph()
    nodes: dict[str, URIRef] = {}

    def term(t):
        if isinstance(t, ox.NamedNode):
            node = nodes.get(t.value)
            if node is None:
                node = nodes[t.value] = URIRef(t.value)
            return node
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        if t.language:
            return Literal(t.value, lang=t.language)
        datatype = t.datatype.value
        # rdflib keeps plain strings untyped, as its parsers (and so the shapes) do.
        return (
            Literal(t.value)
            if datatype == _XSD_STRING
            else Literal(t.value, datatype=term(t.datatype))
        )

    data.addN(
        (term(q.subject), term(q.predicate), term(q.object), data)
        for q in store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())
    )
    return data


def validate(store: Store, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``store`` against ``shapes`` (default: the packaged ``shapes.ttl``).

    Warnings and infos are reported but do not break conformance; violations do.
    """
    from pyshacl import validate as shacl_validate

    data = _copy(store)
    data += _vocabulary()
    conforms, results_graph, text = shacl_validate(
        data,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        inference="none",
        allow_warnings=True,
        allow_infos=True,
        advanced=False,
        inplace=True,
    )
    results = sorted(_results(results_graph), key=lambda r: (r.focus, r.path or "", r.message))
    return ValidationReport(conforms=bool(conforms), results=results, text=str(text))


def _results(graph: Graph) -> list[ValidationResult]:
    out = []
    for node in graph.subjects(SH.resultSeverity, None):
        severity = graph.value(node, SH.resultSeverity)
        messages = sorted(str(m) for m in graph.objects(node, SH.resultMessage))
        out.append(
            ValidationResult(
                focus=_text(graph.value(node, SH.focusNode)) or "",
                path=_path(graph, graph.value(node, SH.resultPath)),
                message="; ".join(messages) or "constraint not met",
                severity=str(severity).rsplit("#", 1)[-1],
                value=_text(graph.value(node, SH.value)),
                shape=_text(graph.value(node, SH.sourceShape)),
            )
        )
    return out


def _text(term: Node | None) -> str | None:
    return None if term is None else str(term)


def _path(graph: Graph, term: Node | None) -> str | None:
    # The shapes use one complex path, an inverse; say so instead of a blank node id.
    if isinstance(term, BNode):
        inverse = graph.value(term, SH.inversePath)
        return f"^{inverse}" if inverse is not None else "(complex path)"
    return _text(term)
