"""The JSON API (``/api/...``): everything the pages show, described by ``/api/openapi.json``.

Errors are JSON too (see ``errors``): 404 for an unknown concept, with suggestions; 400 for
a bad parameter, naming it.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template

from . import career_queries, career_results, explore, openapi, params
from .knowledge import get_examples, get_graph, get_stats
from .security import allow_cross_origin_reads

bp = Blueprint("api", __name__, url_prefix="/api")
bp.after_request(allow_cross_origin_reads)


@bp.get("/search")
def search():
    q = params.text("q", required=True)
    kinds = params.kinds()
    limit = params.integer("limit", 10, lo=1, hi=100)
    return jsonify(explore.search(get_graph(), q, kinds=kinds, limit=limit))


@bp.get("/concept")
def concept():
    name = params.text("id", required=True)
    kind = (params.kinds() or [None])[0]
    return jsonify(explore.concept(get_graph(), name, kind=kind))


@bp.get("/concept/graph")
def concept_graph():
    name = params.text("id", required=True)
    cap = params.integer("cap", explore.GRAPH_CAP, lo=1, hi=explore.GRAPH_CAP_MAX)
    shown = explore.concept(get_graph(), name)
    return jsonify(explore.concept_graph(shown, cap))


@bp.get("/browse")
def browse():
    return jsonify(explore.browse_roots(get_graph()))


@bp.get("/browse/children")
def browse_children():
    name = params.text("id", required=True)
    return jsonify(explore.browse_children(get_graph(), name))


@bp.get("/stats")
def stats():
    return jsonify(get_stats())


@bp.get("/sources")
def sources():
    return jsonify({"sources": get_graph().sources})


@bp.get("/path")
def path():
    query = career_queries.path_query()
    return jsonify(career_results.find_paths(get_graph(), query, drawings=params.flag("graph")))


@bp.get("/next")
def next_steps():
    query = career_queries.next_query()
    return jsonify(career_results.next_steps(get_graph(), query, drawings=params.flag("graph")))


@bp.get("/whatif")
def whatif():
    query = career_queries.whatif_query()
    return jsonify(career_results.whatif(get_graph(), query, drawings=params.flag("graph")))


@bp.get("/examples")
def examples():
    return jsonify({"examples": get_examples()})


@bp.get("/openapi.json")
def openapi_document():
    return jsonify(openapi.document())


@bp.get("")
def index():
    return render_template("api.html", doc=openapi.document())
