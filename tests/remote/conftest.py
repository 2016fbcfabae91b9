"""Real SPARQL servers on loopback, per module: Oxigraph (the ``oxigraph`` CLI from PyPI)
and Virtuoso (Debian's ``virtuoso-opensource-7-bin``, see ``virtuoso.py``).

Tests import into Oxigraph through the real ``skillgraph`` console script, load Virtuoso
with ``skillgraph dump`` and its bulk loader, and compare every answer with the same data
in a local store.
"""

from __future__ import annotations

import pytest

from .helpers import (  # noqa: F401
    FIXTURES,
    ROOT,
    SKILLGRAPH,
    SMALL_MAX_ROWS,
    Server,
    load_into_virtuoso,
    oxigraph_binary,
    run,
    run_json,
    start_virtuoso,
)


@pytest.fixture(scope="module")
def server(_local_cache, tmp_path_factory):
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the `oxigraph` server binary is absent (pip install 'oxigraph>=0.5,<0.6')")
    running = Server(binary, tmp_path_factory.mktemp("oxigraph-server"))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def virtuoso(_local_cache, tmp_path_factory):
    """A real Virtuoso answering at most ``SMALL_MAX_ROWS`` rows per query."""
    running = start_virtuoso(tmp_path_factory, SMALL_MAX_ROWS)
    yield running
    running.stop()


@pytest.fixture(scope="module", autouse=True)
def _local_cache(tmp_path_factory):
    # Remote stores cache derived data under $XDG_CACHE_HOME; keep it inside the tests' tmp
    # (module scope: it must be set before the module-scoped imports run).
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield
