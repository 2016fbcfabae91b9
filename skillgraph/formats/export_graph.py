"""Export the taxonomy as a property graph: GraphML, GEXF and Cytoscape.js JSON.

Nodes are the roles, skills, learning programs and fields (id = URI); edges are
``essential`` / ``optional`` (role -> skill, with the source's importance and level
ratings where it has them), ``teaches`` (program -> skill) and ``field`` (role or skill ->
field).  Every attribute the writers write is a scalar: a list such as the alternative
labels (a tuple in ``PropertyGraph``) is joined with ``" | "`` (GraphML and GEXF have no list
type; networkx's writers reject lists outright); the Neo4j export keeps it a list.
The writers stream XML themselves -- several times faster than building a networkx graph
and calling its writers (``scripts/bench_formats.py``) -- and strip the control characters
XML 1.0 cannot hold.  The sources' attribution is a graph attribute (GraphML), the meta
description (GEXF, which has no graph attributes: the export's name goes there too) or a
top-level field (Cytoscape.js).  The GEXF is valid against the GEXF 1.3 schema; the
Cytoscape.js JSON is also what ``networkx.cytoscape_graph`` reads (``directed``,
``multigraph``, a node's ``value`` and ``name``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

import numpy as np

from ..careers.outlook import exposure_band
from ..namespace import SKOS
from ..taxonomy import Kind
from .selection import Selection

__all__ = [
    "EDGE_ATTRIBUTES",
    "NODE_ATTRIBUTES",
    "PropertyGraph",
    "property_graph",
    "write_cytoscape",
    "write_gexf",
    "write_graphml",
]

#: Node attributes and their types (besides the id): every node has kind and label.
NODE_ATTRIBUTES = {
    "kind": "string",
    "label": "string",
    "notation": "string",
    "altLabels": "string",
    "field": "string",
    "effortHours": "double",
    "hours": "double",
    "cost": "double",
    "programType": "string",
    # Roles' US figures (issue 15): BLS OEWS and Eloundou et al., attributed with the graph.
    "medianWage": "double",
    "employment": "double",
    "llmExposure": "double",
    "llmExposureBand": "string",
    "onetCodes": "string",
}
EDGE_ATTRIBUTES = {"relation": "string", "importance": "double", "level": "double"}
LIST_SEPARATOR = " | "

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class PropertyGraph:
    """Nodes as attribute dicts (with ``id``), edges as ``(source, target, attributes)``."""

    attributes: dict[str, str]
    nodes: list[dict] = field(default_factory=list)
    edges: list[tuple[str, str, dict]] = field(default_factory=list)


def _literals(store, prop: str, language: bool) -> dict[str, list[str]]:
    where = "FILTER(lang(?l) = '' || langMatches(lang(?l), 'en'))" if language else ""
    out: dict[str, list[str]] = {}
    for r in store.query(f"SELECT ?c ?l WHERE {{ ?c <{prop}> ?l {where} }}"):
        out.setdefault(r[0].value, []).append(r[1].value)
    return out


def role_figures(t, i: int) -> dict[str, object]:
    """Role ``i``'s US median wage, employment and LLM exposure (``careers.outlook``) as
    node attributes (NaN: unknown, left out); the sources are in the attribution."""
    assert t.role_wage is not None and t.role_employment is not None
    assert t.role_exposure is not None
    exposure = float(t.role_exposure[i])
    return {
        "medianWage": float(t.role_wage[i]),
        "employment": float(t.role_employment[i]),
        "llmExposure": exposure,
        "llmExposureBand": exposure_band(exposure),
        "onetCodes": (t.role_links or [""] * t.n_roles)[i] or None,
    }


def property_graph(graph, selection: Selection) -> PropertyGraph:
    """The taxonomy of ``graph`` (a ``SkillGraph``) restricted to ``selection``."""
    from .export_rdf import attribution_text

    t = graph.taxonomy
    store = graph.store
    notations = _literals(store, str(SKOS.notation), language=False)
    alt = _literals(store, str(SKOS.altLabel), language=True)
    attrs = {"name": f"skillgraph export of {selection.description}"}
    credit = attribution_text(store)
    if credit:
        attrs["attribution"] = credit
    pg = PropertyGraph(attrs)
    keep = selection.keeps

    def node(uri: str, kind: str, label: str, **extra) -> None:
        data: dict[str, object] = {"id": uri, "kind": kind, "label": label}
        if uri in notations:
            data["notation"] = LIST_SEPARATOR.join(sorted(notations[uri]))
        if uri in alt:
            data["altLabels"] = tuple(sorted(set(alt[uri])))
        for key, value in extra.items():
            if value is not None and not (isinstance(value, float) and math.isnan(value)):
                data[key] = value
        pg.nodes.append(data)

    def fld(i: int) -> str | None:
        return t.field_uris[i] if i >= 0 and keep(t.field_uris[i]) else None

    for uri, label in zip(t.field_uris, t.field_labels, strict=True):
        if keep(uri):
            node(uri, Kind.FIELD, label)
    for i, (uri, label) in enumerate(zip(t.role_uris, t.role_labels, strict=True)):
        if keep(uri):
            node(uri, Kind.ROLE, label, field=fld(int(t.role_field[i])), **role_figures(t, i))
    for i, (uri, label) in enumerate(zip(t.skill_uris, t.skill_labels, strict=True)):
        if keep(uri):
            node(
                uri,
                Kind.SKILL,
                label,
                field=fld(int(t.skill_field[i])),
                effortHours=float(t.skill_hours[i]),
            )
    for i, (uri, label) in enumerate(zip(t.program_uris, t.program_labels, strict=True)):
        if keep(uri):
            node(
                uri,
                Kind.PROGRAM,
                label,
                hours=float(t.program_hours[i]),
                cost=float(t.program_cost[i]),
                programType=t.program_type[i] or None,
            )

    for r, s, essential, importance, level in zip(
        t.req_role.tolist(),
        t.req_skill.tolist(),
        t.req_essential.tolist(),
        t.req_importance.tolist(),
        t.req_level.tolist(),
        strict=True,
    ):
        source, target = t.role_uris[r], t.skill_uris[s]
        if keep(source) and keep(target):
            data = {"relation": "essential" if essential else "optional"}
            if not math.isnan(importance):
                data["importance"] = importance
            if not math.isnan(level):
                data["level"] = level
            pg.edges.append((source, target, data))
    for p, s in zip(t.teach_program.tolist(), t.teach_skill.tolist(), strict=True):
        source, target = t.program_uris[p], t.skill_uris[s]
        if keep(source) and keep(target):
            pg.edges.append((source, target, {"relation": "teaches"}))
    for uris, fields in ((t.role_uris, t.role_field), (t.skill_uris, t.skill_field)):
        for i in np.flatnonzero(fields >= 0).tolist():
            source, target = uris[i], t.field_uris[int(fields[i])]
            if keep(source) and keep(target):
                pg.edges.append((source, target, {"relation": "field"}))
    return pg


def scalar(value):
    """``value`` with a list (tuple) joined by ``LIST_SEPARATOR``."""
    return LIST_SEPARATOR.join(value) if isinstance(value, tuple) else value


def _text(value) -> str:
    value = scalar(value)
    if isinstance(value, float):
        return repr(value)
    return _XML_ILLEGAL.sub("", str(value))


def _attr(value) -> str:
    return quoteattr(_text(value), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


class _Out:
    """Buffered UTF-8 writing of many small strings."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.parts: list[str] = []

    def __call__(self, text: str) -> None:
        self.parts.append(text)
        if len(self.parts) >= 20000:
            self.flush()

    def flush(self) -> None:
        self.out.write("".join(self.parts).encode("utf-8"))
        self.parts = []


def write_graphml(pg: PropertyGraph, out: BinaryIO) -> None:
    """GraphML (yEd, Cytoscape desktop, igraph, networkx, Gephi)."""
    w = _Out(out)
    w(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    for name in pg.attributes:
        w(f'  <key id="g_{name}" for="graph" attr.name="{name}" attr.type="string"/>\n')
    for name, kind in NODE_ATTRIBUTES.items():
        w(f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{kind}"/>\n')
    for name, kind in EDGE_ATTRIBUTES.items():
        w(f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>\n')
    w('  <graph id="skillgraph" edgedefault="directed">\n')
    for name, value in pg.attributes.items():
        w(f'    <data key="g_{name}">{escape(_text(value))}</data>\n')
    for data in pg.nodes:
        w(f"    <node id={_attr(data['id'])}>")
        for name in NODE_ATTRIBUTES:
            if name in data:
                w(f'<data key="n_{name}">{escape(_text(data[name]))}</data>')
        w("</node>\n")
    for source, target, data in pg.edges:
        w(f"    <edge source={_attr(source)} target={_attr(target)}>")
        for name in EDGE_ATTRIBUTES:
            if name in data:
                w(f'<data key="e_{name}">{escape(_text(data[name]))}</data>')
        w("</edge>\n")
    w("  </graph>\n</graphml>\n")
    w.flush()


def write_gexf(pg: PropertyGraph, out: BinaryIO) -> None:
    """GEXF 1.3 (Gephi)."""
    w = _Out(out)
    w(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gexf xmlns="http://gexf.net/1.3" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n'
        "  <meta>\n    <creator>skillgraph</creator>\n"
    )
    description = pg.attributes["name"]
    if pg.attributes.get("attribution"):
        description += ". " + pg.attributes["attribution"]
    w(f"    <description>{escape(_text(description))}</description>\n  </meta>\n")
    w('  <graph defaultedgetype="directed" mode="static">\n')
    node_names = [n for n in NODE_ATTRIBUTES if n != "label"]
    types = {"string": "string", "double": "double"}
    w('    <attributes class="node">\n')
    for i, name in enumerate(node_names):
        w(f'      <attribute id="{i}" title="{name}" type="{types[NODE_ATTRIBUTES[name]]}"/>\n')
    w('    </attributes>\n    <attributes class="edge">\n')
    for i, name in enumerate(EDGE_ATTRIBUTES):
        w(f'      <attribute id="{i}" title="{name}" type="{types[EDGE_ATTRIBUTES[name]]}"/>\n')
    w("    </attributes>\n    <nodes>\n")
    for data in pg.nodes:
        w(f"      <node id={_attr(data['id'])} label={_attr(data['label'])}><attvalues>")
        for i, name in enumerate(node_names):
            if name in data:
                w(f'<attvalue for="{i}" value={_attr(data[name])}/>')
        w("</attvalues></node>\n")
    w("    </nodes>\n    <edges>\n")
    for n, (source, target, data) in enumerate(pg.edges):
        w(
            f'      <edge id="{n}" source={_attr(source)} target={_attr(target)} '
            f"label={_attr(data['relation'])}><attvalues>"
        )
        for i, name in enumerate(EDGE_ATTRIBUTES):
            if name in data:
                w(f'<attvalue for="{i}" value={_attr(data[name])}/>')
        w("</attvalues></edge>\n")
    w("    </edges>\n  </graph>\n</gexf>\n")
    w.flush()


def write_cytoscape(pg: PropertyGraph, out: BinaryIO) -> None:
    """Cytoscape.js JSON: ``{"data": {...}, "elements": {"nodes": [...], "edges": [...]}}``.

    Also networkx's cytoscape layout: ``directed`` and ``multigraph`` at the top, each
    node's ``value`` (its id, the networkx node) and ``name`` (its label); a pair of nodes
    joined twice makes a multigraph whose edges have distinct ``key`` values.
    """
    pairs = {(s, t) for s, t, _ in pg.edges}
    multigraph = len(pairs) < len(pg.edges)
    edges = []
    for n, (s, t, data) in enumerate(pg.edges):
        edge = {"id": f"e{n}", "source": s, "target": t, **data}
        if multigraph:
            edge["key"] = n
        edges.append({"data": edge})
    doc = {
        "format_version": "1.0",
        "generated_by": "skillgraph",
        "directed": True,
        "multigraph": multigraph,
        "data": dict(pg.attributes),
        "elements": {
            "nodes": [
                {
                    "data": {
                        **{k: scalar(v) for k, v in data.items()},
                        "value": data["id"],
                        "name": data["label"],
                    }
                }
                for data in pg.nodes
            ],
            "edges": edges,
        },
    }
    out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
