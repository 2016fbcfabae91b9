"""HTML pages."""

from __future__ import annotations

from flask import Blueprint, render_template_string

from .knowledge import get_graph

bp = Blueprint("pages", __name__)

_HOME = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>skillgraph</title></head>
<body>
<h1>skillgraph</h1>
<p>Store: {{ stats.store }} &mdash; {{ "{:,}".format(stats.triples) }} triples.</p>
<ul>
{% for name, n in stats.counts.items() %}<li>{{ name }}: {{ n }}</li>{% endfor %}
</ul>
</body></html>"""


@bp.route("/")
def home():
    return render_template_string(_HOME, stats=get_graph().stats())
