"""Writing query results: SPARQL 1.1 JSON, XML, CSV and TSV; RDF through pyoxigraph.

Results are written here rather than by ``QuerySolutions.serialize`` because the row cap
has to stop the iteration part-way, and a capped list cannot be handed back to pyoxigraph.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

__all__ = ["term_to_json", "term_to_turtle", "write_boolean", "write_graph", "write_solutions"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

#: Prefixes written in Turtle and RDF/XML output.
PREFIXES = {
    "sg": "https://w3id.org/skillgraph/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "esco": "http://data.europa.eu/esco/model#",
}


def term_to_json(term) -> dict:
    """A term in the SPARQL 1.1 JSON results form.

    >>> term_to_json(ox.Literal("analyst", language="en"))
    {'type': 'literal', 'value': 'analyst', 'xml:lang': 'en'}
    >>> term_to_json(ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    {'type': 'literal', 'value': '3', 'datatype': 'http://www.w3.org/2001/XMLSchema#integer'}
    """
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": term_to_json(term.subject),
                "predicate": term_to_json(term.predicate),
                "object": term_to_json(term.object),
            },
        }
    raise TypeError(f"not an RDF term: {term!r}")


def term_to_turtle(term) -> str:
    """A term in Turtle/N-Triples syntax (as TSV results want it).

    >>> term_to_turtle(ox.NamedNode("http://example.org/a"))
    '<http://example.org/a>'
    >>> term_to_turtle(ox.Literal('say "hi"\\n'))
    '"say \\\\"hi\\\\"\\\\n"'
    """
    # pyoxigraph's str() of a term is its N-Triples form.
    return str(term)


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def _take(iterator, max_rows: int | None) -> tuple[list, bool]:
    rows: list = []
    for item in iterator:
        if max_rows is not None and len(rows) >= max_rows:
            return rows, True
        rows.append(item)
    return rows, False


def write_solutions(
    solutions, fmt: str, max_rows: int | None = None, links: tuple[str, ...] | list[str] = ()
) -> tuple[bytes, int, bool]:
    """Write SELECT results; returns (body, rows written, truncated).

    ``links`` go to the ``head`` of JSON results (the data's licences, say).  Not to XML
    results: the format allows ``<link>`` in ``head``, but rasqal (``roqet``, Redland
    clients) then reads no rows at all, so the endpoint sends them as HTTP ``Link``
    headers and in its service description instead.
    """
    variables = [v.value for v in solutions.variables]
    rows, truncated = _take(solutions, max_rows)
    if fmt == "json":
        bindings = []
        for row in rows:
            binding = {}
            for name in variables:
                value = row[name]
                if value is not None:
                    binding[name] = term_to_json(value)
            bindings.append(binding)
        head: dict = {"vars": variables}
        if links:
            head["link"] = list(links)
        doc = {"head": head, "results": {"bindings": bindings}}
        body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    elif fmt == "xml":
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>'
        ]
        out += [f"<variable name={quoteattr(n)}/>" for n in variables]
        out.append("</head>\n<results>\n")
        for row in rows:
            out.append("<result>")
            for name in variables:
                value = row[name]
                if value is not None:
                    out.append(f"<binding name={quoteattr(name)}>{_xml_term(value)}</binding>")
            out.append("</result>\n")
        out.append("</results>\n</sparql>\n")
        body = "".join(out).encode()
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow([_csv_value(row[name]) for name in variables])
        body = buffer.getvalue().encode()
    elif fmt == "tsv":
        lines = ["\t".join("?" + n for n in variables)]
        for row in rows:
            lines.append(
                "\t".join("" if row[n] is None else term_to_turtle(row[n]) for n in variables)
            )
        body = ("\n".join(lines) + "\n").encode()
    else:
        raise ValueError(f"unknown solutions format {fmt!r}")
    return body, len(rows), truncated


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return (
                f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
            )
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (
            f"<triple><subject>{_xml_term(term.subject)}</subject>"
            f"<predicate>{_xml_term(term.predicate)}</predicate>"
            f"<object>{_xml_term(term.object)}</object></triple>"
        )
    raise TypeError(f"not an RDF term: {term!r}")


def write_boolean(value: bool, fmt: str) -> bytes:
    """Write an ASK result.

    >>> write_boolean(True, "json")
    b'{"head":{},"boolean":true}'
    >>> write_boolean(False, "csv")
    b'_askResult\\r\\nfalse\\r\\n'
    """
    word = "true" if value else "false"
    if fmt == "json":
        return b'{"head":{},"boolean":' + word.encode() + b"}"
    if fmt == "xml":
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{word}</boolean></sparql>\n"
        ).encode()
    # CSV and TSV define no boolean form; this is what Jena and Virtuoso write.
    if fmt == "csv":
        return f"_askResult\r\n{word}\r\n".encode()
    if fmt == "tsv":
        return f"?_askResult\n{word}\n".encode()
    raise ValueError(f"unknown boolean format {fmt!r}")


_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def write_graph(
    triples, fmt: str, max_rows: int | None = None, prefixes: dict[str, str] | None = None
) -> tuple[bytes, int, bool]:
    """Write CONSTRUCT/DESCRIBE results; returns (body, triples written, truncated)."""
    rows, truncated = _take(triples, max_rows)
    rdf_format = _RDF_FORMATS[fmt]
    if fmt in ("turtle", "rdfxml"):
        body = ox.serialize(rows, format=rdf_format, prefixes=prefixes or PREFIXES)
    else:
        body = ox.serialize(rows, format=rdf_format)
    return body or b"", len(rows), truncated
