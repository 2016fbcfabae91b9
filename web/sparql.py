"""``/sparql``: the SPARQL 1.1 Protocol endpoint and the query page.

Protocol work (checks, time limit, formats) lives in ``skillgraph.sparql``; this module
only reads the request the ways the protocol allows (GET, form POST, direct POST), adds
CORS, and maps errors to statuses with a plain-text message clients show as is.
"""

from __future__ import annotations

import math
import threading

from flask import Blueprint, Response, current_app, render_template, request

from skillgraph.errors import QueryError
from skillgraph.namespace import DATA
from skillgraph.sparql import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, MAX_QUERY_LENGTH, QueryRunner
from skillgraph.sparql.engine import DEFAULT_MEMORY_MB
from skillgraph.sparql.examples import EXAMPLES
from skillgraph.sparql.negotiate import GRAPH_FORMATS, negotiate
from skillgraph.sparql.service import service_description

from .knowledge import all_attributions, get_graph

bp = Blueprint("sparql", __name__)

_EXPOSED = (
    "X-SPARQL-Rows, X-SPARQL-Truncated, X-SPARQL-Row-Limit, X-SPARQL-Elapsed, "
    "X-Data-Attribution, Link, X-Content-Id"
)
_runner_lock = threading.Lock()
_slots_lock = threading.Lock()


def _setting(name: str, default):
    """App config ``NAME`` (read once from the environment's ``SKILLGRAPH_NAME`` by
    ``config``), else ``default``."""
    value = current_app.config.get(name)
    return default if value is None else value


def get_runner() -> QueryRunner:
    """The app's pool of query worker processes, created on first use in each process.

    Settings: ``SPARQL_TIMEOUT`` (seconds, default 10), ``SPARQL_MAX_ROWS`` (10,000),
    ``SPARQL_MAX_QUERY_LENGTH`` (characters, 50,000), ``SPARQL_WORKERS`` (2 per process),
    ``SPARQL_MEMORY_MB`` (address-space cap of a worker, 2048; 0 for none).
    """
    app = current_app
    runner = app.extensions.get("sparql_runner")
    if runner is None:
        with _runner_lock:
            runner = app.extensions.get("sparql_runner")
            if runner is None:
                store = get_graph().store
                # The generation this app holds, not the store folder: after an import the
                # folder names new content, which these workers' pages do not show.
                path = store.generation or store.path
                runner = QueryRunner(
                    str(path) if path is not None else None,
                    size=int(_setting("SPARQL_WORKERS", 2)),
                    timeout=float(_setting("SPARQL_TIMEOUT", DEFAULT_TIMEOUT)),
                    max_rows=int(_setting("SPARQL_MAX_ROWS", DEFAULT_MAX_ROWS)),
                    max_length=int(_setting("SPARQL_MAX_QUERY_LENGTH", MAX_QUERY_LENGTH)),
                    memory_mb=int(_setting("SPARQL_MEMORY_MB", DEFAULT_MEMORY_MB)),
                )
                runner.prestart()
                app.extensions["sparql_runner"] = runner
    return runner


def _query_slots() -> threading.BoundedSemaphore:
    """How many queries this process runs at once: ``SPARQL_CONCURRENCY``, by default the
    number of query processes (``SPARQL_WORKERS``).  A query beyond that is answered 503
    at once instead of waiting, so SPARQL never holds more than that many threads and
    pages and the API keep the rest."""
    app = current_app
    slots = app.extensions.get("sparql_slots")
    if slots is None:
        with _slots_lock:
            slots = app.extensions.get("sparql_slots")
            if slots is None:
                size = int(_setting("SPARQL_CONCURRENCY", _setting("SPARQL_WORKERS", 2)))
                slots = threading.BoundedSemaphore(max(1, size))
                app.extensions["sparql_slots"] = slots
    return slots


@bp.after_request
def _cors(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = _EXPOSED
    return response


def _error(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")


def _licences() -> list[str]:
    links = []
    for source in get_graph().store.meta.get("sources", []):
        licence = source.get("licence")
        if isinstance(licence, str) and licence.startswith(("http://", "https://")):
            links.append(licence)
    return links


def _attribution_header() -> str | None:
    texts = [s["attribution"] for s in all_attributions()]
    text = " | ".join(texts)
    # Header values must be Latin-1; keep what fits.
    return text.encode("latin-1", "replace").decode("latin-1") or None


def _attribute(response: Response) -> None:
    """The data's attribution and licences as headers (results formats cannot all hold them)."""
    attribution = _attribution_header()
    if attribution:
        response.headers["X-Data-Attribution"] = attribution
    for licence in _licences():
        response.headers.add("Link", f'<{licence}>; rel="license"')


@bp.route("/sparql", methods=["OPTIONS"])
def preflight():
    response = Response(status=204)
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = request.headers.get(
        "Access-Control-Request-Headers", "Content-Type, Accept"
    )
    response.headers["Access-Control-Max-Age"] = "86400"
    return response


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint():
    # Flask answers HEAD with this view (and drops the body): treat it as the GET it is.
    if request.method in ("GET", "HEAD"):
        params = request.args
        text = params.get("query")
    else:
        mimetype = request.mimetype
        if mimetype == "application/sparql-update" or "update" in request.form:
            return _error(403, "this endpoint is read-only: SPARQL Update is refused")
        if mimetype == "application/sparql-query":
            params = request.args
            text = request.get_data(cache=False, as_text=True)
        elif mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            # Parameters may also sit in the URL of a form POST; the form wins.
            params = request.values
            text = request.form.get("query")
        else:
            return _error(
                415,
                "POST the query as application/sparql-query or as the 'query' field of "
                "application/x-www-form-urlencoded",
            )
    if text is None:
        if request.method in ("GET", "HEAD"):
            return _describe_service()
        return _error(400, "missing 'query' parameter")

    # Every format/output value is a hint (SPARQLWrapper sends several, some of its own).
    fmt = params.getlist("format") + params.getlist("output") + params.getlist("results")
    slots = _query_slots()
    if not slots.acquire(blocking=False):
        timeout = float(_setting("SPARQL_TIMEOUT", DEFAULT_TIMEOUT))
        response = _error(503, "too many SPARQL queries are running: try again shortly")
        response.headers["Retry-After"] = str(max(1, math.ceil(timeout)))
        return response
    try:
        answer = get_runner().run(
            text,
            accept=request.headers.get("Accept"),
            format=fmt,
            default_graph_uris=params.getlist("default-graph-uri"),
            named_graph_uris=params.getlist("named-graph-uri"),
            links=_licences(),
        )
    except QueryError as exc:
        generation = get_graph().store.generation
        if getattr(exc, "status", 400) == 500 and generation and not generation.exists():
            # An import replaced this generation; the server is moving to the new one
            # (gunicorn_conf._follow_imports).  Never answer from the new one meanwhile.
            response = _error(503, "the store has just been replaced by an import and this "
                              "server is switching to it: try again in a moment")  # fmt: skip
            response.headers["Retry-After"] = "2"
            return response
        return _error(getattr(exc, "status", 400), str(exc))
    finally:
        slots.release()
    response = Response(answer.body, status=200, content_type=answer.content_type)
    response.headers["Vary"] = "Accept"
    response.headers["X-SPARQL-Rows"] = str(answer.rows)
    response.headers["X-SPARQL-Truncated"] = "true" if answer.truncated else "false"
    if answer.max_rows is not None:
        response.headers["X-SPARQL-Row-Limit"] = str(answer.max_rows)
    response.headers["X-SPARQL-Elapsed"] = f"{answer.elapsed:.4f}"
    if answer.content_id:
        response.headers["X-Content-Id"] = answer.content_id
    _attribute(response)
    if params.get("download"):
        extension = {"json": "srj", "xml": "srx"}.get(answer.format, answer.format)
        extension = {"turtle": "ttl", "ntriples": "nt", "rdfxml": "rdf"}.get(extension, extension)
        response.headers["Content-Disposition"] = f'attachment; filename="results.{extension}"'
    return response


def _describe_service() -> Response:
    """GET without a query: the service description for RDF clients, the page for people."""
    offered = ["text/turtle", "text/html"]
    for fmt in GRAPH_FORMATS:
        offered += [fmt.media_type, *fmt.aliases]
    chosen = negotiate(request.headers.get("Accept"), offered)
    if chosen == "text/html" or chosen == "application/xhtml+xml":
        return _page()
    # A client that accepts none of these still gets the description, as Turtle.
    chosen = chosen or "text/turtle"
    fmt = next(f for f in GRAPH_FORMATS if chosen in (f.media_type, *f.aliases))
    body = service_description(
        request.base_url,
        fmt.name,
        triples=len(get_graph().store),
        licences=_licences(),
        attributions=[s["attribution"] for s in all_attributions()],
    )
    response = Response(body, content_type=fmt.content_type)
    response.headers["Vary"] = "Accept"
    _attribute(response)
    return response


def _page() -> Response:
    examples = [
        {"slug": e.slug, "title": e.title, "description": e.description, "query": e.query}
        for e in EXAMPLES
    ]
    html = render_template(
        "sparql.html",
        examples=examples,
        data_namespace=str(DATA),
        sources=all_attributions(),
        timeout=float(_setting("SPARQL_TIMEOUT", DEFAULT_TIMEOUT)),
        max_rows=int(_setting("SPARQL_MAX_ROWS", DEFAULT_MAX_ROWS)),
    )
    response = Response(html, content_type="text/html; charset=utf-8")
    response.headers["Vary"] = "Accept"
    return response
