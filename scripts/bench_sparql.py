#!/usr/bin/env python
"""Benchmark: the example SPARQL queries on Oxigraph against a plain rdflib Graph.

    .venv/bin/python scripts/bench_sparql.py [--store /work/esco-store] [--repeat 5]

For each example it prints the Oxigraph time (engine only, and the whole endpoint job:
checks, run, JSON results, in this process and through a worker process), then the time
of the same query on an in-memory rdflib ``Graph`` holding the same triples, and their
ratio.  Budget: every example answers in < 300 ms; the mix is >= 10x faster than rdflib.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import pyoxigraph as ox
import rdflib

from skillgraph.sparql import QueryRunner, execute
from skillgraph.sparql.examples import EXAMPLES
from skillgraph.store import open_store

BUDGET_MS = 300.0
RATIO_GOAL = 10.0


def consume(result) -> int:
    if isinstance(result, ox.QueryBoolean):
        return 1
    return sum(1 for _ in result)


def rdflib_consume(result) -> int:
    if result.type == "ASK":
        return 1
    return sum(1 for _ in result)


def best_of(fn, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", default="/work/esco-store")
    parser.add_argument("--repeat", type=int, default=5, help="Oxigraph runs per query")
    args = parser.parse_args(argv)

    store = open_store(args.store)
    print(f"store: {args.store} ({len(store):,} triples)")

    started = time.perf_counter()
    graph = rdflib.Graph()
    data = ox.serialize(
        store.ox.quads_for_pattern(None, None, None, None), format=ox.RdfFormat.N_QUADS
    )
    graph.parse(data=data, format="nt")
    del data
    print(
        f"rdflib baseline: {len(graph):,} triples loaded in {time.perf_counter() - started:.1f} s"
    )

    runner = QueryRunner(str(args.store), size=1, timeout=60, max_rows=None)
    runner.run("ASK { ?s ?p ?o }")  # start the worker outside the measurements

    header = (
        f"{'example':22} {'rows':>6} {'ox engine':>10} {'ox job':>9} {'ox worker':>10} "
        f"{'rdflib':>10} {'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    total_engine = total_job = total_worker = total_rdflib = 0.0
    over_budget = []
    for item in EXAMPLES:
        query = item.query
        engine, rows = best_of(
            lambda q=query: consume(store.ox.query(q, use_default_graph_as_union=True)),
            args.repeat,
        )
        job, _ = best_of(lambda q=query: execute(store.ox, q, max_rows=None), args.repeat)
        worker, _ = best_of(lambda q=query: runner.run(q), args.repeat)
        started = time.perf_counter()
        theirs = rdflib_consume(graph.query(query))
        baseline = time.perf_counter() - started
        if theirs != rows:
            print(f"  !! {item.slug}: rdflib gives {theirs} rows, Oxigraph {rows}")
        total_engine += engine
        total_job += job
        total_worker += worker
        total_rdflib += baseline
        if worker * 1000 >= BUDGET_MS:
            over_budget.append(item.slug)
        print(
            f"{item.slug:22} {rows:>6} {engine * 1000:>8.1f}ms {job * 1000:>7.1f}ms "
            f"{worker * 1000:>8.1f}ms {baseline * 1000:>8.1f}ms {baseline / job:>6.1f}x"
        )
    runner.close()
    print("-" * len(header))
    print(
        f"{'mix':22} {'':>6} {total_engine * 1000:>8.1f}ms {total_job * 1000:>7.1f}ms "
        f"{total_worker * 1000:>8.1f}ms {total_rdflib * 1000:>8.1f}ms "
        f"{total_rdflib / total_job:>6.1f}x"
    )
    print(
        f"ratio rdflib / Oxigraph: {total_rdflib / total_engine:.1f}x engine only, "
        f"{total_rdflib / total_job:.1f}x with the endpoint's checks and JSON writing, "
        f"{total_rdflib / total_worker:.1f}x through a worker process (goal >= {RATIO_GOAL:g}x)"
    )
    ok = not over_budget and total_rdflib / total_worker >= RATIO_GOAL
    if over_budget:
        print(f"over the {BUDGET_MS:g} ms budget: {', '.join(over_budget)}")
    print("budget met" if ok else "budget NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
