"""HTML pages: home, search, concept pages, the taxonomy browser, path finder, next steps
and what-if.  Each view parses the request, calls the library (through ``explore`` and
``careers``) and renders a template; the same data is in the JSON API."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, redirect, render_template, request

from skillgraph.errors import AmbiguousLabel, InvalidParameter, NoPath, UnknownConcept

from . import careers, explore, params
from .knowledge import all_attributions, attribution_for, get_graph, get_stats
from .network import LEGEND_EDGES, LEGEND_NODES

bp = Blueprint("pages", __name__)


@bp.get("/")
def home():
    graph = get_graph()
    return render_template(
        "home.html",
        stats=get_stats(),
        examples=careers.examples(graph),
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
            # Which single-valued field held the bad name, so a suggestion can replace it.
            bad = problem.get("name")
            problem["param"] = next(
                (k for k in ("from", "to") if request.args.get(k, "").strip() == bad), None
            )
    uris = careers.uris_in(result) if result else []
    return render_template(
        template,
        q=query,
        form=careers.form_values(graph, query),
        result=result,
        problem=problem,
        examples=careers.examples(graph) if not query.ready else [],
        legend_nodes=[n for n in LEGEND_NODES if n[0] != "concept"] + [("profile", "your skills")],
        legend_edges=legend_edges or [e for e in LEGEND_EDGES if e[0] != "relation"],
        sources=attribution_for(uris),
        **extra,
    )


@bp.get("/paths")
def paths():
    query = careers.path_query()
    return _career_page(
        "paths.html",
        lambda g, q: careers.find_paths(g, q, drawings=True),
        query,
    )


@bp.get("/next")
def next_steps():
    query = careers.next_query()
    return _career_page("next.html", lambda g, q: careers.next_steps(g, q, drawings=True), query)


@bp.get("/whatif")
def whatif():
    query = careers.whatif_query()
    return _career_page(
        "whatif.html",
        lambda g, q: careers.whatif(g, q, drawings=True),
        query,
        legend_edges=[
            ("teaches", "a skill you would learn"),
            ("upskilling", "newly reachable, same field"),
            ("reskilling", "newly reachable, changes field"),
            ("relation", "a move made cheaper"),
        ],
    )


#: Defence in depth for pages that show imported text: everything is escaped anyway, and
#: with this policy markup that slipped through could still not run a script or load
#: anything from another host.  (vis-network sets inline styles, hence 'unsafe-inline'.)
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'self'"
)


def secure_headers(response):
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


bp.after_request(secure_headers)


def allow_cross_origin_reads(response):
    """Any origin may read what a GET returns (public data, no cookies or credentials
    involved), as on ``/sparql``: for ``/api`` and the Linked Data URIs."""
    if request.method in ("GET", "HEAD"):
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def url_with(**changes) -> str:
    """The current URL with some query parameters replaced (for tabs and "show more")."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k not in changes]
    args += [(k, str(v)) for k, v in changes.items() if v is not None]
    return request.path + ("?" + urlencode(args) if args else "")


@bp.app_context_processor
def _template_globals():
    return {"url_with": url_with}
