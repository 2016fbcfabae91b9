#!/usr/bin/env python
"""Benchmark a remote store (an Oxigraph SPARQL server) against the embedded on-disk store.

    .venv/bin/python scripts/bench_remote.py [--data ../shared/data/esco-v1.1.1-en]

Starts ``oxigraph serve`` on a free loopback port (its data in a temporary folder), then
measures on the real ESCO data, remote and embedded (the baseline) in the same run:

- import time (``import_esco`` into the server URL / into an on-disk store);
- building the derived data once (taxonomy, label index, transition graph: ``warm``);
- in a fresh process, ``skillgraph.open(store)`` to the first path between two roles
  named by label, with the derived-data cache present and without it (median of 3);
- in a fresh process, the web app's start-up (``create_app``: what a gunicorn worker does
  without ``--preload``), with and without the cache;
- ``skillgraph serve --workers 2`` (gunicorn ``--preload``: the master builds or reads the
  derived data once, the forked workers share it): launch to the first ``/api/path``
  answer, with and without the cache;
- ``show`` of a role (SPARQL round trips) and a SPARQL example query, median per call.

Prints each figure for both stores and their ratio (remote / embedded).
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


def line(name: str, remote: float, local: float) -> None:
    print(f"{name:<64} remote {remote:8.3f} s   embedded {local:8.3f} s   x{remote / local:6.2f}")


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


def clear_cache(store) -> None:
    for pickle in store.cache_dir.glob("*.pickle"):
        pickle.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ESCO_DATA), help="the ESCO CSV folder")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per figure (3)")
    args = parser.parse_args()
    data = Path(args.data)
    if not (data / "occupations_en.csv").is_file():
        sys.exit(f"ESCO data not found at {data}")

    work = Path(tempfile.mkdtemp(prefix="bench-remote-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "xdg-cache")
    env = dict(os.environ)
    server, url = start_server(work)
    try:
        import skillgraph
        from skillgraph.formats.esco import import_esco
        from skillgraph.sparql.examples import EXAMPLES

        local_path = str(work / "esco-store")
        print(f"ESCO {data.resolve()}; oxigraph server {url}; {os.cpu_count()} cores")
        t0 = time.perf_counter()
        local_store = import_esco(data, local_path)
        t1 = time.perf_counter()
        remote_store = import_esco(data, url)
        t2 = time.perf_counter()
        print(f"triples: remote {len(remote_store):,}  embedded {len(local_store):,}")
        line("import esco (fill + write)", t2 - t1, t1 - t0)

        timings = {}
        for name, location in (("remote", url), ("local", local_path)):
            g = skillgraph.open(location)
            started = time.perf_counter()
            g.warm()
            timings[name] = time.perf_counter() - started
        line("derived data built once in-process (warm)", timings["remote"], timings["local"])

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
        stores = {"remote": skillgraph.open(url).store, "local": g_local.store}

        for cached in (True, False):
            for what, code, extra in (
                ("open -> first path, fresh process", FIRST_PATH, (start, target)),
                ("app start-up (create_app), fresh process", APP_START, ()),
            ):
                figures = {}
                for name, location in (("remote", url), ("local", local_path)):
                    runs = []
                    for _ in range(args.repeat):
                        if not cached:
                            clear_cache(stores[name])
                        runs.append(child(code, env, location, *extra))
                    figures[name] = statistics.median(runs)
                label = f"{what}, {'with' if cached else 'without'} cache"
                line(label, figures["remote"], figures["local"])
        for cached in (True, False):
            figures = {}
            for name, location in (("remote", url), ("local", local_path)):
                if cached:
                    skillgraph.open(location).warm()
                else:
                    clear_cache(stores[name])
                figures[name] = serve_to_first_path(location, env, start, target)
            state = "with" if cached else "without"
            label = f"serve 2 workers --preload -> first /api/path, {state} cache"
            line(label, figures["remote"], figures["local"])
        # Leave the caches warm again.
        for location in (url, local_path):
            skillgraph.open(location).warm()

        per_call = {}
        example = next(e for e in EXAMPLES if "LIMIT" in e.query.upper())
        for name, location in (("remote", url), ("local", local_path)):
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
        line("show(role), median of 20", per_call["remote"][0], per_call["local"][0])
        line(
            f"SPARQL example '{example.slug}', median of 5",
            per_call["remote"][1],
            per_call["local"][1],
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
