"""Servers the tests start on loopback: a free port, and a process run until it answers."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
from collections.abc import Callable, Iterator


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running(
    argv: list[str],
    env: dict[str, str],
    ready: Callable[[], bool],
    *,
    name: str,
    timeout: float = 90.0,
    stop_timeout: float = 15.0,
) -> Iterator[subprocess.Popen]:
    """Start ``argv``, wait until ``ready()`` is true (an ``OSError`` counts as not yet),
    yield the process, and stop it (SIGTERM, then SIGKILL) however the block ends.

    A process that exits before it is ready raises ``RuntimeError`` with the end of its
    stderr.
    """
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited: {proc.stderr.read()[-3000:]!r}")
            with contextlib.suppress(OSError):
                if ready():
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start in time")
            time.sleep(0.2)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=stop_timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()
