#!/usr/bin/env python
"""Benchmark team planning on ESCO: 1,000 people and 50 needed roles, baselines in the run.

    .venv/bin/python scripts/bench_team.py --store ESCO-STORE [--people 1000] [--roles 50]
                                           [--seed 1] [--pair-sample 100]

The team and the demand are generated deterministically from the store's ESCO roles
(``--seed``): 50 needed roles that list skills; people in the needed roles' three nearest
roles (next steps) and as many random ones (people share roles, as in a real
organisation, and compete for the places they are near), a fifth of them with 1-3 extra
skills of a needed role, a tenth with a wished-for needed role, hours a week; 1 to 6 places
per needed role, hire costs from 20,000 to 90,000 EUR.  The files are written as CSV text
and planned from the text, as the CLI and the web app do.

Printed, each beside its baseline:

- the whole plan (files read and checked, path costs, assignment, explanations, cohorts,
  mentors, heat map) < 10 s (issue 16);
- the path costs of every (person, needed role) pair: ``Careers.cost_matrix`` (one batched
  search per distinct start) against one ``Careers.paths(k=1)`` request per pair, timed
  on ``--pair-sample`` pairs and scaled to all of them; the costs are compared;
- the plan's cost: the optimal assignment against the greedy one (cheapest remaining pair
  or hire first) on the same costs: ours must be no dearer, and the ratio says by how much
  it is cheaper.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _csv(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def generate(graph, people: int, roles: int, seed: int) -> tuple[str, str, int]:
    """``(team CSV, demand CSV, distinct starts)`` from the store's roles."""
    t = graph.taxonomy
    rng = random.Random(seed)
    listed = sorted({int(r) for r in t.req_role})
    needed = rng.sample(listed, roles)
    # Current roles: the needed roles' nearest neighbours (people who could move there
    # compete for the places), and as many again at random.
    near = {
        t.role_uris.index(m.role.uri)
        for r in needed
        for m in graph.careers.next_steps(t.role_uris[r], k=3)
    } - set(needed)
    others = [r for r in listed if r not in near and r not in set(needed)]
    current = sorted(near) + rng.sample(others, len(near))
    skills_of: dict[int, list[int]] = {}
    for r, s in zip(t.req_role.tolist(), t.req_skill.tolist(), strict=True):
        skills_of.setdefault(r, []).append(s)
    team, starts = [], set()
    for i in range(people):
        role = rng.choice(current)
        extra: list[str] = []
        if rng.random() < 0.2:
            pool = skills_of[rng.choice(needed)]
            extra = [t.skill_uris[s] for s in rng.sample(pool, min(len(pool), rng.randint(1, 3)))]
        wish = t.role_uris[rng.choice(needed)] if rng.random() < 0.1 else ""
        hours = rng.choice(["", "4", "6", "8", "10"])
        team.append([f"p{i:04d}", t.role_uris[role], ";".join(extra), wish, hours])
        starts.add((role, tuple(sorted(extra))))
    demand = [
        [t.role_uris[r], rng.randint(1, 6), rng.randrange(20_000, 90_001, 1000), rng.randint(4, 20)]
        for r in needed
    ]
    return (
        _csv(["person", "role", "skills", "wish", "hours_per_week"], team),
        _csv(["role", "needed", "hire_cost", "time_to_hire"], demand),
        len(starts),
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True, help="an on-disk store holding ESCO")
    ap.add_argument("--people", type=int, default=1000)
    ap.add_argument("--roles", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pair-sample", type=int, default=100)
    args = ap.parse_args()

    import skillgraph
    from skillgraph.errors import NoPath
    from skillgraph.team import PlanOptions, plan_files
    from skillgraph.team.assignment import greedy_assignment, optimal_assignment, with_wishes
    from skillgraph.team.files import read_demand, read_team
    from skillgraph.team.plan import lookup_for

    t0 = time.perf_counter()
    graph = skillgraph.open(args.store)
    graph.careers.warm()
    opened = time.perf_counter() - t0
    team, demand, distinct = generate(graph, args.people, args.roles, args.seed)
    print(
        f"store {args.store}: {graph.taxonomy.n_roles:,} roles, opened and warmed in {opened:.2f} s"
    )

    options = PlanOptions()
    t0 = time.perf_counter()
    plan = plan_files(graph, team, demand, options)
    whole = time.perf_counter() - t0
    s = plan.summary
    print(
        f"team: {s['people']:,} people ({distinct} distinct starts), {s['roles_needed']} needed "
        f"roles, {s['places']} places; plan: {s['moves']} moves ({s['upskilling']} upskilling, "
        f"{s['reskilling']} reskilling), {s['already_in_role']} already there, {s['hires']} hires, "
        f"{len(plan.mentors)} mentors"
    )
    print(f"{'whole plan (files -> plan)':34s} {whole:8.2f} s   (budget < 10 s)")

    # Path costs: batched against one path request per pair (sampled and scaled).
    lookup = lookup_for(graph)
    people = read_team(team, lookup)
    needs = read_demand(demand, lookup)
    starts = [(p.role, p.skills) for p in people]
    targets = [n.role for n in needs]
    t0 = time.perf_counter()
    units = graph.careers.cost_matrix(starts, targets)
    batched = time.perf_counter() - t0
    rng = random.Random(args.seed + 1)
    pairs = [
        (rng.randrange(len(people)), rng.randrange(len(needs))) for _ in range(args.pair_sample)
    ]
    t0 = time.perf_counter()
    worst = 0.0
    for i, j in pairs:
        try:
            cost = graph.careers.paths(starts[i][0], targets[j], k=1, have=starts[i][1])[0].cost
        except NoPath:
            cost = math.inf
        if math.isfinite(cost) or math.isfinite(units[i, j]):
            worst = max(worst, abs(cost - units[i, j]))
    per_pair = (time.perf_counter() - t0) / len(pairs)
    scaled = per_pair * len(people) * len(needs)
    print(
        f"{'path costs, all pairs':34s} {batched:8.2f} s   baseline (one request per pair, "
        f"{len(pairs)} timed, scaled) {scaled:8.1f} s   {scaled / batched:6.1f}x faster; "
        f"largest cost difference {worst:.1e}"
    )

    # The assignment: optimal against greedy, on the plan's own costs.
    eur = units * options.hour_eur * graph.careers.model().params.training_hours_unit
    column = {n.role.uri: r for r, n in enumerate(needs)}
    wish = [column.get(p.wish.uri, -1) if p.wish else -1 for p in people]
    objective = with_wishes(eur, wish, options.wish_tolerance)
    needed = [n.needed for n in needs]
    hire = [n.hire_cost if n.hire_cost is not None else options.hire_eur for n in needs]
    t0 = time.perf_counter()
    best = optimal_assignment(objective, needed, hire)
    solve = time.perf_counter() - t0
    t0 = time.perf_counter()
    greedy = greedy_assignment(objective, needed, hire)
    solve_greedy = time.perf_counter() - t0
    assert best.cost <= greedy.cost + 1e-6, "the optimum is dearer than greedy"
    assert abs(best.cost - s["objective_eur"]) < 1e-6 * max(1.0, best.cost)
    print(
        f"{'assignment cost':34s} {best.cost:14,.0f} EUR ({solve * 1000:.0f} ms)   greedy "
        f"{greedy.cost:14,.0f} EUR ({solve_greedy * 1000:.0f} ms)   greedy / ours = "
        f"{greedy.cost / best.cost:.4f} (ours {1 - best.cost / greedy.cost:.2%} cheaper)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
