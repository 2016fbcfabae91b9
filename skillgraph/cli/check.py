"""``skillgraph check``: is the store whole (files, indexes, counts, caches)?"""

from __future__ import annotations

import argparse
import sys

from ..errors import StoreError
from .common import command


def register(subparsers) -> None:
    command(
        subparsers,
        "check",
        "verify a store's integrity end to end (file checksums, every index, counts)",
        _check,
        epilog="Exit status 0 when the store is whole, 1 when it is damaged or unreadable.",
    )


def _check(args: argparse.Namespace) -> int:
    from ..integrity import check_store

    report = check_store(getattr(args, "store", None))
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    if not report.ok:
        raise StoreError(
            f"{report.location}: damaged: {'; '.join(report.problems)}. Re-import the data "
            "(skillgraph import ... --replace) or restore a backup of the store folder"
        )
    print(f"ok: {report.location}: {', '.join(report.facts) or 'readable'}")
    return 0
