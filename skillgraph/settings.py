"""The library's own settings: every environment variable skillgraph reads, in one place.

The web app reads its settings once, through ``app.config.from_prefixed_env("SKILLGRAPH")``
(``web/config.py``); the library and the CLI read them here, when they are needed, so that
a test or a program may set them before opening a store.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "MODEL_MEMORY_VAR",
    "PASSWORD_VAR",
    "SANDBOX_VAR",
    "STORE_VAR",
    "USER_VAR",
    "is_remote",
    "model_memory_limit",
    "remote_cache_root",
    "remote_credentials",
    "sandbox_required",
    "store_location",
]

#: The store to use when a command or ``skillgraph.open`` is given none.
STORE_VAR = "SKILLGRAPH_STORE"
#: HTTP basic-auth credentials for a store on a SPARQL server (never part of its URL).
USER_VAR = "SKILLGRAPH_STORE_USER"
PASSWORD_VAR = "SKILLGRAPH_STORE_PASSWORD"
#: "off" lets SPARQL query processes run where the network sandbox cannot be installed.
SANDBOX_VAR = "SKILLGRAPH_SPARQL_SANDBOX"
#: The memory a career model may take to build, in GB (default 16).
MODEL_MEMORY_VAR = "SKILLGRAPH_MODEL_MEMORY_GB"


def store_location(location: str | os.PathLike[str] | None = None) -> str | None:
    """The store to use: ``location``, else ``$SKILLGRAPH_STORE``, else None (the default
    taxonomy).

    >>> store_location("esco-store")
    'esco-store'
    """
    if location is not None and str(location) != "":
        return str(location)
    env = os.environ.get(STORE_VAR, "").strip()
    return env or None


def is_remote(location: object) -> bool:
    """True when ``location`` names a store on a SPARQL server (an http(s) URL).

    >>> is_remote("http://127.0.0.1:7878/query"), is_remote("esco-store"), is_remote(None)
    (True, False, False)
    """
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def remote_credentials() -> tuple[str, str] | None:
    """``(user, password)`` for a remote store, or None when no user is set."""
    user = os.environ.get(USER_VAR)
    if not user:
        return None
    return user, os.environ.get(PASSWORD_VAR, "")


def remote_cache_root() -> Path:
    """Where remote stores' derived data is cached: ``$XDG_CACHE_HOME/skillgraph/remote``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "skillgraph" / "remote"


def sandbox_required() -> bool:
    """Whether a SPARQL query process must refuse to run without its network sandbox."""
    return os.environ.get(SANDBOX_VAR, "").lower() not in ("0", "off", "no")


def model_memory_limit() -> int:
    """The bytes a career model may take to build: ``$SKILLGRAPH_MODEL_MEMORY_GB`` GB
    (16 when unset or not a positive number).

    >>> model_memory_limit() > 0
    True
    """
    try:
        gb = float(os.environ.get(MODEL_MEMORY_VAR, "") or 16)
    except ValueError:
        gb = 16.0
    return int((gb if gb > 0 else 16.0) * 2**30)
