"""DESIGN.md 9: imported text is data, never markup.  On a taxonomy whose labels,
descriptions, field names, program types and attribution are hostile markup (``<img
onerror>``, ``</script>``, ``"`` attribute breakers, ``href`` -- the web tests' fixture),
every page is read with an HTML parser: no element or attribute of the attacker's exists,
every ``<script>`` is ours, JSON inside ``<script>`` parses, and the hostile text is
there as text.  The JSON API, the autocomplete source and every export carry the same
text as data."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import pytest
from defusedxml import ElementTree

from skillgraph.formats.exporters import EXPORTERS

from ..web.conftest import XSS_ATTR, XSS_HREF, XSS_IMG, XSS_SCRIPT

X = "http://example.org/xss/"
WEB = Path(__file__).resolve().parents[2] / "web"


class Audit(HTMLParser):
    """Every start tag with its attributes, the bodies of scripts, and the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.text: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script":
            self._script = attributes
            self.scripts.append((attributes, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)


def audit(page: str) -> Audit:
    parser = Audit()
    parser.feed(page)
    parser.close()
    for tag, attrs in parser.tags:
        handlers = [name for name in attrs if name.startswith("on")]
        assert not handlers, (tag, attrs)  # no template of ours has inline handlers
        assert not (tag == "img" and attrs.get("src") == "x"), attrs
        assert tag not in ("iframe", "object", "embed", "base"), (tag, attrs)
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:text/html", "vbscript:")), attrs
    for attrs, body in parser.scripts:
        if "src" in attrs:
            assert attrs["src"].startswith("/static/"), attrs  # our own files only
            assert not body.strip()
        else:
            # The only inline scripts are data: JSON that parses, never code.
            assert attrs.get("type") == "application/json", (attrs, body[:200])
            json.loads(body)
            assert "</" not in body
    return parser


def text_of(parser: Audit) -> str:
    return " ".join(" ".join(parser.text).split())


PAGES = [
    "/",
    "/browse",
    "/search?q=skill",
    "/search?q=clerk",
    "/search?q=" + quote(XSS_IMG),
    "/export",
    "/sparql",
    "/api",
    f"/concept?uri={quote(X + 'clerk')}",
    f"/concept?uri={quote(X + 'lead')}",
    f"/concept?uri={quote(X + 'analyst')}",
    f"/concept?uri={quote(X + 's2')}",
    f"/concept?uri={quote(X + 's4')}",
    f"/concept?uri={quote(X + 'p1')}",
    f"/concept?uri={quote(X + 'fa')}",
    f"/concept?uri={quote(X + 'fb')}",
    f"/concept?uri={quote(X + 'group')}",
    f"/concept?uri={quote(X + 'scheme')}",
    f"/concept?uri={quote(X + 'src')}",
    f"/paths?from={quote(X + 'clerk')}&to={quote(X + 'analyst')}",
    f"/paths?from={quote(X + 'clerk')}&to={quote(X + 'analyst')}&k=3",
    f"/paths?have={quote(X + 's1')}&have={quote(X + 's4')}&to={quote(X + 'analyst')}",
    f"/paths?from={quote(X + 'clerk')}&to={quote(X + 'analyst')}&avoid={quote(X + 'lead')}",
    f"/next?from={quote(X + 'clerk')}",
    f"/next?have={quote(X + 's2')}",
    f"/whatif?from={quote(X + 'clerk')}&learn={quote(X + 's4')}",
    f"/whatif?from={quote(X + 'clerk')}&program={quote(X + 'p1')}",
    # The attacker's text in the request itself, echoed in forms and error pages.
    "/concept?uri=" + quote(XSS_IMG),
    "/concept?uri=" + quote(XSS_ATTR),
    "/paths?from=" + quote(XSS_IMG) + "&to=" + quote(XSS_SCRIPT),
    "/paths?from=" + quote("clerk") + "&to=" + quote(XSS_ATTR),
    "/next?from=" + quote(XSS_SCRIPT),
    "/whatif?from=" + quote(XSS_ATTR) + "&learn=" + quote(XSS_IMG),
    "/paths?from=" + quote(X + "clerk") + "&to=" + quote(X + "analyst") + "&k=" + quote(XSS_ATTR),
    "/no-such-page/" + quote(XSS_IMG),
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_hold_no_markup_of_the_data(xss_client, url):
    r = xss_client.get(url, headers={"Accept": "text/html"}, follow_redirects=True)
    assert r.status_code in (200, 400, 404), (r.status_code, r.data[:300])
    assert r.mimetype == "text/html"
    page = r.get_data(as_text=True)
    audit(page)
    # The pyvis template would switch tooltips to innerHTML; ours never does.
    assert "htmlTitle" not in page and "innerHTML" not in page


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (f"/concept?uri={quote(X + 'clerk')}", ["clerk " + XSS_IMG, XSS_HREF, "field a "]),
        (f"/concept?uri={quote(X + 'lead')}", ["lead " + XSS_SCRIPT]),
        (f"/concept?uri={quote(X + 'analyst')}", ["analyst " + XSS_ATTR]),
        (f"/concept?uri={quote(X + 'p1')}", ["program " + XSS_IMG]),
        ("/", ["attribution " + XSS_HREF]),
        ("/export", ["field b " + XSS_ATTR]),
        ("/paths?from=" + quote(XSS_IMG) + "&to=" + quote(XSS_SCRIPT), [XSS_IMG]),
    ],
)
def test_the_hostile_text_is_shown_as_text(xss_client, url, shown):
    """The audit above bites: the markup really reaches these pages -- as text."""
    page = xss_client.get(url, headers={"Accept": "text/html"}).get_data(as_text=True)
    text = text_of(audit(page))
    for item in shown:
        assert " ".join(item.split()) in text, item


def _graph_json(page: str) -> list:
    parser = audit(page)
    return [json.loads(body) for attrs, body in parser.scripts if "src" not in attrs]


def test_graph_data_in_script_and_tooltips_are_plain_text(xss_client):
    page = xss_client.get(f"/concept?uri={quote(X + 'clerk')}").get_data(as_text=True)
    drawings = _graph_json(page)
    assert drawings, "the concept page carries its graph as JSON"
    nodes = [n for d in drawings for n in d.get("nodes", [])]
    labels = {n.get("fullLabel") for n in nodes}
    assert "clerk " + XSS_IMG in labels and "skill two " + XSS_SCRIPT in labels
    # vis-network shows a string title with innerText; an element would be shown as is.
    assert all(isinstance(n.get("title", ""), str) for n in nodes)
    edges = [e for d in drawings for e in d.get("edges", [])]
    assert all(isinstance(e.get("title", ""), str) for e in edges)
    paths = f"/paths?from={quote(X + 'clerk')}&to={quote(X + 'analyst')}"
    drawings = _graph_json(xss_client.get(paths).get_data(as_text=True))
    titles = " ".join(n.get("title", "") for d in drawings for n in d.get("nodes", []))
    assert "analyst " + XSS_ATTR in titles or "clerk " + XSS_IMG in titles


def test_scripts_put_server_text_in_the_page_as_text():
    """The autocomplete, the details panel and the SPARQL page write what the server
    sends with textContent / DOM nodes, never by parsing it as HTML."""
    sources = [*WEB.glob("static/js/*.js"), *WEB.glob("static/sparql/*.js")]
    assert len(sources) >= 3
    for path in sources:
        code = path.read_text(encoding="utf-8")
        for sink in (".innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code.replace("never innerHTML", ""), (path.name, sink)


def test_api_json_carries_the_text_as_data(xss_client):
    r = xss_client.get("/api/search?q=clerk")  # the autocomplete's source
    assert r.mimetype == "application/json"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.get_json()["results"][0]["label"] == "clerk " + XSS_IMG
    concept = xss_client.get(f"/api/concept?id={quote(X + 'clerk')}").get_json()
    assert concept["label"] == "clerk " + XSS_IMG
    assert concept["description"] == f"Description with {XSS_HREF} inside."
    r = xss_client.get(f"/api/path?from={quote(X + 'clerk')}&to={quote(X + 'analyst')}")
    assert r.status_code == 200 and r.mimetype == "application/json"
    assert "analyst " + XSS_ATTR in _strings(r.get_json())
    # A JSON error that echoes the attacker's input is still JSON, not a page.
    r = xss_client.get("/api/concept?id=" + quote(XSS_SCRIPT))
    assert r.status_code == 404 and r.mimetype == "application/json"
    assert r.get_json()["name"] == XSS_SCRIPT


def _strings(value) -> list[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _labels_in_export(name: str, data: bytes) -> str:
    """The export parsed by a reader of its format, as one string of its text values."""
    if name in ("turtle", "ntriples", "rdfxml", "jsonld"):
        fmt = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
               "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}[name]  # fmt: skip
        return "\n".join(q.object.value for q in ox.parse(data, fmt)
                         if isinstance(q.object, ox.Literal))  # fmt: skip
    if name in ("graphml", "gexf"):
        root = ElementTree.fromstring(data)
        tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
        assert not tags & {"img", "script", "a"}, tags
        values = [el.text or "" for el in root.iter()]
        values += [v for el in root.iter() for v in el.attrib.values()]
        return "\n".join(values)
    if name in ("cytoscape", "osn-rsd"):
        return "\n".join(_strings(json.loads(data)))
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        cells = []
        for member in bundle.namelist():
            if member.endswith(".csv"):
                text = bundle.read(member).decode("utf-8-sig")
                cells += [c for row in csv.reader(io.StringIO(text)) for c in row]
        return "\n".join(cells)


@pytest.mark.parametrize("name", list(EXPORTERS))
def test_exports_carry_the_text_as_data(xss_client, name):
    r = xss_client.get(f"/export/{name}")
    data = r.data
    r.close()  # a whole-store export is a file of the store's cache
    assert r.status_code == 200
    assert r.mimetype != "text/html"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Content-Disposition"].startswith("attachment")
    text = _labels_in_export(name, data)
    expected = "skill one " + XSS_IMG if name == "osn-rsd" else "clerk " + XSS_IMG
    assert expected in text, name
