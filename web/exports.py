"""Export downloads: ``/export`` lists the formats, ``/export/<format>`` downloads one.

``?field=NAME`` exports one field; ``?from=A&to=B`` the neighbourhood of the cheapest
career path.  A whole-store export of an on-disk store is written once into the store's
cache folder (keyed by its content id, so a new import invalidates it) and served from
there; subsets and the in-memory default taxonomy are exported per request.
"""

from __future__ import annotations

import io

from flask import Blueprint, abort, redirect, render_template, request, send_file, url_for

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


@bp.get("/export/<name>")
def download(name: str):
    exporter = EXPORTERS.get(name)
    if exporter is None:
        abort(404)
    graph = get_graph()
    selection, suffix = _selection(graph)
    filename = exporter.filename(f"skillgraph{suffix}")
    cache = graph.store.cache_dir
    if selection.everything and cache is not None:
        path = cache / "exports" / f"{graph.store.content_id}-{filename}"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            # ``export`` writes a temporary file and moves it into place: workers racing
            # to fill the cache each write their own, and a reader sees a whole file.
            export(graph, name, path)
        return send_file(path, mimetype=exporter.media_type, as_attachment=True,
                         download_name=filename)  # fmt: skip
    buffer = io.BytesIO()
    export(graph, name, buffer, selection)
    buffer.seek(0)
    return send_file(buffer, mimetype=exporter.media_type, as_attachment=True,
                     download_name=filename)  # fmt: skip
