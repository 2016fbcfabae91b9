"""The remote store's own guarantees: the web app and SPARQL on it, exports equal to a
local store's, a failed import changes nothing, an unreachable server is one clear line."""

from __future__ import annotations

import io
import json

import pytest
import rdflib
from rdflib.compare import isomorphic

import skillgraph
from skillgraph.errors import StoreError
from skillgraph.formats.exporters import export
from skillgraph.store.remote import META_GRAPH, Endpoints, RemoteStore

from .helpers import FIXTURES, free_port, run

TINY = FIXTURES / "tiny.ttl"


@pytest.fixture(scope="module")
def tiny(server, tmp_path_factory):
    """(server URL, local store path), both holding tests/fixtures/tiny.ttl."""
    local = tmp_path_factory.mktemp("local") / "store"
    assert run("import", "rdf", str(TINY), "--store", str(local)).returncode == 0
    proc = run("import", "rdf", str(TINY), "--store", server.url, "--replace")
    assert proc.returncode == 0, proc.stderr
    return server.url, str(local)


def test_open_reads_meta_from_the_server(tiny):
    url, local = tiny
    store = skillgraph.open(url).store
    assert isinstance(store, RemoteStore)
    assert store.meta["sources"] == skillgraph.open(local).store.meta["sources"]
    assert len(store) == len(skillgraph.open(local).store)
    # The cache lives in a local folder, keyed by the URL; the files by the content id.
    assert store.cache_dir is not None and store.cache_dir.is_dir()
    assert any(store.cache_dir.glob("*.pickle"))


def test_environment_variable_names_the_server(tiny, monkeypatch):
    url, _ = tiny
    monkeypatch.setenv("SKILLGRAPH_STORE", url)
    assert skillgraph.open().store.path == url


def test_export_turtle_isomorphic_to_local(tiny):
    url, local = tiny
    graphs = []
    for where in (url, local):
        out = io.BytesIO()
        graph = skillgraph.open(where)
        export(graph, "turtle", out)
        # The export's concept scheme is named after the content id, which differs.
        text = out.getvalue().replace(graph.store.content_id.encode(), b"CONTENT")
        graphs.append(rdflib.Graph().parse(data=text, format="turtle"))
    assert len(graphs[0]) > 0
    assert isomorphic(graphs[0], graphs[1])


def test_export_esco_csv_equal_to_local(tiny, tmp_path):
    url, local = tiny
    for name, where in (("remote", url), ("local", local)):
        export(skillgraph.open(where), "esco-csv", tmp_path / name)
    names = sorted(p.name for p in (tmp_path / "local").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "remote").iterdir())
    for name in names:
        assert (tmp_path / "remote" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_failed_import_leaves_the_server_unchanged(server, tiny, tmp_path):
    before = server.dump()
    assert META_GRAPH.encode() in before
    broken = tmp_path / "broken.ttl"
    broken.write_text(TINY.read_text(encoding="utf-8") + "\n<http://e/a> <http://e/b> .\n")
    proc = run("import", "rdf", str(broken), "--store", server.url, "--replace")
    assert proc.returncode == 1
    assert "broken.ttl" in proc.stderr
    assert server.dump() == before


def test_import_without_merge_or_replace_refused(server, tiny):
    before = server.dump()
    proc = run("import", "rdf", str(TINY), "--store", server.url)
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        f"error: {server.url} already holds a taxonomy: say --merge to add to it "
        "or --replace to replace it"
    )
    assert server.dump() == before


def test_merge_keeps_what_was_there(server, tiny, tmp_path):
    url, _ = tiny
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix sg: <https://w3id.org/skillgraph/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<http://example.org/r/new> a sg:Role, skos:Concept ; skos:prefLabel "new role"@en .\n',
        encoding="utf-8",
    )
    before = skillgraph.open(url)
    roles_before = before.taxonomy.n_roles
    proc = run("import", "rdf", str(extra), "--store", url, "--merge")
    assert proc.returncode == 0, proc.stderr
    after = skillgraph.open(url)
    assert after.store.content_id != before.store.content_id
    assert after.taxonomy.n_roles == roles_before + 1
    # A handle opened before the import no longer caches anything under its content id.
    assert before.store.cache_dir is None and after.store.cache_dir is not None
    assert [s["name"] for s in after.store.meta["sources"]] == [
        "RDF file tiny.ttl",
        "RDF file extra.ttl",
    ]
    # Back to the module's content for the other tests.
    assert run("import", "rdf", str(TINY), "--store", url, "--replace").returncode == 0


def test_unreachable_server_is_one_clear_line():
    url = f"http://127.0.0.1:{free_port()}/query"
    proc = run("stats", "--store", url)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"error: {url}: cannot reach the SPARQL server")
    with pytest.raises(StoreError, match="cannot reach the SPARQL server"):
        skillgraph.open(url)


def test_empty_server_says_how_to_fill_it(tmp_path_factory):
    from .conftest import Server, oxigraph_binary

    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the `oxigraph` server binary is absent")
    empty = Server(binary, tmp_path_factory.mktemp("empty-server"))
    try:
        proc = run("stats", "--store", empty.url)
    finally:
        empty.stop()
    assert proc.returncode == 1
    assert "holds no data" in proc.stderr and "skillgraph import" in proc.stderr


def test_endpoints_for_other_servers():
    fuseki = Endpoints.parse("http://h:3030/ds/query?update=update&store=data")
    assert (fuseki.query, fuseki.update, fuseki.store) == (
        "http://h:3030/ds/query",
        "http://h:3030/ds/update",
        "http://h:3030/ds/data",
    )
    graphdb = Endpoints.parse("http://h:7200/repositories/x?update=x/statements&store=x/statements")
    assert (graphdb.query, graphdb.update, graphdb.store) == (
        "http://h:7200/repositories/x",
        "http://h:7200/repositories/x/statements",
        "http://h:7200/repositories/x/statements",
    )
    with pytest.raises(StoreError, match="no credentials"):
        Endpoints.parse("http://user:secret@h:7878/")


def test_upload_through_sparql_update_only(server, tiny):
    """Servers without a dataset endpoint (Virtuoso, Neptune) get one SPARQL update."""
    _, local = tiny
    update_only = f"{server.url}/query?store="
    proc = run("import", "rdf", str(TINY), "--store", update_only, "--replace")
    assert proc.returncode == 0, proc.stderr
    assert (
        json.loads(run("stats", "--json", "--store", update_only).stdout)["counts"]
        == (json.loads(run("stats", "--json", "--store", local).stdout)["counts"])
    )


def test_sparql_cli_forwards_checked_queries(tiny):
    url, local = tiny
    query = (
        "SELECT ?r ?l WHERE { ?r a <https://w3id.org/skillgraph/ontology#Role> ; "
        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l } ORDER BY ?l"
    )
    remote = run("sparql", query, "--format", "csv", "--store", url)
    here = run("sparql", query, "--format", "csv", "--store", local)
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == here.stdout and "office clerk" in remote.stdout
    refused = run(
        "sparql", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "--store", url
    )
    assert refused.returncode == 1 and "SERVICE" in refused.stderr
    update = run("sparql", "DROP ALL", "--store", url)
    assert update.returncode == 1
    assert skillgraph.open(url).taxonomy.n_roles == 3


def test_web_app_on_the_server(tiny, monkeypatch):
    from skillgraph_web import create_app

    url, local = tiny
    monkeypatch.setenv("SKILLGRAPH_STORE", url)
    app = create_app({"TESTING": True})
    client = app.test_client()
    graph = skillgraph.open(url)
    clerk = graph.resolve("office clerk")
    page = client.get("/concept", query_string={"uri": clerk.uri})
    assert page.status_code == 200 and "office clerk" in page.get_data(as_text=True)
    answer = client.get(
        "/api/path", query_string={"from": "office clerk", "to": "social media assistant"}
    )
    assert answer.status_code == 200, answer.get_data(as_text=True)
    expected = skillgraph.open(local).career_paths("office clerk", "social media assistant", k=1)
    assert answer.get_json()["paths"][0]["cost"] == pytest.approx(expected[0].cost)
    sparql = client.post(
        "/sparql",
        data={
            "query": "SELECT (COUNT(*) AS ?n) "
            "WHERE { ?s a <https://w3id.org/skillgraph/ontology#Role> }"
        },
        headers={"Accept": "application/sparql-results+json"},
    )
    assert sparql.status_code == 200, sparql.get_data(as_text=True)
    assert sparql.get_json()["results"]["bindings"][0]["n"]["value"] == "3"
    refused = client.post("/sparql", data={"update": "DROP ALL"})
    assert refused.status_code in (400, 403)
