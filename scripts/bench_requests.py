#!/usr/bin/env python
"""Request-time figures of the career engine on imported stores, with a baseline in the
same run (issue 17): the rows of ``bench_scale.py`` that do not need an import.

    nice -n 10 .venv/bin/python scripts/bench_requests.py --store PATH [--store PATH ...]
        [--baseline SRC] [--pairs 200] [--rounds 2]

``--baseline SRC``: a source tree whose ``skillgraph`` package is measured too (e.g.
``git archive <commit> skillgraph | tar -x -C SRC``); ours and the baseline alternate,
``--rounds`` times each, every run in a fresh process (started outside the source tree,
so that each imports the package it is given), and the table shows each figure's median
over the rounds and the ratio.  Per run, in the spirit of ``bench_scale.py``:

- **career_paths k=1 / k=5**: p50 / p95 over ``--pairs`` random pairs of roles that list
  skills (with retraining every such role is reachable), names in, explained paths out;
- **unreachable**: the answer (NoPath) with job moves only (``retraining=False``) for up
  to 50 random pairs that have no path, p50 / p95;
- **next steps for all roles**: ``Careers.next_steps_many`` over every role, k = 10;
- **worker RSS** after those; **warm open**: ``skillgraph.open`` to the first next steps in
  a fresh process (the model read from the store's cache).

The load average before and after each run is printed (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_scale import HELPERS, REQUESTS, WARM, show  # noqa: E402

CHILD = (
    HELPERS
    + r"""
import skillgraph
from skillgraph.errors import NoPath

store, n_pairs = sys.argv[1], int(sys.argv[2])
out = {"load": os.getloadavg()[0], "package": skillgraph.__file__}
g = skillgraph.open(store)
t = g.taxonomy
out["roles"] = t.n_roles
"""
    + REQUESTS
)

ROWS = [
    ("career_paths k=1 p50", "k1_p50", "ms"),
    ("career_paths k=1 p95", "k1_p95", "ms"),
    ("career_paths k=5 p50", "k5_p50", "ms"),
    ("career_paths k=5 p95", "k5_p95", "ms"),
    ("unreachable p50", "unreachable_p50", "ms"),
    ("unreachable p95", "unreachable_p95", "ms"),
    ("next steps for all roles", "next_all_s", "s"),
    ("worker RSS", "rss_mb", "MB"),
    ("warm open -> first next steps", "warm_s", "s"),
]


def run(store: str, pairs: int, source: Path) -> dict:
    """One run of the figures in fresh processes, with the package of ``source``."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, store, str(pairs)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd="/",
    )
    figures = json.loads(done.stdout.splitlines()[-1])
    assert Path(figures["package"]).resolve().is_relative_to(source.resolve()), figures
    warm = []
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", WARM, store],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            cwd="/",
        )
        warm.append(float(done.stdout.split()[-1]))
    figures["warm_s"] = sorted(warm)[1]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", action="append", required=True)
    parser.add_argument("--baseline", type=Path, help="a source tree to measure too")
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    codes = [("ours", ROOT)] + ([("baseline", args.baseline)] if args.baseline else [])
    for store in args.store:
        runs: dict[str, list[dict]] = {name: [] for name, _ in codes}
        for _ in range(args.rounds):
            for name, source in codes:
                print(f"{store}: {name} (load average {os.getloadavg()[0]:.2f}) ...", flush=True)
                runs[name].append(run(store, args.pairs, source))
                print(json.dumps(runs[name][-1]), flush=True)
        ours = runs["ours"]
        print(
            f"\n{store}: {ours[0]['roles']:,} roles (python {sys.version.split()[0]}, "
            f"{os.cpu_count()} cores; medians of {args.rounds} runs each, alternating; load "
            "average before -> after each run: "
            + "; ".join(
                f"{name} " + ", ".join(f"{r['load']:.1f}->{r['load_after']:.1f}" for r in rs)
                for name, rs in runs.items()
            )
            + ")"
        )
        print("| | ours | baseline | baseline / ours |\n|---|---|---|---|")
        for label, key, unit in ROWS:
            values = {
                name: statistics.median(r[key] for r in rs if key in r)
                for name, rs in runs.items()
                if any(key in r for r in rs)
            }
            a, b = values.get("ours"), values.get("baseline")
            ratio = f"{b / a:.1f}" if a and b else "-"
            print(f"| {label} | {show(a, unit)} | {show(b, unit)} | {ratio} |")


if __name__ == "__main__":
    main()
