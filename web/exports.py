"""Export downloads: ``/export`` lists the formats, ``/export/<format>`` downloads one.

``?field=NAME`` exports one field; ``?from=A&to=B`` the neighbourhood of the cheapest
career path.  A whole-store or one-field export of an on-disk store is written once into
the store's cache folder (keyed by its content id, so a new import invalidates it) and
served from there; path neighbourhoods and the in-memory default taxonomy are exported per
request.  At most ``EXPORT_BUILDS`` (``$SKILLGRAPH_EXPORT_BUILDS``, 2) exports are built at
once per process; more get 503 with ``Retry-After``.
"""

from __future__ import annotations

import hashlib
import io
import threading
from pathlib import Path

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)

from skillgraph.formats.exporters import EXPORTERS, export
from skillgraph.formats.selection import EVERYTHING, field_selection, path_selection

from .knowledge import all_attributions, get_graph
from .urls import slug

bp = Blueprint("exports", __name__)


@bp.get("/export")
def index():
    chosen = request.args.get("format", "")
    if chosen in EXPORTERS:  # the subset form: on to the download, without the empty fields
        wanted = {k: v for k in ("field", "from", "to") if (v := request.args.get(k, "").strip())}
        return redirect(url_for("exports.download", name=chosen, **wanted))
    graph = get_graph()
    t = graph.taxonomy
    return render_template(
        "export.html",
        formats=list(EXPORTERS.values()),
        fields=sorted(t.field_labels, key=str.casefold),
        sources=all_attributions(),
    )


def _selection(graph):
    field = request.args.get("field", "").strip()
    start = request.args.get("from", "").strip()
    target = request.args.get("to", "").strip()
    if field:
        return field_selection(graph, field), f"-{slug(field)}"
    if start or target:
        path = graph.careers.paths(start, target, k=1)[0]
        return path_selection(graph.taxonomy, path), f"-path-{slug(start)}-{slug(target)}"
    return EVERYTHING, ""


_builds_lock = threading.Lock()


def _builds() -> threading.BoundedSemaphore:
    """Exports built at once per process (setting ``EXPORT_BUILDS``); more get 503 at once."""
    app = current_app
    builds = app.extensions.get("export_builds")
    if builds is None:
        with _builds_lock:
            builds = app.extensions.get("export_builds")
            if builds is None:
                builds = threading.BoundedSemaphore(max(1, int(app.config["EXPORT_BUILDS"])))
                app.extensions["export_builds"] = builds
    return builds


def _cached_path(graph, selection, filename: str) -> Path | None:
    """Where this export is cached: the whole store and each field (a bounded set), in the
    generation's cache folder, by content id.  None for a path's neighbourhood (any two
    names: unbounded), the in-memory default taxonomy, or a generation an import has
    removed (its folder is never re-created: issue 12)."""
    cache = graph.store.cache_dir
    if cache is None or not cache.is_dir():
        return None
    field = request.args.get("field", "").strip()
    if selection.everything:
        key = ""
    elif field and not (request.args.get("from") or request.args.get("to")):
        key = "field-" + hashlib.sha256(field.encode()).hexdigest()[:16] + "-"
    else:
        return None
    return cache / "exports" / f"{graph.store.content_id}-{key}{filename}"


@bp.get("/export/<name>")
def download(name: str):
    exporter = EXPORTERS.get(name)
    if exporter is None:
        abort(404)
    graph = get_graph()
    selection, suffix = _selection(graph)
    filename = exporter.filename(f"skillgraph{suffix}")
    path = _cached_path(graph, selection, filename)
    if path is not None and path.exists():
        return send_file(path, mimetype=exporter.media_type, as_attachment=True,
                         download_name=filename)  # fmt: skip
    if not _builds().acquire(blocking=False):
        response = Response("too many exports are being built: try again shortly\n",
                            status=503, mimetype="text/plain")  # fmt: skip
        response.headers["Retry-After"] = "5"
        return response
    try:
        if path is not None:
            try:
                path.parent.mkdir(exist_ok=True)  # not parents: the generation must exist
                # ``export`` writes a temporary file and moves it into place: workers
                # racing to fill the cache each write their own; a reader sees a whole file.
                export(graph, name, path, selection)
                return send_file(path, mimetype=exporter.media_type, as_attachment=True,
                                 download_name=filename)  # fmt: skip
            except OSError:
                pass  # the generation was removed meanwhile, or is read-only: in memory
        buffer = io.BytesIO()
        export(graph, name, buffer, selection)
    finally:
        _builds().release()
    buffer.seek(0)
    return send_file(buffer, mimetype=exporter.media_type, as_attachment=True,
                     download_name=filename)  # fmt: skip
