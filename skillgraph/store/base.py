"""The ``Store`` type every backend shares, and the built-in default taxonomy.

A ``Store`` is an open RDF dataset (Oxigraph, or ``remote.RemoteOx`` speaking to a SPARQL
server) with its metadata; ``disk`` and ``remote`` open and build the other kinds, and
``skillgraph.store`` picks one from a location.  See docs/architecture.md.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .alignment import materialise_alignments

__all__ = ["DEFAULT_FILES", "FORMAT_VERSION", "Store", "new_meta", "ontology_bytes", "open_default"]

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
    materialise_alignments(store)
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


def new_meta(
    content_id: str, produced: dict[str, Any], merged_from: dict[str, Any]
) -> dict[str, Any]:
    """The metadata of a new generation: what ``fill`` produced, merged over the
    previous generation's when importing with ``--merge``."""
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
