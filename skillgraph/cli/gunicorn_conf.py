"""gunicorn hooks of ``skillgraph serve`` (``--config python:skillgraph.cli.gunicorn_conf``;
pass the same option when running gunicorn by hand with ``--preload``).

With ``--preload`` the master opens the store and builds the derived data once, then
forks the workers, which share those pages.  Two consequences are handled here:

- An on-disk Oxigraph store (RocksDB) is not fork-safe to *close*: a worker that drops the
  inherited handle during Python's shutdown dies with SIGSEGV or SIGABRT, at every stop,
  reload or recycle.  Reading through it is what the workers do and is fine, so a worker
  ends without the interpreter's finalisation, after running its exit handlers (which stop
  its SPARQL query processes) and flushing its output.
- Ctrl-C (SIGINT to the master) ends it with status 130 and ``error: interrupted``, as
  every other command does; the SPARQL query processes ignore SIGINT and end with their
  worker.
- The garbage collector writes into every object it scans, which turns the shared pages
  copy-on-write into private ones.  Freezing the objects made before the fork keeps them
  out of the collections (what the ``gc.freeze`` documentation advises before a fork);
  on ESCO this saved about 25 MB of PSS per worker (docs/deploy.md).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import os
import sys


def pre_fork(server, worker) -> None:
    gc.freeze()


def when_ready(server) -> None:
    # Ctrl-C ends `skillgraph serve` like any other command: "error: interrupted", 130.
    handle_int = server.handle_int

    def interrupted() -> None:
        server.skillgraph_interrupted = True
        handle_int()

    server.handle_int = interrupted


def on_exit(server) -> None:
    if getattr(server, "skillgraph_interrupted", False):
        print("error: interrupted", file=sys.stderr, flush=True)
        sys.exit(130)


def worker_exit(server, worker) -> None:
    # Called in the worker, in the ``finally`` of its life: the exception on its way out
    # (a SystemExit with the status gunicorn chose) is still current.
    status = exit_status(sys.exc_info()[1])
    atexit._run_exitfuncs()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(status)


def exit_status(exc: BaseException | None) -> int:
    """The status a worker leaving with ``exc`` would have had.

    >>> exit_status(None), exit_status(SystemExit(0)), exit_status(SystemExit(3))
    (0, 0, 3)
    >>> exit_status(SystemExit(None)), exit_status(SystemExit("message")), exit_status(OSError())
    (0, 1, 1)
    >>> exit_status(SystemExit(-1))
    255
    """
    if exc is None:
        status = 0
    elif isinstance(exc, SystemExit):
        code = exc.code
        status = 0 if code is None else code if isinstance(code, int) else 1
    else:
        status = 1
    return status & 0xFF
