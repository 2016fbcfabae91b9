"""Shared fixtures: tiny hand-checkable stores, and the real data when it is present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from skillgraph.store import build_store

from .helpers import ESCO_DIR, FIXTURES, ONET_DIR, SHARED_DATA, load_turtle

# Shared, noisy machines: a property is judged by its answers, never by its speed.  In CI
# (CI=true) the examples are derandomized so that a landing is never decided by chance;
# locally they stay random, to keep finding new bugs.
settings.register_profile("local", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "local")


@pytest.fixture
def tiny_store(tmp_path):
    """An on-disk store holding tests/fixtures/tiny.ttl."""
    return build_store(tmp_path / "tiny-store", load_turtle(FIXTURES / "tiny.ttl"))


@pytest.fixture
def esco_dir() -> Path:
    if not (ESCO_DIR / "occupations_en.csv").is_file():
        pytest.skip(f"real ESCO data not found at {ESCO_DIR} (../shared/data is absent)")
    return ESCO_DIR


@pytest.fixture
def onet_dir() -> Path:
    if not (ONET_DIR / "Occupation Data.txt").is_file():
        pytest.skip(f"real O*NET data not found at {ONET_DIR} (../shared/data is absent)")
    return ONET_DIR


@pytest.fixture(scope="session")
def esco_store_path(tmp_path_factory) -> Path:
    """The real ESCO data imported once per test session into an on-disk store.

    Every test that needs an ESCO store should use this fixture (or ``esco_graph``):
    the import takes ~20 s, so it must happen once, not once per module.
    """
    if not (ESCO_DIR / "occupations_en.csv").is_file():
        pytest.skip(f"real ESCO data not found at {ESCO_DIR} (../shared/data is absent)")
    from skillgraph.formats.esco import import_esco

    path = tmp_path_factory.mktemp("esco") / "esco-store"
    import_esco(ESCO_DIR, path)
    return path


@pytest.fixture(scope="session")
def linked_store_path(tmp_path_factory) -> Path:
    """ESCO, O*NET and the official crosswalk between them in one store (README "Pay,
    jobs and LLM exposure" has the commands), imported once per session."""
    crosswalk = SHARED_DATA / "esco-onet-crosswalk" / "ESCO_to_ONET-SOC.csv"
    if not (ESCO_DIR / "occupations_en.csv").is_file() or not crosswalk.is_file():
        pytest.skip(f"real ESCO data / crosswalk not found under {SHARED_DATA}")
    if not (ONET_DIR / "Occupation Data.txt").is_file():
        pytest.skip(f"real O*NET data not found at {ONET_DIR} (../shared/data is absent)")
    from skillgraph.formats.esco import import_esco
    from skillgraph.formats.onet import import_onet
    from skillgraph.formats.outlook_data import import_crosswalk

    path = tmp_path_factory.mktemp("linked") / "linked-store"
    import_esco(ESCO_DIR, path)
    import_onet(ONET_DIR, path, merge=True)
    import_crosswalk(crosswalk, path)
    return path


@pytest.fixture(scope="session")
def esco_graph(esco_store_path):
    """A SkillGraph over the session's ESCO store."""
    import skillgraph

    return skillgraph.open(esco_store_path)
