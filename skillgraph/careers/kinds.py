"""Next steps grouped by occupation: kinds of one occupation folded into one entry.

ESCO lists many kinds of some occupations (37 kinds of "specialised seller", 43 of "shop
manager"), each a role of its own.  A shop assistant's ten best fits are then nine
specialised sellers, which tells an adviser one thing nine times.  Grouped, a family
(``Taxonomy.role_family``: the roles under one broader role) takes one place in the list,
held by its best-fitting role, and lists its other kinds.  The ranking is unchanged: the
places freed go to the next families.  It is an option, not the default: on the Career
Changers Matrix the grouped top ten score lower (README, "Career paths"), because people
do move between kinds of one occupation.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["group_kinds"]


def group_kinds(ranked: Sequence[int], family: np.ndarray, k: int) -> list[tuple[int, list[int]]]:
    """The first ``k`` families of ``ranked`` (roles, best first), each as (the position
    in ``ranked`` of the role holding its place, the positions of the other kinds of it,
    in rank order).

    >>> family = np.array([0, 0, 0, 3, 4])  # roles 1 and 2 are kinds of role 0
    >>> group_kinds([1, 3, 0, 2, 4], family, 2)
    [(0, [2, 3]), (1, [])]
    >>> group_kinds([4, 3], family, 5)
    [(0, []), (1, [])]
    """
    places: dict[int, int] = {}
    found: list[tuple[int, list[int]]] = []
    for position, role in enumerate(ranked):
        key = int(family[role])
        if key in places:
            found[places[key]][1].append(position)
        else:
            places[key] = len(found)
            found.append((position, []))
    # Kinds are collected past the k-th family too, so each place lists all it holds.
    return found[:k]
