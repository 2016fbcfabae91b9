"""Where things are in the app: the page of a concept, page URLs inside results, and
download names."""

from __future__ import annotations

import functools
from urllib.parse import quote

from skillgraph.namespace import DATA

__all__ = ["concept_url", "slug", "uris_in", "with_urls"]


@functools.lru_cache(maxsize=1 << 16)
def concept_url(uri: str) -> str:
    """The page of a concept: its own ``/id/...`` path for our namespace (Linked Data),
    ``/concept?uri=...`` for imported URIs such as ESCO's."""
    if uri.startswith(str(DATA)):
        return "/id/" + quote(uri[len(str(DATA)) :], safe="/")
    return "/concept?uri=" + quote(uri, safe="")


def with_urls(data):
    """``data`` with a page ``url`` next to every ``uri`` (recursively, in place)."""
    if isinstance(data, dict):
        uri = data.get("uri")
        if uri is not None and "kind" in data and data["kind"] != "profile":
            data["url"] = concept_url(uri)
        for value in data.values():
            if isinstance(value, dict | list):
                with_urls(value)
    elif isinstance(data, list):
        for value in data:
            if isinstance(value, dict | list):
                with_urls(value)
    return data


def uris_in(data) -> list[str]:
    """Every concept URI in a result (for attribution)."""
    out: list[str] = []
    if isinstance(data, dict):
        if isinstance(data.get("uri"), str):
            out.append(data["uri"])
        for value in data.values():
            out.extend(uris_in(value))
    elif isinstance(data, list):
        for value in data:
            out.extend(uris_in(value))
    return list(dict.fromkeys(out))


def slug(text: str, limit: int = 40) -> str:
    """``text`` as a safe part of a file name or an id: letters and digits, '-' elsewhere.

    >>> slug("Data Analyst / Junior")
    'data-analyst---junior'
    """
    return "".join(c if c.isalnum() else "-" for c in text.casefold()).strip("-")[:limit]
