"""HTML pages: home, search, concept pages, the taxonomy browser, path finder, next steps
and what-if.  Each view parses the request, calls the library (through ``explore`` and
``career_results``) and renders a template; the same data is in the JSON API."""

from __future__ import annotations

import contextlib
from urllib.parse import urlencode

from flask import Blueprint, redirect, render_template, request

from skillgraph.errors import (
    AmbiguousLabel,
    InvalidParameter,
    NoPath,
    SkillgraphError,
    UnknownConcept,
)

from . import career_queries, career_results, explore, params
from .career_words import cost_level
from .knowledge import all_attributions, attribution_for, get_examples, get_graph, get_stats
from .network import LEGEND_EDGES, LEGEND_NODES
from .urls import uris_in

bp = Blueprint("pages", __name__)


@bp.get("/")
def home():
    return render_template(
        "home.html",
        stats=get_stats(),
        examples=get_examples(),
        sources=all_attributions(),
    )


@bp.get("/search")
def search():
    q = params.text("q") or ""
    kinds = params.kinds()
    found = explore.search(get_graph(), q, kinds=kinds, limit=50) if q else None
    if found and len(found["results"]) == 1:
        return redirect(found["results"][0]["url"])
    return render_template("search.html", q=q, found=found)


@bp.get("/concept")
def concept():
    name = params.text("uri") or params.text("id")
    if not name:
        raise InvalidParameter("parameter 'uri' is required")
    return render_concept(name)


def render_concept(name: str):
    """The page of one concept (also served for ``/id/...`` URIs to browsers)."""
    graph = get_graph()
    cap = params.integer("cap", explore.GRAPH_CAP, lo=1, hi=explore.GRAPH_CAP_MAX)
    shown = explore.concept(graph, name)
    drawing = explore.concept_graph(shown, cap)
    related = [item["uri"] for g in shown["outgoing"] + shown["incoming"] for item in g["items"]]
    return render_template(
        "concept.html",
        c=shown,
        graph=drawing,
        legend_nodes=[n for n in LEGEND_NODES if n[0] in _kinds_in(drawing)],
        legend_edges=[e for e in LEGEND_EDGES if e[0] == "relation"],
        sources=attribution_for([shown["uri"], *related]),
    )


def _kinds_in(drawing: dict) -> set[str]:
    return {n.get("kind") for n in drawing["nodes"]}


@bp.get("/browse")
def browse():
    return render_template(
        "browse.html", roots=explore.browse_roots(get_graph()), sources=all_attributions()
    )


# ---------------------------------------------------------------- career pages


def _career_page(template: str, run, query, legend_edges=None, **extra):
    """Render a career page; a lookup problem becomes a message on the form, not a 4xx
    page, so that the person can fix the query in place."""
    graph = get_graph()
    result, problem = None, None
    if query.ready:
        try:
            result = run(graph, query)
        except (UnknownConcept, AmbiguousLabel, InvalidParameter, NoPath) as exc:
            from .errors import describe

            problem = describe(exc)[1]
            bad = problem.get("name")
            if problem["error"] == "unknown_concept":
                # The suggestions are links below: the sentence does not list them again.
                problem["message"] = f"No {problem.get('kind') or 'concept'} is called “{bad}”."
            # Each suggestion replaces the bad name where it was, keeping the rest.
            problem["links"] = [
                {"label": s, "url": _replaced(bad, s)} for s in problem.get("suggestions", [])
            ]
            for c in problem.get("candidates", []):
                c["url"] = _replaced(bad, c["uri"]) or c["url"]
    uris = uris_in(result) if result else []
    return render_template(
        template,
        q=query,
        form=career_queries.form_values(graph, query),
        result=result,
        problem=problem,
        examples=get_examples() if not query.ready else [],
        legend_nodes=[n for n in LEGEND_NODES if n[0] != "concept"] + [("profile", "your skills")],
        legend_edges=legend_edges or [e for e in LEGEND_EDGES if e[0] != "relation"],
        sources=attribution_for(uris),
        **extra,
    )


def _replaced(bad: str | None, new: str) -> str:
    """The current URL with the value ``bad`` (of whichever parameter held it) replaced."""
    args = [(k, new if v.strip() == bad else v) for k, v in request.args.items(multi=True)]
    return request.path + "?" + urlencode(args)


@bp.get("/paths")
def paths():
    query = career_queries.path_query()
    suggestions = None
    if not query.ready and (query.start or query.have):
        # A start without a target: where it can lead, each a click from its path.
        with contextlib.suppress(SkillgraphError):
            suggestions = career_results.next_steps(
                get_graph(), career_queries.NextQuery(query.start, query.have, k=8), drawings=True
            )
    return _career_page(
        "paths.html",
        lambda g, q: career_results.find_paths(g, q, drawings=True),
        query,
        suggestions=suggestions,
        limit_words=_limit_words(query),
    )


def _limit_words(q: career_queries.PathQuery) -> list[str]:
    """The limits of a path query in words ("with at most 1 reskilling step")."""
    out = []
    if q.max_reskilling is not None:
        n = q.max_reskilling
        most = f"with at most {n} change{'s' * (n != 1)} of field"
        out.append("without changing field" if n == 0 else most)
    if q.max_steps is not None:
        out.append(f"in at most {q.max_steps} step{'s' * (q.max_steps != 1)}")
    if q.avoid:
        out.append("avoiding " + str(len(q.avoid)) + " role" + "s" * (len(q.avoid) != 1))
    return out


@bp.get("/next")
def next_steps():
    query = career_queries.next_query()
    return _career_page(
        "next.html", lambda g, q: career_results.next_steps(g, q, drawings=True), query
    )


@bp.get("/whatif")
def whatif():
    query = career_queries.whatif_query()
    return _career_page(
        "whatif.html",
        lambda g, q: career_results.whatif(g, q, drawings=True),
        query,
        legend_edges=[
            ("teaches", "a skill you would learn"),
            ("upskilling", "newly reachable, same field"),
            ("reskilling", "newly reachable, changes field"),
            ("relation", "a move made easier"),
        ],
    )


#: Defence in depth for pages that show imported text: everything is escaped anyway, and
#: with this policy markup that slipped through could still not run a script or load
#: anything from another host.  (vis-network sets inline styles, hence 'unsafe-inline'.)
def url_with(**changes) -> str:
    """The current URL with some query parameters replaced (for tabs and "show more")."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k not in changes]
    args += [(k, str(v)) for k, v in changes.items() if v is not None]
    return request.path + ("?" + urlencode(args) if args else "")


@bp.app_context_processor
def _template_globals():
    return {"url_with": url_with, "cost_level": cost_level}
