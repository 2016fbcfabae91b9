"""The ``skillgraph`` command line.

Each topic lives in its own module of this package exposing ``register(subparsers)``;
``COMMAND_MODULES`` lists them.  Every error a user can cause is a ``SkillgraphError``:
it is printed as one line ``error: ...`` with exit status 1, never as a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys

from ..errors import SkillgraphError

__all__ = ["COMMAND_MODULES", "main"]

#: Modules of ``skillgraph.cli`` that add sub-commands, in the order ``--help`` lists them.
COMMAND_MODULES = (
    "inspect", "check", "importing", "careers", "outlook", "sparql", "exporting", "serve"
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="skillgraph",
        description="Explore skill taxonomies and plan upskilling and reskilling career paths.",
        epilog="Without --store (or $SKILLGRAPH_STORE) commands use the built-in default taxonomy.",
    )
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"skillgraph {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status = args.handler(args)
    except SkillgraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `skillgraph ... | head` closes the pipe early; that is not an error.
        _discard_stdout()
        return 0
    except OSError as exc:
        # A full disk, a path that is not a folder, /proc, an output on /dev/full ...
        _discard_stdout()
        print(f"error: {os_error_message(exc)}", file=sys.stderr)
        return 1
    except RuntimeError as exc:
        # pyoxigraph reports RocksDB's damage (a truncated SST or MANIFEST) this way.
        text = " ".join(str(exc).split())
        if not text.startswith(("Corruption", "IO error")):
            raise
        where = getattr(args, "store", None) or "the store"
        print(
            f"error: {where} is damaged ({text[:240]}); `skillgraph check --store {where}` "
            "tells more; re-import it or restore a backup",
            file=sys.stderr,
        )
        return 1
    return int(status or 0)


def os_error_message(exc: OSError) -> str:
    """One line for an ``OSError``: what failed and on which file.

    >>> os_error_message(NotADirectoryError(20, "Not a directory", "/etc/passwd/CURRENT"))
    '/etc/passwd/CURRENT: Not a directory'
    >>> os_error_message(OSError(28, "No space left on device"))
    'No space left on device'
    """
    text = exc.strerror or " ".join(str(exc).split()) or type(exc).__name__
    return f"{exc.filename}: {text}" if exc.filename else text


def _discard_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail again."""
    import os

    with contextlib.suppress(OSError):
        sys.stdout.flush()
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
