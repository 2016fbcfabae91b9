"""Example career questions that have answers, mined from a taxonomy (for a home page or a
tutorial): follow the cheapest next steps from roles of the largest fields, then ask for
the path to where the chain ended.

>>> import skillgraph
>>> found = example_paths(skillgraph.open().careers)
>>> 0 < len(found) <= 4 and all(len(path.steps) >= 1 for path in found)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..errors import SkillgraphError
from .results import RESKILLING, CareerPath

if TYPE_CHECKING:
    from .engine import Careers

__all__ = ["example_paths"]


def example_paths(careers: Careers, n: int = 4) -> list[CareerPath]:
    """Up to ``n`` example paths: those of two or more steps first, half of them staying
    in their field and half changing it."""
    t = careers.taxonomy
    field_of = t.role_field.tolist()
    starts: list[int] = []
    per_field = np.bincount(t.role_field[t.role_field >= 0], minlength=len(t.field_uris))
    for fi in np.argsort(-per_field, kind="stable")[:8].tolist():
        starts.extend([i for i, x in enumerate(field_of) if x == fi][:2])
    # A "growth" move goes to a role that asks for more skills: chains of them read as
    # careers, not as drifting sideways or down.
    size = np.bincount(t.req_role, minlength=t.n_roles)
    candidates: list[CareerPath] = []
    for start in starts:
        for change_field in (False, True):
            chain = [start]
            try:
                for hop in range(3):
                    moves = careers.next_steps(t.role_uris[chain[-1]], 10)
                    nxt = next(
                        (
                            r
                            for m in moves
                            if (r := careers.number(m.role, "role")) not in chain
                            and size[r] >= size[chain[-1]]
                            and (hop > 0 or (m.kind == RESKILLING) == change_field)
                        ),
                        None,
                    )
                    if nxt is None:
                        break
                    chain.append(nxt)
                if len(chain) < 3:
                    continue
                path = careers.paths(t.role_uris[start], t.role_uris[chain[-1]])[0]
            except SkillgraphError:
                continue
            candidates.append(path)
    chosen: list[CareerPath] = []
    for reskilling in (False, True):
        pool = [p for p in candidates if bool(p.reskilling_steps) == reskilling]
        pool.sort(key=lambda p: len(p.steps) < 2)  # multi-step first, stable otherwise
        chosen.extend(pool[: n // 2])
    return chosen or candidates[:n]
