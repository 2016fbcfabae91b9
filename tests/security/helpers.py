"""Helpers of these tests (imported by the test modules and the fixtures)."""

from __future__ import annotations

import contextlib
import http.client
import subprocess
import sys
import time
from pathlib import Path

from ..sparql.helpers import Listener
from ..web.conftest import xss_app, xss_client, xss_store  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[2]


SKILLGRAPH = str(Path(sys.executable).with_name("skillgraph"))


TIMEOUT = 2.0


MAX_ROWS = 500


def skillgraph_cli(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """Run the installed ``skillgraph`` command (a real process, as a user would)."""
    return subprocess.run(
        [SKILLGRAPH, *args], capture_output=True, text=True, timeout=timeout, **kwargs
    )


def raw_request(
    port: int,
    method: str,
    target: str,
    *,
    body: bytes | None = None,
    headers: dict | None = None,
    timeout: float = 30,
) -> tuple[int, dict, bytes]:
    """One HTTP request with the target sent byte for byte (no client-side normalising
    of ``..`` or of percent escapes)."""  # fmt: skip
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.putrequest(method, target, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        if body is not None:
            # The server may answer 413 and close before reading it all.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                conn.send(body)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def settle_and_check_silent(listener: Listener, wait: float = 0.5) -> None:
    """Give any stray connection time to arrive, then require that none did."""
    time.sleep(wait)
    assert listener.received == [], listener.received
