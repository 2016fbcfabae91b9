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

import base64
import hashlib
import json
import os
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import StoreError
from .store import Store, _new_meta, ontology_bytes

__all__ = [
    "META_GRAPH",
    "Endpoints",
    "RemoteOx",
    "RemoteStore",
    "build_remote",
    "dump_quads",
    "is_remote",
    "open_remote",
]

#: The named graph holding the content id and the import metadata of a remote store.
META_GRAPH = "https://w3id.org/skillgraph/id/store/meta"
_CONTENT_ID = "https://w3id.org/skillgraph/id/store/contentId"
_META_JSON = "https://w3id.org/skillgraph/id/store/metaJson"
DEFAULT_TIMEOUT = 60.0
USER_VAR = "SKILLGRAPH_STORE_USER"
PASSWORD_VAR = "SKILLGRAPH_STORE_PASSWORD"
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
_RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.8"
_GRAPH_ACCEPT = (
    "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5, "
    "application/sparql-results+json;q=0.1"
)
_VIRTUOSO_CAP = (
    "SELECT (bif:cfg_item_value(bif:virtuoso_ini_path(), 'SPARQL', 'ResultSetMaxRows') AS ?n) {}"
)
# A prologue item (PREFIX, BASE) or a comment, before the query form's keyword.
_PROLOGUE_ITEM = re.compile(
    r"\s*(?:#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.I
)
_BLANK_LABEL = re.compile(r"[^A-Za-z0-9_]")


def is_remote(location: object) -> bool:
    """Whether a store location names a SPARQL server.

    >>> is_remote("http://127.0.0.1:7878/query"), is_remote("esco-store"), is_remote(None)
    (True, False, False)
    """
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Endpoints:
    """Where to send queries, updates and whole datasets; ``location`` is the URL as given.

    >>> e = Endpoints.parse("http://h:7878")
    >>> e.query, e.update, e.store
    ('http://h:7878/query', 'http://h:7878/update', 'http://h:7878/store')
    >>> e = Endpoints.parse("http://h:3030/ds/query?update=update&store=data&timeout=5")
    >>> e.query, e.update, e.store, e.timeout
    ('http://h:3030/ds/query', 'http://h:3030/ds/update', 'http://h:3030/ds/data', 5.0)
    >>> e = Endpoints.parse("http://h:8890/sparql")
    >>> e.query, e.update, e.store
    ('http://h:8890/sparql', 'http://h:8890/sparql', None)
    """

    location: str
    query: str
    update: str | None
    store: str | None
    timeout: float
    #: The named graph holding the content, on servers whose default graph is every graph.
    graph: str | None = None

    @classmethod
    def parse(cls, location: str) -> Endpoints:
        parts = urllib.parse.urlsplit(location)
        if parts.username or parts.password:
            raise StoreError(
                f"{parts.scheme}://{parts.hostname}...: put no credentials in the store URL "
                f"(it is shown in messages); set ${USER_VAR} and ${PASSWORD_VAR}"
            )
        if not parts.hostname:
            raise StoreError(f"{location}: not a server URL")
        options: dict[str, str] = {}
        kept = []
        for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True):
            if key in ("update", "store", "timeout", "graph"):
                options[key] = value
            else:
                kept.append((key, value))
        path = parts.path
        if path in ("", "/"):
            # A bare server address: Oxigraph's conventional endpoints.
            base = f"{parts.scheme}://{parts.netloc}/"
            query, update, store = base + "query", base + "update", base + "store"
        elif path.rstrip("/").endswith("/query"):
            base = f"{parts.scheme}://{parts.netloc}{path.rstrip('/')[: -len('query')]}"
            query, update, store = base + "query", base + "update", base + "store"
        else:
            query = update = f"{parts.scheme}://{parts.netloc}{path}"
            store = None
        if kept:
            query += "?" + urllib.parse.urlencode(kept)
        if "update" in options:
            update = urllib.parse.urljoin(query, options["update"]) if options["update"] else None
        if "store" in options:
            store = urllib.parse.urljoin(query, options["store"]) if options["store"] else None
        try:
            timeout = float(options.get("timeout", DEFAULT_TIMEOUT))
        except ValueError:
            raise StoreError(
                f"{location}: timeout={options['timeout']!r} is not a number"
            ) from None
        if timeout <= 0:
            raise StoreError(f"{location}: timeout must be positive")
        graph = options.get("graph") or None
        if graph is not None and not is_remote(graph) and ":" not in graph:
            raise StoreError(f"{location}: graph={graph!r} is not an IRI")
        return cls(location, query, update, store, timeout, graph)


class RemoteOx:
    """The subset of ``pyoxigraph.Store`` that skillgraph uses, over SPARQL 1.1 HTTP.

    Queries go as form-encoded ``POST`` (every server takes it; Virtuoso 7.2 never
    answers a direct ``application/sparql-query`` POST).  A ``SELECT`` answer cut at the
    server's row limit (Virtuoso says so in ``X-SPARQL-MaxRows``) is read again in pages
    and checked against a count; a graph answer cannot be paged and fails instead.
    """

    def __init__(self, endpoints: Endpoints):
        self.endpoints = endpoints
        self.server = ""  # the Server header of the last answer
        self._graph_cap: int | None = None
        self._graph_cap_asked = False
        user = os.environ.get(USER_VAR)
        self._auth = None
        if user:
            pair = f"{user}:{os.environ.get(PASSWORD_VAR, '')}".encode()
            self._auth = "Basic " + base64.b64encode(pair).decode("ascii")

    @property
    def meta_graph(self) -> str:
        return meta_graph_for(self.endpoints.graph)

    @property
    def is_virtuoso(self) -> bool:
        return self.server.startswith("Virtuoso")

    # ------------------------------------------------------------ HTTP

    def request(self, method: str, url: str, **kwargs) -> tuple[str, bytes]:
        """One HTTP call: ``(content type, body)``; StoreError naming the URL on failure."""
        kind, body, _ = self.exchange(method, url, **kwargs)
        return kind, body

    def exchange(
        self,
        method: str,
        url: str,
        *,
        body=None,
        content_type: str | None = None,
        accept: str | None = None,
        length: int | None = None,
    ) -> tuple[str, bytes, Any]:
        """One HTTP call: ``(content type, body, headers)``; StoreError on failure."""
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
                answer = response.headers
                body = response.read()
        except urllib.error.HTTPError as exc:
            self.server = exc.headers.get("Server", "") if exc.headers else ""
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
        self.server = answer.get("Server", "")
        if kind.endswith(("/xml", "+xml")) and _XML_DECLARATION.search(body):
            # pyoxigraph's RDF/XML parser expands internal entities (the "billion laughs").
            raise StoreError(
                f"{url}: the SPARQL server answered {kind} declaring a DTD or entities; "
                "refused (entity expansion)"
            )
        state = answer.get("X-SQL-State")
        if state:
            # Virtuoso's "anytime" answers: a query stopped at MaxQueryExecutionTime is
            # answered 200 with whatever rows it had found.
            message = " ".join(answer.get("X-SQL-Message", "").split())[:200]
            raise StoreError(
                f"{url}: the SPARQL server sent an incomplete answer ({state}: {message}); "
                "raise its time limit (Virtuoso: MaxQueryExecutionTime in [SPARQL] of "
                "virtuoso.ini)"
            )
        return kind, body, answer

    def _post_query(self, sparql: str, params: list[tuple[str, str]], accept: str):
        return self.exchange(
            "POST",
            self.endpoints.query,
            body=urllib.parse.urlencode([("query", sparql), *params]).encode("ascii"),
            content_type="application/x-www-form-urlencoded",
            accept=accept,
        )

    def _dataset(self, default_graph, named_graphs) -> list[tuple[str, str]]:
        defaults = [g.value for g in _as_list(default_graph)]
        named = [g.value for g in _as_list(named_graphs)]
        if not defaults and not named and self.endpoints.graph:
            # The content graph as the default graph, the metadata as the named graph.
            defaults, named = [self.endpoints.graph], [self.meta_graph]
        return [("default-graph-uri", g) for g in defaults] + [
            ("named-graph-uri", g) for g in named
        ]

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
        content in the default graph, or in the URL's ``graph=``); ``default_graph`` /
        ``named_graphs`` become the protocol's ``default-graph-uri`` / ``named-graph-uri``.
        """
        return self._query(sparql, self._dataset(default_graph, named_graphs))

    def _query(self, sparql: str, params: list[tuple[str, str]]):
        form = query_form(sparql)
        graph_query = form in ("CONSTRUCT", "DESCRIBE")
        url = self.endpoints.query
        kind, body, headers = self._post_query(
            sparql, params, _GRAPH_ACCEPT if graph_query else _RESULTS_ACCEPT
        )
        if kind in _GRAPHS:
            triples = [q.triple for q in ox.parse(body, _GRAPHS[kind])]
            self._check_graph_size(len(triples))
            return triples
        if kind not in _RESULTS:
            raise StoreError(f"{url}: the SPARQL server answered in {kind}, which is not a result")
        fmt = _RESULTS[kind]
        if fmt == ox.QueryResultsFormat.JSON and b'"bnode"' in body:
            body = _json_blank_nodes(body)
        cap = headers.get("X-SPARQL-MaxRows", "").strip()
        if form == "SELECT" and cap.isdigit() and int(cap) > 0:
            # The server says it stopped at its row limit (Virtuoso sends this header
            # when an answer reaches ResultSetMaxRows): read everything again in pages.
            if fmt != ox.QueryResultsFormat.JSON:
                variables = [v.value for v in ox.parse_query_results(body, fmt).variables]
                doc = self._paged(sparql, params, int(cap), variables)
                body, fmt = json.dumps(doc).encode("utf-8"), ox.QueryResultsFormat.JSON
            else:
                doc = json.loads(body)
                if len(doc["results"]["bindings"]) >= int(cap):
                    doc = self._paged(sparql, params, int(cap), doc["head"].get("vars", []))
                    body = json.dumps(doc).encode("utf-8")
        result = ox.parse_query_results(body, fmt)
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            if form == "ASK" and len(names) == 1:
                # Virtuoso 7.2 answers ASK as a one-column table: one row of 1, or none.
                value = any(row[0] is not None and row[0].value != "0" for row in result)
                return _boolean(value)
            if graph_query:
                # A graph sent as a table of ?s ?p ?o (Virtuoso, asked for results first).
                triples = [ox.Triple(row["s"], row["p"], row["o"]) for row in result]
                self._check_graph_size(len(triples))
                return triples
        return result

    def _paged(self, sparql: str, params, cap: int, variables: list[str]) -> dict:
        """Every row of a SELECT whose answer was cut at the server's ``cap`` rows.

        The rows are counted first, then read ``cap`` at a time: ``OFFSET``/``LIMIT``
        appended to the query, or, when it has its own ``ORDER BY``, ``LIMIT`` or
        ``VALUES`` (Virtuoso refuses to sort past its limit), around it as a subquery.
        A page that repeats the previous one, or a total that differs from the count,
        fails naming the server's setting: nothing is ever returned partially.
        """
        prologue, body = split_prologue(sparql)
        setting = (
            f"the SPARQL server cuts answers at {cap} rows (Virtuoso: ResultSetMaxRows in "
            "[SPARQL] of virtuoso.ini)"
        )
        tail = body[body.rfind("}") + 1 :].upper()
        wrap = any(word in tail for word in ("ORDER", "LIMIT", "OFFSET", "VALUES"))
        rows: list = []
        try:
            counted = self._query(
                f"{prologue}SELECT (COUNT(*) AS ?n) WHERE {{ {{ {body}\n}} }}", params
            )
            total = int(next(iter(counted))[0].value)
            previous = None
            while len(rows) < total:
                if wrap:
                    page = f"{prologue}SELECT * WHERE {{ {{ {body}\n}} }}"
                else:
                    page = f"{prologue}{body}\n"
                page += f" OFFSET {len(rows)} LIMIT {cap}"
                kind, data, _ = self._post_query(page, params, "application/sparql-results+json")
                if kind != "application/sparql-results+json":
                    raise StoreError(f"a page came as {kind}")
                if b'"bnode"' in data:
                    data = _json_blank_nodes(data)
                got = json.loads(data)["results"]["bindings"]
                if not got or got == previous:
                    break
                rows += got
                previous = got
        except (StoreError, ValueError, KeyError, StopIteration) as exc:
            raise StoreError(
                f"{self.endpoints.query}: {setting} and reading this answer in pages "
                f"failed ({str(exc)[:200]}); raise that setting"
            ) from None
        if total != len(rows):
            raise StoreError(
                f"{self.endpoints.query}: {setting}; read {len(rows)} rows in pages but the "
                f"server counts {total}; raise that setting"
            )
        return {"head": {"vars": variables}, "results": {"bindings": rows}}

    def _check_graph_size(self, size: int) -> None:
        """A graph answer cannot be paged: fail when it may have been cut at the limit."""
        if not self.is_virtuoso:
            return
        if not self._graph_cap_asked:
            # Virtuoso cuts CONSTRUCT/DESCRIBE at ResultSetMaxRows triples, saying nothing.
            self._graph_cap_asked = True
            try:
                rows = list(self._query(_VIRTUOSO_CAP, []))
                self._graph_cap = int(rows[0][0].value) if rows else None
            except (StoreError, ValueError, IndexError, TypeError):
                pass
        cap = self._graph_cap
        if cap and size >= cap:
            raise StoreError(
                f"{self.endpoints.query}: the graph answer has {size} triples, the server's "
                f"limit (Virtuoso: ResultSetMaxRows = {cap} in [SPARQL] of virtuoso.ini), so "
                "it may be cut short; raise that setting or narrow the query"
            )

    def quads_for_pattern(self, subject, predicate, object, graph_name=None) -> Iterator[ox.Quad]:
        """The matching statements of the default graph (``graph_name`` None or default).

        The whole graph is read in one request where the server has a dataset endpoint,
        so its blank nodes are consistent; otherwise a (paged) SELECT.
        """
        if graph_name is not None and not isinstance(graph_name, ox.DefaultGraph):
            raise ValueError("a remote store is read from its default graph only")
        if subject is None and predicate is None and object is None:
            return iter(self._default_graph())
        return iter(self._select_quads(subject, predicate, object))

    def _select_quads(self, subject, predicate, object) -> list[ox.Quad]:
        terms = [subject, predicate, object]
        names = ["s", "p", "o"]
        pattern = " ".join(
            "?" + n if t is None else str(t) for n, t in zip(names, terms, strict=True)
        )
        chosen = [n for n, t in zip(names, terms, strict=True) if t is None]
        query = f"SELECT {' '.join('?' + n for n in chosen)} WHERE {{ {pattern} }}"
        if not chosen:
            query = f"SELECT ?x WHERE {{ {pattern} BIND(1 AS ?x) }}"
        meta = ox.NamedNode(META_GRAPH)
        quads = []
        for row in self.query(query):
            s, p, o = (row[n] if t is None else t for n, t in zip(names, terms, strict=True))
            if s != meta:
                # Servers whose default graph is every graph also show the metadata.
                quads.append(ox.Quad(s, p, o))
        return quads

    def _default_graph(self) -> list[ox.Quad]:
        if self.endpoints.store is None:
            return self._select_quads(None, None, None)
        meta = ox.NamedNode(META_GRAPH)
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
        # Asked of the server's whole dataset, whatever graph holds the content.
        return bool(self._query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}", []))

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        return int(rows[0][0].value)

    # ------------------------------------------------------------ skillgraph's own

    def read_meta(self) -> dict[str, Any] | None:
        """The import metadata kept in the meta graph, or None when there is none."""
        rows = list(
            self.query(
                f"SELECT ?m WHERE {{ GRAPH <{self.meta_graph}> "
                f"{{ <{META_GRAPH}> <{_META_JSON}> ?m }} }}"
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
                f"ASK {{ GRAPH <{self.meta_graph}> "
                f"{{ <{META_GRAPH}> <{_CONTENT_ID}> {literal} }} }}"
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


def split_prologue(sparql: str) -> tuple[str, str]:
    """``(prologue, rest)``: the PREFIX/BASE declarations (and comments) before the query.

    >>> split_prologue("PREFIX s: <http://x#> # note\\nSELECT ?a { ?a s:b 1 }")
    ('PREFIX s: <http://x#> # note\\n\\n', 'SELECT ?a { ?a s:b 1 }')
    """
    pos = 0
    while (match := _PROLOGUE_ITEM.match(sparql, pos)) and match.end() > pos:
        pos = match.end()
    rest = sparql[pos:].lstrip()
    return sparql[:pos] + "\n", rest


def query_form(sparql: str) -> str | None:
    """The query's form (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``), or None.

    >>> query_form("PREFIX c: <http://x/construct#> ask { ?s c:p ?o }")
    'ASK'
    """
    match = re.match(r"[A-Za-z]+", split_prologue(sparql)[1])
    return match.group(0).upper() if match else None


def _json_blank_nodes(body: bytes) -> bytes:
    """JSON results whose blank node labels pyoxigraph reads (Virtuoso: ``nodeID://b1``)."""
    doc = json.loads(body)
    for row in (doc.get("results") or {}).get("bindings", []):
        for term in row.values():
            if term.get("type") == "bnode":
                term["value"] = _BLANK_LABEL.sub("", term["value"]) or "b"
    return json.dumps(doc).encode("utf-8")


def _boolean(value: bool):
    """A ``pyoxigraph.QueryBoolean`` (it has no constructor)."""
    text = b'{"head": {}, "boolean": true}' if value else b'{"head": {}, "boolean": false}'
    return ox.parse_query_results(text, ox.QueryResultsFormat.JSON)


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable


def meta_graph_for(graph: str | None) -> str:
    """The named graph holding the metadata of the content in ``graph`` (None: the
    default graph), so that one server can hold several stores.

    >>> meta_graph_for("urn:x:esco")
    'https://w3id.org/skillgraph/id/store/meta?graph=urn%3Ax%3Aesco'
    """
    if graph is None:
        return META_GRAPH
    return f"{META_GRAPH}?graph={urllib.parse.quote(graph, safe='')}"


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
    yield from _meta_quads(meta, meta_graph_for(graph))


def _meta_quads(meta: dict[str, Any], graph_name: str = META_GRAPH) -> list[ox.Quad]:
    node, graph = ox.NamedNode(META_GRAPH), ox.NamedNode(graph_name)
    return [
        ox.Quad(node, ox.NamedNode(_CONTENT_ID), ox.Literal(meta["content_id"]), graph),
        ox.Quad(node, ox.NamedNode(_META_JSON), ox.Literal(json.dumps(meta)), graph),
    ]


# ----------------------------------------------------------------- the store


def cache_root() -> Path:
    """Where remote stores' derived data is cached: ``$XDG_CACHE_HOME/skillgraph/remote``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "skillgraph" / "remote"


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
        folder = cache_root() / digest
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
    meta = _new_meta(uuid.uuid4().hex[:16], produced, (previous or {}) if merge else {})
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
