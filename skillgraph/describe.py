"""What ``skillgraph show`` and a concept's page print: one concept's labels, description,
properties and links, read from the store with SPARQL."""

from __future__ import annotations

from typing import TypedDict

from .namespace import DCTERMS, SKOS, SPARQL_PREFIXES, kind_of_class
from .store import Store
from .taxonomy import Concept

__all__ = [
    "ConceptInfo",
    "RelationGroup",
    "Source",
    "Target",
    "describe",
    "describe_targets",
    "links",
    "property_names",
]


class Source(TypedDict):
    """A dataset in the store (``SkillGraph.sources``)."""

    uri: str
    name: str
    attribution: str | None
    uri_prefix: str | None
    licence: str | None


class Target(TypedDict):
    """A concept a link points to."""

    uri: str
    label: str
    kind: str


class RelationGroup(TypedDict):
    """The links of one property: ``count`` in all, at most ``cap`` of them in ``items``."""

    property: str
    name: str
    count: int
    items: list[Target]


class ConceptInfo(TypedDict):
    """Everything about one concept (``describe``, ``SkillGraph.show``)."""

    uri: str
    kind: str
    label: str
    alt_labels: list[str]
    hidden_labels: list[str]
    description: str | None
    properties: dict[str, list[str]]
    outgoing: list[RelationGroup]
    incoming: list[RelationGroup]
    source: Source | None


def describe(
    store: Store, concept: Concept, names: dict[str, str], source: Source | None, *, cap: int
) -> ConceptInfo:
    """Everything about ``concept`` as plain JSON-ready data: labels, description, literal
    properties, and links out and in (at most ``cap`` per relation, with the counts);
    ``names``: ``property_names``; ``source``: where the concept comes from."""
    uri = concept.uri
    literals: dict[str, list[dict]] = {}
    for s in store.query(f"SELECT ?p ?o WHERE {{ <{uri}> ?p ?o FILTER(isLiteral(?o)) }}"):
        literals.setdefault(s[0].value, []).append({"value": s[1].value, "lang": s[1].language})
    outgoing = links(store, uri, outgoing=True, names=names, cap=cap)
    incoming = links(store, uri, outgoing=False, names=names, cap=cap)

    def texts(prop) -> list[str]:
        return [x["value"] for x in literals.get(str(prop), [])]

    description = texts(DCTERMS.description) or texts(SKOS.definition)
    # Sorted: stores return properties in no fixed order, and the same concept must read
    # the same from any store (tests/remote compare a local and a Virtuoso store).
    other = {
        names.get(p, p): sorted(x["value"] for x in values)
        for p, values in sorted(literals.items())
        if p
        not in {
            str(SKOS.prefLabel),
            str(SKOS.altLabel),
            str(SKOS.hiddenLabel),
            str(DCTERMS.description),
        }
    }
    return {
        "uri": uri,
        "kind": concept.kind,
        "label": concept.label,
        "alt_labels": sorted(texts(SKOS.altLabel)),
        "hidden_labels": sorted(texts(SKOS.hiddenLabel)),
        "description": description[0] if description else None,
        "properties": other,
        "outgoing": outgoing,
        "incoming": incoming,
        "source": source,
    }


def property_names(store: Store) -> dict[str, str]:
    """Property URI -> English name (from the vocabulary's rdfs:label)."""
    rows = store.query(
        SPARQL_PREFIXES
        + "SELECT ?p ?l WHERE { ?p rdfs:label ?l FILTER(langMatches(lang(?l), 'en')) }"
    )
    names = {s[0].value: s[1].value for s in rows}
    names.setdefault(str(SKOS.broader), "broader")
    names.setdefault(str(SKOS.narrower), "narrower")
    names.setdefault(str(SKOS.inScheme), "in scheme")
    names.setdefault(str(SKOS.member), "member")
    names.setdefault(str(SKOS.exactMatch), "exact match")
    return names


def links(
    store: Store, uri: str, *, outgoing: bool, names: dict[str, str], cap: int
) -> list[RelationGroup]:
    # Counts first, then at most ``cap`` items per relation, sorted by the store: an ESCO
    # concept scheme has ~14k members and must not be pulled into Python whole.
    pattern = f"<{uri}> ?p ?x" if outgoing else f"?x ?p <{uri}>"
    counts = store.query(
        f"""SELECT ?p (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} FILTER(isIRI(?x))
            FILTER(?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) }} GROUP BY ?p"""
    )
    groups: list[RelationGroup] = []
    for p, n in [(s[0].value, int(s[1].value)) for s in counts]:
        one = f"<{uri}> <{p}> ?x" if outgoing else f"?x <{p}> <{uri}>"
        targets = [
            r[0].value
            for r in store.query(
                f"SELECT DISTINCT ?x WHERE {{ {one} FILTER(isIRI(?x)) }} LIMIT {int(cap)}"
            )
        ]
        items = describe_targets(store, targets)
        name = names.get(p, p.rsplit("/", 1)[-1].rsplit("#", 1)[-1])
        groups.append(
            {
                "property": p,
                "name": name if outgoing else f"{name} of",
                "count": n,
                "items": items,
            }
        )
    return sorted(groups, key=lambda g: g["name"])


def describe_targets(store: Store, uris: list[str]) -> list[Target]:
    """Label and kind of each URI, sorted by label."""
    if not uris:
        return []
    values = " ".join(f"<{u}>" for u in uris)
    info: dict[str, Target] = {u: {"uri": u, "label": u, "kind": "concept"} for u in uris}
    for r in store.query(
        SPARQL_PREFIXES
        + f"""SELECT ?x ?l ?t WHERE {{ VALUES ?x {{ {values} }}
              OPTIONAL {{ ?x skos:prefLabel ?l FILTER(langMatches(lang(?l), "en")) }}
              OPTIONAL {{ VALUES ?t {{ sg:Role sg:Skill sg:LearningProgram sg:Field }}
                          ?x a ?t }} }}"""
    ):
        item = info[r[0].value]
        if r[1] is not None:
            item["label"] = r[1].value
        if r[2] is not None:
            item["kind"] = kind_of_class(r[2].value)
    return sorted(info.values(), key=lambda item: item["label"].casefold())
