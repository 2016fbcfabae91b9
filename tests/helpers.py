"""Helpers shared by the test modules (imported, never pulled from a conftest): where the
fixtures and the real data are, and small store builders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

__all__ = [
    "ESCO_DIR",
    "FIXTURES",
    "JOB_MOVES_ONLY",
    "ONET_DIR",
    "ROOT",
    "SHARED_DATA",
    "load_turtle",
    "skillgraph_cli",
]

#: The job-move model alone (issue 3's), which the hand-computed costs of the older
#: tests describe: no retraining, no best-fit moves, hours not counted, next steps by
#: cost, the field alone decides upskilling.  Tests of those parts of the model use the defaults.
JOB_MOVES_ONLY = {
    "retraining": False,
    "fit_moves": 0,
    "job_hours_unit": float("inf"),
    "next_by_fit": False,
    "field_min_cosine": 0.0,
    "one_field_cosine": 2.0,
}

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The real ESCO and O*NET data, beside the project (never committed into it).
SHARED_DATA = (ROOT / ".." / "shared" / "data").resolve()
ESCO_DIR = SHARED_DATA / "esco-v1.1.1-en"
ONET_DIR = SHARED_DATA / "onet-29.3"


def load_turtle(path: Path):
    """A ``build_store`` filler that loads one Turtle file."""

    def fill(store: ox.Store) -> dict:
        store.load(path.read_bytes(), format=ox.RdfFormat.TURTLE)
        return {"sources": [{"name": path.name}], "counts": {}}

    return fill


def skillgraph_cli(*args: str) -> str:
    """What the installed ``skillgraph`` command prints for ``args`` (it must succeed)."""
    command = [str(Path(sys.executable).with_name("skillgraph")), *args]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout
