"""A live skillgraph server on loopback, started the way ``skillgraph serve`` starts it."""

from __future__ import annotations

import argparse
import os
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from skillgraph.cli.serve import gunicorn_argv
from skillgraph.store import build_store

from ..servers import free_port, running
from .helpers import MAX_ROWS, TIMEOUT, Listener, _fill_default


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


@pytest.fixture
def listener():
    item = Listener()
    yield item
    item.close()
