"""A team plan as spreadsheet rows: one row per person and per hire, and the cohort table.

Cells that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) get a leading apostrophe, so that neither a person id
nor a label can run as a formula when the file is opened.  The sources' attribution,
where a source asks for it, ends the file as a ``#`` line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from .results import TeamPlan

__all__ = ["COHORT_COLUMNS", "PLAN_COLUMNS", "cohort_rows", "plan_rows", "to_csv"]

PLAN_COLUMNS = [
    "person",
    "current_role",
    "plan",
    "target_role",
    "kind",
    "path",
    "missing_skills",
    "learning_hours",
    "weeks",
    "effort_eur",
    "hire_eur",
    "programs",
    "mentor",
    "wish",
    "wish_granted",
]
COHORT_COLUMNS = [
    "program",
    "type",
    "seats",
    "people",
    "skills",
    "cost_each_eur",
    "cost_eur",
    "hours_each",
]


def _safe(value: object) -> str:
    """A cell as text, defused for spreadsheets.

    >>> _safe("=HYPERLINK(1)"), _safe(-3.5), _safe("a1")
    ("'=HYPERLINK(1)", '-3.5', 'a1')
    """
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r" and not isinstance(value, int | float):
        return "'" + text
    return text


def plan_rows(plan: TeamPlan) -> list[list[str]]:
    """The plan, one row per person (moved, already in a needed role, or unchanged) and
    one per hire, under ``PLAN_COLUMNS``."""
    rows: list[list[object]] = []
    for m in plan.moves:
        steps = m.path.steps if m.path else []
        path = " > ".join([m.source.label] + [s.target.label for s in steps]) if steps else ""
        rows.append(
            [
                m.person,
                m.source.label,
                "move" if steps else "stays",
                m.target.label,
                m.kind,
                path,
                "; ".join(g.skill.label for g in m.missing),
                m.hours,
                round(m.weeks, 1),
                round(m.effort_eur),
                "",
                "; ".join(p.label for p in m.programs),
                m.mentor or "",
                m.wish.label if m.wish else "",
                "yes" if m.wish_granted else ("no" if m.wish else ""),
            ]
        )
    for person, role in plan.unplaced:
        rows.append([person, role.label, "no change", *[""] * (len(PLAN_COLUMNS) - 3)])
    for h in plan.hires:
        for _ in range(h.count):
            rows.append(["", "", "hire", h.role.label, "hire", "", "", "", h.time_to_hire or "",
                         "", round(h.cost_each), "", "", "", ""])  # fmt: skip
    return [[_safe(c) for c in row] for row in rows]


def cohort_rows(plan: TeamPlan) -> list[list[str]]:
    """The programs bought, one row per cohort, under ``COHORT_COLUMNS``."""
    return [
        [
            _safe(c)
            for c in (
                c.program.label,
                c.program_type,
                len(c.people),
                "; ".join(c.people),
                "; ".join(s.label for s in c.skills),
                round(c.cost_each),
                round(c.cost_each * len(c.people)),
                c.hours_each,
            )
        ]
        for c in plan.cohorts
    ]


def to_csv(
    columns: Sequence[str], rows: Sequence[Sequence[str]], attribution: Sequence[str]
) -> str:
    """CSV text: the header, the rows, and a ``#`` line per attribution.

    >>> print(to_csv(["a", "b"], [["1", "x,y"]], ["data: someone"]), end="")
    a,b
    1,"x,y"
    # data: someone
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    for line in attribution:
        out.write("# " + " ".join(line.split()) + "\n")
    return out.getvalue()
