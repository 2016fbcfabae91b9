#!/usr/bin/env python
"""Benchmark the wage floor and the exposure weight on ESCO with figures, against the same
requests without them in the same run.

    .venv/bin/python scripts/bench_outlook.py --store ESCO-STORE-WITH-FIGURES [--pairs 500]

The store must hold ESCO linked to O*NET with wages and exposure (README: the three
commands).  Budget (issue 15): cheapest path p50 < 1 ms with the new parameters.  Each
request is timed as ``CareerModel.paths`` runs it (the request's graph and bounds:
``request.request_graph``; the rules: ``outlook.request_rules``; A* / Yen:
``paths.k_shortest_paths``); the baseline is the same request without the rules (the
engine as before issue 15).  The whole explained request (``Careers.paths``) is printed
too, for reference.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_paths import line, ms, percentile  # noqa: E402

RULES = {
    "wage floor 0.9": {"wage_floor": 0.9},
    "exposure weight 1": {"exposure_weight": 1.0},
    "floor 0.9 + weight 1": {"wage_floor": 0.9, "exposure_weight": 1.0},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--pairs", type=int, default=500)
    args = parser.parse_args()

    import skillgraph
    from skillgraph.careers import PathParams, paths
    from skillgraph.careers.outlook import request_rules
    from skillgraph.careers.request import request_graph

    graph = skillgraph.open(args.store)
    t = graph.careers.taxonomy
    assert t.role_wage is not None and t.role_exposure is not None
    known = np.flatnonzero(np.isfinite(t.role_wage) & np.isfinite(t.role_exposure))
    if not len(known):
        sys.exit(f"{args.store}: no role has figures; import crosswalk, oews and exposure")
    print(
        f"store: {args.store}  ({len(known):,} of {t.n_roles:,} roles with wage and exposure; "
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores)"
    )
    model = graph.careers.model()
    rng = random.Random(15)
    floor = 0.9
    pairs: list[tuple[int, int]] = []
    while len(pairs) < args.pairs:
        s, d = (int(x) for x in rng.sample(list(known), 2))
        # Targets the floor allows (else the request ends at once with NoPath).
        if t.role_wage[d] >= floor * t.role_wage[s]:
            pairs.append((s, d))
    starts = {s: model.start_for(s) for s, _ in pairs}

    def run(params: PathParams, k: int) -> tuple[list[float], int]:
        times, found_any = [], 0
        for s, d in pairs:
            started = time.perf_counter()
            adj, source, bounds = request_graph(model, starts[s], d, k=k)
            search, avoid, _ = request_rules(t, params, s, adj, set())
            found = paths.k_shortest_paths(search, source, d, k, avoid=avoid, **bounds)
            times.append(time.perf_counter() - started)
            found_any += bool(found)
        return times, found_any

    plain = PathParams()
    for k, q, budget in ((1, 50, "p50, budget < 1 ms"), (5, 95, "p95")):
        base, base_found = run(plain, k)
        name = "cheapest path" if k == 1 else f"k={k} alternatives"
        print(f"{name}: baseline (no rules) p{q} {ms(percentile(base, q))}, found {base_found}")
        for label, values in RULES.items():
            ours, found = run(PathParams(**values), k)
            line(f"{name}, {label} p{q}", percentile(ours, q), percentile(base, q), budget)
            if k == 1:
                print(f"{'':34s} p95 {ms(percentile(ours, 95))}, found {found} of {len(pairs)}")
    times = []
    both = RULES["floor 0.9 + weight 1"]
    for s, d in pairs[:200]:
        started = time.perf_counter()
        with contextlib.suppress(skillgraph.NoPath):
            graph.careers.paths(t.role_uris[s], t.role_uris[d], k=1, params=both)
        times.append(time.perf_counter() - started)
    line("Careers.paths(k=1) explained p50", percentile(times, 50), None, "whole request")
    print(
        f"({len(pairs)} random pairs of roles with figures whose target the floor allows; "
        "the ratio column is baseline / ours: below 1 means the rules cost time)"
    )


if __name__ == "__main__":
    main()
