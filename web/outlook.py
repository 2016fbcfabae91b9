"""Wages, employment and LLM exposure on the pages: the safer-roles view (``/safer``,
``/api/safer``), one role's figures (``/api/figures``), and the template helpers the
``_role_figures.html`` partial, the note and the scatter use (``role_figures``,
``figure_sources``, ``exposure_scatter``, ``figures_note``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Blueprint, jsonify
from markupsafe import Markup

from skillgraph import InvalidParameter, Kind, SkillGraph, SkillgraphError
from skillgraph.careers.outlook import FIGURES_NOTE, figures_of
from skillgraph.formats.figures import CROSSWALK, EXPOSURE, OEWS

from . import params
from .knowledge import get_graph
from .scatter import scatter_svg
from .security import allow_cross_origin_reads
from .urls import concept_url, with_urls

__all__ = ["SaferQuery", "api_bp", "bp", "safer_query", "safer_roles"]

bp = Blueprint("outlook", __name__)
api_bp = Blueprint("outlook_api", __name__, url_prefix="/api")
api_bp.after_request(allow_cross_origin_reads)

#: The sources whose figures and links these pages show.
FIGURE_SOURCES = (OEWS.label, EXPOSURE.label, CROSSWALK.label)


@dataclass
class SaferQuery:
    start: str | None = None
    k: int = 5
    min_drop: float = 0.1
    have: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return bool(self.start)

    def as_dict(self) -> dict:
        return {"from": self.start, "k": self.k, "min_drop": self.min_drop}


def safer_query() -> SaferQuery:
    return SaferQuery(
        start=params.text("from"),
        k=params.integer("k", 5, lo=1, hi=20) or 5,
        min_drop=params.number("min_drop", 0.1, lo=0, hi=1) or 0.0,
    )


def safer_roles(graph: SkillGraph, q: SaferQuery) -> dict:
    """The safer roles of ``q.start`` as JSON-ready data with page URLs."""
    if not q.start:
        raise InvalidParameter("parameter 'from' is required")
    start = graph.resolve(q.start, kind=Kind.ROLE)
    found = graph.careers.safer_roles(start.uri, k=q.k, min_drop=q.min_drop)
    return {
        "query": q.as_dict(),
        "from": {"uri": start.uri, "label": start.label, "kind": Kind.ROLE,
                 "url": concept_url(start.uri)},
        **with_urls(found.as_dict()),
        "note": FIGURES_NOTE,
    }  # fmt: skip


@bp.get("/safer")
def safer_page():
    from .pages import _career_page

    return _career_page("safer.html", safer_roles, safer_query())


@api_bp.get("/safer")
def safer_api():
    return jsonify(safer_roles(get_graph(), safer_query()))


@api_bp.get("/figures")
def figures_api():
    graph = get_graph()
    role = graph.resolve(params.text("id", required=True) or "", kind=Kind.ROLE)
    start_name = params.text("from")
    start = graph.resolve(start_name, kind=Kind.ROLE).uri if start_name else None
    figures = graph.careers.figures(role.uri, start)
    return jsonify(
        {
            "role": {"uri": role.uri, "label": role.label, "kind": Kind.ROLE},
            "outlook": figures.as_dict(),
            "note": FIGURES_NOTE,
            "sources": figure_sources(),
        }
    )


# ---------------------------------------------------------------- template helpers


def role_figures(uri: str, start: str | None = None) -> dict | None:
    """The figures of the role ``uri`` (and the wage change from ``start``), or None."""
    t = get_graph().careers.taxonomy
    found, base = t.locate(uri), t.locate(start) if start else None
    if found is None or found[0] != Kind.ROLE:
        return None
    return figures_of(t, found[1], base[1] if base and base[0] == Kind.ROLE else None).as_dict()


def figure_sources() -> list[dict]:
    """The sources of the figures the store holds, with their attribution."""
    try:
        sources = get_graph().sources
    except SkillgraphError:
        return []
    return [s for s in sources if s.get("name") in FIGURE_SOURCES and s.get("attribution")]


def exposure_scatter(
    *, field: str | None = None, start: str | None = None, highlight=(), caption: str = ""
) -> Markup:
    """The exposure x wage scatter: a field's roles, or a start and its next steps."""
    t = get_graph().careers.taxonomy

    def role(uri: str | None) -> int | None:
        found = t.locate(uri) if uri else None
        return found[1] if found is not None and found[0] == Kind.ROLE else None

    marked = [i for i in (role(u) for u in highlight) if i is not None]
    if field is not None:
        f = t.locate(field)
        if f is not None and f[0] == Kind.FIELD:
            marked = [int(i) for i in (t.role_field == f[1]).nonzero()[0]]
    urls = {i: concept_url(t.role_uris[i]) for i in marked}
    return scatter_svg(t, highlight=marked, start=role(start), caption=caption, urls=urls)


@bp.app_context_processor
def _template_helpers() -> dict:
    return {
        "role_figures": role_figures,
        "figure_sources": figure_sources,
        "exposure_scatter": exposure_scatter,
        "figures_note": FIGURES_NOTE,
    }
