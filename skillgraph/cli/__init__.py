"""The ``skillgraph`` command line.

Each topic lives in its own module of this package exposing ``register(subparsers)``;
``COMMAND_MODULES`` lists them.  Every error a user can cause is a ``SkillgraphError``:
it is printed as one line ``error: ...`` with exit status 1, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import SkillgraphError

__all__ = ["COMMAND_MODULES", "main"]

#: Modules of ``skillgraph.cli`` that add sub-commands, in the order ``--help`` lists them.
COMMAND_MODULES = ("inspect", "importing", "careers", "sparql", "exporting", "serve")


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
        return 0
    return int(status or 0)
