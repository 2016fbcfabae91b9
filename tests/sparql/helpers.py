"""Helpers of these tests (imported by the test modules and the fixtures)."""

from __future__ import annotations

import contextlib
import socket
import threading

import pyoxigraph as ox

from skillgraph.store import DEFAULT_FILES, ontology_bytes

#: Short limits so that the attack tests run quickly.
TIMEOUT = 2.0


MAX_ROWS = 500


def _fill_default(store: ox.Store) -> dict:
    for name in DEFAULT_FILES:
        store.load(ontology_bytes(name), format=ox.RdfFormat.TURTLE)
    return {"sources": [{"name": "skillgraph default taxonomy"}], "counts": {}}


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
