"""A store on a standalone SPARQL 1.1 server: ``--store http://HOST:PORT/...``.

``RemoteStore`` is a ``Store`` whose ``ox`` is a ``RemoteOx``: an HTTP client with the
few methods of ``pyoxigraph.Store`` that skillgraph uses (``query``, ``quads_for_pattern``,
``contains_named_graph``, ``len``), answering with the same pyoxigraph objects, so the
taxonomy projection, search, paths, pages, exports and the SPARQL endpoint's workers run
on it unchanged.

The URL names the server's query endpoint; the update endpoint and the endpoint that takes
a whole dataset (N-Quads) are derived from it or given as options in the URL's query
string (``?update=...&store=...``, relative to the query URL):

========================================  ============================================
``http://h:7878`` or ``http://h:7878/query``  Oxigraph: /query, /update, /store
``http://h:3030/ds/query?update=update&store=data``  Apache Jena Fuseki
``http://h:7200/repositories/X?update=X/statements&store=X/statements``  GraphDB
``http://h:8890/sparql``                  Virtuoso, Neptune (updates on the same URL)
========================================  ============================================

Other options: ``timeout=SECONDS`` (each HTTP call, default 60).  Credentials come from
``$SKILLGRAPH_STORE_USER`` / ``$SKILLGRAPH_STORE_PASSWORD`` (HTTP basic auth), never
from the URL, which is printed in messages and statistics.

The content id and the import metadata live in the server itself, in the named graph
``META_GRAPH``, written by the same request as the content.  Derived data (projection,
label index, transition graph) is cached in a local folder, keyed by the content id.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import StoreError
from ..settings import remote_cache_root, remote_credentials
from .alignment import materialise_alignments
from .base import Store, new_meta, ontology_bytes
from .endpoints import Endpoints

__all__ = [
    "META_GRAPH",
    "Endpoints",
    "RemoteOx",
    "RemoteStore",
    "build_remote",
    "open_remote",
]

#: The named graph holding the content id and the import metadata of a remote store.
META_GRAPH = "https://w3id.org/skillgraph/id/store/meta"
_CONTENT_ID = "https://w3id.org/skillgraph/id/store/contentId"
_META_JSON = "https://w3id.org/skillgraph/id/store/metaJson"
_RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}
_XML_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# SELECT/ASK results and CONSTRUCT/DESCRIBE graphs: the server picks what fits the query.
_ACCEPT = (
    "application/sparql-results+json, application/n-triples, "
    "application/sparql-results+xml;q=0.8, text/turtle;q=0.8"
)


class RemoteOx:
    """The subset of ``pyoxigraph.Store`` that skillgraph uses, over SPARQL 1.1 HTTP."""

    def __init__(self, endpoints: Endpoints):
        self.endpoints = endpoints
        credentials = remote_credentials()
        self._auth = None
        if credentials is not None:
            pair = ":".join(credentials).encode()
            self._auth = "Basic " + base64.b64encode(pair).decode("ascii")

    # ------------------------------------------------------------ HTTP

    def request(
        self,
        method: str,
        url: str,
        *,
        body=None,
        content_type: str | None = None,
        accept: str | None = None,
        length: int | None = None,
    ) -> tuple[str, bytes]:
        """One HTTP call: ``(content type, body)``; StoreError naming the URL on failure."""
        headers = {"User-Agent": "skillgraph"}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        if length is not None:
            headers["Content-Length"] = str(length)
        if self._auth:
            headers["Authorization"] = self._auth
        req = urllib.request.Request(url, data=body, headers=headers, method=method)
        timeout = self.endpoints.timeout
        try:
            with urllib.request.urlopen(req, timeout=timeout) as response:
                kind = response.headers.get_content_type()
                body = response.read()
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read(2000).decode("utf-8", "replace").split())[:300]
            exc.close()
            if exc.code == 400 and method == "POST" and url == self.endpoints.query:
                # The server refused the query itself, as pyoxigraph would with a ValueError.
                raise ValueError(f"the SPARQL server refused the query: {detail}") from None
            raise StoreError(f"{url}: the SPARQL server answered {exc.code}: {detail}") from None
        except TimeoutError:
            raise StoreError(
                f"{url}: no answer from the SPARQL server within {timeout:g} s"
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"{url}: cannot reach the SPARQL server ({reason})") from None
        if kind.endswith(("/xml", "+xml")) and _XML_DECLARATION.search(body):
            # pyoxigraph's RDF/XML parser expands internal entities (the "billion laughs").
            raise StoreError(
                f"{url}: the SPARQL server answered {kind} declaring a DTD or entities; "
                "refused (entity expansion)"
            )
        return kind, body

    # ------------------------------------------------------------ pyoxigraph.Store API

    def query(
        self,
        sparql: str,
        *,
        use_default_graph_as_union: bool = False,
        default_graph=None,
        named_graphs=None,
        **_ignored,
    ):
        """Run ``sparql`` on the server: solutions, a boolean, or a list of triples.

        ``use_default_graph_as_union`` is the server's business (skillgraph keeps its
        content in the default graph); ``default_graph`` / ``named_graphs`` become the
        protocol's ``default-graph-uri`` / ``named-graph-uri`` parameters.
        """
        params = [("default-graph-uri", g.value) for g in _as_list(default_graph)]
        params += [("named-graph-uri", g.value) for g in _as_list(named_graphs)]
        url = self.endpoints.query
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        kind, body = self.request(
            "POST",
            url,
            body=sparql.encode("utf-8"),
            content_type="application/sparql-query",
            accept=_ACCEPT,
        )
        if kind in _RESULTS:
            return ox.parse_query_results(body, _RESULTS[kind])
        if kind in _GRAPHS:
            return [q.triple for q in ox.parse(body, _GRAPHS[kind])]
        raise StoreError(f"{url}: the SPARQL server answered in {kind}, which is not a result")

    def quads_for_pattern(self, subject, predicate, object, graph_name=None) -> Iterator[ox.Quad]:
        """The matching statements of the default graph (``graph_name`` None or default).

        The whole graph is read in one request (the dataset endpoint, else a CONSTRUCT),
        so its blank nodes are consistent; separate calls get separate blank nodes.
        """
        if graph_name is not None and not isinstance(graph_name, ox.DefaultGraph):
            raise ValueError("a remote store is read from its default graph only")
        if subject is None and predicate is None and object is None:
            return iter(self._default_graph())
        names = [
            "?s" if subject is None else str(subject),
            "?p" if predicate is None else str(predicate),
            "?o" if object is None else str(object),
        ]
        pattern = " ".join(names)
        triples = self.query(f"CONSTRUCT {{ {pattern} }} WHERE {{ {pattern} }}")
        return (ox.Quad(t.subject, t.predicate, t.object) for t in triples)

    def _default_graph(self) -> list[ox.Quad]:
        meta = ox.NamedNode(META_GRAPH)
        if self.endpoints.store is None:
            triples = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
            return [ox.Quad(t.subject, t.predicate, t.object) for t in triples if t.subject != meta]
        url = _with_param(self.endpoints.store, "default", None)
        kind, body = self.request("GET", url, accept="application/n-triples")
        fmt = _GRAPHS.get(kind, ox.RdfFormat.N_TRIPLES)
        # Servers whose "default graph" is every graph (or that ignore ``?default``) send
        # the metadata too; it is not content.
        return [
            ox.Quad(q.subject, q.predicate, q.object)
            for q in ox.parse(body, fmt)
            if q.subject != meta
        ]

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        return int(rows[0][0].value)

    # ------------------------------------------------------------ skillgraph's own

    def read_meta(self) -> dict[str, Any] | None:
        """The import metadata kept in ``META_GRAPH``, or None when there is none."""
        rows = list(
            self.query(
                f"SELECT ?m WHERE {{ GRAPH <{META_GRAPH}> {{ <{META_GRAPH}> <{_META_JSON}> ?m }} }}"
            )
        )
        if not rows:
            return None
        try:
            meta = json.loads(rows[0][0].value)
        except ValueError as exc:
            raise StoreError(
                f"{self.endpoints.location}: unreadable store metadata: {exc}"
            ) from None
        if not isinstance(meta, dict) or "content_id" not in meta:
            raise StoreError(f"{self.endpoints.location}: store metadata without a content id")
        return meta

    def holds_content_id(self, content_id: str) -> bool:
        literal = ox.Literal(content_id)
        return bool(
            self.query(
                f"ASK {{ GRAPH <{META_GRAPH}> {{ <{META_GRAPH}> <{_CONTENT_ID}> {literal} }} }}"
            )
        )

    def has_content(self) -> bool:
        return bool(self.query("ASK { ?s ?p ?o }"))

    def replace(self, quads: Iterator[ox.Quad], meta: dict[str, Any]) -> None:
        """Replace the server's whole dataset with ``quads`` and ``meta`` in one request."""
        meta_quads = _meta_quads(meta)
        with tempfile.TemporaryFile() as body:
            if self.endpoints.store is not None:
                ox.serialize(_chain(quads, meta_quads), body, ox.RdfFormat.N_QUADS)
                method, url, kind = "PUT", self.endpoints.store, "application/n-quads"
            elif self.endpoints.update is not None:
                # One SPARQL update request; its triples are N-Triples, which SPARQL reads.
                body.write(b"DROP ALL ;\nINSERT DATA {\n")
                ox.serialize((q.triple for q in quads), body, ox.RdfFormat.N_TRIPLES)
                body.write(f"GRAPH <{META_GRAPH}> {{\n".encode())
                ox.serialize((q.triple for q in meta_quads), body, ox.RdfFormat.N_TRIPLES)
                body.write(b"}\n}\n")
                method, url, kind = "POST", self.endpoints.update, "application/sparql-update"
            else:
                raise StoreError(
                    f"{self.endpoints.location}: no update or store endpoint to import into"
                )
            length = body.tell()
            body.seek(0)
            self.request(method, url, body=body, content_type=kind, length=length)


def _as_list(graphs) -> list:
    if graphs is None:
        return []
    if isinstance(graphs, (list, tuple, set)):
        return [g for g in graphs if isinstance(g, ox.NamedNode)]
    return [graphs] if isinstance(graphs, ox.NamedNode) else []


def _with_param(url: str, key: str, value: str | None) -> str:
    extra = key if value is None else urllib.parse.urlencode({key: value})
    return url + ("&" if "?" in url else "?") + extra


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable


def _meta_quads(meta: dict[str, Any]) -> list[ox.Quad]:
    node, graph = ox.NamedNode(META_GRAPH), ox.NamedNode(META_GRAPH)
    return [
        ox.Quad(node, ox.NamedNode(_CONTENT_ID), ox.Literal(meta["content_id"]), graph),
        ox.Quad(node, ox.NamedNode(_META_JSON), ox.Literal(json.dumps(meta)), graph),
    ]


# ----------------------------------------------------------------- the store


class RemoteStore(Store):
    """A store on a SPARQL server (see the module's documentation).

    ``path`` is the URL as given (so that worker processes open the same store); the
    derived data is cached in ``cache_dir``, a local folder named after the URL.
    """

    def __init__(self, endpoints: Endpoints, meta: dict[str, Any]):
        super().__init__(RemoteOx(endpoints), meta)
        self.endpoints = endpoints
        self.path = endpoints.location  # type: ignore[assignment]

    @property
    def cache_dir(self) -> Path | None:
        if self.meta.get("unversioned"):
            # Content not written by skillgraph: nothing tells when it changes.
            return None
        if not self.ox.holds_content_id(self.content_id):
            # The server's content changed since this store was opened: data derived now
            # would mix old and new, and must not be cached under the old content id.
            return None
        digest = hashlib.sha256(self.endpoints.location.encode()).hexdigest()[:16]
        folder = remote_cache_root() / digest
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            return None
        return folder

    @property
    def is_default(self) -> bool:
        return False

    @property
    def graph(self):
        """The store as a read-only rdflib ``Graph`` over the query endpoint."""
        if self._graph is None:
            from rdflib import Graph
            from rdflib.plugins.stores.sparqlstore import SPARQLStore

            self._graph = Graph(store=SPARQLStore(self.endpoints.query, returnFormat="json"))
        return self._graph

    def __len__(self) -> int:
        return len(self.ox)

    def __repr__(self) -> str:
        return f"<RemoteStore {self.endpoints.location} content={self.content_id}>"


def open_remote(location: str) -> RemoteStore:
    """Open the store on the SPARQL server at ``location``."""
    endpoints = Endpoints.parse(location)
    client = RemoteOx(endpoints)
    meta = client.read_meta()
    if meta is None:
        if not client.has_content():
            raise StoreError(
                f"{location}: the SPARQL server holds no data; create a store with "
                f"`skillgraph import ... --store {location}`"
            )
        # Data loaded by other means: usable, but without caches (no content id to key them).
        meta = {"content_id": "unversioned-" + uuid.uuid4().hex[:16], "unversioned": True}
        meta.update(sources=[], quality={}, counts={})
    return RemoteStore(endpoints, meta)


def holds_taxonomy(location: str) -> bool:
    """Whether the server at ``location`` holds any data (an import must then merge or
    replace explicitly)."""
    return RemoteOx(Endpoints.parse(location)).has_content()


def build_remote(
    location: str, fill: Callable[[ox.Store], dict[str, Any]], *, merge: bool = False
) -> RemoteStore:
    """Import into the server at ``location``: ``fill`` a local in-memory store, then
    replace the server's dataset with it (and the new metadata) in one request.

    ``fill`` runs before anything is sent, so whatever it raises leaves the server as it
    was; with ``merge=True`` the local store starts as a copy of the server's content.
    """
    endpoints = Endpoints.parse(location)
    client = RemoteOx(endpoints)
    previous = client.read_meta()  # fails fast, before any work, when unreachable
    local = ox.Store()
    if merge and client.has_content():
        local.bulk_extend(client.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    produced = fill(local) or {}
    local.load(ontology_bytes("skillgraph.ttl"), format=ox.RdfFormat.TURTLE)
    materialise_alignments(local)
    meta = new_meta(uuid.uuid4().hex[:16], produced, (previous or {}) if merge else {})
    meta["counts"]["triples"] = len(local)
    now = client.read_meta()
    if (now or {}).get("content_id") != (previous or {}).get("content_id"):
        raise StoreError(
            f"{location}: the store changed while this import ran (another import?); "
            "nothing was written, try again"
        )
    client.replace(local.quads_for_pattern(None, None, None, ox.DefaultGraph()), meta)
    del local
    return RemoteStore(endpoints, meta)
