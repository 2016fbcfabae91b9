"""The checksums of a store generation's files, written when an import finishes, so that
``skillgraph check`` can tell a damaged file from a sound one (``skillgraph.integrity``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["MANIFEST", "data_files", "digest", "write_manifest"]

MANIFEST = "files.sha256"
# RocksDB's informational log and lock file change on every open; they hold no data.
_SKIP = ("LOG", "LOCK")


def digest(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def data_files(generation: Path) -> list[Path]:
    """The files of a generation's Oxigraph folder that hold data."""
    folder = generation / "oxigraph"
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(_SKIP))


def write_manifest(generation: Path) -> None:
    """Record the SHA-256 of every file of a finished generation's Oxigraph folder."""
    lines = [f"{digest(p)}  {p.relative_to(generation)}\n" for p in data_files(generation)]
    tmp = generation / f".{MANIFEST}.tmp"
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(generation / MANIFEST)
