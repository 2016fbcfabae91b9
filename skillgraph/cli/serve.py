"""``skillgraph serve``: run the web app on a production WSGI server (gunicorn).

The library never imports the web package; gunicorn loads it by name in its own process.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import InvalidParameter
from ..store import ENV_VAR, resolve_location
from .common import command


def register(subparsers) -> None:
    p = command(subparsers, "serve", "run the web app (gunicorn)", _serve)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=5000, help="port (default 5000)")
    p.add_argument("--workers", type=_positive, default=2, help="worker processes (default 2)")
    p.add_argument(
        "--threads",
        type=_positive,
        default=4,
        help="threads per worker (default 4); a worker reads whole requests before a thread "
        "takes one, so slow clients hold no thread",
    )
    p.add_argument("--timeout", type=_positive, default=60, help="worker timeout in seconds")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} must be 1 or more")
    return number


def gunicorn_argv(args: argparse.Namespace) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(args.workers),
        # Threads, each given only a request that has fully arrived (gunicorn_worker).
        "--worker-class",
        "skillgraph_web.gunicorn_worker.BufferingThreadWorker",
        "--threads",
        str(getattr(args, "threads", 4)),
        "--timeout",
        str(args.timeout),
        # Loading the store once before forking shares its derived data between workers.
        "--preload",
        # Hooks for a preloaded store: see gunicorn_conf (workers must not close it).
        "--config",
        "python:skillgraph_web.gunicorn_conf",
        # SPARQL clients send long queries by GET; 0 lifts gunicorn's 4 KB request-line
        # limit (it caps values at 8 KB), the app caps the query length itself.
        "--limit-request-line",
        "0",
        "--access-logfile",
        "-",
        "skillgraph_web.wsgi:app",
    ]


def _serve(args: argparse.Namespace) -> int:
    if not 1 <= args.port <= 65535:
        raise InvalidParameter(f"--port {args.port}: a TCP port is 1-65535")
    location = resolve_location(args.store)
    env = dict(os.environ)
    if location:
        remote = location.lower().startswith(("http://", "https://"))
        env[ENV_VAR] = location if remote else os.path.abspath(location)
    else:
        env.pop(ENV_VAR, None)
    if not env.get("SKILLGRAPH_PUBLIC_URL"):
        # Redirects and the SPARQL service description name this, never the Host header.
        host = f"[{args.host}]" if ":" in args.host else args.host
        env["SKILLGRAPH_PUBLIC_URL"] = f"http://{host}:{args.port}"
    argv = gunicorn_argv(args)
    print(f"skillgraph: serving on http://{args.host}:{args.port}/", file=sys.stderr)
    os.execve(sys.executable, argv, env)
    return 0  # pragma: no cover - execve does not return
