"""One exception hierarchy: every error a user can cause is a ``SkillgraphError``.

The CLI and the web app turn these into a clear message (and an exit code or an HTTP
status) instead of a traceback.
"""

from __future__ import annotations


class SkillgraphError(Exception):
    """Base class of every error skillgraph raises on purpose."""


class StoreError(SkillgraphError):
    """The store cannot be opened, created or swapped."""


class ImportError_(SkillgraphError):
    """Input data is malformed; the message names the file, the line and the problem.

    A failed import never changes the target store.
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        where = ""
        if file is not None:
            where = f"{file}:{line}: " if line is not None else f"{file}: "
        super().__init__(where + message)


# The public name; the trailing underscore only avoids shadowing the builtin here.
DataImportError = ImportError_


class UnknownConcept(SkillgraphError, LookupError):
    """No concept has this URI or label; ``suggestions`` holds the closest labels."""

    def __init__(
        self, name: str, suggestions: list[str] | None = None, kind: str | None = None
    ) -> None:
        self.name = name
        self.kind = kind
        self.suggestions = list(suggestions or [])
        what = kind or "concept"
        message = f"no {what} named {name!r}"
        if self.suggestions:
            message += "; did you mean: " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)


class AmbiguousLabel(SkillgraphError, LookupError):
    """Several concepts share this label; ``candidates`` lists them as (uri, label, kind)."""

    def __init__(self, name: str, candidates: list[tuple[str, str, str]]) -> None:
        self.name = name
        self.candidates = candidates
        listed = "; ".join(f"{label} ({kind}) <{uri}>" for uri, label, kind in candidates)
        super().__init__(f"{name!r} names {len(candidates)} concepts, use a URI: {listed}")


class TooLarge(SkillgraphError):
    """A taxonomy too large for what this machine allows (the message names the limit
    and what to do)."""


class NoPath(SkillgraphError):
    """The target cannot be reached; ``reason`` says which constraint, if one did it."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        self.reason = reason
        super().__init__(message)


class InvalidParameter(SkillgraphError, ValueError):
    """A parameter is out of range or of the wrong type."""


class QueryError(SkillgraphError):
    """A SPARQL query is malformed, forbidden, too long or too slow."""
