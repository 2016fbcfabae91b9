"""What an export holds: the whole store, one field, or the neighbourhood of a career path.

A ``Selection`` is a set of concept URIs (None: everything).  Exporters keep a concept when
``selection.keeps(uri)`` and a relation when both its ends are kept, so a subset is always
a closed graph: no link points at a concept the export leaves out.

>>> from skillgraph.taxonomy import Taxonomy
>>> t = Taxonomy.from_records(
...     roles=[("r:a", "clerk", "f:adm"), ("r:b", "analyst", "f:data")],
...     skills=[("s:x", "typing", None, None), ("s:y", "SQL", None, None)],
...     fields=[("f:adm", "administration"), ("f:data", "data")],
...     requirements=[("r:a", "s:x", True), ("r:b", "s:y", True)],
...     programs=[("p:1", "SQL course", 20.0, 0.0, "online course")],
...     teaches=[("p:1", "s:y")],
... )
>>> sorted(neighbourhood(t, roles=[1], fields=[1]).concepts)
['f:data', 'p:1', 'r:b', 's:y']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..careers.results import CareerPath
from ..taxonomy import Kind, Taxonomy

__all__ = ["EVERYTHING", "Selection", "field_selection", "neighbourhood", "path_selection"]


@dataclass(frozen=True)
class Selection:
    """The concepts an export keeps (``concepts is None``: all of them) and why."""

    concepts: frozenset[str] | None
    description: str = "the whole store"

    @property
    def everything(self) -> bool:
        return self.concepts is None

    def keeps(self, uri: str) -> bool:
        return self.concepts is None or uri in self.concepts


EVERYTHING = Selection(None)


def neighbourhood(
    t: Taxonomy,
    *,
    roles: Iterable[int],
    fields: Iterable[int] = (),
    skills: Iterable[int] = (),
    description: str = "",
) -> Selection:
    """Roles, the skills they require, the programs that teach those skills, their fields."""
    role_ix = np.fromiter(roles, dtype=np.int64)
    wanted = np.isin(t.req_role, role_ix)
    skill_ix = np.union1d(t.req_skill[wanted], np.fromiter(skills, dtype=np.int64))
    program_ix = np.unique(t.teach_program[np.isin(t.teach_skill, skill_ix)])
    field_ix = set(int(f) for f in fields)
    field_ix.update(int(f) for f in t.role_field[role_ix] if f >= 0)
    concepts = {t.role_uris[i] for i in role_ix}
    concepts.update(t.skill_uris[i] for i in skill_ix)
    concepts.update(t.program_uris[i] for i in program_ix)
    concepts.update(t.field_uris[i] for i in field_ix)
    return Selection(frozenset(concepts), description)


def field_selection(graph, name: str) -> Selection:
    """The field named ``name``: its roles, their skills, the programs teaching them."""
    t = graph.taxonomy
    field = graph.resolve(name, Kind.FIELD)
    f = t.locate(field.uri)[1]
    roles = np.flatnonzero(t.role_field == f)
    skills = np.flatnonzero(t.skill_field == f)
    return neighbourhood(
        t, roles=roles, fields=[f], skills=skills, description=f"the field {field.label!r}"
    )


def path_selection(t: Taxonomy, path: CareerPath) -> Selection:
    """The roles on a career path, with their skills and the programs teaching them."""
    uris: list[str] = []
    for step in path.steps:
        for concept in (step.source, step.target):
            if concept.uri not in uris:
                uris.append(concept.uri)
    roles: list[int] = []
    for uri in uris:
        found = t.locate(uri)
        if found is not None and found[0] == Kind.ROLE:
            roles.append(found[1])
    labels = " -> ".join(t.role_labels[r] for r in roles)
    return neighbourhood(t, roles=roles, description=f"the career path {labels}")
