"""Where a remote store's requests go: its query, update and dataset endpoints, parsed
from the URL the user gives (see ``remote``)."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

from ..errors import StoreError
from ..settings import PASSWORD_VAR, USER_VAR, is_remote

__all__ = ["DEFAULT_TIMEOUT", "Endpoints"]

#: Seconds each HTTP call to the server may take, unless the URL says ``timeout=``.
DEFAULT_TIMEOUT = 60.0


@dataclass(frozen=True)
class Endpoints:
    """Where to send queries, updates and whole datasets; ``location`` is the URL as given.

    >>> e = Endpoints.parse("http://h:7878")
    >>> e.query, e.update, e.store
    ('http://h:7878/query', 'http://h:7878/update', 'http://h:7878/store')
    >>> e = Endpoints.parse("http://h:3030/ds/query?update=update&store=data&timeout=5")
    >>> e.query, e.update, e.store, e.timeout
    ('http://h:3030/ds/query', 'http://h:3030/ds/update', 'http://h:3030/ds/data', 5.0)
    >>> e = Endpoints.parse("http://h:8890/sparql")
    >>> e.query, e.update, e.store
    ('http://h:8890/sparql', 'http://h:8890/sparql', None)
    """

    location: str
    query: str
    update: str | None
    store: str | None
    timeout: float
    #: The named graph holding the content, on servers whose default graph is every graph.
    graph: str | None = None

    @classmethod
    def parse(cls, location: str) -> Endpoints:
        parts = urllib.parse.urlsplit(location)
        if parts.username or parts.password:
            raise StoreError(
                f"{parts.scheme}://{parts.hostname}...: put no credentials in the store URL "
                f"(it is shown in messages); set ${USER_VAR} and ${PASSWORD_VAR}"
            )
        if not parts.hostname:
            raise StoreError(f"{location}: not a server URL")
        options: dict[str, str] = {}
        kept = []
        for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True):
            if key in ("update", "store", "timeout", "graph"):
                options[key] = value
            else:
                kept.append((key, value))
        path = parts.path
        update: str | None
        store: str | None
        if path in ("", "/"):
            # A bare server address: Oxigraph's conventional endpoints.
            base = f"{parts.scheme}://{parts.netloc}/"
            query, update, store = base + "query", base + "update", base + "store"
        elif path.rstrip("/").endswith("/query"):
            base = f"{parts.scheme}://{parts.netloc}{path.rstrip('/')[: -len('query')]}"
            query, update, store = base + "query", base + "update", base + "store"
        else:
            query = update = f"{parts.scheme}://{parts.netloc}{path}"
            store = None
        if kept:
            query += "?" + urllib.parse.urlencode(kept)
        if "update" in options:
            update = urllib.parse.urljoin(query, options["update"]) if options["update"] else None
        if "store" in options:
            store = urllib.parse.urljoin(query, options["store"]) if options["store"] else None
        try:
            timeout = float(options.get("timeout", DEFAULT_TIMEOUT))
        except ValueError:
            raise StoreError(
                f"{location}: timeout={options['timeout']!r} is not a number"
            ) from None
        if timeout <= 0:
            raise StoreError(f"{location}: timeout must be positive")
        graph = options.get("graph") or None
        if graph is not None and not is_remote(graph) and ":" not in graph:
            raise StoreError(f"{location}: graph={graph!r} is not an IRI")
        return cls(location, query, update, store, timeout, graph)
