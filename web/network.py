"""Graph data for the vis-network canvas, built with pyvis's ``Network``.

pyvis 0.3.2 renders its own HTML page that loads vis-network and Bootstrap from CDNs, and it
switches every tooltip to ``innerHTML`` as soon as one title contains "href".  We keep the
part of pyvis that is useful -- ``Network`` as the builder of vis node and edge dicts -- and
render the data with our own template and ``static/graph.js``, which load vis-network from
``/static`` and give vis-network plain-text titles (vis-network shows a string title with
``innerText``).

A graph is the dict ``{"nodes": [...], "edges": [...], "options": {...}, "meta": {...}}``;
every node carries ``kind``, ``uri``, ``url`` and ``info`` (label/value pairs for the details
panel) besides its vis attributes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pyvis.network import Network

from . import layout

__all__ = [
    "EDGE_STYLES",
    "LEGEND_EDGES",
    "LEGEND_NODES",
    "NODE_STYLES",
    "GraphBuilder",
    "neighbourhood_graph",
    "short_label",
]

#: Longest label drawn on the canvas; the full text is in the tooltip and details panel.
LABEL_CHARS = 30

NODE_STYLES: dict[str, dict] = {
    "role": {
        "shape": "box",
        "color": {"background": "#dbeafe", "border": "#1d4ed8"},
        "font": {"color": "#0f172a", "size": 20},
        "margin": 9,
        # Long role titles wrap instead of crowding the step edges between roles.
        "widthConstraint": {"maximum": 210},
    },
    "skill": {
        "shape": "ellipse",
        "color": {"background": "#fef3c7", "border": "#b45309"},
        "font": {"color": "#422006", "size": 16},
    },
    "program": {
        "shape": "box",
        "shapeProperties": {"borderDashes": [4, 3]},
        "color": {"background": "#ede9fe", "border": "#6d28d9"},
        "font": {"color": "#2e1065", "size": 16},
        "margin": 6,
    },
    "field": {
        "shape": "hexagon",
        "size": 18,
        "color": {"background": "#dcfce7", "border": "#15803d"},
        "font": {"color": "#14532d", "size": 13},
    },
    "group": {
        "shape": "text",
        "font": {"color": "#334155", "size": 15, "bold": True},
    },
    "concept": {
        "shape": "dot",
        "size": 10,
        "color": {"background": "#e2e8f0", "border": "#475569"},
        "font": {"color": "#1e293b", "size": 12},
    },
}

EDGE_STYLES: dict[str, dict] = {
    "upskilling": {"color": {"color": "#15803d"}, "width": 4, "dashes": False},
    "reskilling": {"color": {"color": "#ea580c"}, "width": 4, "dashes": [12, 8]},
    "step down": {"color": {"color": "#64748b"}, "width": 3, "dashes": [4, 6]},
    "gap": {
        "color": {"color": "#b45309", "opacity": 0.45},
        "width": 1.2,
        "dashes": False,
        "smooth": False,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
    },
    "teaches": {
        "color": {"color": "#6d28d9", "opacity": 0.6},
        "width": 1.2,
        "dashes": [3, 4],
        # Programs sit below the skills they teach: arcs keep the lines off the column.
        "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.45},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
    },
    "relation": {"color": {"color": "#64748b", "opacity": 0.6}, "width": 1, "dashes": False},
}

LEGEND_NODES = (
    ("role", "role"),
    ("skill", "skill"),
    ("program", "learning program"),
    ("field", "field"),
    ("concept", "other concept"),
)
LEGEND_EDGES = (
    ("upskilling", "upskilling step (same field)"),
    ("step down", "step down (a less senior role)"),
    ("reskilling", "reskilling step (changes field)"),
    ("gap", "skill the step is missing"),
    ("teaches", "program teaches the skill"),
    ("relation", "relation"),
)

_BASE_OPTIONS = {
    "interaction": {
        "hover": True,
        "tooltipDelay": 150,
        "navigationButtons": False,
        "keyboard": False,
        "multiselect": False,
    },
    "edges": {"smooth": {"enabled": True, "type": "continuous"}, "selectionWidth": 2},
    "nodes": {"borderWidth": 1.5, "borderWidthSelected": 3},
}


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters for drawing on the canvas.

    >>> short_label("data analyst")
    'data analyst'
    >>> short_label("a" * 50, 10)
    'aaaaaaaaa…'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def drawn_label(label: str, kind: str) -> str:
    """The label drawn for a node of ``kind`` (roles get twice the room: they wrap)."""
    return short_label(label, 2 * LABEL_CHARS if kind == "role" else LABEL_CHARS)


class GraphBuilder:
    """Collects nodes and edges in a pyvis ``Network`` and hands them out as plain data."""

    def __init__(self, concept_url: Callable[[str], str]):
        self.net = Network(directed=True, cdn_resources="remote")
        self.concept_url = concept_url
        self._ids: set[str] = set()
        self._edges: set[tuple[str, str, str]] = set()

    def __contains__(self, node_id: str) -> bool:
        return node_id in self._ids

    def node(
        self,
        node_id: str,
        label: str,
        kind: str,
        *,
        uri: str | None = None,
        info: Iterable[tuple[str, str]] = (),
        title: str | None = None,
        **vis,
    ) -> str:
        """Add a node once (later calls with the same id are ignored) and return its id."""
        if node_id in self._ids:
            return node_id
        self._ids.add(node_id)
        style = {**NODE_STYLES.get(kind, NODE_STYLES["concept"]), **vis}
        shape = style.pop("shape")
        info = [[str(k), str(v)] for k, v in info]
        # Plain text only: vis-network shows a string title with innerText.
        tooltip = title or "\n".join([label, kind, *(f"{k}: {v}" for k, v in info)])
        self.net.add_node(
            node_id,
            label=drawn_label(label, kind),
            shape=shape,
            title=tooltip,
            kind=kind,
            fullLabel=label,
            uri=uri,
            url=self.concept_url(uri) if uri else None,
            info=info,
            **style,
        )
        return node_id

    def edge(self, source: str, target: str, kind: str, *, title: str = "", **vis) -> None:
        """Add an edge of one of the ``EDGE_STYLES`` kinds (once per source, target, kind)."""
        key = (source, target, kind)
        if key in self._edges:
            return
        self._edges.add(key)
        style = {**EDGE_STYLES[kind], **vis}
        self.net.add_edge(source, target, title=title or kind, kind=kind, **style)

    def data(self, *, physics: bool, meta: dict | None = None) -> dict:
        """The graph as JSON-ready data: vis nodes, edges and options, plus ``meta``."""
        options = {**_BASE_OPTIONS}
        if physics:
            # Stabilise before the first draw, then graph.js switches physics off: the
            # layout settles once instead of jiggling for ever.
            options["physics"] = {
                "enabled": True,
                "solver": "forceAtlas2Based",
                "forceAtlas2Based": {
                    "gravitationalConstant": -80,
                    "springLength": 140,
                    "avoidOverlap": 0.6,
                },
                "stabilization": {"enabled": True, "iterations": 400, "fit": True},
            }
        else:
            options["physics"] = {"enabled": False}
        return {
            "nodes": self.net.nodes,
            "edges": self.net.edges,
            "options": options,
            "meta": meta or {},
        }


def neighbourhood_graph(shown: dict, concept_url: Callable[[str], str], cap: int = 60) -> dict:
    """The concept of ``SkillGraph.show`` and up to ``cap`` related concepts, each relation
    a headed block of columns (``layout.place``): no label overlaps another, nothing moves.

    Relations share the cap round-robin so that a concept with a thousand roles requiring
    it still shows its other relations; ``meta`` says how many were shown out of how many.
    """
    b = GraphBuilder(concept_url)
    centre = shown["uri"]
    groups = [(g, True) for g in shown["outgoing"]] + [(g, False) for g in shown["incoming"]]
    total = sum(g["count"] for g, _ in groups)
    queues = [list(g["items"]) for g, _ in groups]
    picked: list[list[dict]] = [[] for _ in groups]
    seen = {centre}
    shown_count = 0
    while shown_count < cap and any(queues):
        for i, queue in enumerate(queues):
            if not queue or shown_count >= cap:
                continue
            item = queue.pop(0)
            if item["uri"] in seen:  # one node per concept, in its first relation
                continue
            seen.add(item["uri"])
            picked[i].append(item)
            shown_count += 1
    drawn = [
        [(i["uri"], drawn_label(i["label"], i["kind"]), i["kind"]) for i in items]
        for items in picked
    ]
    height = layout.column_height([item for items in drawn for item in items])
    blocks = [
        layout.Block(f"{group['name']} ({group['count']:,})", items, height)
        for (group, _), items in zip(groups, drawn, strict=True)
        if items
    ]
    centre_width = layout.label_box(shown["label"], "role")[0] + 40
    where = layout.place(centre_width, blocks)
    x, y = where["centre"]
    b.node(centre, shown["label"], shown["kind"], uri=centre, size=28, borderWidth=3, x=x, y=y)
    for block in blocks:
        hx, hy = where["heading|" + block.heading]
        b.node(
            "heading|" + block.heading,
            block.heading,
            "group",
            info=[("relation", block.heading)],
            x=hx,
            y=hy,
        )
    for (group, outgoing), items in zip(groups, picked, strict=True):
        relation = group["name"]
        # Essential requirements are the ones that decide a move: draw them heavier.
        width = 2.5 if "essential" in relation or "need" in relation else 1
        for item in items:
            x, y = where[item["uri"]]
            b.node(
                item["uri"],
                item["label"],
                item["kind"],
                uri=item["uri"],
                x=x,
                y=y,
                font={"size": layout.FONT},
                widthConstraint={"maximum": layout.LABEL_WIDTH},
                **_NEIGHBOUR_SHAPES.get(item["kind"], {}),
            )
            ends = (centre, item["uri"]) if outgoing else (item["uri"], centre)
            b.edge(*ends, "relation", title=relation, width=width)
    return b.data(
        physics=False, meta={"shown": shown_count, "total": total, "cap": cap, "layout": "blocks"}
    )


#: Neighbours are drawn smaller than the concept; fields and other concepts as boxes
#: with the label inside, so that every label's box is the node's box.
_NEIGHBOUR_SHAPES: dict[str, dict] = {
    "field": {"shape": "box", "margin": 8},
    "concept": {"shape": "box", "margin": 8},
    "role": {"margin": 8},
}
