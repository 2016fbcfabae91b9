"""The gunicorn worker class of ``skillgraph serve``: threads, and whole requests only.

gunicorn's ``gthread`` worker hands a connection to a thread as soon as its first byte
arrives; the thread then blocks reading the rest of the request.  A client that sends one
header line every few seconds (slowloris) holds a thread that way, and a few dozen such
clients hold them all (issue 12, point 3).  ``BufferingThreadWorker`` keeps every
connection in the worker's event loop, reading without blocking, until the request's
headers and (for a ``Content-Length`` body up to ``MAX_BODY``) its body are in memory; only
then does a thread get it, with the bytes already there.  A request whose headers are not
complete ``HEADER_TIMEOUT`` seconds after its connection became readable, or whose body is
not complete ``BODY_TIMEOUT`` seconds after that, gets ``408`` and is closed; headers over
``MAX_HEADER`` bytes get ``431`` (``414`` when the request line alone is that long).
Slow clients then cost a socket each, not a thread.

Threads (``--threads``) keep page and API capacity apart from SPARQL capacity: a
``/sparql`` request waits on its query process without holding the GIL, and the SPARQL
blueprint lets only as many queries run at once as there are query processes, answering
the others with 503 at once (``web/sparql.py``).  TLS and HTTP/2 prior knowledge are left
to the plain ``gthread`` code path (``skillgraph serve`` uses neither).
"""

from __future__ import annotations

import contextlib
import errno
import selectors
import time
from functools import partial

from gunicorn import http
from gunicorn.workers.gthread import TConn, ThreadWorker

__all__ = ["BODY_TIMEOUT", "HEADER_TIMEOUT", "MAX_BODY", "MAX_HEADER", "BufferingThreadWorker"]

HEADER_TIMEOUT = 10.0
BODY_TIMEOUT = 60.0
#: Long SPARQL queries come by GET: 50,000 characters percent-encoded fit.
MAX_HEADER = 1024 * 1024
#: Bodies up to the app's own upload limit are read before a thread is used.
MAX_BODY = 16 * 1024 * 1024

_TIMEOUT_ANSWER = b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
_TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n"
    b"Content-Length: 0\r\n\r\n"
)
_URI_TOO_LONG = b"HTTP/1.1 414 URI Too Long\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"


def request_complete(data: bytes | bytearray) -> tuple[bool, bool]:
    """(headers complete, request complete enough to hand to a thread).

    >>> request_complete(b"GET / HTTP/1.1\\r\\nHost: x\\r\\n")
    (False, False)
    >>> request_complete(b"GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n")
    (True, True)
    >>> request_complete(b"POST / HTTP/1.1\\r\\nContent-Length: 4\\r\\n\\r\\nab")
    (True, False)
    >>> request_complete(b"POST / HTTP/1.1\\r\\ncontent-length: 4\\r\\n\\r\\nabcd")
    (True, True)
    """
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return False, False
    length = 0
    for line in bytes(data[:end]).split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"transfer-encoding":
            return True, True  # chunked: the thread reads the body
        if name == b"content-length":
            try:
                length = int(value.strip())
            except ValueError:
                return True, True  # gunicorn answers the bad request
    if length > MAX_BODY:
        return True, True  # the app refuses it (413) without reading it
    return True, len(data) >= end + 4 + length


class BufferingThreadWorker(ThreadWorker):
    """``gthread``, except that a thread only ever gets a request that has fully arrived."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # conn -> (buffer, headers deadline, body deadline or None)
        self.buffering: dict[TConn, list] = {}

    # -- connections arriving or becoming readable again

    def accept(self, listener):
        if self.cfg.is_ssl:
            return super().accept(listener)
        try:
            client_sock, client_addr = listener.accept()
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = TConn(self.cfg, client_sock, client_addr, listener.getsockname())
        self._start_buffering(conn)

    def on_client_socket_readable(self, conn, client):
        if self.cfg.is_ssl:
            return super().on_client_socket_readable(conn, client)
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self._start_buffering(conn)

    def _start_buffering(self, conn: TConn) -> None:
        conn.sock.setblocking(False)
        self.buffering[conn] = [bytearray(), time.monotonic() + HEADER_TIMEOUT, None]
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._readable, conn))

    def _readable(self, conn: TConn, _sock) -> None:
        state = self.buffering.get(conn)
        if state is None:
            return
        try:
            chunk = conn.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._drop(conn)
            return
        if not chunk:
            self._drop(conn)
            return
        buffer = state[0]
        buffer += chunk
        headers_done, complete = request_complete(buffer)
        if not headers_done and len(buffer) > MAX_HEADER:
            self._drop(conn, _TOO_LARGE if b"\r\n" in buffer else _URI_TOO_LONG)
            return
        if headers_done and state[2] is None:
            state[2] = time.monotonic() + BODY_TIMEOUT
        if complete:
            self._hand_over(conn, bytes(buffer))

    def _hand_over(self, conn: TConn, data: bytes) -> None:
        self.poller.unregister(conn.sock)
        del self.buffering[conn]
        conn.data_ready = True
        if conn.parser is None:
            conn.initialized = True
            conn.parser = http.get_parser(self.cfg, conn.sock, conn.client)
        conn.parser.unreader.unread(data)
        self.enqueue_req(conn)

    def _drop(self, conn: TConn, answer: bytes | None = None) -> None:
        self.buffering.pop(conn, None)
        with contextlib.suppress(OSError, KeyError, ValueError):
            self.poller.unregister(conn.sock)
        if answer:
            with contextlib.suppress(OSError):
                conn.sock.send(answer)
        self.nr_conns -= 1
        conn.close()

    # -- the event loop's periodic sweep

    def murder_pending(self):
        super().murder_pending()
        now = time.monotonic()
        for conn, (_, header_deadline, body_deadline) in list(self.buffering.items()):
            if now > (body_deadline if body_deadline is not None else header_deadline):
                self._drop(conn, _TIMEOUT_ANSWER)
