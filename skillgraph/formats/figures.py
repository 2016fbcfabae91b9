"""What the crosswalk, OEWS and exposure imports share: their sources, the figure triples,
and the import into a store that already holds a taxonomy.

A figure is an ``sg:Figure`` node on the occupation it describes (``sg:figure``): its
``sg:measure``, ``sg:value``, ``sg:year``, ``sg:method``, ``dcterms:source`` (an
``sg:Source`` carrying the attribution) and ``dcterms:license``.  OEWS figures describe a
6-digit SOC code (``https://w3id.org/skillgraph/soc/15-2051``), exposure scores an O*NET-SOC
occupation (``https://w3id.org/skillgraph/onet/occupation/15-2051.00``, the O*NET importer's
URI); roles reach them through their own O*NET-SOC code or the crosswalk's
``skos:closeMatch`` (``projection`` combines them, ``careers.outlook.combine``).
Every O*NET-SOC occupation is linked to its SOC code with ``skos:broadMatch`` (for
SPARQL: ``?role skos:closeMatch?/skos:broadMatch ?soc``).

These imports always add to the store (they need its roles); importing a dataset again
replaces that dataset's earlier figures or mappings.  Every row is read and checked before
anything is written, so bad input leaves the store untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..careers.outlook import is_onet_code
from ..errors import DataImportError
from ..namespace import DCTERMS, RDF, RDFS, SG, SKOS, XSD
from .ntriples import TripleBuffer, iri, literal
from .onet import ONET

__all__ = [
    "CROSSWALK",
    "EXPOSURE",
    "OEWS",
    "SOC",
    "DataSource",
    "FigureWriter",
    "import_figures",
    "number",
    "onet_uri",
]

#: Where SOC codes (the keys of OEWS figures) and figures live.
SOC = "https://w3id.org/skillgraph/soc/"
FIGURES = "https://w3id.org/skillgraph/figure/"
PUBLIC_DOMAIN = "http://www.usa.gov/publicdomain/label/1.0/"


@dataclass(frozen=True)
class DataSource:
    """A dataset the figures or mappings come from (an ``sg:Source``)."""

    key: str
    label: str
    attribution: str
    license: str
    see_also: str

    @property
    def uri(self) -> str:
        return f"https://w3id.org/skillgraph/source/{self.key}"

    @property
    def prefix(self) -> str:
        return f"{FIGURES}{self.key}/"

    def meta(self) -> dict[str, str]:
        """The entry of the store's ``sources`` (shown by the CLI, pages and exports)."""
        return {"name": self.label, "attribution": self.attribution, "uri_prefix": self.prefix}


OEWS = DataSource(
    "bls-oews",
    "BLS Occupational Employment and Wage Statistics",
    "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics "
    "(OEWS), national estimates. Public domain. US figures: not European ones.",
    PUBLIC_DOMAIN,
    "https://www.bls.gov/oes/tables.htm",
)
EXPOSURE = DataSource(
    "llm-exposure",
    "GPTs are GPTs: occupational exposure to large language models",
    'Exposure scores from Eloundou, Manning, Mishkin and Rock (2023), "GPTs are GPTs: An '
    'Early Look at the Labor Market Impact Potential of Large Language Models", '
    "https://arxiv.org/abs/2303.10130; data (c) 2024 OpenAI under the MIT License (the "
    "licence text is in this source's dcterms:rights). Exposure is not replacement.",
    "https://opensource.org/licenses/MIT",
    "https://github.com/openai/GPTs-are-GPTs",
)
CROSSWALK = DataSource(
    "esco-onet-crosswalk",
    "ESCO - O*NET-SOC crosswalk",
    "The ESCO to O*NET-SOC 2019 crosswalk, published by the European Commission with ESCO "
    "(https://esco.ec.europa.eu); reuse authorised under Commission Decision 2011/833/EU.",
    "https://eur-lex.europa.eu/eli/dec/2011/833/oj",
    "https://esco.ec.europa.eu/en/use-esco/other-crosswalks",
)


def number(text: str, table: Any, line: int, column: str) -> float | None:
    """A figure cell as a number: thousands separators allowed, ``*``/``**``/empty unknown
    (None); anything else is an error naming the file, line and column.

    >>> number("1,509,370", None, 2, "TOT_EMP"), number("*", None, 2, "TOT_EMP")
    (1509370.0, None)
    """
    cell = text.strip()
    if cell in ("", "*", "**", "***"):
        return None
    try:
        value = float(cell.replace(",", ""))
    except ValueError:
        raise table.error(line, f"{column} {cell!r} is not a number") from None
    if not value >= 0 or value == float("inf"):
        raise table.error(line, f"{column} {cell!r} is not a number >= 0")
    return value


class FigureWriter:
    """Triples of one dataset's figures and concepts, waiting to be loaded."""

    def __init__(self, source: DataSource, year: int, rights: str | None = None) -> None:
        self.source = source
        self.year = year
        self.buffer = TripleBuffer()
        self.add = self.buffer.add
        #: URI -> title, added as its preferred label where the store has none.
        self.labels: dict[str, str] = {}
        self.a = iri(str(RDF.type))
        s = iri(source.uri)
        self.add(s, self.a, iri(str(SG.Source)))
        self.add(s, iri(str(RDFS.label)), literal(source.label, "en"))
        self.add(s, iri(str(SG.attribution)), literal(source.attribution))
        self.add(s, iri(str(SG.uriPrefix)), literal(source.prefix))
        self.add(s, iri(str(DCTERMS.license)), iri(source.license))
        self.add(s, iri(str(RDFS.seeAlso)), iri(source.see_also))
        if rights:
            self.add(s, iri(str(DCTERMS.rights)), literal(rights))

    def concept(self, uri: str, code: str, label: str | None, scheme: str) -> None:
        """An occupation the figures or mappings name: a ``skos:Concept`` with its code
        (and its title, where the store does not name it yet: see ``import_figures``)."""
        s = iri(uri)
        self.add(s, self.a, iri(str(SKOS.Concept)))
        self.add(s, iri(str(SKOS.notation)), literal(code))
        self.add(s, iri(str(SKOS.inScheme)), iri(scheme))
        if label:
            self.labels[uri] = label

    def figure(self, subject: str, key: str, measure: str, value: float, method: str) -> None:
        f = iri(f"{self.source.prefix}{key}")
        self.add(iri(subject), iri(str(SG.figure)), f)
        self.add(f, self.a, iri(str(SG.Figure)))
        self.add(f, iri(str(SG.measure)), iri(str(SG[measure])))
        self.add(f, iri(str(SG.value)), literal(repr(round(value, 12)), datatype=str(XSD.decimal)))
        self.add(f, iri(str(SG.year)), literal(str(self.year), datatype=str(XSD.gYear)))
        self.add(f, iri(str(SG.method)), literal(method))
        self.add(f, iri(str(DCTERMS.source)), iri(self.source.uri))
        self.add(f, iri(str(DCTERMS.license)), iri(self.source.license))


def _forget(store: ox.Store, source: DataSource) -> None:
    """Remove what an earlier import of ``source`` wrote (its figures, its mappings and
    the SKOS links they assert), so that importing again replaces it."""
    s = f"<{source.uri}>"
    for update in (
        f"DELETE {{ ?o <{SG.figure}> ?f . ?f ?p ?v }} WHERE {{ ?o <{SG.figure}> ?f . "
        f"?f <{DCTERMS.source}> {s} ; ?p ?v }}",
        f"DELETE {{ ?a ?rel ?b . ?b ?rel ?a }} WHERE {{ ?m <{DCTERMS.source}> {s} ; "
        f"<{SG.mappedFrom}> ?a ; <{SG.mappedTo}> ?b ; <{SG.mappingRelation}> ?rel }}",
        f"DELETE {{ ?m ?p ?v }} WHERE {{ ?m <{DCTERMS.source}> {s} ; a <{SG.Mapping}> ; ?p ?v }}",
        f"DELETE WHERE {{ {s} ?p ?v }}",
    ):
        store.update(update)


def _unlabelled(store: ox.Store, uris: list[str]) -> set[str]:
    """The URIs among ``uris`` that have no ``skos:prefLabel`` in ``store``."""
    pref = ox.NamedNode(str(SKOS.prefLabel))
    return {
        u for u in uris if next(store.quads_for_pattern(ox.NamedNode(u), pref, None), None) is None
    }


def _link_soc(store: ox.Store) -> None:
    """Link every O*NET-SOC occupation of the store to its SOC code (``skos:broadMatch``:
    ``15-2051.01`` -> ``15-2051``), whichever was imported first, so that SPARQL reaches a
    role's OEWS figures through links rather than string arithmetic."""
    scheme = ox.NamedNode(SOC + "scheme")
    notation = ox.NamedNode(str(SKOS.notation))
    socs: dict[str, ox.NamedNode] = {}
    for quad in store.quads_for_pattern(None, ox.NamedNode(str(SKOS.inScheme)), scheme):
        for row in store.quads_for_pattern(quad.subject, notation, None):
            if isinstance(row.object, ox.Literal) and isinstance(quad.subject, ox.NamedNode):
                socs[row.object.value] = quad.subject
    if not socs:
        return
    broad = ox.NamedNode(str(SKOS.broadMatch))
    links = []
    for row in store.quads_for_pattern(None, notation, None):
        code = row.object.value if isinstance(row.object, ox.Literal) else ""
        if is_onet_code(code) and code[:7] in socs:
            links.append(ox.Quad(row.subject, broad, socs[code[:7]]))
    store.bulk_extend(links)


def has_roles(store: ox.Store) -> bool:
    """Whether ``store`` holds any ``sg:Role``."""
    q = store.query(f"ASK {{ ?r a <{SG.Role}> }}")
    return bool(q)


def import_figures(
    location: str | Path,
    read: Callable[[ox.Store], tuple[FigureWriter, dict[str, Any]]],
    source: DataSource,
):
    """Add a dataset to the store at ``location``: ``read(store)`` checks the whole input
    (it may look at the store's current content) and returns the triples and metadata.

    The store must hold a taxonomy; the dataset's earlier figures or mappings go first.
    """
    from ..store import build_store, holds_taxonomy

    if not holds_taxonomy(str(location)):
        raise DataImportError(
            f"{location} holds no taxonomy: import ESCO or O*NET into it first "
            "(these figures describe its roles)"
        )

    def fill(store: ox.Store) -> dict[str, Any]:
        if not has_roles(store):
            raise DataImportError(f"{location} holds no roles: import ESCO or O*NET into it first")
        writer, meta = read(store)
        _forget(store, source)
        for uri in sorted(_unlabelled(store, sorted(writer.labels))):
            writer.add(iri(uri), iri(str(SKOS.prefLabel)), literal(writer.labels[uri], "en"))
        writer.buffer.load_into(store)
        _link_soc(store)
        meta.setdefault("sources", [source.meta()])
        return meta

    return build_store(location, fill, merge=True)


def onet_uri(code: str) -> str:
    return f"{ONET}occupation/{code}"
