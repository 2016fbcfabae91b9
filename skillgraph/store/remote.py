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
``http://h:8890/sparql?graph=G``          Virtuoso (read-only: ``skillgraph dump`` + bulk loader)
``https://h:8182/sparql``                 Neptune (updates on the same URL)
========================================  ============================================

Other options: ``timeout=SECONDS`` (each HTTP call, default 60); ``graph=IRI``, the named
graph holding the content where the default graph is every graph (Virtuoso): queries
name it as ``default-graph-uri``, and the metadata is read from ``meta_graph_for(IRI)``.
Credentials come from ``$SKILLGRAPH_STORE_USER`` / ``$SKILLGRAPH_STORE_PASSWORD`` (HTTP
basic auth), never from the URL, which is printed in messages and statistics.

The content id and the import metadata live in the server itself, in the named graph
``META_GRAPH`` (``meta_graph_for(graph)``), written by the same request as the content.
Derived data (projection, label index, transition graph) is cached in a local folder,
keyed by the content id.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import StoreError
from ..settings import remote_cache_root
from .alignment import materialise_alignments
from .base import Store, new_meta, ontology_bytes
from .client import RemoteOx
from .endpoints import DEFAULT_TIMEOUT, Endpoints
from .protocol import (
    META_GRAPH,
    meta_graph_for,
    meta_quads,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "META_GRAPH",
    "Endpoints",
    "RemoteOx",
    "RemoteStore",
    "build_remote",
    "dump_quads",
    "open_remote",
]


def dump_quads(store: Store, graph: str | None = None) -> Iterator[ox.Quad]:
    """A store's content and metadata, as quads: the content in the default graph (or in
    ``graph``), the metadata in ``meta_graph_for(graph)``.

    Loaded into a server (Virtuoso: its bulk loader; the store URL then says
    ``?graph=GRAPH``) it is the same store, content id included, so caches work.
    """
    name = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
    for q in store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        yield ox.Quad(q.subject, q.predicate, q.object, name)
    meta = {k: v for k, v in store.meta.items() if k != "unversioned"}
    yield from meta_quads(meta, meta_graph_for(graph))


class RemoteStore(Store):
    """A store on a SPARQL server (see the module's documentation).

    ``path`` is the URL as given (so that worker processes open the same store); the
    derived data is cached in ``cache_dir``, a local folder named after the URL.
    """

    def __init__(self, endpoints: Endpoints, meta: dict[str, Any]):
        client = RemoteOx(endpoints)
        # RemoteOx answers the part of pyoxigraph.Store's interface skillgraph uses.
        super().__init__(client, meta)  # type: ignore[arg-type]
        self.client = client
        self.endpoints = endpoints
        self.path = endpoints.location  # type: ignore[assignment]

    @property
    def cache_dir(self) -> Path | None:
        if self.meta.get("unversioned"):
            # Content not written by skillgraph: nothing tells when it changes.
            return None
        if not self.client.holds_content_id(self.content_id):
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
    if endpoints.graph is not None and not client.is_virtuoso:
        raise StoreError(
            f"{location}: an import replaces the server's whole dataset; with graph= load "
            "`skillgraph dump --graph GRAPH` with the server's own loader instead"
        )
    if client.is_virtuoso:
        # Its SPARQL user may not update, one INSERT DATA of a taxonomy is beyond what it
        # takes in a request, and DROP ALL would drop its own system graphs.
        raise StoreError(
            f"{location}: Virtuoso is loaded with its bulk loader, not over HTTP: import "
            "into a local store, `skillgraph dump --store LOCAL --graph GRAPH -o FILE.nq`, "
            "then ld_dir(...) and rdf_loader_run() (see the README's Remote store section)"
        )
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
