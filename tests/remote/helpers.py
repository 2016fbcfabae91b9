"""Helpers of these tests (imported by the test modules and the fixtures)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ..servers import free_port
from . import virtuoso as vt

ROOT = Path(__file__).resolve().parents[2]


FIXTURES = ROOT / "tests" / "fixtures"


SKILLGRAPH = Path(sys.executable).with_name("skillgraph")


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


class Server:
    """``oxigraph serve`` on 127.0.0.1 with its data in ``folder``."""

    def __init__(self, binary: str, folder: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(folder / "server.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [binary, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{self.port}"],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(self.url + "/query?query=ASK%7B%7D", timeout=1):
                    return
            except OSError as exc:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(
                        f"oxigraph server did not start: see {folder}/server.log"
                    ) from exc
                time.sleep(0.1)

    def dump(self) -> bytes:
        """The server's whole dataset (every graph) as N-Quads."""
        request = urllib.request.Request(
            self.url + "/store", headers={"Accept": "application/n-quads"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


#: Virtuoso's row cap for the small data sets: below their sizes (the default taxonomy has
#: thousands of triples and 1,376 requirements), so every large read is paged as on ESCO with the
#: stock cap of 10,000.
SMALL_MAX_ROWS = 1000


def start_virtuoso(tmp_path_factory, max_rows: int) -> vt.Virtuoso:
    if vt.binaries() is None:
        pytest.skip(f"Virtuoso (virtuoso-t, isql-vt) is not installed: {vt.INSTALL}")
    return vt.Virtuoso(tmp_path_factory.mktemp("virtuoso"), max_rows=max_rows)


def load_into_virtuoso(server: vt.Virtuoso, store: str | None, folder: Path, name: str) -> str:
    """Dump ``store`` (None: the default taxonomy) with ``skillgraph dump --graph
    urn:skillgraph:test:NAME``, bulk-load it and return the store URL for it."""
    dump = folder / f"{name}.nq"
    graph = f"urn:skillgraph:test:{name}"
    proc = run("dump", "--graph", graph, "-o", str(dump), *(["--store", store] if store else []))
    assert proc.returncode == 0, proc.stderr
    server.load(dump, graph)
    return server.url(graph)


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    merged = {**os.environ, **(env or {})}
    merged.pop("SKILLGRAPH_STORE", None)
    merged.update(env or {})
    return subprocess.run(
        [str(SKILLGRAPH), *args], capture_output=True, text=True, env=merged, timeout=300
    )


def run_json(*args: str) -> object:
    proc = run(*args, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)
