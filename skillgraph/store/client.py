"""``RemoteOx``: the subset of ``pyoxigraph.Store`` that skillgraph uses, over the SPARQL
1.1 protocol (queries as form POST, large answers read in pages and checked against a
count, graph answers at a server's row limit refused by name)."""

from __future__ import annotations

import base64
import json
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from ..errors import StoreError
from ..settings import remote_credentials
from .endpoints import Endpoints
from .protocol import (
    CONTENT_ID,
    GRAPH_ACCEPT,
    GRAPH_FORMATS,
    META_GRAPH,
    META_JSON,
    RESULT_FORMATS,
    RESULTS_ACCEPT,
    VIRTUOSO_CAP,
    XML_DECLARATION,
    as_list,
    boolean_results,
    chain,
    json_blank_nodes,
    meta_graph_for,
    meta_quads,
    query_form,
    split_prologue,
    with_param,
)


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
        credentials = remote_credentials()
        self._auth = None
        if credentials is not None:
            pair = ":".join(credentials).encode()
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
        if kind.endswith(("/xml", "+xml")) and XML_DECLARATION.search(body):
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
        defaults = [g.value for g in as_list(default_graph)]
        named = [g.value for g in as_list(named_graphs)]
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
            sparql, params, GRAPH_ACCEPT if graph_query else RESULTS_ACCEPT
        )
        if kind in GRAPH_FORMATS:
            triples = [q.triple for q in ox.parse(body, GRAPH_FORMATS[kind])]
            self._check_graph_size(len(triples))
            return triples
        if kind not in RESULT_FORMATS:
            raise StoreError(f"{url}: the SPARQL server answered in {kind}, which is not a result")
        fmt = RESULT_FORMATS[kind]
        if fmt == ox.QueryResultsFormat.JSON and b'"bnode"' in body:
            body = json_blank_nodes(body)
        cap = headers.get("X-SPARQL-MaxRows", "").strip()
        if form == "SELECT" and cap.isdigit() and int(cap) > 0:
            # The server says it stopped at its row limit (Virtuoso sends this header
            # when an answer reaches ResultSetMaxRows): read everything again in pages.
            if fmt != ox.QueryResultsFormat.JSON:
                solutions = ox.parse_query_results(body, fmt)
                assert isinstance(solutions, ox.QuerySolutions)  # a SELECT's answer
                variables = [v.value for v in solutions.variables]
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
                return boolean_results(value)
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
                    data = json_blank_nodes(data)
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
                rows = list(self._query(VIRTUOSO_CAP, []))
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
        url = with_param(self.endpoints.store, "default", None)
        kind, body = self.request("GET", url, accept="application/n-triples")
        fmt = GRAPH_FORMATS.get(kind, ox.RdfFormat.N_TRIPLES)
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
                f"{{ <{META_GRAPH}> <{META_JSON}> ?m }} }}"
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
                f"ASK {{ GRAPH <{self.meta_graph}> {{ <{META_GRAPH}> <{CONTENT_ID}> {literal} }} }}"
            )
        )

    def has_content(self) -> bool:
        return bool(self.query("ASK { ?s ?p ?o }"))

    def replace(self, quads: Iterator[ox.Quad], meta: dict[str, Any]) -> None:
        """Replace the server's whole dataset with ``quads`` and ``meta`` in one request."""
        metadata = meta_quads(meta)
        with tempfile.TemporaryFile() as body:
            if self.endpoints.store is not None:
                ox.serialize(chain(quads, metadata), body, ox.RdfFormat.N_QUADS)
                method, url, kind = "PUT", self.endpoints.store, "application/n-quads"
            elif self.endpoints.update is not None:
                # One SPARQL update request; its triples are N-Triples, which SPARQL reads.
                body.write(b"DROP ALL ;\nINSERT DATA {\n")
                ox.serialize((q.triple for q in quads), body, ox.RdfFormat.N_TRIPLES)
                body.write(f"GRAPH <{META_GRAPH}> {{\n".encode())
                ox.serialize((q.triple for q in metadata), body, ox.RdfFormat.N_TRIPLES)
                body.write(b"}\n}\n")
                method, url, kind = "POST", self.endpoints.update, "application/sparql-update"
            else:
                raise StoreError(
                    f"{self.endpoints.location}: no update or store endpoint to import into"
                )
            length = body.tell()
            body.seek(0)
            self.request(method, url, body=body, content_type=kind, length=length)
