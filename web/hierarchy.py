"""The taxonomy browser's data: fields, concept schemes and the SKOS hierarchy.

Children of a node are its narrower concepts (``skos:broader`` / ``skos:narrower``), the
top concepts of a scheme, and the roles, skills and programs of a field.  Each child says
how many children it has itself, so that the browser only offers to expand what expands.
"""

from __future__ import annotations

from skillgraph.graph import SkillGraph
from skillgraph.namespace import SG, SPARQL_PREFIXES

_KINDS = {
    str(SG.Role): "role",
    str(SG.Skill): "skill",
    str(SG.LearningProgram): "program",
    str(SG.Field): "field",
}
#: How many children one expansion lists (the total is always given).
CHILD_CAP = 500

_CHILD_PATTERN = """{
    { ?child skos:broader ?node } UNION { ?node skos:narrower ?child }
    UNION { ?node skos:hasTopConcept ?child } UNION { ?child skos:topConceptOf ?node }
    UNION { ?child sg:field ?node }
}"""


def _iri(uri: str) -> str:
    if any(ch in uri for ch in '<>"{}|^`\\ \n'):
        raise ValueError(f"not an IRI: {uri!r}")
    return f"<{uri}>"


def _rows(graph: SkillGraph, query: str) -> list[list]:
    return [
        [None if t is None else t.value for t in solution]
        for solution in graph.store.query(SPARQL_PREFIXES + query)
    ]


def _described(graph: SkillGraph, rows: list[list]) -> list[dict]:
    out = []
    for uri, label, cls, n in rows:
        out.append(
            {
                "uri": uri,
                "label": label or uri.rsplit("/", 1)[-1],
                "kind": _KINDS.get(cls or "", "concept"),
                "children": int(n or 0),
            }
        )
    out.sort(key=lambda c: c["label"].casefold())
    return out


def _with_counts(graph: SkillGraph, selection: str) -> list[dict]:
    """Concepts selected by ``selection`` (binding ``?node``), labelled, with child counts."""
    rows = _rows(
        graph,
        f"""SELECT ?node (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) (COUNT(DISTINCT ?child) AS ?n)
            WHERE {{ {{ {selection} }}
              OPTIONAL {{ ?node skos:prefLabel ?l FILTER(langMatches(lang(?l), "en")) }}
              OPTIONAL {{ VALUES ?t {{ sg:Role sg:Skill sg:LearningProgram sg:Field }} ?node a ?t }}
              OPTIONAL {_CHILD_PATTERN}
            }} GROUP BY ?node""",
    )
    return _described(graph, rows)


def roots(graph: SkillGraph) -> dict:
    """Fields and concept schemes: where browsing starts."""
    fields = _with_counts(graph, "?node a sg:Field")
    schemes = _with_counts(
        graph, "?node a skos:ConceptScheme . FILTER EXISTS { ?node skos:hasTopConcept ?x }"
    )
    return {"fields": fields, "schemes": schemes}


def children(graph: SkillGraph, uri: str, cap: int = CHILD_CAP) -> dict:
    """The children of ``uri`` (narrower concepts, top concepts, members of a field)."""
    node = _iri(uri)
    total = int(
        _rows(
            graph,
            f"SELECT (COUNT(DISTINCT ?child) AS ?n) WHERE {_CHILD_PATTERN.replace('?node', node)}",
        )[0][0]
    )
    pattern = _CHILD_PATTERN.replace("?node", node).replace("?child", "?node")
    items = _with_counts(graph, f"SELECT DISTINCT ?node WHERE {pattern} LIMIT {int(cap)}")
    return {"uri": uri, "total": total, "items": items, "shown": len(items)}
