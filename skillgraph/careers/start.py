"""A resolved start of a career question: a role, or a virtual node with its own skills."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..taxonomy import Concept

__all__ = ["Start"]


@dataclass(eq=False)
class Start:
    """A resolved start: a role node, or a virtual node with its own skills."""

    concept: Concept
    role: int | None  # the role's number, if the start is a role
    have: np.ndarray  # bool over skills
    own: np.ndarray  # weight per skill, for reuse
    field: int | None  # None: a profile with no field to leave
    virtual: bool  # True when the start's moves differ from the role's graph row
    extra: list[int]  # skills given on top of the role's (all of them for a profile)
    level: np.ndarray | None = None  # the role's rated level per skill (NaN: unrated)
