"""How senior each role is, on one scale of 1 (entry level) to 5 (leads others / extensive
preparation), where the taxonomy says nothing.

A taxonomy may rank its roles (``sg:seniority`` in the default taxonomy, the O*NET Job
Zone as ``sg:preparationLevel``): those ranks are kept.  ESCO has no ladder, so a role's
rank is estimated from what ESCO does say:

- the **ISCO-08 skill level** of its major group (the first digit of its ESCO code, e.g.
  ``2511.1``): elementary occupations (9) -> 1; clerical, service, sales, craft, trades and
  machine operators (4 to 8) -> 2; technicians and associate professionals (3) -> 3;
  professionals (2) -> 4; managers (1) -> 4; armed forces officers (01) -> 4,
  non-commissioned officers (02) -> 2, other ranks (03) -> 1;
- **words of its label**: "chief", "director", "head of" / "head ...", "senior" and "lead"
  add one rank; "supervisor" and "manager" (outside ISCO major group 1, where it is the
  norm) add half a rank; "assistant", "aide", "helper", "apprentice", "trainee" and
  "junior" take one away.

The result is clipped to 1..5.  It is an estimate, used only to tell a step down from a
step up (``PathParams.step_down_penalty``) and to label it; it never decides a field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .linked import ESCO_CODE

__all__ = ["estimated_rank", "role_ranks"]

#: ISCO-08 skill level of each major group (ILO, ISCO-08 vol. 1, table 1), on 1..5.
_MAJOR_RANK = {"1": 4.0, "2": 4.0, "3": 3.0, "4": 2.0, "5": 2.0, "6": 2.0, "7": 2.0}
_MAJOR_RANK |= {"8": 2.0, "9": 1.0}
_ARMED = {"01": 4.0, "02": 2.0, "03": 1.0}
_UP = re.compile(r"\b(chief|director|head|senior|lead)\b")
_HALF_UP = re.compile(r"\b(supervisor|manager)\b")
_DOWN = re.compile(r"\b(assistant|aide|helper|apprentice|trainee|junior)\b")


def estimated_rank(label: str, code: str) -> float:
    """The estimated rank of a role from its label and ESCO code (NaN without an ESCO code).

    >>> estimated_rank("data analyst", "2511.4"), estimated_rank("chief data officer", "1213.1")
    (4.0, 5.0)
    >>> estimated_rank("kitchen assistant", "9412.1"), estimated_rank("shop assistant", "5223.1")
    (1.0, 1.0)
    >>> estimated_rank("retail department manager", "5222.1")
    2.5
    >>> import math; math.isnan(estimated_rank("nurse", "29-1141.00"))
    True
    """
    if not ESCO_CODE.match(code):
        return float("nan")
    base = _ARMED.get(code[:2]) if code[0] == "0" else _MAJOR_RANK.get(code[0])
    if base is None:
        return float("nan")
    words = label.casefold()
    rank = base
    if _UP.search(words):
        rank += 1.0
    elif _HALF_UP.search(words) and code[0] != "1":
        rank += 0.5
    if _DOWN.search(words):
        rank -= 1.0
    return float(min(5.0, max(1.0, rank)))


def role_ranks(
    explicit: np.ndarray | None, labels: Sequence[str], codes: Sequence[str] | None
) -> np.ndarray:
    """Each role's rank: the taxonomy's own where it has one, else ``estimated_rank``
    (NaN where neither is known).

    >>> role_ranks(np.array([2.0, np.nan, np.nan]), ["a", "head chef", "b"],
    ...            ["", "3434.1", ""]).tolist()[:2]
    [2.0, 4.0]
    """
    n = len(labels)
    ranks = np.full(n, np.nan) if explicit is None else np.asarray(explicit, dtype=np.float64)
    ranks = ranks.copy()
    if codes is None:
        return ranks
    for i in np.flatnonzero(np.isnan(ranks)).tolist():
        ranks[i] = estimated_rank(labels[i], codes[i])
    return ranks
