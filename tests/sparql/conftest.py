"""A live skillgraph server on loopback, started the way ``skillgraph serve`` starts it."""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import threading
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from skillgraph.cli.serve import gunicorn_argv
from skillgraph.store import DEFAULT_FILES, build_store, ontology_bytes

from ..servers import free_port, running

#: Short limits so that the attack tests run quickly.
TIMEOUT = 2.0
MAX_ROWS = 500


def _fill_default(store: ox.Store) -> dict:
    for name in DEFAULT_FILES:
        store.load(ontology_bytes(name), format=ox.RdfFormat.TURTLE)
    return {"sources": [{"name": "skillgraph default taxonomy"}], "counts": {}}


@pytest.fixture(scope="session")
def default_store_path(tmp_path_factory) -> Path:
    """The default taxonomy in an on-disk store (so workers open it read-only by path)."""
    path = tmp_path_factory.mktemp("sparql") / "store"
    build_store(path, _fill_default)
    return path


@pytest.fixture(scope="session")
def server(default_store_path):
    """gunicorn serving the app (2 workers, 2 s time limit, 500-row cap): ``.url`` is the
    endpoint, ``.pid`` the gunicorn master."""
    port = free_port()
    args = argparse.Namespace(host="127.0.0.1", port=port, workers=2, timeout=60)
    env = dict(os.environ)
    env.update(
        SKILLGRAPH_STORE=str(default_store_path),
        SKILLGRAPH_SPARQL_TIMEOUT=str(TIMEOUT),
        SKILLGRAPH_SPARQL_MAX_ROWS=str(MAX_ROWS),
    )
    base = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        request = urllib.request.Request(base + "/sparql", headers={"Accept": "text/turtle"})
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200

    with running(gunicorn_argv(args), env, ready, name="gunicorn") as proc:
        yield SimpleNamespace(url=base + "/sparql", base=base, pid=proc.pid)


class Listener:
    """A TCP listener on loopback that records every connection it receives."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.received: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    data = conn.recv(65536)
                except OSError:
                    data = b""
                self.received.append(data)
                with contextlib.suppress(OSError):
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")

    def close(self):
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def listener():
    item = Listener()
    yield item
    item.close()
