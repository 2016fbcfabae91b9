#!/usr/bin/env python
"""How the career engine grows with the taxonomy (issue 17): ESCO scaled 1x, 3x, 10x.

    nice -n 10 .venv/bin/python scripts/bench_scale.py [--scales 1,3,10]
        [--work /work/wt-scale-stores] [--pairs 200] [--keep-stores]

For each scale N it writes ESCO N times over with ``../shared/tools/make_scaled_esco.py``
(once; N = 1 is the real data), imports it with ``skillgraph import esco`` into
``WORK/bench-xN`` (timed, in its own process; the import ends by building the career
model, as it always does), then measures in fresh processes:

- **graph build, cold**: the career model (best fits, transition graph) built from the
  taxonomy with nothing cached, and the peak memory it adds to the process;
- **career_paths k=1 / k=5**: p50 / p95 over ``--pairs`` random pairs of roles that list
  skills (reachable: with retraining every such role can be reached), through the public
  API (names in, explained paths out);
- **unreachable**: the answer (NoPath) with job moves only (``retraining=False``: with
  retraining every role is one move away) for up to 50 random pairs that have no path, p95;
- **next steps for all roles**: ``Careers.next_steps_many`` over every role, k = 10;
- **worker RSS** after those questions; **warm open**: a fresh process's
  ``skillgraph.open`` to its first next steps, the model read from the store's cache.

Each figure is one run (the machine is shared: the load average is printed).  The last
column is the growth exponent between the smallest and largest scale: ``log(figure
ratio) / log(roles ratio)`` (1 = linear).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT / ".." / "shared"
ESCO = SHARED / "data" / "esco-v1.1.1-en"
TOOL = SHARED / "tools" / "make_scaled_esco.py"
SKILLGRAPH = Path(sys.executable).with_name("skillgraph")

CHILD = r"""
import json, random, resource, sys, time
import numpy as np

def rss():
    with open("/proc/self/status") as h:
        for line in h:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]

import skillgraph
from skillgraph.careers import CareerModel, PathParams
from skillgraph.errors import NoPath

store, n_pairs = sys.argv[1], int(sys.argv[2])
out = {}
g = skillgraph.open(store)
t = g.taxonomy
out["roles"] = t.n_roles
before = max(rss(), peak())
started = time.perf_counter()
model = CareerModel(t, PathParams())  # nothing cached
out["build_s"] = time.perf_counter() - started
out["build_mb"] = peak() - before
del model
g.careers.model()  # the cached one, as a server worker would
listing = np.flatnonzero(g.careers.model().req.totals > 0)
rng = random.Random(17)
uris = t.role_uris
for k in (1, 5):
    times = []
    for _ in range(n_pairs):
        a, b = (int(x) for x in rng.sample(listing.tolist(), 2))
        begun = time.perf_counter()
        g.career_paths(uris[a], uris[b], k=k)
        times.append(time.perf_counter() - begun)
    out[f"k{k}_p50"], out[f"k{k}_p95"] = pct(times, 50), pct(times, 95)
# Unreachable pairs: with retraining every role that lists skills is one move away, so
# job moves only (retraining=False), pairs drawn until 50 have no path (at most 3000).
jobs = {"retraining": False}
g.careers.model(jobs)
times = []
for _ in range(3000):
    a, b = (int(x) for x in rng.sample(listing.tolist(), 2))
    begun = time.perf_counter()
    try:
        g.career_paths(uris[a], uris[b], k=1, params=jobs)
    except NoPath:
        times.append(time.perf_counter() - begun)
        if len(times) == 50:
            break
if times:
    out["unreachable_p95"] = pct(times, 95)
    out["unreachable_n"] = len(times)
begun = time.perf_counter()
g.careers.next_steps_many(uris, 10)
out["next_all_s"] = time.perf_counter() - begun
out["rss_mb"] = rss()
print(json.dumps(out))
"""

WARM = r"""
import sys, time
begun = time.perf_counter()
import skillgraph
g = skillgraph.open(sys.argv[1])
g.next_steps(g.taxonomy.role_uris[0], 10)
print(time.perf_counter() - begun)
"""


def scaled_data(n: int, work: Path) -> Path:
    if n == 1:
        return ESCO
    out = work / "data" / f"esco-x{n}"
    if not (out / "occupationSkillRelations.csv").is_file():
        subprocess.run([sys.executable, str(TOOL), str(n), str(out)], check=True)
    return out


def measure(n: int, work: Path, pairs: int) -> dict:
    data = scaled_data(n, work)
    store = work / f"bench-x{n}"
    if store.exists():
        shutil.rmtree(store)
    begun = time.perf_counter()
    subprocess.run(
        [str(SKILLGRAPH), "import", "esco", str(data), "--store", str(store)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    figures = {"import_s": time.perf_counter() - begun}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(store), str(pairs)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures.update(json.loads(done.stdout.splitlines()[-1]))
    warm = []
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", WARM, str(store)], check=True, capture_output=True, text=True
        )
        warm.append(float(done.stdout.split()[-1]))
    figures["warm_s"] = sorted(warm)[1]
    return figures


ROWS = [
    ("import", "import_s", "s"),
    ("transition graph build (cold)", "build_s", "s"),
    ("  memory it adds", "build_mb", "MB"),
    ("career_paths k=1 p50", "k1_p50", "ms"),
    ("career_paths k=1 p95", "k1_p95", "ms"),
    ("career_paths k=5 p50", "k5_p50", "ms"),
    ("career_paths k=5 p95", "k5_p95", "ms"),
    ("unreachable p95", "unreachable_p95", "ms"),
    ("next steps for all roles", "next_all_s", "s"),
    ("worker RSS", "rss_mb", "MB"),
    ("warm open -> first next steps", "warm_s", "s"),
]


def show(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} s"


def table(results: dict[int, dict]) -> None:
    scales = sorted(results)
    head = ["", *[f"{n}x ({results[n]['roles']:,} roles)" for n in scales], "growth"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    lo, hi = scales[0], scales[-1]
    for name, key, unit in ROWS:
        values = [results[n].get(key) for n in scales]
        growth = "-"
        a, b = results[lo].get(key), results[hi].get(key)
        if a and b and a > 0 and b > 0 and hi != lo:
            ratio = results[hi]["roles"] / results[lo]["roles"]
            growth = f"N^{math.log(b / a) / math.log(ratio):.2f}"
        print("| " + " | ".join([name, *[show(v, unit) for v in values], growth]) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,3,10")
    parser.add_argument("--work", default="/work/wt-scale-stores")
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--keep-stores", action="store_true")
    args = parser.parse_args()
    if not (ESCO / "occupations_en.csv").is_file() or not TOOL.is_file():
        print(f"no ESCO data at {ESCO} or no {TOOL}: nothing to measure")
        return
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict] = {}
    for n in (int(x) for x in args.scales.split(",")):
        load = os.getloadavg()[0]
        print(f"{n}x: importing and measuring (load average {load:.2f}) ...", flush=True)
        results[n] = measure(n, work, args.pairs)
        results[n]["load"] = load
        print(json.dumps(results[n]), flush=True)
        if not args.keep_stores:
            shutil.rmtree(work / f"bench-x{n}", ignore_errors=True)
    print(f"\n(python {sys.version.split()[0]}, {os.cpu_count()} cores, one run per figure)")
    table(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
