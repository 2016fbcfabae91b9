"""Fixtures of the security suite (DESIGN.md section 9): a live server started with
``skillgraph serve`` on a free loopback port, a loopback listener that records every
connection (to prove nothing is fetched), the hostile-markup app of the web tests, and a
hand-made on-disk store.

The live server runs with short limits so that the attacks finish quickly: a 2 s SPARQL
time limit, a 500-row cap; the upload cap (16 MB) and the query-length cap (50,000
characters) are the app's defaults.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from skillgraph.store import build_store

from ..servers import free_port, running
from ..sparql.helpers import Listener, _fill_default
from ..web.conftest import xss_app, xss_client, xss_store  # noqa: F401 - fixtures
from .helpers import (  # noqa: F401
    MAX_ROWS,
    ROOT,
    SKILLGRAPH,
    TIMEOUT,
    raw_request,
    settle_and_check_silent,
    skillgraph_cli,
)


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


@pytest.fixture
def tiny_csv_source(tmp_path) -> Path:
    """The CSV layout's worked example (docs/csv-templates/example)."""
    target = tmp_path / "example"
    shutil.copytree(ROOT / "docs" / "csv-templates" / "example", target)
    return target
