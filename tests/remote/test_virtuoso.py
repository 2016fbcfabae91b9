"""The built-in default taxonomy on a real Virtuoso answers as the embedded store does.

The taxonomy is written with ``skillgraph dump --graph`` and loaded with Virtuoso's bulk
loader; the server cuts every answer at 1,000 rows (``ResultSetMaxRows``), below the
taxonomy's thousands of triples, so the reads that matter are paged, and the answers that cannot
be paged must fail in one line naming that setting.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

import skillgraph
from skillgraph.store.remote import META_GRAPH

from ..servers import free_port, running
from .helpers import FIXTURES, SKILLGRAPH, SMALL_MAX_ROWS, load_into_virtuoso, run

GRAPH = "urn:skillgraph:test:default"
SG = "https://w3id.org/skillgraph/ontology#"


@pytest.fixture(scope="module")
def url(virtuoso, tmp_path_factory):
    return load_into_virtuoso(virtuoso, None, tmp_path_factory.mktemp("dump"), "default")


def _same(args: list[str], url: str) -> subprocess.CompletedProcess:
    """Run ``skillgraph ARGS`` on Virtuoso and on the embedded store; both must agree."""
    remote, here = run(*args, "--store", url), run(*args)
    assert (remote.returncode, remote.stdout, remote.stderr) == (
        here.returncode,
        here.stdout,
        here.stderr,
    ), args
    return remote


def test_the_server_really_cuts_answers(virtuoso, url):
    # Asked directly, Virtuoso sends its first 1,000 rows and says so only in a header:
    # the rest of this module reads through that cut.
    body = urllib.parse.urlencode(
        {"query": "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "default-graph-uri": GRAPH}
    ).encode()
    request = urllib.request.Request(
        virtuoso.sparql, data=body, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["X-SPARQL-MaxRows"] == str(SMALL_MAX_ROWS)
        assert len(json.load(response)["results"]["bindings"]) == SMALL_MAX_ROWS
    store = skillgraph.open(url).store
    local = skillgraph.open().store
    rows = {tuple(r) for r in store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")}
    # Every triple, read through the cut in pages (the default taxonomy with its
    # vocabulary alignments holds several thousand).
    assert len(store) == len(local) == len(rows) > 5 * SMALL_MAX_ROWS
    assert rows == {(q.subject, q.predicate, q.object) for q in local.ox}


def test_the_store_is_the_dumped_one(url):
    store = skillgraph.open(url).store
    local = skillgraph.open().store
    # The dump carries the content id and the metadata, so derived data is cached.
    assert store.content_id == local.content_id
    assert store.meta["sources"] == local.meta["sources"]
    assert store.cache_dir is not None


@pytest.mark.parametrize(
    "args",
    [
        # (test_remote_cli.py runs the JSON forms on three more data sets)
        ["stats"],
        ["search", "market"],
        ["show", "data analyst"],
        ["show", "no such thing"],
        ["next", "data analyst"],
        ["path", "data analyst", "data scientist"],
    ],
    ids=" ".join,
)
def test_commands_answer_as_the_embedded_store(url, args):
    remote, here = run(*args, "--store", url), run(*args)
    assert remote.returncode == here.returncode, remote.stderr
    if args[0] == "stats":
        # It names the store.
        for proc in (remote, here):
            proc.stdout = proc.stdout.replace(url, "STORE").replace(
                "built-in default taxonomy", "STORE"
            )
    assert (remote.stdout, remote.stderr) == (here.stdout, here.stderr)


@pytest.mark.parametrize(
    ("fmt", "syntax"),
    [
        ("turtle", ox.RdfFormat.TURTLE),
        ("ntriples", ox.RdfFormat.N_TRIPLES),
        ("rdfxml", ox.RdfFormat.RDF_XML),
        ("jsonld", ox.RdfFormat.JSON_LD),
    ],
)
def test_export_every_rdf_format_as_the_embedded_store(url, fmt, syntax, tmp_path):
    graphs = []
    for name, where in (("remote", ["--store", url]), ("here", [])):
        out = tmp_path / f"{name}.{fmt}"
        proc = run("export", "--format", fmt, "-o", str(out), *where)
        assert proc.returncode == 0, proc.stderr
        # Read with pyoxigraph (rdflib's JSON-LD parser warns), compared by rdflib.
        triples = ox.serialize(ox.parse(path=out, format=syntax), format=ox.RdfFormat.N_TRIPLES)
        graphs.append(rdflib.Graph().parse(data=triples, format="nt"))
    assert len(graphs[0]) > len(skillgraph.open().store)
    assert isomorphic(graphs[0], graphs[1])


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "cytoscape", "osn-rsd"])
def test_export_other_formats_byte_equal(url, fmt, tmp_path):
    outputs = []
    for name, where in (("remote", ["--store", url]), ("here", [])):
        out = tmp_path / name
        proc = run("export", "--format", fmt, "-o", str(out), *where)
        assert proc.returncode == 0, proc.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_dump_of_the_server_is_exact(url, tmp_path):
    quads = []
    for name, where in (("remote", ["--store", url]), ("here", [])):
        out = tmp_path / f"{name}.nq"
        proc = run("dump", "-o", str(out), *where)
        assert proc.returncode == 0, proc.stderr
        quads.append(set(ox.parse(path=out, format=ox.RdfFormat.N_QUADS)))
    assert quads[0] == quads[1]
    assert sum(1 for q in quads[0] if q.graph_name == ox.NamedNode(META_GRAPH)) == 2


def test_sparql_select_ask_and_construct(url):
    _same(["sparql", f"SELECT ?r ?l WHERE {{ ?r a <{SG}Role> ; "
                     "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l } ORDER BY ?l",
           "--format", "csv"], url)  # fmt: skip
    # Virtuoso 7.2 answers ASK as a table; it must still be true or false.
    ask = run("sparql", f"ASK {{ ?r a <{SG}Role> }}", "--store", url)
    assert (ask.returncode, ask.stdout.strip()) == (0, "true"), ask.stderr
    ask = run("sparql", "ASK { <urn:no> ?p ?o }", "--store", url)
    assert (ask.returncode, ask.stdout.strip()) == (0, "false"), ask.stderr
    construct = f"CONSTRUCT {{ ?r a <{SG}Role> }} WHERE {{ ?r a <{SG}Role> }}"
    graphs = []
    for where in (["--store", url], []):
        proc = run("sparql", construct, "--format", "ntriples", *where)
        assert proc.returncode == 0, proc.stderr
        graphs.append(rdflib.Graph().parse(data=proc.stdout, format="nt"))
    assert len(graphs[0]) == 85
    assert isomorphic(graphs[0], graphs[1])


def test_a_graph_answer_beyond_the_row_cap_fails_in_one_line(url):
    proc = run("sparql", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "--store", url)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "ResultSetMaxRows" in lines[0] and "virtuoso.ini" in lines[0]


def test_import_is_refused_in_one_line(url):
    before = skillgraph.open(url).store.content_id
    proc = run("import", "rdf", str(FIXTURES / "tiny.ttl"), "--store", url, "--replace")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "bulk loader" in lines[0] and "skillgraph dump" in lines[0]
    assert skillgraph.open(url).store.content_id == before


def test_without_graph_the_system_graphs_show(virtuoso, url):
    # Virtuoso's default graph is every graph, its own system graphs included: hence
    # ``?graph=`` in the URL.  Without it the data is still usable, but uncached.
    plain = skillgraph.open(virtuoso.sparql).store
    assert plain.meta.get("unversioned") and plain.cache_dir is None
    assert len(plain) > len(skillgraph.open(url).store)


def test_serve_answers_as_the_embedded_store(url, tmp_path):
    from skillgraph_web import create_app

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    argv = [str(SKILLGRAPH), "serve", "--store", url, "--port", str(port), "--workers", "1"]
    env = dict(os.environ, GUNICORN_CMD_ARGS="--no-control-socket")
    env.pop("SKILLGRAPH_STORE", None)

    def ready() -> bool:
        with urllib.request.urlopen(base + "/api/stats", timeout=5):
            return True

    local = create_app({"TESTING": True}).test_client()
    route = "/api/path?" + urllib.parse.urlencode({"from": "data analyst", "to": "data scientist"})
    construct = f"CONSTRUCT {{ ?r a <{SG}Role> }} WHERE {{ ?r a <{SG}Role> }}"
    sparql = "/sparql?" + urllib.parse.urlencode({"query": construct})
    with running(argv, env, ready, name="skillgraph serve"):
        with urllib.request.urlopen(base + route, timeout=60) as response:
            assert json.load(response) == local.get(route).get_json()
        request = urllib.request.Request(base + sparql, headers={"Accept": "text/turtle"})
        with urllib.request.urlopen(request, timeout=60) as response:
            served = rdflib.Graph().parse(data=response.read(), format="turtle")
    expected = rdflib.Graph().parse(
        data=local.get(sparql, headers={"Accept": "text/turtle"}).data, format="turtle"
    )
    assert len(served) == 85 and isomorphic(served, expected)


def test_dump_needs_an_iri():
    proc = run("dump", "--graph", "not an iri", "-o", os.devnull)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "error: --graph 'not an iri' is not an IRI"


def test_fixture_server_stops_when_the_test_process_dies(virtuoso, tmp_path):
    # The fixture's Virtuoso must not outlive an interrupted test run.
    script = (
        "import sys, time; from pathlib import Path; "
        "from tests.remote.virtuoso import Virtuoso; "
        "v = Virtuoso(Path(sys.argv[1])); print(v.process.pid, flush=True); time.sleep(600)"
    )
    root = Path(__file__).resolve().parents[2]
    parent = subprocess.Popen(
        [sys.executable, "-c", script,
         str(tmp_path / "v")],
        cwd=root, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        child = int(parent.stdout.readline())
    finally:
        parent.kill()
        parent.wait()
        parent.stdout.close()
    for _ in range(100):
        if _state(child) == "Z":
            return
        time.sleep(0.1)
    raise AssertionError(f"Virtuoso {child} still runs after its parent died")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return "Z"
