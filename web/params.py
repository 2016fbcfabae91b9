"""Request parameters: parsed and checked once, so that every view turns a bad value into
the same 400 response naming the parameter (``InvalidParameter``)."""

from __future__ import annotations

from flask import request

from skillgraph.errors import InvalidParameter
from skillgraph.taxonomy import Kind


def text(name: str, *, required: bool = False, default: str | None = None) -> str | None:
    """A single text parameter, stripped; ``None`` (or ``default``) when absent or empty."""
    value = request.args.get(name, "").strip()
    if not value:
        if required:
            raise InvalidParameter(f"parameter {name!r} is required")
        return default
    if len(value) > 2000:
        raise InvalidParameter(f"parameter {name!r} is longer than 2000 characters")
    return value


def texts(name: str, *, limit: int = 50) -> list[str]:
    """A repeatable parameter (``avoid=a&avoid=b``), empty values dropped, order kept."""
    values = [v.strip() for v in request.args.getlist(name) if v.strip()]
    if len(values) > limit:
        raise InvalidParameter(f"parameter {name!r} is given more than {limit} times")
    for value in values:
        if len(value) > 2000:
            raise InvalidParameter(f"parameter {name!r} is longer than 2000 characters")
    return list(dict.fromkeys(values))


def integer(name: str, default: int | None, *, lo: int, hi: int) -> int | None:
    """An integer parameter within ``lo..hi``; ``default`` when absent or empty."""
    raw = request.args.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidParameter(f"parameter {name!r} must be an integer, not {raw!r}") from None
    if not lo <= value <= hi:
        raise InvalidParameter(f"parameter {name!r} must be between {lo} and {hi}, not {value}")
    return value


def number(name: str, default: float | None, *, lo: float, hi: float) -> float | None:
    """A number parameter within ``lo..hi``; ``default`` when absent or empty."""
    raw = request.args.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise InvalidParameter(f"parameter {name!r} must be a number, not {raw!r}") from None
    if not lo <= value <= hi:
        raise InvalidParameter(f"parameter {name!r} must be between {lo:g} and {hi:g}, not {raw}")
    return value


def kinds(name: str = "kind") -> list[str] | None:
    """Concept kinds to search (repeatable or comma-separated); None means all."""
    wanted: list[str] = []
    for value in request.args.getlist(name):
        wanted.extend(k.strip() for k in value.split(",") if k.strip())
    for kind in wanted:
        if kind not in Kind.ALL:
            raise InvalidParameter(
                f"parameter {name!r} must be one of {', '.join(Kind.ALL)}, not {kind!r}"
            )
    return wanted or None


def flag(name: str) -> bool:
    """A yes/no parameter: 1/true/yes/on is yes, 0/false/no/off or absent is no."""
    raw = request.args.get(name, "").strip().lower()
    if raw in ("", "0", "false", "no", "off"):
        return False
    if raw in ("1", "true", "yes", "on"):
        return True
    raise InvalidParameter(f"parameter {name!r} must be true or false, not {raw!r}")
