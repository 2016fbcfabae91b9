"""Fixtures of the security suite (DESIGN.md section 9): a live server started with
``skillgraph serve`` on a free loopback port, a loopback listener that records every
connection (to prove nothing is fetched), the hostile-markup app of the web tests, and a
hand-made on-disk store.

The live server runs with short limits so that the attacks finish quickly: a 2 s SPARQL
time limit, a 500-row cap; the upload cap (16 MB) and the query-length cap (50,000
characters) are the app's defaults.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from skillgraph.store import build_store

# The web tests' hostile taxonomy (and its app) and the SPARQL tests' loopback listener
# are reused as they are: one definition of the attack data for the whole project.
from ..servers import free_port, running
from ..sparql.conftest import Listener, _fill_default
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


@pytest.fixture(scope="session")
def default_disk_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("security") / "store"
    build_store(path, _fill_default)
    return path


@pytest.fixture(scope="session")
def live(default_disk_store):
    """``skillgraph serve`` (gunicorn, 2 workers) on a free loopback port: ``.port``,
    ``.base``, ``.pid`` (the gunicorn master: ``serve`` execs it) and ``.alive()``."""
    port = free_port()
    env = dict(os.environ)
    env.update(SKILLGRAPH_SPARQL_TIMEOUT=str(TIMEOUT), SKILLGRAPH_SPARQL_MAX_ROWS=str(MAX_ROWS))
    argv = [SKILLGRAPH, "serve", "--store", str(default_disk_store), "--port", str(port),
            "--workers", "2"]  # fmt: skip

    def alive() -> bool:
        status, _, body = raw_request(port, "GET", "/api/search?q=data", timeout=10)
        return status == 200 and b"results" in body

    with running(argv, env, alive, name="skillgraph serve") as proc:
        yield SimpleNamespace(
            port=port, base=f"http://127.0.0.1:{port}", pid=proc.pid, alive=alive,
            store=default_disk_store,
        )  # fmt: skip


@pytest.fixture
def listener():
    item = Listener()
    yield item
    item.close()


def settle_and_check_silent(listener: Listener, wait: float = 0.5) -> None:
    """Give any stray connection time to arrive, then require that none did."""
    time.sleep(wait)
    assert listener.received == [], listener.received


@pytest.fixture
def tiny_csv_source(tmp_path) -> Path:
    """The CSV layout's worked example (docs/csv-templates/example)."""
    target = tmp_path / "example"
    shutil.copytree(ROOT / "docs" / "csv-templates" / "example", target)
    return target
