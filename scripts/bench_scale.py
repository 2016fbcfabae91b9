#!/usr/bin/env python
"""How the career engine grows with the taxonomy (issue 17): ESCO scaled 1x, 3x, 10x.

    nice -n 10 .venv/bin/python scripts/bench_scale.py [--scales 1,3,10]
        [--work /work/wt-scale-stores] [--data DIR] [--pairs 200] [--keep-stores]
        [--baseline-code DIR]

For each scale N it writes ESCO N times over with ``../shared/tools/make_scaled_esco.py``
(once, into WORK/data, or read from ``--data``/esco-xN; N = 1 is the real data), imports
it with ``skillgraph import esco`` into ``WORK/bench-xN`` (timed, in its own process; the
import ends by building the career model, as it always does), then measures in fresh
processes:

- **graph build, cold**: the career model (best fits, transition graph) built from the
  taxonomy with nothing cached, and the peak memory it adds to the process (resident
  memory sampled every 5 ms); its **baseline**, in the same process: the same build with
  the fit rows by the plain dense formula (``fit._rows``) and one block at a time (no
  threads) -- what the build did before the fit rows were computed without dense
  temporaries (issue 17); its memory is shown but is not comparable: it runs second, in
  a heap the first build has grown;
- **career_paths k=1 / k=5**: p50 / p95 over ``--pairs`` random pairs of roles that list
  skills (reachable: with retraining every such role can be reached), through the public
  API (names in, explained paths out);
- **unreachable**: the answer (NoPath) with job moves only (``retraining=False``: with
  retraining every role is one move away) for up to 50 random pairs that have no path, p95;
- **next steps for all roles**: ``Careers.next_steps_many`` over every role, k = 10;
- **worker RSS** after those questions; **warm open**: a fresh process's
  ``skillgraph.open`` to its first next steps, the model read from the store's cache.

With ``--baseline-code DIR`` (a checkout of the package to compare with, e.g. ``git
archive BASE skillgraph | tar -x -C DIR``) the import is also timed with that code, in
its own process, right after; the table then shows both and their ratio.

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

#: What every measuring child starts with (it is run with ``python -c``).
HELPERS = r"""
import json, os, random, resource, sys, time
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

"""

#: The request-time rows, after the child has opened ``g`` (taxonomy ``t``) and begun
#: ``out``: paths k=1 / k=5, unreachable pairs, next steps for every role, worker memory
#: (``scripts/bench_requests.py`` measures the same on an imported store).
REQUESTS = r"""
g.careers.model()  # the cached one, as a server worker would
listing = np.flatnonzero(g.careers.model().req.totals > 0).tolist()
rng = random.Random(17)
uris = t.role_uris
for k in (1, 5):
    times = []
    for _ in range(n_pairs):
        a, b = rng.sample(listing, 2)
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
    a, b = rng.sample(listing, 2)
    begun = time.perf_counter()
    try:
        g.career_paths(uris[a], uris[b], k=1, params=jobs)
    except NoPath:
        times.append(time.perf_counter() - begun)
        if len(times) == 50:
            break
if times:
    out["unreachable_p50"], out["unreachable_p95"] = pct(times, 50), pct(times, 95)
    out["unreachable_n"] = len(times)
begun = time.perf_counter()
g.careers.next_steps_many(uris, 10)
out["next_all_s"] = time.perf_counter() - begun
out["rss_mb"] = rss()
out["load_after"] = os.getloadavg()[0]
print(json.dumps(out))
"""

CHILD = (
    HELPERS
    + r"""
import skillgraph
from skillgraph.careers import CareerModel, PathParams
from skillgraph.errors import NoPath

import threading

class Peak:
    # The peak resident memory while the block runs, above what it was before (MB).

    def __enter__(self):
        self.before = self.top = rss()
        self.running = True
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()
        return self

    def sample(self):
        while self.running:
            self.top = max(self.top, rss())
            time.sleep(0.005)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.top = max(self.top, rss())
        self.added = self.top - self.before

import gc
import skillgraph.careers.best_fits as best_fits_module
import skillgraph.careers.build as build_module
from skillgraph.careers import fit as fit_module

store, n_pairs = sys.argv[1], int(sys.argv[2])
out = {}
g = skillgraph.open(store)
t = g.taxonomy
out["roles"] = t.n_roles
with Peak() as mem:
    started = time.perf_counter()
    model = CareerModel(t, PathParams())  # nothing cached
    out["build_s"] = time.perf_counter() - started
out["build_mb"] = mem.added
reference = (model.fits, model.graph)
del model
gc.collect()
# The baseline: the plain formula's rows, one block at a time.
fast_rows, threads = best_fits_module.fit_rows, (best_fits_module.THREADS, build_module.THREADS)
best_fits_module.fit_rows = lambda parts, rows: fit_module._rows(parts, rows)
best_fits_module.THREADS = build_module.THREADS = 1
with Peak() as mem:
    started = time.perf_counter()
    model = CareerModel(t, PathParams())
    out["build_base_s"] = time.perf_counter() - started
out["build_base_mb"] = mem.added
same = all(
    np.array_equal(getattr(a, f), getattr(b, f))
    for a, b, fs in ((model.fits, reference[0], ("indptr", "indices", "values", "cut")),
                     (model.graph, reference[1], ("indptr", "indices", "cost", "in_threshold")))
    for f in fs
)
assert same, "the baseline build differs"
best_fits_module.fit_rows = fast_rows
best_fits_module.THREADS, build_module.THREADS = threads
del reference
del model
"""
    + REQUESTS
)

WARM = r"""
import sys, time
begun = time.perf_counter()
import skillgraph
g = skillgraph.open(sys.argv[1])
g.next_steps(g.taxonomy.role_uris[0], 10)
print(time.perf_counter() - begun)
"""


def scaled_data(n: int, work: Path, data_dir: Path | None = None) -> Path:
    if n == 1:
        return ESCO
    given = None if data_dir is None else data_dir / f"esco-x{n}"
    if given is not None and (given / "occupationSkillRelations.csv").is_file():
        return given
    out = work / "data" / f"esco-x{n}"
    if not (out / "occupationSkillRelations.csv").is_file():
        subprocess.run([sys.executable, str(TOOL), str(n), str(out)], check=True)
    return out


IMPORT = "import sys; from skillgraph.cli import main; sys.exit(main(sys.argv[1:]))"


def timed_import(data: Path, store: Path, code: Path | None = None) -> float:
    """Seconds ``skillgraph import esco`` takes, in its own process (with the package
    at ``code`` instead of this one when given)."""
    if store.exists():
        shutil.rmtree(store)
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    begun = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", IMPORT, "import", "esco", str(data), "--store", str(store)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd="/" if code is not None else None,
    )
    return time.perf_counter() - begun


def measure(n: int, work: Path, pairs: int, data_dir: Path | None, base: Path | None) -> dict:
    data = scaled_data(n, work, data_dir)
    store = work / f"bench-x{n}"
    figures = {}
    if base is not None:
        figures["import_base_s"] = timed_import(data, store, base)
    figures["import_s"] = timed_import(data, store)
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
    ("  baseline: --baseline-code's import", "import_base_s", "s"),
    ("  ratio baseline / this", ("import_base_s", "import_s"), "x"),
    ("transition graph build (cold)", "build_s", "s"),
    ("  baseline: plain fit rows, one thread", "build_base_s", "s"),
    ("  ratio baseline / this", ("build_base_s", "build_s"), "x"),
    ("  memory it adds", "build_mb", "MB"),
    ("  baseline: memory it adds (a second build: not comparable)", "build_base_mb", "MB"),
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
    if unit == "x":
        return f"{value:.2f}x"
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
        if isinstance(key, tuple):
            base, this = key
            values = [
                results[n][base] / results[n][this] if results[n].get(base) else None
                for n in scales
            ]
            print("| " + " | ".join([name, *[show(v, unit) for v in values], "-"]) + " |")
            continue
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
    parser.add_argument("--data", help="a folder holding esco-xN folders already written")
    parser.add_argument("--baseline-code", help="a checkout of the package to time imports with")
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
        results[n] = measure(
            n,
            work,
            args.pairs,
            Path(args.data) if args.data else None,
            Path(args.baseline_code).resolve() if args.baseline_code else None,
        )
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
