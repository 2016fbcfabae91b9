#!/usr/bin/env python
"""Times the web app's hot endpoints in-process (Flask test client) on a store, with the
baselines measured in the same run, and prints the figures and their ratios.

    .venv/bin/python scripts/bench_web.py [--store PATH] [--queries N]

Budgets (issue 4, on the imported ESCO store): /api/path p50 < 20 ms, path page < 100 ms
server time, autocomplete p95 < 20 ms, one worker < 500 MB.

Baselines:
- /api/path: the library call alone (``SkillGraph.careers.paths``, same queries);
- path page: the same query rendered the pyvis way -- the library call, the path drawn
  with pyvis's ``Network`` and the page made by ``Network.generate_html()``;
- autocomplete: ``SkillGraph.search`` alone, same prefixes.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from urllib.parse import urlencode


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def pyvis_page(path) -> str:
    """The path drawn the way pyvis users do: a Network, then generate_html()."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="remote", height="600px")
    net.add_node(path.source.uri, label=path.source.label, shape="box")
    for i, step in enumerate(path.steps):
        net.add_node(step.target.uri, label=step.target.label, shape="box")
        net.add_edge(step.source.uri, step.target.uri, title=step.kind)
        for gap in step.missing_skills[:8]:
            gid = f"{i}|{gap.skill.uri}"
            net.add_node(gid, label=gap.skill.label, shape="ellipse", title=gap.skill.label)
            net.add_edge(gid, step.target.uri)
        for pick in step.programs:
            pid = f"{i}|{pick.program.uri}"
            net.add_node(pid, label=pick.program.label, shape="box", title=pick.program.label)
            for c in pick.covers:
                if f"{i}|{c.uri}" in net.node_map:
                    net.add_edge(pid, f"{i}|{c.uri}")
    net.toggle_physics(False)
    return net.generate_html()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", default=os.environ.get("SKILLGRAPH_STORE") or "/work/esco-store")
    ap.add_argument("--queries", type=int, default=60, help="path queries (default 60)")
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args(argv)
    store = None if args.store in ("", "default") else args.store
    if store and not os.path.isdir(store):
        print(f"no store at {store}; import ESCO first or pass --store", file=sys.stderr)
        return 2

    from skillgraph_web import create_app

    from skillgraph.errors import SkillgraphError

    t0 = time.perf_counter()
    app = create_app({"TESTING": True, "STORE": store})
    startup = time.perf_counter() - t0
    client = app.test_client()
    g = app.extensions["skillgraph"]
    t = g.taxonomy
    print(f"store: {g.stats()['store']}  roles {t.n_roles:,}  skills {t.n_skills:,}")
    print(f"app start-up (open store, projection, labels, transition graph): {startup:.2f} s")

    # Queries: random roles, each with a target reached by following cheap next steps
    # (so that most queries have answers, as real ones mostly do), plus random pairs.
    rng = random.Random(args.seed)
    pairs = []
    while len(pairs) < args.queries:
        a = rng.randrange(t.n_roles)
        if len(pairs) % 3 == 2:
            pairs.append((t.role_uris[a], t.role_uris[rng.randrange(t.n_roles)]))
            continue
        try:
            cur = t.role_uris[a]
            for _ in range(rng.randint(2, 4)):
                moves = g.careers.next_steps(cur, 5)
                if not moves:
                    break
                cur = rng.choice(moves).role.uri
        except SkillgraphError:
            continue
        if cur != t.role_uris[a]:
            pairs.append((t.role_uris[a], cur))

    def library(a, b):
        try:
            return g.careers.paths(a, b, k=3)
        except SkillgraphError:
            return None

    # Warm caches once (first-request costs are start-up, not steady state).
    for a, b in pairs[:3]:
        client.get("/api/path?" + urlencode({"from": a, "to": b}))
        client.get("/paths?" + urlencode({"from": a, "to": b}))

    api, lib_times, page, pyvis_times = [], [], [], []
    answered = 0
    for a, b in pairs:
        q = urlencode({"from": a, "to": b})
        lib_times.append(timed(lambda a=a, b=b: library(a, b)))
        api.append(timed(lambda q=q: client.get("/api/path?" + q)))
        page.append(timed(lambda q=q: client.get("/paths?" + q)))
        found = library(a, b)
        if found:
            answered += 1
            pyvis_times.append(timed(lambda a=a, b=b: pyvis_page(library(a, b)[0])))
        else:
            pyvis_times.append(timed(lambda a=a, b=b: library(a, b)))
    r = client.get("/api/path?" + urlencode({"from": pairs[0][0], "to": pairs[0][1]}))
    assert r.status_code == 200, r.data[:300]

    # Autocomplete: every prefix of labels as typed, 2+ characters.
    words = []
    labels = [t.role_labels[i] for i in rng.sample(range(t.n_roles), min(40, t.n_roles))]
    labels += [t.skill_labels[i] for i in rng.sample(range(t.n_skills), min(40, t.n_skills))]
    for label in labels:
        words.extend(label[:n] for n in range(2, min(len(label), 14) + 1))
    ac, ac_lib = [], []
    for w in words:
        q = urlencode({"q": w, "kind": "role,skill,program", "limit": 8})
        ac.append(timed(lambda q=q: client.get("/api/search?" + q)))
        ac_lib.append(timed(lambda w=w: g.search(w, kinds=["role", "skill", "program"], limit=8)))

    def row(name, ours, base, budget, stat="p50"):
        f = statistics.median if stat == "p50" else (lambda v: percentile(v, 95))
        o, b = f(ours), f(base)
        verdict = "ok" if o < budget else "OVER BUDGET"
        print(
            f"{name:<22} {stat} {o:7.2f} ms   baseline {b:7.2f} ms   ratio {o / b:5.2f}"
            f"   p95 {percentile(ours, 95):7.2f} ms   budget < {budget} ms {verdict}"
        )

    print(f"\n{len(pairs)} path queries ({answered} with a path), k=3; {len(words)} prefixes")
    row("/api/path", api, lib_times, 20)
    row("/paths (page)", page, pyvis_times, 100)
    row("/api/search (typing)", ac, ac_lib, 20, stat="p95")
    print("  baselines: library call; library + pyvis Network.generate_html(); SkillGraph.search")
    mem = rss_mb()
    print(
        f"\nmemory of this process (one worker's worth): {mem:.0f} MB  budget < 500 MB "
        f"{'ok' if mem < 500 else 'OVER BUDGET'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
