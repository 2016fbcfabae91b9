#!/usr/bin/env python
"""Benchmark the ESCO import, the reopen of the imported store, and search, at full scale.

    .venv/bin/python scripts/bench_import.py [--data ../shared/data/esco-v1.1.1-en]

Budgets (issue 2): import < 20 s with peak RSS < 1.5 GB; reopen < 0.5 s; search p95 < 20 ms.
Baseline, measured in the same run: parsing the same triples (the store dumped to
N-Triples) into a plain in-memory ``rdflib.Graph``.  The import and the baseline each run
in a child process of their own, so that each peak RSS (``ru_maxrss`` from ``wait4``) is
that job's alone.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "esco-v1.1.1-en"


def child(argv: list[str]) -> tuple[float, float, str]:
    """Run ``this script --child ...``: (wall seconds, peak RSS in MB, its stdout)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", *argv], stdout=subprocess.PIPE, text=True
    )
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"child {argv[0]} failed with status {proc.returncode}")
    return wall, usage.ru_maxrss / 1024, out  # ru_maxrss is in KiB on Linux


def run_child(kind: str, args: list[str]) -> None:
    if kind == "import":
        from skillgraph.formats.esco import import_esco

        started = time.perf_counter()
        import_esco(args[0], args[1])
        print(f"{time.perf_counter() - started:.3f}")
    elif kind == "baseline":
        import rdflib

        started = time.perf_counter()
        graph = rdflib.Graph()
        graph.parse(args[0], format="nt")
        print(f"{time.perf_counter() - started:.3f} {len(graph)}")


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def search_queries(store, n: int = 200, seed: int = 7) -> list[str]:
    """Realistic queries: whole labels, single words, and typed prefixes of one or two words."""
    rows = store.query(
        "SELECT ?l WHERE { { ?c a <https://w3id.org/skillgraph/ontology#Role> } UNION "
        "{ ?c a <https://w3id.org/skillgraph/ontology#Skill> } "
        "?c <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
    )
    labels = sorted(row[0].value for row in rows)
    rng = random.Random(seed)
    queries = []
    for i in range(n):
        label = rng.choice(labels)
        words = label.split()
        style = i % 4
        if style == 0:
            queries.append(label)
        elif style == 1:
            queries.append(rng.choice(words))
        elif style == 2:
            queries.append(" ".join(w[:3] for w in words[:2]))  # autocomplete: "dat ana"
        else:
            queries.append(fold(label).upper()[: max(4, len(label) // 2)])
    return queries


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ESCO CSV folder")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child[0], args.child[1:])
        return 0
    if not (args.data / "occupations_en.csv").is_file():
        sys.exit(f"no ESCO data at {args.data}")

    import pyoxigraph as ox

    from skillgraph.store import open_store

    with tempfile.TemporaryDirectory(prefix="bench-esco-") as tmp:
        store_path = Path(tmp) / "store"

        # 1. the import, in a child process
        wall, rss, out = child(["import", str(args.data), str(store_path)])
        import_s = float(out.split()[0])
        print(
            f"import:   {import_s:6.2f} s in the importer ({wall:.2f} s with interpreter "
            f"start-up), peak RSS {rss:,.0f} MB   [budget 20 s, 1,500 MB]"
        )

        # 2. reopen the store and run a first SPARQL count (first open is cold in this process)
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            store = open_store(store_path)
            roles = next(
                iter(
                    store.query(
                        "SELECT (COUNT(*) AS ?n) WHERE "
                        "{ ?r a <https://w3id.org/skillgraph/ontology#Role> }"
                    )
                )
            )[0].value
            timings.append(time.perf_counter() - started)
            triples = len(store)
            del store
        print(
            f"reopen:   {timings[0] * 1000:6.1f} ms first, {statistics.median(timings) * 1000:.1f}"
            f" ms median of 5 (open_store + a first SPARQL count: {roles} roles)"
            "   [budget 500 ms]"
        )

        # 3. search p95
        search_note = ""
        try:
            import skillgraph

            graph = skillgraph.open(store_path)
            queries = search_queries(graph.store)
            started = time.perf_counter()
            graph.search(queries[0])
            first = time.perf_counter() - started
            latencies = []
            hits = 0
            for q in queries:
                started = time.perf_counter()
                hits += bool(graph.search(q))
                latencies.append(time.perf_counter() - started)
            p95 = percentile(latencies, 0.95) * 1000
            print(
                f"search:   p95 {p95:6.2f} ms, median {statistics.median(latencies) * 1000:.2f} ms"
                f" over {len(queries)} queries ({hits} with hits); first call, building the "
                f"label index: {first:.2f} s   [budget p95 20 ms]"
            )
        except (ImportError, AttributeError) as exc:
            search_note = f"search:   not measured ({exc})"
            print(search_note)

        # 4. baseline: parse the same triples into an in-memory rdflib Graph, in a child
        dump = Path(tmp) / "esco.nt"
        source = ox.Store.read_only(str(open_store(store_path).generation / "oxigraph"))
        source.dump(str(dump), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        del source
        size = dump.stat().st_size / 1e6
        wall, base_rss, out = child(["baseline", str(dump)])
        parse_s, parsed = float(out.split()[0]), int(out.split()[1])
        print(
            f"baseline: {parse_s:6.2f} s rdflib.Graph().parse of the same {parsed:,} triples "
            f"({size:.0f} MB of N-Triples; the store holds {triples:,}), peak RSS "
            f"{base_rss:,.0f} MB"
        )
        print()
        print(
            f"ratio import / rdflib parse:     {import_s / parse_s:5.2f}  "
            f"(the import reads 17 CSV files AND writes a persistent store)"
        )
        print(
            f"ratio reopen / rdflib parse:     {timings[0] / parse_s:7.4f}  "
            f"(what a restart costs: reopen vs re-parse)"
        )
        print(f"ratio peak RSS import / rdflib:  {rss / base_rss:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
