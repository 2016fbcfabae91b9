"""Running a checked query on Oxigraph, in this process or in a worker process.

``execute`` is the whole job (check, run with the row cap, write the result) on an open
pyoxigraph store.  ``QueryRunner`` runs it in a small pool of worker processes
(``python -m skillgraph.sparql.worker``) that open the store read-only, and kills the
worker when the time limit passes: a thread cannot stop a running query, a process can,
and the caller keeps serving other requests meanwhile.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection

import pyoxigraph as ox

from ..errors import QueryError
from .check import MAX_QUERY_LENGTH, ForbiddenQuery, MalformedQuery, QueryTooLong, check_query
from .negotiate import choose_format
from .results import write_boolean, write_graph, write_solutions

__all__ = [
    "DEFAULT_MAX_ROWS",
    "DEFAULT_TIMEOUT",
    "Answer",
    "NotAcceptable",
    "QueryOutOfMemory",
    "QueryRunner",
    "QueryTimeout",
    "execute",
]

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000
#: Address-space cap of a worker process: a sort or group over a huge cartesian product
#: would otherwise eat the machine's memory before the time limit strikes.
DEFAULT_MEMORY_MB = 2048


class NotAcceptable(QueryError):
    """None of the formats the client accepts can carry this kind of result (HTTP 406)."""

    status = 406


class QueryTimeout(QueryError):
    """The query did not finish within the time limit and was stopped (HTTP 503)."""

    status = 503


class QueryOutOfMemory(QueryError):
    """The query needed more memory than a worker may use and was stopped (HTTP 503)."""

    status = 503


class WorkerFailure(QueryError):
    """The worker process died while running the query (HTTP 500)."""

    status = 500


@dataclass
class Answer:
    """A written result: ``body`` in ``content_type``; ``rows`` solutions or triples."""

    kind: str
    format: str
    content_type: str
    body: bytes
    rows: int
    truncated: bool
    max_rows: int | None
    elapsed: float
    #: The content id of the store generation that answered (set by the worker process).
    content_id: str | None = None


def execute(
    ox_store: ox.Store,
    text: str,
    *,
    accept: str | None = None,
    format: str | list[str] | tuple[str, ...] | None = None,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    max_length: int = MAX_QUERY_LENGTH,
    default_graph_uris: list[str] | tuple[str, ...] = (),
    named_graph_uris: list[str] | tuple[str, ...] = (),
    links: list[str] | tuple[str, ...] = (),
) -> Answer:
    """Check ``text``, run it on ``ox_store`` and write the result (no time limit here).

    Without a dataset in the query or the request, the default graph is the union of all
    graphs of the store.  ``format`` holds the ``format``/``output`` parameters, hints that
    the Accept header replaces when none names a format for this kind of result.

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x")))
    >>> answer = execute(store, "SELECT ?o WHERE { ?s ?p ?o }", format="csv")
    >>> answer.body, answer.rows, answer.truncated
    (b'o\\r\\nx\\r\\n', 1, False)
    """
    started = time.perf_counter()
    checked = check_query(text, max_length=max_length)
    chosen = choose_format(checked.kind, accept, format)
    if chosen is None:
        raise NotAcceptable(
            f"no format for {checked.kind} results matches "
            + f"Accept: {accept}"
            + (f" (nor format={format!r})" if format else "")
        )
    kwargs = _dataset(
        ox_store,
        checked.from_graphs,
        checked.from_named_graphs,
        list(default_graph_uris),
        list(named_graph_uris),
    )
    try:
        # The canonical text the checks passed, never the client's (see check.py).
        result = ox_store.query(checked.text, **kwargs)
        if checked.kind == "boolean":
            body, rows, truncated = write_boolean(bool(result), chosen.name), 1, False
        elif checked.kind == "solutions":
            body, rows, truncated = write_solutions(result, chosen.name, max_rows, links)
        else:
            body, rows, truncated = write_graph(result, chosen.name, max_rows)
    except SyntaxError as exc:
        # Oxigraph lists every character class it expected, over several lines: keep the
        # first line, cut to a length people read (the position comes first).
        message = str(exc).split("\n", 1)[0]
        if len(message) > 300:
            message = message[:300].rsplit(",", 1)[0] + ", ..."
        raise MalformedQuery(f"malformed query: {message}") from None
    except (OSError, ValueError, TypeError) as exc:
        raise QueryError(f"query failed: {exc}") from None
    return Answer(
        kind=checked.kind,
        format=chosen.name,
        content_type=chosen.content_type,
        body=body,
        rows=rows,
        truncated=truncated,
        max_rows=max_rows,
        elapsed=time.perf_counter() - started,
    )


def _dataset(store, from_default, from_named, param_default, param_named) -> dict:
    """Query keyword arguments for the dataset; graphs the store lacks are refused.

    Oxigraph treats FROM as choosing graphs of the store, never as loading a document;
    refusing unknown names makes that explicit instead of silently answering nothing.
    """
    # An empty value is no graph (Virtuoso's own query form sends default-graph-uri=).
    param_default = [iri for iri in param_default if iri.strip()]
    param_named = [iri for iri in param_named if iri.strip()]
    for iri in [*from_default, *from_named, *param_default, *param_named]:
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            raise MalformedQuery(
                f"<{iri}> is not an absolute IRI: default-graph-uri and named-graph-uri "
                "name graphs by absolute IRIs"
            ) from None
        if not store.contains_named_graph(node):
            raise ForbiddenQuery(
                f"the store has no graph named <{iri}>; FROM and default-graph-uri only "
                "select graphs of this store, nothing is ever loaded from URLs or files"
            )
    if param_default or param_named:
        # The protocol's parameters override the query's own dataset clauses.
        return {
            "default_graph": [ox.NamedNode(i) for i in param_default] or None,
            "named_graphs": [ox.NamedNode(i) for i in param_named] or None,
        }
    if from_default or from_named:
        return {}
    return {"use_default_graph_as_union": True}


# ----------------------------------------------------------------- worker pool


class _Worker:
    def __init__(self, location: str | None, startup_timeout: float, memory_mb: int):
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "skillgraph.sparql.worker",
                location or "-",
                str(memory_mb),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            close_fds=True,
            # Under an address-space cap, glibc's per-thread malloc arenas (64 MB of address
            # space each, reserved as threads first allocate) ate the budget at random: a
            # fresh worker sometimes failed a 1.8 kB allocation on its first query.
            env={**os.environ, "MALLOC_ARENA_MAX": "2"} if memory_mb else None,
        )
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None  # both are PIPE above
        self.send_conn = Connection(os.dup(stdin.fileno()), readable=False)
        self.recv_conn = Connection(os.dup(stdout.fileno()), writable=False)
        stdin.close()
        stdout.close()
        if not self.recv_conn.poll(startup_timeout):
            self.kill()
            raise WorkerFailure(f"the query worker did not start within {startup_timeout:.0f} s")
        try:
            message = self.recv_conn.recv()
        except EOFError:
            self.kill()
            raise WorkerFailure("the query worker could not open the store") from None
        if message[0] != "ready":
            self.kill()
            raise WorkerFailure(f"the query worker failed to start: {message[-1]}")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for conn in (self.send_conn, self.recv_conn):
            with contextlib.suppress(OSError):
                conn.close()

    def close(self) -> None:
        try:
            self.send_conn.close()  # EOF on its input: an idle worker exits by itself
            self.process.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()


class QueryRunner:
    """Runs queries on the store at ``location`` (None: the default taxonomy) in a pool of
    at most ``size`` worker processes, each query stopped after ``timeout`` seconds.

    Safe to share between threads; a pool belongs to the process that created it (after a
    fork the child starts its own).
    """

    def __init__(
        self,
        location: str | None,
        *,
        size: int = 2,
        timeout: float = DEFAULT_TIMEOUT,
        max_rows: int | None = DEFAULT_MAX_ROWS,
        max_length: int = MAX_QUERY_LENGTH,
        startup_timeout: float = 120.0,
        memory_mb: int = DEFAULT_MEMORY_MB,
    ):
        self.location = location
        self.size = max(1, size)
        self.timeout = timeout
        self.max_rows = max_rows
        self.max_length = max_length
        self.startup_timeout = startup_timeout
        self.memory_mb = memory_mb
        self._pid = os.getpid()
        self._idle: list[_Worker] = []
        self._live = 0
        self._starting = 0
        self._cond = threading.Condition()
        atexit.register(self.close)

    def _check_pid(self) -> None:
        if os.getpid() != self._pid:
            # Forked: the workers and pipes belong to the parent; start afresh.
            self._pid = os.getpid()
            self._idle = []
            self._live = 0
            self._starting = 0
            self._cond = threading.Condition()

    def _acquire(self, deadline: float) -> _Worker:
        with self._cond:
            self._check_pid()
            while True:
                while self._idle:
                    worker = self._idle.pop()
                    if worker.process.poll() is None:
                        return worker
                    self._live -= 1
                if self._live < self.size:
                    self._live += 1
                    break
                now = time.monotonic()
                # Waiting for a worker that is still opening the store is not query time.
                until = max(deadline, now + self.startup_timeout) if self._starting else deadline
                remaining = until - now
                if remaining <= 0:
                    raise QueryTimeout(
                        f"all {self.size} query workers stayed busy for the whole time limit"
                    )
                self._cond.wait(remaining)
        try:
            return self._start()
        except BaseException:
            self._discard(None)
            raise

    def _start(self) -> _Worker:
        return _Worker(self.location, self.startup_timeout, self.memory_mb)

    def prestart(self) -> None:
        """Start the pool's workers in the background (opening a big store takes a moment)."""
        for _ in range(self.size):
            self._replace_in_background()

    def _replace_in_background(self) -> None:
        """Start a worker for the one just killed, so the next query need not wait."""
        with self._cond:
            if self._live >= self.size:
                return
            self._live += 1
            self._starting += 1

        def start() -> None:
            try:
                worker = self._start()
            except Exception:
                worker = None
            with self._cond:
                self._starting -= 1
            if worker is None:
                self._discard(None)
            else:
                self._release(worker)

        threading.Thread(target=start, daemon=True).start()

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            self._idle.append(worker)
            self._cond.notify()

    def _discard(self, worker: _Worker | None) -> None:
        if worker is not None:
            worker.kill()
        with self._cond:
            self._live -= 1
            self._cond.notify()

    def run(
        self,
        text: str,
        *,
        accept: str | None = None,
        format: str | list[str] | None = None,
        default_graph_uris=(),
        named_graph_uris=(),
        links=(),
        timeout: float | None = None,
    ) -> Answer:
        """``execute`` in a worker process; raises ``QueryTimeout`` after the time limit."""
        if len(text) > self.max_length:
            # Refused before any process gets involved.
            check_query(text, max_length=self.max_length)
        limit = self.timeout if timeout is None else timeout
        worker = self._acquire(time.monotonic() + limit)
        # The limit is on the query's work, from the moment a worker takes it.
        deadline = time.monotonic() + limit
        request = {
            "text": text,
            "accept": accept,
            "format": format,
            "max_rows": self.max_rows,
            "max_length": self.max_length,
            "default_graph_uris": list(default_graph_uris),
            "named_graph_uris": list(named_graph_uris),
            "links": list(links),
        }
        try:
            worker.send_conn.send(request)
            if not worker.recv_conn.poll(max(deadline - time.monotonic(), 0.0)):
                self._discard(worker)
                self._replace_in_background()
                raise QueryTimeout(f"the query ran longer than {limit:g} s and was stopped")
            reply = worker.recv_conn.recv()
        except QueryTimeout:
            raise
        except (EOFError, OSError):
            self._discard(worker)
            self._replace_in_background()
            # A Rust allocation failure under the address-space cap aborts the process.
            if worker.process.returncode in (-6, -9) and self.memory_mb:
                raise QueryOutOfMemory(
                    f"the query needed more than {self.memory_mb:,} MB of memory and was stopped"
                ) from None
            raise WorkerFailure("the query worker died while running the query") from None
        if reply[:2] == ("error", "QueryOutOfMemory"):
            # That worker ends after answering (see worker.py): replace it.
            self._discard(worker)
            self._replace_in_background()
        else:
            self._release(worker)
        if reply[0] == "ok":
            return reply[1]
        _, cls_name, message = reply
        cls = _ERRORS.get(cls_name, QueryError)
        raise cls(message)

    def close(self) -> None:
        """Stop the worker processes (idle ones; busy ones are killed with their query)."""
        with self._cond:
            if os.getpid() != self._pid:
                return
            idle, self._idle = self._idle, []
            self._live -= len(idle)
        for worker in idle:
            worker.close()


_ERRORS = {
    cls.__name__: cls
    for cls in (
        MalformedQuery,
        ForbiddenQuery,
        QueryTooLong,
        NotAcceptable,
        QueryTimeout,
        QueryOutOfMemory,
        WorkerFailure,
    )
}
