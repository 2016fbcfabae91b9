#!/usr/bin/env python
"""Benchmark remote stores (Oxigraph and Virtuoso SPARQL servers) against the embedded
on-disk store.

    .venv/bin/python scripts/bench_remote.py [--data ../shared/data/esco-v1.1.1-en]
        [--servers oxigraph,virtuoso]

Starts ``oxigraph serve`` and Virtuoso (``virtuoso-t``, stock row cap of 10,000, as the
tests start it) on free loopback ports (their data in a temporary folder), then measures
on the real ESCO data, each server and embedded (the baseline) in the same run:

- import time (``import_esco`` into the Oxigraph URL / into an on-disk store); for
  Virtuoso, ``skillgraph dump --graph`` of the on-disk store plus the bulk loader;
- building the derived data once (taxonomy, label index, transition graph: ``warm``);
- in a fresh process, ``skillgraph.open(store)`` to the first path between two roles
  named by label, with the derived-data cache present and without it (median of 3);
- in a fresh process, the web app's start-up (``create_app``: what a gunicorn worker does
  without ``--preload``), with and without the cache;
- ``skillgraph serve --workers 2`` (gunicorn ``--preload``: the master builds or reads the
  derived data once, the forked workers share it): launch to the first ``/api/path``
  answer, with and without the cache;
- ``show`` of a role (SPARQL round trips) and a SPARQL example query, median per call.

Prints each figure for every store and its ratio to the embedded store.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ESCO_DATA = ROOT / ".." / "shared" / "data" / "esco-v1.1.1-en"

FIRST_PATH = """
import sys, time
started = time.perf_counter()
import skillgraph
imported = time.perf_counter()
g = skillgraph.open(sys.argv[1])
g.career_paths(sys.argv[2], sys.argv[3], k=3)
print(f"{time.perf_counter() - imported:.4f}")
"""

APP_START = """
import os, sys, time
import skillgraph, skillgraph_web
started = time.perf_counter()
skillgraph_web.create_app({"STORE": sys.argv[1]})
print(f"{time.perf_counter() - started:.4f}")
"""


def line(name: str, figures: dict[str, float]) -> None:
    local = figures["embedded"]
    cells = [f"embedded {local:7.3f} s"] + [
        f"{kind} {value:7.3f} s (x{value / local:5.2f})"
        for kind, value in figures.items()
        if kind != "embedded"
    ]
    print(f"{name:<58} " + "   ".join(cells), flush=True)


def child(code: str, env: dict, *args: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False
    )
    if out.returncode != 0:
        sys.exit(f"child failed: {out.stderr.strip()}")
    return float(out.stdout.split()[-1])


def start_server(folder: Path) -> tuple[subprocess.Popen, str]:
    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.is_file():
        found = shutil.which("oxigraph")
        if found is None:
            sys.exit("the `oxigraph` server is not installed: pip install 'oxigraph>=0.5,<0.6'")
        binary = Path(found)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = open(folder / "server.log", "wb")  # noqa: SIM115 - lives as long as the server
    process = subprocess.Popen(
        [str(binary), "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            with urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1):
                return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    sys.exit(f"oxigraph did not start; see {folder / 'server.log'}")


def serve_to_first_path(location: str, env: dict, start: str, target: str) -> float:
    """Seconds from launching ``skillgraph serve`` to its first answered /api/path."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    query = urllib.parse.urlencode({"from": start, "to": target})
    url = f"http://127.0.0.1:{port}/api/path?{query}"
    began = time.perf_counter()
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("skillgraph")), "serve", "--store", location,
         "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        while time.perf_counter() - began < 300:
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    if response.status == 200:
                        return time.perf_counter() - began
            except OSError:
                time.sleep(0.05)
        sys.exit("skillgraph serve did not answer within 300 s")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def start_virtuoso(folder: Path):
    sys.path.insert(0, str(ROOT))
    from tests.remote.virtuoso import Virtuoso, binaries

    if binaries() is None:
        sys.exit("Virtuoso is not installed: apt-get install virtuoso-opensource-7-bin")
    return Virtuoso(folder / "virtuoso")


def clear_cache(store) -> None:
    for pickle in store.cache_dir.glob("*.pickle"):
        pickle.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ESCO_DATA), help="the ESCO CSV folder")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per figure (3)")
    parser.add_argument(
        "--servers", default="oxigraph,virtuoso", help="comma-separated: oxigraph, virtuoso"
    )
    args = parser.parse_args()
    data = Path(args.data)
    if not (data / "occupations_en.csv").is_file():
        sys.exit(f"ESCO data not found at {data}")

    work = Path(tempfile.mkdtemp(prefix="bench-remote-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "xdg-cache")
    env = dict(os.environ)
    kinds = [k for k in args.servers.split(",") if k]
    running = []
    try:
        import skillgraph
        from skillgraph.formats.esco import import_esco
        from skillgraph.sparql.examples import EXAMPLES

        local_path = str(work / "esco-store")
        print(f"ESCO {data.resolve()}; servers {', '.join(kinds)}; {os.cpu_count()} cores")
        t0 = time.perf_counter()
        local_store = import_esco(data, local_path)
        loading = {"embedded": time.perf_counter() - t0}
        locations = {}
        for kind in kinds:
            if kind == "oxigraph":
                server, url = start_server(work)
                running.append(lambda server=server: (server.terminate(), server.wait(30)))
                started = time.perf_counter()
                import_esco(data, url)
            elif kind == "virtuoso":
                virtuoso = start_virtuoso(work)
                running.append(virtuoso.stop)
                graph = "urn:skillgraph:bench:esco"
                started = time.perf_counter()
                dump = work / "esco.nq"
                subprocess.run(
                    [str(Path(sys.executable).with_name("skillgraph")), "dump", "--store",
                     local_path, "--graph", graph, "-o", str(dump)],
                    check=True, env=env,
                )  # fmt: skip
                virtuoso.load(dump, graph)
                url = virtuoso.url(graph)
            else:
                sys.exit(f"unknown server {kind!r}: oxigraph, virtuoso")
            loading[kind] = time.perf_counter() - started
            locations[kind] = url
            print(f"{kind} {url}: {len(skillgraph.open(url).store):,} triples")
        print(f"embedded: {len(local_store):,} triples")
        line("import esco (Virtuoso: dump + bulk load)", loading)
        locations["embedded"] = local_path

        timings = {}
        for name, location in locations.items():
            g = skillgraph.open(location)
            started = time.perf_counter()
            g.warm()
            timings[name] = time.perf_counter() - started
        line("derived data built once in-process (warm)", timings)

        g_local = skillgraph.open(local_path)
        labels = g_local.taxonomy.role_labels
        start = target = None
        for candidate in labels:  # two roles named by label, with a path between them
            try:
                moves = g_local.next_steps(candidate, k=3)
                if moves:
                    g_local.career_paths(candidate, moves[-1].role.label, k=3)
                    start, target = candidate, moves[-1].role.label
                    break
            except skillgraph.errors.SkillgraphError:
                continue
        print(f"first path: {start!r} -> {target!r}")
        stores = {name: skillgraph.open(location).store for name, location in locations.items()}

        for cached in (True, False):
            for what, code, extra in (
                ("open -> first path, fresh process", FIRST_PATH, (start, target)),
                ("app start-up (create_app), fresh process", APP_START, ()),
            ):
                figures = {}
                for name, location in locations.items():
                    runs = []
                    for _ in range(args.repeat):
                        if not cached:
                            clear_cache(stores[name])
                        runs.append(child(code, env, location, *extra))
                    figures[name] = statistics.median(runs)
                label = f"{what}, {'with' if cached else 'without'} cache"
                line(label, figures)
        for cached in (True, False):
            figures = {}
            for name, location in locations.items():
                if cached:
                    skillgraph.open(location).warm()
                else:
                    clear_cache(stores[name])
                figures[name] = serve_to_first_path(location, env, start, target)
            state = "with" if cached else "without"
            label = f"serve 2 workers --preload -> first /api/path, {state} cache"
            line(label, figures)
        # Leave the caches warm again.
        for location in locations.values():
            skillgraph.open(location).warm()

        per_call = {}
        example = next(e for e in EXAMPLES if "LIMIT" in e.query.upper())
        for name, location in locations.items():
            g = skillgraph.open(location)
            runs = []
            for label in labels[:20]:
                began = time.perf_counter()
                g.show(label)
                runs.append(time.perf_counter() - began)
            queries = []
            for _ in range(5):
                began = time.perf_counter()
                list(g.store.query(example.query))
                queries.append(time.perf_counter() - began)
            per_call[name] = (statistics.median(runs), statistics.median(queries))
        line("show(role), median of 20", {k: v[0] for k, v in per_call.items()})
        line(
            f"SPARQL example '{example.slug}', median of 5", {k: v[1] for k, v in per_call.items()}
        )
        exports = {}
        for name, location in locations.items():
            began = time.perf_counter()
            subprocess.run(
                [str(Path(sys.executable).with_name("skillgraph")), "export", "--format",
                 "ntriples", "--store", location, "-o", str(work / f"{name}.nt")],
                check=True, env=env,
            )  # fmt: skip
            exports[name] = time.perf_counter() - began
        line("export --format ntriples (whole graph), one run", exports)
    finally:
        for stop in running:
            stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
