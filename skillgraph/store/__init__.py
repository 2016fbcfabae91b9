"""The RDF store: the embedded default taxonomy, an on-disk Oxigraph store, or a SPARQL
server -- one ``Store`` type, picked from a location.

========================  ==============================================================
``None`` (or unset)       the built-in default taxonomy, in memory (``base.open_default``)
a folder                  an on-disk store of generations (``disk``)
``http(s)://...``         a store on a SPARQL 1.1 server (``remote``)
========================  ==============================================================

SPARQL runs on Oxigraph (or the server); ``Store.graph`` is the same data as an rdflib
``Graph`` for code that speaks rdflib.  Derived data is cached with the store
(``cache``).  See docs/architecture.md.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..settings import STORE_VAR, is_remote, store_location
from .base import DEFAULT_FILES, FORMAT_VERSION, Store, ontology_bytes, open_default
from .disk import Filler, build_disk, iter_generations, open_disk

__all__ = [
    "DEFAULT_FILES",
    "ENV_VAR",
    "FORMAT_VERSION",
    "Filler",
    "Store",
    "build_store",
    "holds_taxonomy",
    "is_remote",
    "iter_generations",
    "ontology_bytes",
    "open_default",
    "open_store",
    "resolve_location",
]

#: The environment variable naming the store (``skillgraph.settings.STORE_VAR``).
ENV_VAR = STORE_VAR
#: The store a command should use: the argument, else ``$SKILLGRAPH_STORE``, else None.
resolve_location = store_location


def open_store(location: str | os.PathLike[str] | None = None, *, read_only: bool = True) -> Store:
    """Open the store at ``location`` (or ``$SKILLGRAPH_STORE``, or the default taxonomy)."""
    resolved = store_location(location)
    if resolved is None:
        return open_default()
    if is_remote(resolved):
        from .remote import open_remote  # urllib and the HTTP client only when needed

        return open_remote(resolved)
    return open_disk(Path(resolved), read_only=read_only)


def build_store(location: str | os.PathLike[str], fill: Filler, *, merge: bool = False) -> Store:
    """Build new content for the store at ``location`` and switch to it atomically.

    ``fill(ox_store)`` writes the content into a fresh Oxigraph store and returns metadata
    (``sources``, ``quality``, anything else worth keeping); it raises to abort.  With
    ``merge=True`` the new content starts as a copy of the live one.  Whatever ``fill``
    raises, the live content is left exactly as it was and the exception propagates.
    """
    if is_remote(str(location)):
        from .remote import build_remote

        return build_remote(str(location), fill, merge=merge)
    return build_disk(location, fill, merge=merge)


def holds_taxonomy(location: str) -> bool:
    """Whether the store at ``location`` already holds data (an import into it must then
    merge or replace explicitly)."""
    if is_remote(location):
        from .remote import holds_taxonomy as remote_holds

        return remote_holds(location)
    return (Path(location) / "CURRENT").exists()
