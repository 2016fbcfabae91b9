"""XML from a remote SPARQL server (``--store http://...``) is input too: an answer that
declares a DTD or entities is refused before pyoxigraph, whose RDF/XML parser expands
internal entities (a "billion laughs" answer would eat the client's memory).  A fake
server on loopback answers every query with the attack."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest

from skillgraph.errors import StoreError
from skillgraph.store.remote import Endpoints, RemoteOx

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# Seven levels (3 MB expanded): enough to show the expansion, harmless if it happened.
LAUGHS = "".join(
    f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(7)
)
RDF_BOMB = (
    f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [{LAUGHS}]>\n'
    f'<rdf:RDF xmlns:rdf="{RDF}" xmlns:s="http://s/"><rdf:Description rdf:about="http://x/a">'
    "<s:p>&l6;</s:p></rdf:Description></rdf:RDF>"
)
RESULTS_BOMB = (
    f'<?xml version="1.0"?>\n<!doctype sparql [{LAUGHS}]>\n'
    '<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="x"/></head>'
    '<results><result><binding name="x"><literal>&l6;</literal></binding></result></results>'
    "</sparql>"
)


@pytest.fixture
def fake_server():
    """A 'SPARQL server' answering every request with ``answer`` (type, body)."""
    answer = {}

    class Handler(BaseHTTPRequestHandler):
        def _reply(self):
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            kind, body = answer["value"]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _reply

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield answer, f"http://127.0.0.1:{server.server_address[1]}/query"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("kind", "body", "query"),
    [
        ("application/rdf+xml", RDF_BOMB, "CONSTRUCT WHERE { ?s ?p ?o }"),
        ("application/sparql-results+xml", RESULTS_BOMB, "SELECT ?x WHERE { ?x ?p ?o }"),
        ("text/xml", RDF_BOMB, "CONSTRUCT WHERE { ?s ?p ?o }"),
    ],
)
def test_xml_answers_with_entities_are_refused(fake_server, kind, body, query):
    answer, url = fake_server
    answer["value"] = (kind, body.encode())
    client = RemoteOx(Endpoints.parse(url))
    with pytest.raises(StoreError, match="declaring a DTD or entities"):
        client.query(query)


def test_plain_xml_answers_still_work(fake_server):
    """The screen is about declarations, not XML: an ordinary RDF/XML answer is read."""
    answer, url = fake_server
    plain = RDF_BOMB.replace(f"<!DOCTYPE rdf:RDF [{LAUGHS}]>\n", "").replace("&l6;", "lol")
    answer["value"] = ("application/rdf+xml", plain.encode())
    triples = RemoteOx(Endpoints.parse(url)).query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert [t.object for t in triples] == [ox.Literal("lol")]


def test_pyoxigraph_alone_would_expand_them():
    """Why the screen is needed: the parser expands the entities, 10x per level."""
    (triple,) = [q.triple for q in ox.parse(RDF_BOMB.encode(), ox.RdfFormat.RDF_XML)]
    assert len(triple.object.value) == 3 * 10**6
