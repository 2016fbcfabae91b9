"""Import RDF files -- SKOS taxonomies, ESCO's RDF, a skillgraph export -- safely.

Formats: Turtle (``.ttl``), N-Triples (``.nt``), RDF/XML (``.rdf``, ``.owl``, ``.xml``) and
JSON-LD (``.jsonld``, ``.json``), parsed by pyoxigraph.  Safety rules, each tested:

- XML: a ``<!DOCTYPE`` or ``<!ENTITY`` declaration is refused before parsing.  pyoxigraph
  expands internal entities (the "billion laughs" bomb) and RDF never needs a DTD.  Only
  UTF-8 input is accepted, so the screen cannot be dodged with UTF-16.
- JSON-LD: a remote ``@context`` is never fetched (pyoxigraph has no document loader
  unless given one, and none is given); such a file is refused with a clear message.
- Relative IRIs are refused (no base IRI is assumed); named graphs are merged into the
  default graph.

Mapping (kept simple): concepts typed ``esco:Occupation`` or ``schema:Occupation`` become
``sg:Role``; ``esco:Skill`` -> ``sg:Skill``; ``esco:ISCOGroup`` -> ``sg:OccupationGroup``;
``esco:relatedEssentialSkill`` / ``esco:relatedOptionalSkill`` -> ``sg:essentialSkill`` /
``sg:optionalSkill``.  Other ``skos:Concept`` nodes stay plain concepts unless
``concepts_as`` says what they are (``"skill"`` for a SKOS skill list, ``"role"`` for a
list of occupations).  ESCO content gets the ESCO ``sg:Source`` and its attribution.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import DataImportError, InvalidParameter
from ..namespace import DCTERMS, RDF, RDFS, SG

__all__ = ["FORMAT_OF_SUFFIX", "import_rdf", "rdf_filler", "read_rdf"]

FORMAT_OF_SUFFIX = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".rdfxml": ox.RdfFormat.RDF_XML,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}
FORMAT_NAMES = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

_SG = str(SG._NS)
_MAPPING = f"""
PREFIX sg: <{_SG}>
PREFIX esco: <http://data.europa.eu/esco/model#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT {{ ?c a sg:Role }} WHERE {{ {{ ?c a esco:Occupation }} UNION {{ ?c a schema:Occupation }} }};
INSERT {{ ?c a sg:Skill }} WHERE {{ ?c a esco:Skill }};
INSERT {{ ?c a sg:OccupationGroup }} WHERE {{ ?c a esco:ISCOGroup }};
INSERT {{ ?r sg:essentialSkill ?s }} WHERE {{ ?r esco:relatedEssentialSkill ?s }};
INSERT {{ ?r sg:optionalSkill ?s }} WHERE {{ ?r esco:relatedOptionalSkill ?s }}
"""
_CONCEPTS_AS = {"skill": "sg:Skill", "role": "sg:Role"}


def _line_of(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def read_rdf(path: str | Path, fmt: str | None = None) -> list[ox.Triple]:
    """The triples of one RDF file, checked; ``DataImportError`` names the file and line."""
    path = Path(path)
    name = path.name
    if fmt is not None:
        try:
            rdf_format = FORMAT_NAMES[fmt]
        except KeyError:
            raise InvalidParameter(
                f"unknown RDF format {fmt!r}; choose one of: {', '.join(FORMAT_NAMES)}"
            ) from None
    else:
        by_suffix = FORMAT_OF_SUFFIX.get(path.suffix.lower())
        if by_suffix is None:
            raise DataImportError(
                f"cannot tell the RDF format from the extension {path.suffix!r} "
                f"(use one of {', '.join(sorted(FORMAT_OF_SUFFIX))}, or give the format)",
                file=name,
            )
        rdf_format = by_suffix
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataImportError(f"cannot read the file: {exc.strerror or exc}", file=name) from None
    if not data.strip():
        raise DataImportError("empty file (no RDF statements)", file=name, line=1)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\0" in data[:4096]:
        raise DataImportError(
            "not UTF-8 text (UTF-16 or binary); save it as UTF-8", file=name, line=1
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataImportError(
            f"not a UTF-8 text file: byte 0x{data[exc.start]:02x} at offset {exc.start} "
            "cannot be decoded",
            file=name,
            line=_line_of(data, exc.start),
        ) from None
    declaration = _DECLARATION.search(data)
    if declaration is not None:
        raise DataImportError(
            f"refused: the file declares <!{declaration.group(1).decode().upper()} ...> "
            "(DTDs and entities allow entity-expansion and external-entity attacks; RDF "
            "never needs them)",
            file=name,
            line=_line_of(data, declaration.start()),
        )
    try:
        triples = [q.triple for q in ox.parse(data, rdf_format)]
    except SyntaxError as exc:
        message = str(exc)
        if "LoadDocumentCallback" in message or "remote context" in message.lower():
            message = (
                "refused: the JSON-LD @context is a remote document, which is never fetched; "
                "inline the context in the file"
            )
        raise DataImportError(message, file=name, line=exc.lineno) from None
    except ValueError as exc:
        raise DataImportError(str(exc), file=name) from None
    if not triples:
        raise DataImportError("no RDF statements in the file", file=name, line=1)
    return triples


def rdf_filler(
    paths: Sequence[str | Path],
    *,
    fmt: str | None = None,
    concepts_as: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Callable[[ox.Store], dict[str, Any]]:
    """A ``build_store`` filler that loads the RDF files ``paths`` (all checked first)."""
    if concepts_as is not None and concepts_as not in _CONCEPTS_AS:
        raise InvalidParameter(f"concepts_as must be 'skill' or 'role', not {concepts_as!r}")
    if not paths:
        raise InvalidParameter("no RDF file to import")
    report = progress or (lambda message: None)

    def fill(store: ox.Store) -> dict[str, Any]:
        parsed = []
        for path in paths:
            report(f"reading {path}")
            parsed.append(read_rdf(path, fmt))
        before = len(store)
        for triples in parsed:
            store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        store.update(_MAPPING)
        if concepts_as is not None:
            store.update(
                f"PREFIX sg: <{_SG}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                f"INSERT {{ ?c a {_CONCEPTS_AS[concepts_as]} }} WHERE {{ ?c a skos:Concept "
                "FILTER NOT EXISTS { ?c a sg:Role } FILTER NOT EXISTS { ?c a sg:Skill } "
                "FILTER NOT EXISTS { ?c a sg:Field } FILTER NOT EXISTS { ?c a sg:SkillGroup } "
                "FILTER NOT EXISTS { ?c a sg:OccupationGroup } "
                "FILTER NOT EXISTS { ?c a skos:ConceptScheme } }"
            )
        sources = [{"name": f"RDF file {Path(p).name}", "attribution": None} for p in paths]
        sources += _esco_source(store)
        counts = {"statements read": sum(len(t) for t in parsed)}
        counts["triples added"] = len(store) - before
        return {"sources": sources, "counts": counts, "quality": {}}

    return fill


def _esco_source(store: ox.Store) -> list[dict]:
    """ESCO's ``sg:Source`` (with its attribution) when ESCO concepts came in without it."""
    from .esco import ATTRIBUTION, ESCO_URI_PREFIX, LICENSE

    has_esco = store.query(f'ASK {{ ?c ?p ?o FILTER(STRSTARTS(STR(?c), "{ESCO_URI_PREFIX}")) }}')
    if not has_esco:
        return []
    has_source = store.query(
        f'PREFIX sg: <{_SG}> ASK {{ ?s a sg:Source ; sg:uriPrefix "{ESCO_URI_PREFIX}" }}'
    )
    if not has_source:
        s = ox.NamedNode("https://w3id.org/skillgraph/id/source/esco")
        facts: list[tuple[str, ox.NamedNode | ox.Literal]] = [
            (str(RDF.type), ox.NamedNode(str(SG.Source))),
            (str(RDFS.label), ox.Literal("ESCO", language="en")),
            (str(SG.attribution), ox.Literal(ATTRIBUTION)),
            (str(SG.uriPrefix), ox.Literal(ESCO_URI_PREFIX)),
            (str(DCTERMS.license), ox.NamedNode(LICENSE)),
        ]
        store.extend(ox.Quad(s, ox.NamedNode(p), o, ox.DefaultGraph()) for p, o in facts)
    return [{"name": "ESCO", "attribution": ATTRIBUTION, "uri_prefix": ESCO_URI_PREFIX}]


def import_rdf(
    paths: Sequence[str | Path],
    store: str | Path,
    *,
    merge: bool = False,
    fmt: str | None = None,
    concepts_as: str | None = None,
    progress: Callable[[str], None] | None = None,
):
    """Import RDF files into the on-disk store at ``store`` (merged into it, or replacing it)."""
    from ..store import build_store

    fill = rdf_filler(paths, fmt=fmt, concepts_as=concepts_as, progress=progress)
    return build_store(store, fill, merge=merge)
