"""``skillgraph team plan TEAM.csv --demand DEMAND.csv``: a plan for a whole team.

Who moves to which needed role (upskilling or reskilling), what is hired, which programs
to buy for how many seats, who mentors whom, and the team's skill gaps
(``skillgraph.team``; the file layouts are in docs/team-planning.md).  The files are read,
planned and forgotten: nothing is written to the store.
"""

from __future__ import annotations

import argparse
import sys

from ..team import (
    COHORT_COLUMNS,
    MAX_BYTES,
    PLAN_COLUMNS,
    PlanOptions,
    TeamFileError,
    TeamPlan,
    cohort_rows,
    plan_files,
    plan_rows,
    to_csv,
)
from .common import command, graph_for, print_json, table

FORMATS = ("text", "json", "csv", "cohorts-csv")


def register(subparsers) -> None:
    team = subparsers.add_parser(
        "team", help="plan for a team: moves, hires, programs, mentors", description=__doc__
    )
    sub = team.add_subparsers(dest="team_command", metavar="COMMAND", required=True)
    p = command(
        sub,
        "plan",
        "who moves to which needed role, what to hire, which programs to buy, who mentors whom",
        _plan,
        epilog="The files' layouts and an example: docs/team-planning.md.",
    )
    p.add_argument("team", metavar="TEAM.csv", help="the people: person,role[,skills,wish,...]")
    p.add_argument("--demand", required=True, metavar="DEMAND.csv", help="the needed roles")
    defaults = PlanOptions()
    p.add_argument("--budget", type=float, metavar="EUR", help="money for programs (no limit)")
    p.add_argument(
        "--hour-eur", type=float, default=defaults.hour_eur, metavar="EUR",
        help=f"what an hour of learning effort is worth (default {defaults.hour_eur:g})",
    )  # fmt: skip
    p.add_argument(
        "--hire-eur", type=float, default=defaults.hire_eur, metavar="EUR",
        help=f"a hire's cost where DEMAND.csv gives none (default {defaults.hire_eur:g})",
    )  # fmt: skip
    p.add_argument(
        "--wish-tolerance", type=float, default=defaults.wish_tolerance, metavar="SHARE",
        help="grant a wished-for role costing at most this share more "
        f"(default {defaults.wish_tolerance:g})",
    )  # fmt: skip
    p.add_argument(
        "--mentor-cap", type=int, default=defaults.mentor_cap, metavar="N",
        help=f"mentees per mentor at most (default {defaults.mentor_cap}; 0: no mentors)",
    )  # fmt: skip
    p.add_argument(
        "--hours-per-week", type=float, default=defaults.hours_per_week, metavar="H",
        help="learning hours a week where TEAM.csv gives none "
        f"(default {defaults.hours_per_week:g})",
    )  # fmt: skip
    p.add_argument(
        "--step-down",
        action="store_true",
        help="allow placing people in roles ranked below their own without their wish",
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_const", const="json", dest="format", help="JSON")
    out.add_argument("--format", choices=FORMATS, default="text", help="output (default text)")


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read(MAX_BYTES + 1)


def _plan(args: argparse.Namespace) -> int:
    options = PlanOptions(
        budget=args.budget,
        hour_eur=args.hour_eur,
        hire_eur=args.hire_eur,
        wish_tolerance=args.wish_tolerance,
        mentor_cap=args.mentor_cap,
        hours_per_week=args.hours_per_week,
        step_down=args.step_down,
    )
    team, demand = _read(args.team), _read(args.demand)
    graph = graph_for(args)
    try:
        plan = plan_files(
            graph, team, demand, options, team_name=args.team, demand_name=args.demand
        )
    except TeamFileError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    if args.format == "json":
        print_json(plan.as_dict())
    elif args.format == "csv":
        sys.stdout.write(to_csv(PLAN_COLUMNS, plan_rows(plan), plan.attribution))
    elif args.format == "cohorts-csv":
        sys.stdout.write(to_csv(COHORT_COLUMNS, cohort_rows(plan), plan.attribution))
    else:
        print(render_text(plan))
    return 0


def _eur(value: float) -> str:
    return f"{value:,.0f} EUR"


def render_text(plan: TeamPlan) -> str:
    """The plan as text: totals, moves, hires, cohorts, mentors, gaps, courses."""
    s = plan.summary
    lines = [
        f"Team plan: {s['people']} people, {s['places']} places "
        f"in {s['roles_needed']} needed roles",
        f"  {s['moves']} moves ({s['upskilling']} upskilling, {s['reskilling']} reskilling, "
        f"{s['step down']} step down), {s['already_in_role']} already in the role, "
        f"{s['hires']} hires",
        f"  effort {_eur(s['effort_eur'])} + hires {_eur(s['hire_eur'])} "  # type: ignore[arg-type]
        f"+ programs {_eur(s['programs_eur'])} = {_eur(s['total_eur'])}",  # type: ignore[arg-type]
        f"  a greedy plan: {_eur(s['greedy_objective_eur'])}, this plan: "  # type: ignore[arg-type]
        f"{_eur(s['objective_eur'])} (wished-for moves counted at their discount)",  # type: ignore[arg-type]
        f"  wishes granted: {s['wishes_granted']} of {s['wishes']} "
        f"(tolerance {plan.options.wish_tolerance:.0%})",
        "",
        "Moves",
    ]
    rows = [
        [m.person, m.source.label, m.target.label, m.kind, len(m.missing), f"{m.hours:g}",
         f"{m.weeks:.0f}", f"{m.effort_eur:,.0f}", len(m.programs), m.mentor or "-"]
        for m in plan.moves
    ]  # fmt: skip
    headers = ["person", "from", "to", "kind", "gap", "hours", "weeks", "effort EUR", "programs",
               "mentor"]  # fmt: skip
    lines.append(table(rows, headers, max_width=40) if rows else "  (none)")
    lines += ["", "Hires"]
    rows = [
        [h.role.label, h.count, f"{h.cost_each:,.0f}",
         "-" if h.time_to_hire is None else f"{h.time_to_hire:g}"]
        for h in plan.hires
    ]  # fmt: skip
    lines.append(
        table(rows, ["role", "count", "EUR each", "weeks to hire"]) if rows else "  (none)"
    )
    budget = "no budget" if s["budget"] is None else f"budget {_eur(s['budget'])}"  # type: ignore[arg-type]
    lines += ["", f"Programs to buy ({budget}; cost {_eur(s['programs_eur'])})"]  # type: ignore[arg-type]
    rows = [
        [c.program.label, len(c.people), f"{c.cost_each * len(c.people):,.0f}", f"{c.hours_each:g}",
         ", ".join(c.people)]
        for c in plan.cohorts
    ]  # fmt: skip
    if rows:
        lines.append(table(rows, ["program", "seats", "EUR", "hours each", "people"], max_width=40))
    elif not s["programs_available"]:
        lines.append("  (this taxonomy lists no learning programs)")
    else:
        lines.append("  (none)")
    lines += ["", "Mentors"]
    rows = [[m.mentee, m.mentor, m.mentor_role.label, f"{m.share:.0%}"] for m in plan.mentors]
    lines.append(
        table(rows, ["mentee", "mentor", "mentor's role", "of the gap"]) if rows else "  (none)"
    )
    lines += ["", "Skills most worth a company-wide course"]
    rows = [[c.skill.label, c.people, c.roles] for c in plan.courses]
    lines.append(table(rows, ["skill", "people lacking it", "roles"]) if rows else "  (none)")
    if plan.unplaced:
        lines += ["", f"{len(plan.unplaced)} people keep their role."]
    lines += [f"source: {a}" for a in plan.attribution]
    return "\n".join(lines)
