#!/usr/bin/env python3
"""Benchmark the formats against their budgets and a baseline run in the same process.

- O*NET import (real O*NET 29.3 files) -- budget 10 s;
- full ESCO export to Turtle -- budget 15 s; baseline: rdflib's own Turtle serializer
  over the same triples (loaded into an in-memory rdflib Graph, not timed);
- full ESCO export to GraphML -- budget 15 s; baseline: networkx.write_graphml of the same
  nodes, edges and attributes.

Usage::

    scripts/bench_formats.py [--esco-store PATH] [--skip-baseline]

The ESCO store defaults to /work/esco-store; when it does not exist, ESCO is imported
from ../shared/data into a temporary store first (that import is timed but not judged).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import skillgraph  # noqa: E402
from skillgraph.formats.export_graph import property_graph, write_graphml  # noqa: E402
from skillgraph.formats.exporters import export  # noqa: E402
from skillgraph.formats.selection import EVERYTHING  # noqa: E402

DATA = (ROOT / ".." / "shared" / "data").resolve()
BUDGETS = {"onet import": 10.0, "turtle export": 15.0, "graphml export": 15.0}


def timed(label: str, fn):
    started = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - started
    print(f"  {label:<44} {elapsed:8.2f} s", flush=True)
    return elapsed, result


def verdict(name: str, seconds: float) -> str:
    budget = BUDGETS[name]
    return (
        f"{name}: {seconds:.2f} s (budget {budget:.0f} s: {'OK' if seconds < budget else 'OVER'})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--esco-store", default="/work/esco-store")
    parser.add_argument("--skip-baseline", action="store_true", help="only our own figures")
    args = parser.parse_args()
    summary = []
    work = Path(tempfile.mkdtemp(prefix="bench-formats-"))

    onet = DATA / "onet-29.3"
    if (onet / "Occupation Data.txt").is_file():
        from skillgraph.formats.onet import import_onet

        print("O*NET import")
        seconds, _ = timed(
            "import_onet (build_store, 415k triples)", lambda: import_onet(onet, work / "onet")
        )
        summary.append(verdict("onet import", seconds))
    else:
        print(f"O*NET data not found at {onet}: skipped")

    esco_store = Path(args.esco_store)
    if not (esco_store / "CURRENT").exists():
        esco = DATA / "esco-v1.1.1-en"
        if not (esco / "occupations_en.csv").is_file():
            print(f"no ESCO store at {esco_store} and no ESCO data at {esco}: export skipped")
            return _report(summary)
        from skillgraph.formats.esco import import_esco

        print(f"no ESCO store at {esco_store}: importing {esco}")
        timed("import_esco (not judged here)", lambda: import_esco(esco, work / "esco"))
        esco_store = work / "esco"
    graph = skillgraph.open(esco_store)
    print(f"ESCO export from {esco_store} ({len(graph.store):,} triples)")

    out = work / "esco.ttl"
    ours_ttl, _ = timed(
        "skillgraph export turtle (pyoxigraph)", lambda: export(graph, "turtle", out)
    )
    summary.append(verdict("turtle export", ours_ttl))
    ours_gml, _ = timed(
        "skillgraph export graphml (taxonomy + writer)",
        lambda: export(graph, "graphml", work / "esco.graphml"),
    )
    summary.append(verdict("graphml export", ours_gml))

    if not args.skip_baseline:
        import networkx as nx
        import rdflib

        print("baselines (same process, same content)")
        rdf_graph = rdflib.Graph()
        for triple in graph.store.graph:  # loading is not timed
            rdf_graph.add(triple)
        base_ttl, _ = timed(
            "rdflib Graph.serialize(format='turtle')",
            lambda: rdf_graph.serialize(destination=str(work / "rdflib.ttl"), format="turtle"),
        )
        summary.append(f"turtle: ours {ours_ttl:.2f} s vs rdflib {base_ttl:.2f} s "
                       f"= {base_ttl / ours_ttl:.1f}x faster")  # fmt: skip

        _, pg = timed(
            "property graph (shared by both writers)", lambda: property_graph(graph, EVERYTHING)
        )

        def ours_writer():
            with open(work / "ours.graphml", "wb") as handle:
                write_graphml(pg, handle)

        writer_seconds, _ = timed("our streaming GraphML writer", ours_writer)

        def networkx_writer():
            g = nx.MultiDiGraph(**pg.attributes)
            for data in pg.nodes:
                g.add_node(data["id"], **{k: v for k, v in data.items() if k != "id"})
            for source, target, data in pg.edges:
                g.add_edge(source, target, **data)
            nx.write_graphml(g, work / "networkx.graphml")

        base_gml, _ = timed("networkx build + write_graphml", networkx_writer)
        summary.append(f"graphml writer: ours {writer_seconds:.2f} s vs networkx {base_gml:.2f} s "
                       f"= {base_gml / writer_seconds:.1f}x faster")  # fmt: skip
    return _report(summary)


def _report(summary: list[str]) -> int:
    print("\nsummary")
    for line in summary:
        print("  " + line)
    return 0 if not any("OVER" in line for line in summary) else 1


if __name__ == "__main__":
    sys.exit(main())
