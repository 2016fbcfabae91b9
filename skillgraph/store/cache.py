"""Derived data pickled with a store, keyed by its content id.

Cache files live inside the store's own generation folder (or, for a remote store, a
private folder of the user's), written by skillgraph itself, so they are as trusted as the
store.  A payload read back under another content id or cache version is ignored.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["CACHE_VERSION", "Cache", "read_cache", "write_cache"]

#: Bumped whenever a cached type changes shape.
#: 2: program_field; 3: role_seniority; 4: role codes, skill kinds; 5: role texts, skill
#: hierarchy; 6: relations and labels in a fixed order (not the store's); 7: role texts too;
#: 8: role wages, employment, exposure; 9: the career model keeps each role's best fits
#: (``careers.best_fits``), not a dense matrix
#: 10: the fit of a store of ESCO and O*NET linked by the crosswalk (``careers.linked``);
#: 13: each role's family (``Taxonomy.role_family``; 11 and 12 were taken by branches)
CACHE_VERSION = 13


@dataclass(frozen=True)
class Cache:
    """Where derived data of one store content is kept: ``folder`` (None: nowhere, keep
    it in memory) and the ``content_id`` it belongs to.

    >>> Cache(None, "x").get("anything") is None
    True
    """

    folder: Path | None
    content_id: str

    def get(self, name: str) -> Any:
        """The payload stored under ``name`` for this content, or None."""
        return read_cache(self.folder, name, self.content_id)

    def put(self, name: str, payload: Any) -> None:
        """Keep ``payload`` under ``name`` for this content (skipped when not writable)."""
        write_cache(self.folder, name, self.content_id, payload)


def read_cache(cache_dir: Path | None, name: str, content_id: str) -> Any:
    """An object pickled by ``write_cache`` for this content, or None.

    Cache files live inside the store's own generation folder, written by skillgraph
    itself, so they are as trusted as the store.
    """
    if cache_dir is None:
        return None
    path = cache_dir / f"{name}.pickle"
    try:
        with open(path, "rb") as handle:
            version, cid, payload = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
        return None
    except (ImportError, AttributeError):
        # Written by another version of skillgraph whose classes lived elsewhere: stale.
        return None
    if version != CACHE_VERSION or cid != content_id:
        return None
    return payload


def write_cache(cache_dir: Path | None, name: str, content_id: str, payload: Any) -> None:
    """Pickle ``payload`` for this content; silently skipped when the folder is not writable."""
    if cache_dir is None:
        return
    path = cache_dir / f"{name}.pickle"
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if cache_dir.parent.name.startswith("gen-") and not cache_dir.parent.is_dir():
        return  # a generation an import has removed: never re-create it
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            pickle.dump((CACHE_VERSION, content_id, payload), handle, protocol=5)
        tmp.replace(path)
    except OSError:
        return
