"""The interoperability suite: real clients and readers that users of RDF, SPARQL and graph
tools already have, against the app served by gunicorn on loopback.

Two sites: the built-in default taxonomy (its concept URIs dereference under ``/id``) and
the ESCO miniature imported by the real importer (ESCO's URIs, vocabulary and licence).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from skillgraph.formats.esco import import_esco

from ..sparql.conftest import listener  # noqa: F401  (a loopback listener recording requests)
from ..web.browser import served
from .helpers import ROOT

ESCO_MINI = ROOT / "tests" / "fixtures" / "esco-mini"


def site(base: str) -> SimpleNamespace:
    return SimpleNamespace(base=base, sparql=base + "/sparql")


@pytest.fixture(scope="session")
def default_site():
    """The built-in default taxonomy: ``.base`` and ``.sparql``."""
    with served(None) as base:
        yield site(base)


@pytest.fixture(scope="session")
def esco_store(tmp_path_factory) -> Path:
    """tests/fixtures/esco-mini imported by the ESCO importer."""
    path = tmp_path_factory.mktemp("interop-esco") / "store"
    import_esco(ESCO_MINI, path)
    return path


@pytest.fixture(scope="session")
def esco_site(esco_store):
    with served(esco_store) as base:
        yield site(base)
