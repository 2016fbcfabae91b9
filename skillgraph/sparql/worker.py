"""A query worker process: ``python -m skillgraph.sparql.worker STORE|- [MEMORY_MB]``.

It opens the store read-only (``-``: the built-in default taxonomy), says ``ready`` and
then answers requests from ``QueryRunner`` one at a time over its stdin/stdout pipes
until its input closes.  The parent kills it when a query runs past the time limit.

Before it says ``ready`` it gives up the network (``sandbox.deny_network``; not for a
remote store, whose server it must reach), lowers its CPU priority (``nice`` 10: a
runaway query must not take the CPU from the pages) and ignores SIGINT (Ctrl-C on
``skillgraph serve`` reaches the whole process group; the parent stops its workers).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection
from typing import Any


def _watch_parent(parent: int) -> None:
    # A worker busy with a runaway query would not notice its input closing.
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def _confine(location: str | None) -> None:
    """No network (unless the store is remote), low CPU priority."""
    from .sandbox import SandboxUnavailable, deny_network

    os.nice(10)
    remote = location is not None and location.lower().startswith(("http://", "https://"))
    if remote:
        return
    try:
        deny_network()
    except SandboxUnavailable as exc:
        from ..settings import sandbox_required

        if sandbox_required():
            raise RuntimeError(
                f"cannot forbid network access to the query process ({exc}); set "
                "SKILLGRAPH_SPARQL_SANDBOX=off to run queries without that protection"
            ) from None


def _open(location: str | None, open_store, open_default):
    """The store at ``location``: a store folder, a URL, or one generation of a store
    (``.../gen-<id>``: the one the web app holds, so that queries answer from the same
    content as the pages even after an import switched the store to a new one)."""
    from pathlib import Path

    if not location:
        return open_default()
    path = Path(location)
    if path.name.startswith("gen-") and (path / "oxigraph").is_dir():
        import pyoxigraph as ox

        from ..store.base import Store
        from ..store.disk import read_meta

        data = ox.Store.read_only(str(path / "oxigraph"))
        return Store(data, read_meta(path), path=path.parent, generation=path)
    return open_store(location)


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    location = argv[0] if argv and argv[0] != "-" else None
    memory_mb = int(argv[1]) if len(argv) > 1 else 0
    # The pipe to the parent moves off fd 1 so that stray prints cannot corrupt it.
    out_fd = os.dup(1)
    os.dup2(2, 1)
    inbox = Connection(0, writable=False)
    outbox = Connection(out_fd, readable=False)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()

    from ..errors import QueryError
    from ..store import open_default, open_store
    from .engine import execute

    try:
        store = _open(location, open_store, open_default)
        _confine(location)
    except Exception as exc:
        outbox.send(("failed", f"{type(exc).__name__}: {exc}"))
        return 1
    if memory_mb > 0:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    outbox.send(("ready", os.getpid()))
    while True:
        try:
            request = inbox.recv()
        except (EOFError, OSError):
            return 0
        try:
            answer = execute(store.ox, **request)
            answer.content_id = store.content_id
            reply: tuple[str, Any] | tuple[str, str, str] = ("ok", answer)
        except QueryError as exc:
            reply = ("error", type(exc).__name__, str(exc))
        except (MemoryError, SystemError) as exc:
            if not memory_mb:
                reply = ("error", "WorkerFailure", f"{type(exc).__name__}: {exc}")
            else:
                # Under the address-space cap a failed allocation does not always abort the
                # process: it may surface as MemoryError or as a SystemError from the binding.
                # The engine may be left half-way, so this worker answers and ends; the pool
                # starts a fresh one.
                outbox.send(
                    (
                        "error",
                        "QueryOutOfMemory",
                        f"the query needed more than {memory_mb:,} MB of memory and was stopped",
                    )
                )
                return 1
        except Exception as exc:
            reply = ("error", "WorkerFailure", f"{type(exc).__name__}: {exc}")
        outbox.send(reply)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
