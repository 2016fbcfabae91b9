"""Planning for an organisation: a team's moves, hires, programs, mentors and skill gaps.

``plan_files(graph, team_csv, demand_csv, options)`` (or ``plan_team`` with parsed rows)
answers, for a whole team at once, whom to upskill or reskill into which needed role and
what to hire (an exact assignment over the career engine's path costs), which programs
to buy for how many seats within a budget (an exact integer program), who mentors whom
(a minimum-cost flow), and where the gaps are.  The modules:

===============  =================================================================
``files``        reading and checking the team and demand CSV files
``assignment``   the assignment of people and hires to needed places (and greedy)
``cohorts``      the programs to buy: budgeted maximum coverage (and greedy)
``mentors``      the mentor matching, at most N mentees per mentor
``heatmap``      needed roles x missing skills, and company-wide course skills
``results``      ``TeamPlan`` and its parts, with ``as_dict()``
``plan``         all of the above over a ``SkillGraph``
``output``       the plan and the cohorts as CSV
===============  =================================================================

People data stays in the plan object: nothing is written to a store, logged or cached.
"""

from .files import (
    MAX_BYTES,
    MAX_NEEDED,
    MAX_PEOPLE,
    MAX_ROLES,
    Need,
    Person,
    Problem,
    TeamFileError,
)
from .output import COHORT_COLUMNS, PLAN_COLUMNS, cohort_rows, plan_rows, to_csv
from .plan import lookup_for, plan_files, plan_team
from .results import PlanOptions, TeamPlan

__all__ = [
    "COHORT_COLUMNS",
    "MAX_BYTES",
    "MAX_NEEDED",
    "MAX_PEOPLE",
    "MAX_ROLES",
    "PLAN_COLUMNS",
    "Need",
    "Person",
    "PlanOptions",
    "Problem",
    "TeamFileError",
    "TeamPlan",
    "cohort_rows",
    "lookup_for",
    "plan_files",
    "plan_rows",
    "plan_team",
    "to_csv",
]
