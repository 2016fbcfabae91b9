"""Helpers of the interoperability suite: where the project is, and the third-party tools
a test needs (skipping with the reason when one cannot be had here)."""

from __future__ import annotations

import os
import shutil

import pytest

from ..helpers import ROOT

__all__ = ["COMUNICA", "ROOT", "require_comunica", "require_tool"]

COMUNICA = ROOT / ".node" / "node_modules" / ".bin" / "comunica-sparql"


def require_tool(name: str, how: str) -> str:
    """The path of command ``name``; skip the calling test, saying ``how`` to get it."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not found: {how}")
    return path


def require_comunica() -> str:
    if not os.access(COMUNICA, os.X_OK):
        pytest.skip(f"{COMUNICA} not found: scripts/setup-node installs Comunica from npm")
    return str(COMUNICA)
