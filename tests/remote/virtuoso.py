"""A real Virtuoso (Debian's ``virtuoso-opensource-7-bin``) on loopback, for the tests.

``Virtuoso(folder, max_rows)`` writes a ``virtuoso.ini`` for a new database in ``folder``
(SQL and HTTP on free 127.0.0.1 ports, ``DirsAllowed`` naming ``folder/load`` for the bulk
loader, ``ResultSetMaxRows = max_rows``), starts ``virtuoso-t +foreground`` and waits for
its ``/sparql`` endpoint.  The process gets SIGTERM when the test process dies (Linux
``PR_SET_PDEATHSIG``), so an interrupted run leaves no server behind; ``stop()`` ends it
otherwise.  ``load(file, graph)`` bulk-loads one file with ``ld_dir`` and
``rdf_loader_run()`` through ``isql-vt``, as an administrator would.
"""

from __future__ import annotations

import ctypes
import shutil
import signal
import subprocess
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from ..servers import free_port

INSTALL = "apt-get install virtuoso-opensource-7-bin (scripts/setup-system does it as root)"
#: Virtuoso's own default (the stock virtuoso.ini of Debian's package).
STOCK_MAX_ROWS = 10000


def binaries() -> tuple[str, str] | None:
    """``(virtuoso-t, isql-vt)``, or None when Virtuoso is not installed."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    return (server, isql) if server and isql else None


def _die_with_parent() -> None:  # runs in the child between fork and exec
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = ., {load}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 60
"""


class Virtuoso:
    """``virtuoso-t`` serving a new database in ``folder`` (see the module docstring)."""

    def __init__(self, folder: Path, *, max_rows: int = STOCK_MAX_ROWS, timeout: float = 60):
        found = binaries()
        if found is None:
            raise RuntimeError(f"Virtuoso is not installed: {INSTALL}")
        self.server_binary, self.isql = found
        self.folder = folder
        self.load_dir = folder / "load"
        (folder / "db").mkdir(parents=True)
        self.load_dir.mkdir()
        self.sql_port, self.http_port = free_port(), free_port()
        self.max_rows = max_rows
        self.sparql = f"http://127.0.0.1:{self.http_port}/sparql"
        ini = folder / "virtuoso.ini"
        ini.write_text(
            INI.format(
                db=folder / "db",
                load=self.load_dir,
                folder=folder,
                sql_port=self.sql_port,
                http_port=self.http_port,
                max_rows=max_rows,
            ),
            encoding="utf-8",
        )
        self.log = open(folder / "server.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [self.server_binary, "+foreground", "+configfile", str(ini)],
            cwd=folder,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
        )
        deadline = time.monotonic() + timeout
        probe = self.sparql + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        while True:
            try:
                with urllib.request.urlopen(probe, timeout=2):
                    return
            except OSError as exc:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"Virtuoso did not start: see {folder}/server.log") from exc
                time.sleep(0.2)

    def sql(self, statements: str, timeout: float = 300) -> str:
        """Run SQL through ``isql-vt`` as dba; the output, or RuntimeError on failure."""
        proc = subprocess.run(
            [self.isql, f"127.0.0.1:{self.sql_port}", "dba", "dba", "VERBOSE=OFF",
             f"EXEC={statements}"],
            capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        if proc.returncode != 0 or "*** Error" in proc.stdout + proc.stderr:
            raise RuntimeError(f"isql-vt failed ({proc.returncode}): {proc.stdout}{proc.stderr}")
        return proc.stdout

    def load(self, path: Path, graph: str) -> None:
        """Bulk-load one N-Quads/N-Triples/Turtle file; triples without a graph go to
        ``graph``.  The file is copied under ``DirsAllowed`` with a new name (the loader
        skips names it has loaded before)."""
        name = f"{uuid.uuid4().hex[:8]}-{path.name}"
        shutil.copyfile(path, self.load_dir / name)
        self.sql(f"ld_dir('{self.load_dir}', '{name}', '{graph}'); rdf_loader_run(); checkpoint;")
        state = self.sql(
            "SELECT concat('state=', ll_state, ' error=', coalesce(ll_error, 'none')) "
            f"FROM DB.DBA.load_list WHERE ll_file LIKE '%/{name}';"
        )
        if "state=2 error=none" not in state:
            raise RuntimeError(f"the bulk loader failed on {path}: {state}")

    def url(self, graph: str) -> str:
        """The store URL skillgraph takes for the content in ``graph``."""
        return f"{self.sparql}?graph={urllib.parse.quote(graph, safe=':/')}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
