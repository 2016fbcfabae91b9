"""gunicorn hooks of ``skillgraph serve`` (``--config python:skillgraph_web.gunicorn_conf``;
pass the same option when running gunicorn by hand with ``--preload``).

With ``--preload`` the master opens the store and builds the derived data once, then
forks the workers, which share those pages.  Two consequences are handled here:

- An on-disk Oxigraph store (RocksDB) is not fork-safe to *close*: a worker that drops the
  inherited handle during Python's shutdown dies with SIGSEGV or SIGABRT, at every stop,
  reload or recycle.  Reading through it is what the workers do and is fine, so a worker
  ends without the interpreter's finalisation, after running its exit handlers (which stop
  its SPARQL query processes) and flushing its output.
- An import into the served store switches its ``CURRENT`` pointer; the master notices
  within a second, loads the new generation and reloads its workers (``_follow_imports``).
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
import threading
import time

from skillgraph.settings import is_remote, store_location


def pre_fork(server, worker) -> None:
    gc.freeze()


def when_ready(server) -> None:
    # Ctrl-C ends `skillgraph serve` like any other command: "error: interrupted", 130.
    handle_int = server.handle_int

    def interrupted() -> None:
        server.skillgraph_interrupted = True
        handle_int()

    server.handle_int = interrupted
    store = store_location()
    if store and not is_remote(store) and server.cfg.preload_app:
        threading.Thread(
            target=_follow_imports, args=(server, store), name="skillgraph-follow", daemon=True
        ).start()


#: How often the master looks at the store's CURRENT pointer, in seconds.
FOLLOW_INTERVAL = 1.0


def _current(store: str) -> str | None:
    try:
        with open(os.path.join(store, "CURRENT"), encoding="utf-8") as handle:
            return handle.read().strip()
    except OSError:
        return None


def _follow_imports(server, store: str) -> None:
    """Move the whole server to a new generation when an import switches the store.

    The master re-opens the store and rebuilds the derived data (from the caches the
    import wrote), then reloads gunicorn (SIGHUP): new workers are forked with the new
    content and start their own query processes on it; the old workers finish what they
    are doing and stop.  Until then the old workers answer from the old generation
    whole -- pages, API and SPARQL alike (their query processes read that generation, not
    the folder) -- so no response mixes the two (issue 12, point 4).
    """
    import signal

    seen = _current(store)
    while True:
        time.sleep(FOLLOW_INTERVAL)
        now = _current(store)
        if not now or now == seen:
            continue
        try:
            from skillgraph_web import knowledge
            from skillgraph_web.wsgi import app

            old = app.extensions.get("skillgraph")
            gc.unfreeze()  # the old content may go once no worker needs it
            knowledge.init_app(app)
            del old
            gc.collect()
        except Exception as exc:  # a half-written or damaged generation: keep serving
            server.log.error("skillgraph: store %s switched to %s but cannot be opened: %s",
                             store, now, exc)  # fmt: skip
            seen = now
            continue
        seen = now
        server.log.info("skillgraph: store %s switched to %s; reloading the workers", store, now)
        os.kill(os.getpid(), signal.SIGHUP)


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
