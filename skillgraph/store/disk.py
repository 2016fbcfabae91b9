"""A store on disk: an Oxigraph folder made of generations.

An on-disk store is a folder::

    esco-store/
      CURRENT            name of the live generation, replaced atomically
      gen-<id>/
        oxigraph/        the RocksDB files of pyoxigraph
        meta.json        content id, sources, counts, data-quality report
        cache/           derived data (projection, transition graph), keyed by content id

An import builds a whole new generation next to the live one and switches ``CURRENT``
with ``os.replace`` only once it is complete, so a failed or killed import leaves the
old content readable.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import StoreError
from .alignment import materialise_alignments
from .base import FORMAT_VERSION, Store, new_meta, ontology_bytes
from .manifest import write_manifest

__all__ = [
    "Filler",
    "build_disk",
    "current_generation",
    "iter_generations",
    "open_disk",
    "read_meta",
]


def open_disk(root: Path, *, read_only: bool = True) -> Store:
    """Open the live generation of the store folder ``root``."""
    generation = current_generation(root)
    meta = read_meta(generation)
    try:
        data = generation / "oxigraph"
        ox_store = ox.Store.read_only(str(data)) if read_only else ox.Store(str(data))
    except OSError as exc:
        raise StoreError(f"{root}: cannot open the store: {exc}") from exc
    return Store(ox_store, meta, path=root, generation=generation)


def current_generation(root: Path) -> Path:
    if not root.exists():
        raise StoreError(
            f"{root}: no store here; create one with `skillgraph import ... --store {root}`"
        )
    pointer = root / "CURRENT"
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise StoreError(f"{root}: not a skillgraph store (no CURRENT file)") from None
    generation = root / name
    if not name.startswith("gen-") or not generation.is_dir():
        raise StoreError(f"{root}: CURRENT names {name!r}, which is not a generation folder")
    return generation


def read_meta(generation: Path) -> dict[str, Any]:
    try:
        meta = json.loads((generation / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{generation}: unreadable meta.json: {exc}") from exc
    if meta.get("format") != FORMAT_VERSION or "content_id" not in meta:
        raise StoreError(f"{generation}: store format {meta.get('format')!r} is not supported")
    return meta


# ----------------------------------------------------------------- building

Filler = Callable[[ox.Store], dict[str, Any]]


def build_disk(location: str | os.PathLike[str], fill: Filler, *, merge: bool = False) -> Store:
    """Build a new generation of the store at ``location`` and switch to it atomically.

    ``fill(ox_store)`` writes the content into a fresh Oxigraph store and returns metadata
    (``sources``, ``quality``, anything else worth keeping); it raises to abort.  With
    ``merge=True`` the new generation starts as a copy of the live one.  Whatever ``fill``
    raises, the live generation is left exactly as it was and the exception propagates.
    """
    root = Path(location)
    if root.exists() and not root.is_dir():
        raise StoreError(f"{root}: exists and is not a folder")
    leftovers = [p for p in root.iterdir() if p.name != ".import-lock"] if root.is_dir() else []
    if leftovers and not (root / "CURRENT").exists():
        raise StoreError(f"{root}: folder is not empty and is not a skillgraph store")
    created = not root.exists()
    root.mkdir(parents=True, exist_ok=True)
    try:
        with _import_lock(root):
            return _build_locked(root, fill, merge=merge)
    except BaseException:
        # A first import that fails leaves no half-made store folder behind.
        if created and not (root / "CURRENT").exists():
            shutil.rmtree(root, ignore_errors=True)
        raise


@contextlib.contextmanager
def _import_lock(root: Path) -> Iterator[None]:
    """One import at a time per store: a second one fails at once, touching nothing.

    Without it, the second import's clean-up would delete the first one's half-built
    generation.  The lock is an ``flock`` on ``root/.import-lock``, released by the kernel
    when a killed import's process dies.
    """
    handle = open(root / ".import-lock", "a+b")  # noqa: SIM115 - held for the whole import
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(
                f"{root}: another import into this store is running; try again when it is done"
            ) from None
        yield
    finally:
        handle.close()


def _build_locked(root: Path, fill: Filler, *, merge: bool) -> Store:
    previous: Path | None = None
    previous_meta: dict[str, Any] = {}
    if (root / "CURRENT").exists():
        previous = current_generation(root)
        previous_meta = read_meta(previous)

    content_id = uuid.uuid4().hex[:16]
    generation = root / f"gen-{content_id}"
    try:
        generation.mkdir()
        ox_store = ox.Store(str(generation / "oxigraph"))
        if merge and previous is not None:
            old = ox.Store.read_only(str(previous / "oxigraph"))
            ox_store.bulk_extend(old.quads_for_pattern(None, None, None, None))
            del old
        produced = fill(ox_store) or {}
        # Every store carries the vocabulary, so that SPARQL users can query its labels.
        ox_store.load(ontology_bytes("skillgraph.ttl"), format=ox.RdfFormat.TURTLE)
        materialise_alignments(ox_store)  # ESCO's terms answer too (alignment.py)
        ox_store.flush()
        ox_store.optimize()
        meta = new_meta(content_id, produced, previous_meta if merge else {})
        meta["counts"]["triples"] = len(ox_store)
        del ox_store
        write_manifest(generation)  # checksums for `skillgraph check` (integrity.py)
        (generation / "cache").mkdir(exist_ok=True)
        _write_atomically(generation / "meta.json", json.dumps(meta, indent=2))
        _write_atomically(root / "CURRENT", generation.name + "\n")
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    _collect_garbage(root, keep=generation.name)
    return open_disk(root)


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _collect_garbage(root: Path, keep: str) -> None:
    """Remove generations other than ``keep`` (left over by earlier imports or crashes)."""
    for child in root.iterdir():
        if child.name.startswith("gen-") and child.name != keep:
            shutil.rmtree(child, ignore_errors=True)
        elif child.name.startswith(".CURRENT.") and child.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                child.unlink()


def iter_generations(root: Path) -> Iterator[Path]:
    """Generation folders under a store root (for tests and maintenance)."""
    return (child for child in sorted(root.iterdir()) if child.name.startswith("gen-"))
