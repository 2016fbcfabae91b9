"""The RDF store: the embedded default taxonomy, or an on-disk Oxigraph store.

An on-disk store is a folder::

    esco-store/
      CURRENT            name of the live generation, replaced atomically
      gen-<id>/
        oxigraph/        the RocksDB files of pyoxigraph
        meta.json        content id, sources, counts, data-quality report
        cache/           derived data (projection, transition graph), keyed by content id

An import builds a whole new generation next to the live one and switches ``CURRENT``
with ``os.replace`` only once it is complete, so a failed or killed import leaves the
old content readable.  SPARQL runs on Oxigraph; ``Store.graph`` is the same data as an
rdflib ``Graph`` (through oxrdflib) for code that speaks rdflib.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import fcntl
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import StoreError
from .integrity import write_manifest

__all__ = [
    "DEFAULT_FILES",
    "Store",
    "build_store",
    "open_default",
    "open_store",
    "resolve_location",
]

ENV_VAR = "SKILLGRAPH_STORE"
FORMAT_VERSION = 1
#: Packaged Turtle files that make up the built-in default taxonomy, in load order.
DEFAULT_FILES = ("skillgraph.ttl", "default-taxonomy.ttl")


def ontology_bytes(name: str) -> bytes:
    """The bytes of a packaged ontology file (``ontology/NAME``)."""
    return (resources.files("skillgraph.ontology") / name).read_bytes()


class Store:
    """An open RDF store with its metadata.

    ``ox`` is the pyoxigraph store, ``meta`` the metadata dict (``content_id`` always set),
    ``path`` the store folder (None for the embedded default), ``cache_dir`` where derived
    data for this content may be kept (None: keep it in memory only).
    """

    def __init__(
        self,
        ox_store: ox.Store,
        meta: dict[str, Any],
        *,
        path: Path | None = None,
        generation: Path | None = None,
    ):
        self.ox = ox_store
        self.meta = meta
        self.path = path
        self.generation = generation
        self._graph = None

    @property
    def content_id(self) -> str:
        """A string that changes whenever the store's content changes."""
        return self.meta["content_id"]

    @property
    def cache_dir(self) -> Path | None:
        if self.generation is None:
            return None
        return self.generation / "cache"

    @property
    def is_default(self) -> bool:
        return self.path is None

    @property
    def graph(self):
        """The store as an rdflib ``Graph`` (oxrdflib), sharing the same Oxigraph data."""
        if self._graph is None:
            from oxrdflib import OxigraphStore
            from rdflib import Graph
            from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

            # The default graph of the dataset, where skillgraph keeps its triples.
            self._graph = Graph(
                store=OxigraphStore(store=self.ox), identifier=DATASET_DEFAULT_GRAPH_ID
            )
        return self._graph

    def query(self, sparql: str, **kwargs):
        """Run a SPARQL query on Oxigraph (see ``pyoxigraph.Store.query``)."""
        return self.ox.query(sparql, **kwargs)

    def __len__(self) -> int:
        return len(self.ox)

    def __repr__(self) -> str:
        where = str(self.path) if self.path else "default taxonomy"
        return f"<Store {where} content={self.content_id}>"


# ----------------------------------------------------------------- opening


def resolve_location(location: str | os.PathLike[str] | None) -> str | None:
    """The store a command should use: the argument, else ``$SKILLGRAPH_STORE``, else None."""
    if location is not None and str(location) != "":
        return str(location)
    env = os.environ.get(ENV_VAR, "").strip()
    return env or None


_default_cache: dict[str, Store] = {}


def open_default() -> Store:
    """The built-in default taxonomy, loaded in memory from the packaged Turtle files.

    The parsed store is shared by every caller in the process: it is read-only by contract.
    """
    blobs = [ontology_bytes(name) for name in DEFAULT_FILES]
    digest = hashlib.sha256(b"\0".join(blobs)).hexdigest()[:16]
    cached = _default_cache.get(digest)
    if cached is not None:
        return cached
    store = ox.Store()
    for blob in blobs:
        store.load(blob, format=ox.RdfFormat.TURTLE)
    meta = {
        "format": FORMAT_VERSION,
        "content_id": "default-" + digest,
        "sources": [{"name": "skillgraph default taxonomy", "attribution": None}],
        "quality": {},
    }
    opened = Store(store, meta)
    _default_cache.clear()
    _default_cache[digest] = opened
    return opened


def open_store(location: str | os.PathLike[str] | None = None, *, read_only: bool = True) -> Store:
    """Open the store at ``location`` (or ``$SKILLGRAPH_STORE``, or the default taxonomy)."""
    resolved = resolve_location(location)
    if resolved is None:
        return open_default()
    if resolved.lower().startswith(("http://", "https://")):
        from .remote import open_remote  # a SPARQL server (skillgraph/remote.py)

        return open_remote(resolved)
    root = Path(resolved)
    generation = _current_generation(root)
    meta = _read_meta(generation)
    try:
        data = generation / "oxigraph"
        ox_store = ox.Store.read_only(str(data)) if read_only else ox.Store(str(data))
    except OSError as exc:
        raise StoreError(f"{root}: cannot open the store: {exc}") from exc
    return Store(ox_store, meta, path=root, generation=generation)


def _current_generation(root: Path) -> Path:
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


def _read_meta(generation: Path) -> dict[str, Any]:
    try:
        meta = json.loads((generation / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{generation}: unreadable meta.json: {exc}") from exc
    if meta.get("format") != FORMAT_VERSION or "content_id" not in meta:
        raise StoreError(f"{generation}: store format {meta.get('format')!r} is not supported")
    return meta


# ----------------------------------------------------------------- building

Filler = Callable[[ox.Store], dict[str, Any]]


def build_store(
    location: str | os.PathLike[str],
    fill: Filler,
    *,
    merge: bool = False,
) -> Store:
    """Build a new generation of the store at ``location`` and switch to it atomically.

    ``fill(ox_store)`` writes the content into a fresh Oxigraph store and returns metadata
    (``sources``, ``quality``, anything else worth keeping); it raises to abort.  With
    ``merge=True`` the new generation starts as a copy of the live one.  Whatever ``fill``
    raises, the live generation is left exactly as it was and the exception propagates.
    """
    if str(location).lower().startswith(("http://", "https://")):
        from .remote import build_remote  # a SPARQL server (skillgraph/remote.py)

        return build_remote(str(location), fill, merge=merge)
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
        previous = _current_generation(root)
        previous_meta = _read_meta(previous)

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
        ox_store.flush()
        ox_store.optimize()
        meta = _new_meta(content_id, produced, previous_meta if merge else {})
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
    return open_store(root)


def _new_meta(content_id: str, produced: dict[str, Any], merged_from: dict[str, Any]):
    sources = list(merged_from.get("sources", []))
    for source in produced.get("sources", []):
        if source not in sources:
            sources.append(source)
    meta = dict(merged_from)
    meta.update(produced)
    meta.update(
        format=FORMAT_VERSION,
        content_id=content_id,
        created=_dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        sources=sources,
    )
    meta.setdefault("quality", {})
    meta["counts"] = dict(produced.get("counts", {}))
    return meta


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
