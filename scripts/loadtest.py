#!/usr/bin/env python
"""Load test: starts ``skillgraph serve`` on a free loopback port, runs locust headless
against it (``scripts/locustfile.py``) and prints requests per second, p50/p95/p99 per
endpoint, errors, the share of requests each worker process answered and the memory of
every server process (RSS and PSS).

    .venv/bin/python scripts/loadtest.py [--store PATH|default] [--users 50] [--duration 60]
        [--workers 4] [--threads N] [--wait 0.5 2] [--json FILE]

Targets (issue 7, on the imported ESCO store): zero errors, p99 < 250 ms.  Exit status 0
when both hold, 1 on any error, 3 when only the latency target is missed, 2 when the
server or locust could not run.  Loopback only; the server and locust are stopped at the
end (or after --duration plus a fixed grace period, whatever happens).

A user waits ``--wait`` seconds (uniform) between actions, as people do; ``--wait 0 0``
turns the test into a saturation test (50 users then means 50 requests in flight).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
DEFAULT_STORE = "/work/esco-store"
#: Endpoint kinds every run must exercise (the smoke test checks them).
KINDS = (
    "/api/search (autocomplete)",
    "/search (page)",
    "/concept (role page)",
    "/concept (skill page)",
    "/api/concept",
    "/api/path",
    "/paths (page)",
    "/api/next",
    "/next (page)",
    "/sparql (examples)",
)
#: gunicorn access-log line: worker pid, status, server time in microseconds, request.
ACCESS_FORMAT = "%(p)s %(s)s %(D)s %(m)s %(U)s"
ACCESS_LINE = re.compile(r"^<(\d+)> (\d{3}) (\d+) ([A-Z]+) (\S+)")


# ------------------------------------------------------------------ the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(args, port: int, log_path: Path) -> subprocess.Popen:
    cmd = [
        str(Path(sys.executable).parent / "skillgraph"),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(args.workers),
    ]
    env = dict(os.environ)
    if args.store:
        cmd[2:2] = ["--store", args.store]
    else:
        env.pop("SKILLGRAPH_STORE", None)
    # gunicorn reads extra options from GUNICORN_CMD_ARGS: the worker pid in the access
    # log, no control socket (another gunicorn on this account may own the default one).
    extra = f"--no-control-socket --access-logformat '{ACCESS_FORMAT}'"
    if args.threads:
        # skillgraph serve's own worker class (threads that get whole requests only).
        cmd += ["--threads", str(args.threads)]
    if args.gunicorn:
        extra += " " + args.gunicorn
    env["GUNICORN_CMD_ARGS"] = extra
    log = open(log_path, "wb")  # noqa: SIM115 - the server writes to it until stopped
    # Its own session, so that stopping it reaches the workers and their query workers.
    return subprocess.Popen(
        cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
    )


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    # Query workers notice their parent's end within a second; make sure of it.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def get(base: str, path: str, *, accept: str | None = None, timeout: float = 60) -> bytes:
    req = urllib.request.Request(base + path, headers={"Accept": accept} if accept else {})
    for _ in range(50):
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.read()
        except urllib.error.HTTPError as exc:
            # Queries beyond the ones a worker runs at once are turned away (503 +
            # Retry-After) at once: wait a moment and ask again, as a client should.
            if exc.code != 503 or not exc.headers.get("Retry-After"):
                raise
            time.sleep(0.2)
    raise RuntimeError(f"{path[:80]}: still busy after 50 tries")


def wait_ready(base: str, proc: subprocess.Popen, log_path: Path, limit: float) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < limit:
        if proc.poll() is not None:
            raise RuntimeError(
                "the server exited:\n" + log_path.read_text(errors="replace")[-3000:]
            )
        try:
            get(base, "/api/stats", timeout=5)
            return time.perf_counter() - t0
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    raise RuntimeError(f"the server did not answer within {limit:.0f} s")


# ------------------------------------------------------------------ the plan


def sparql_rows(base: str, query: str) -> list[dict]:
    body = get(
        base, "/sparql?" + urlencode({"query": query}), accept="application/sparql-results+json"
    )
    return json.loads(body)["results"]["bindings"]


def concepts(base: str, cls: str, n: int, rng: random.Random) -> list[tuple[str, str]]:
    rows = sparql_rows(
        base,
        "PREFIX sg: <https://w3id.org/skillgraph/ontology#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        f"SELECT ?c ?label WHERE {{ ?c a sg:{cls} ; skos:prefLabel ?label }} LIMIT 5000",
    )
    found = sorted({(r["c"]["value"], r["label"]["value"]) for r in rows})
    return rng.sample(found, min(n, len(found)))


def make_plan(base: str, args) -> dict:
    """Requests the users choose from, found through the server itself: random roles and
    skills, path pairs that mostly have answers (walks along next steps, as in
    bench_web.py) plus random pairs, label prefixes, the SPARQL examples."""
    from skillgraph.sparql.check import check_query
    from skillgraph.sparql.examples import EXAMPLES

    rng = random.Random(args.seed)
    roles = concepts(base, "Role", args.concepts, rng)
    skills = concepts(base, "Skill", args.concepts, rng)
    pairs: list[list[str]] = []
    for ex in json.loads(get(base, "/api/examples"))["examples"]:
        pairs.append([ex["start"]["uri"], ex["target"]["uri"]])
    attempts = 0
    while len(pairs) < args.pairs and attempts < args.pairs * 4:
        attempts += 1
        start = rng.choice(roles)[0]
        if len(pairs) % 3 == 2:
            pairs.append([start, rng.choice(roles)[0]])
            continue
        cur = start
        for _ in range(rng.randint(2, 4)):
            moves = json.loads(get(base, "/api/next?" + urlencode({"from": cur, "k": 5})))
            moves = moves.get("moves") or []
            if not moves:
                break
            cur = rng.choice(moves)["role"]["uri"]
        if cur != start:
            pairs.append([start, cur])
    labels = [label for _, label in roles + skills]
    typed = sorted({label[: rng.randint(4, 10)] for label in labels})
    words = sorted({w for label in labels for w in label.split() if len(w) > 3})
    sparql = []
    for ex in EXAMPLES:
        kind = check_query(ex.query).kind
        if kind == "graph":
            sparql.append({"query": ex.query, "accept": "text/turtle", "type": "text/turtle"})
        else:
            sparql.append(
                {
                    "query": ex.query,
                    "accept": "application/sparql-results+json",
                    "type": "application/sparql-results+json",
                }
            )
    return {
        "roles": roles,
        "skills": skills,
        "pairs": pairs,
        "typed": typed,
        "words": words,
        "sparql": sparql,
    }


def warm_up(base: str, plan: dict, workers: int) -> float:
    """Each page kind a few times per worker, concurrently: a fresh worker compiles its
    templates and opens its SPARQL pool on first use -- start-up cost, not steady state."""
    a, b = plan["pairs"][0]
    role = plan["roles"][0][0]
    paths = [
        "/",
        "/search?q=data",
        "/concept?" + urlencode({"uri": role}),
        "/concept?" + urlencode({"uri": plan["skills"][0][0]}),
        "/paths?" + urlencode({"from": a, "to": b}),
        "/next?" + urlencode({"from": role}),
        "/api/path?" + urlencode({"from": a, "to": b}),
    ]
    jobs = [(p, None) for p in paths] * (3 * workers)
    jobs += [(ex["query"], ex["accept"]) for ex in plan["sparql"]] * 2
    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max(2, workers * 2)) as pool:

        def one(job):
            text, accept = job
            if accept:
                return get(base, "/sparql?" + urlencode({"query": text}), accept=accept)
            return get(base, text)

        list(pool.map(one, jobs))
    return time.perf_counter() - t0


# ------------------------------------------------------------------ measuring


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def memory(pid: int) -> dict:
    """RSS and PSS in MB: PSS splits pages shared after the fork between the sharers."""
    figures = {}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            parts = line.split()
            if parts[0] in ("Rss:", "Pss:"):
                figures[parts[0][:-1].lower()] = int(parts[1]) / 1024
    return figures


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
    return total / os.sysconf("SC_CLK_TCK")


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    hz = os.sysconf("SC_CLK_TCK")
    return (sum(fields[:8]) - idle) / hz, sum(fields[:8]) / hz


def role_of(pid: int, master: int) -> str:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return "?"
    if pid == master:
        return "gunicorn master"
    if "skillgraph.sparql.worker" in cmd:
        return "SPARQL query worker"
    return "gunicorn worker"


def access_log(log_path: Path) -> tuple[dict[int, int], list[tuple[str, float]], list[str]]:
    """Requests per worker pid, (path, server ms) per request, and the server's own
    complaints (gunicorn warnings and errors, worker boots, tracebacks) during the load."""
    per_pid: dict[int, int] = {}
    server_times = []
    trouble = []
    for line in log_path.read_text(errors="replace").splitlines():
        m = ACCESS_LINE.match(line)
        if m:
            per_pid[int(m.group(1))] = per_pid.get(int(m.group(1)), 0) + 1
            server_times.append((m.group(5), int(m.group(3)) / 1000))
        elif re.search(r"\[(WARNING|ERROR|CRITICAL)\]|Booting worker|Traceback", line):
            trouble.append(line.strip()[:300])
    return per_pid, server_times, trouble


# ------------------------------------------------------------------ main


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--store",
        default=os.environ.get("SKILLGRAPH_STORE") or DEFAULT_STORE,
        help=f"store to serve (default {DEFAULT_STORE}; 'default': the built-in taxonomy)",
    )
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60, help="seconds of load (default 60)")
    ap.add_argument("--spawn-rate", type=float, default=None, help="users started per second")
    ap.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    ap.add_argument("--threads", type=int, default=0,
                    help="threads per worker (default: skillgraph serve's own, 4)")  # fmt: skip
    ap.add_argument("--gunicorn", default="", help="more gunicorn options (GUNICORN_CMD_ARGS)")
    ap.add_argument("--wait", type=float, nargs=2, default=(0.5, 2.0), metavar=("MIN", "MAX"))
    ap.add_argument("--concepts", type=int, default=300, help="roles and skills sampled each")
    ap.add_argument("--pairs", type=int, default=120, help="path queries in the plan")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--p99", type=float, default=250.0, help="latency target in ms")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--keep", action="store_true", help="keep the server log and locust data")
    args = ap.parse_args(argv)
    if args.store in ("", "default"):
        args.store = None
    elif not args.store.startswith(("http://", "https://")) and not os.path.isdir(args.store):
        print(f"no store at {args.store}; import ESCO first or pass --store", file=sys.stderr)
        return 2
    if args.users < 1 or args.duration <= 0 or args.duration > 3600:
        ap.error("--users must be >= 1 and --duration in (0, 3600]")
    spawn_rate = args.spawn_rate or max(1.0, args.users / 5)

    tmp = Path(tempfile.mkdtemp(prefix="skillgraph-loadtest-"))
    log_path = tmp / "server.log"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    loadavg_before = Path("/proc/loadavg").read_text().split()[:3]
    server = start_server(args, port, log_path)
    try:
        try:
            ready = wait_ready(base, server, log_path, 300)
            t0 = time.perf_counter()
            plan = make_plan(base, args)
            planned = time.perf_counter() - t0
            warm = warm_up(base, plan, args.workers)
        except (RuntimeError, urllib.error.URLError, OSError, KeyError, ValueError) as exc:
            print(f"error: could not prepare the load test: {exc}", file=sys.stderr)
            return 2
        (tmp / "plan.json").write_text(json.dumps(plan))
        log_mark = log_path.stat().st_size
        out = tmp / "locust.json"
        env = dict(os.environ)
        env.update(
            LOADTEST_PLAN=str(tmp / "plan.json"),
            LOADTEST_OUT=str(out),
            LOADTEST_WAIT=f"{args.wait[0]},{args.wait[1]}",
        )
        cmd = [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(LOCUSTFILE),
            "--headless",
            "--users",
            str(args.users),
            "--spawn-rate",
            str(spawn_rate),
            "--run-time",
            f"{args.duration:g}s",
            "--host",
            base,
            "--stop-timeout",
            "5",
            "--only-summary",
            "--loglevel",
            "WARNING",
        ]
        server_pids = process_tree(server.pid)
        cpu_before = cpu_seconds(server_pids)
        busy_before, total_before = machine_busy()
        locust = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        locust_usage_before = os.times()
        try:
            _, locust_err = locust.communicate(timeout=args.duration + 90)
        except subprocess.TimeoutExpired:
            locust.kill()
            locust.communicate()
            print("error: locust did not stop in time; killed", file=sys.stderr)
            return 2
        busy_after, total_after = machine_busy()
        server_pids = process_tree(server.pid)
        cpu_server = cpu_seconds(server_pids) - cpu_before
        usage = os.times()
        cpu_locust = (usage.children_user + usage.children_system) - (
            locust_usage_before.children_user + locust_usage_before.children_system
        )
        mem = [(pid, role_of(pid, server.pid), memory(pid)) for pid in server_pids]
        if not out.is_file():
            print(
                "error: locust wrote no results:\n" + locust_err.decode()[-3000:], file=sys.stderr
            )
            return 2
        result = json.loads(out.read_text())
    finally:
        stop_server(server)

    with open(log_path, "rb") as handle:
        handle.seek(log_mark)
        (tmp / "load.log").write_bytes(handle.read())
    per_pid, server_times, trouble = access_log(tmp / "load.log")
    loadavg_after = Path("/proc/loadavg").read_text().split()[:3]
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return report(
        args,
        result,
        mem=mem,
        per_pid=per_pid,
        server_times=server_times,
        trouble=trouble,
        ready=ready,
        planned=planned,
        warm=warm,
        machine=dict(
            cores=os.cpu_count(),
            loadavg_before=loadavg_before,
            loadavg_after=loadavg_after,
            busy_share=(busy_after - busy_before) / max(total_after - total_before, 1e-9),
            server_cpu_s=cpu_server,
            locust_cpu_s=cpu_locust,
        ),
        plan=plan,
        tmp=tmp,
    )


def report(
    args, result, *, mem, per_pid, server_times, trouble, ready, planned, warm, machine, plan, tmp
):
    timings, failures = result["timings"], result["failures"]
    span = (result["span"]["stop"] or 0) - (result["span"]["start"] or 0) or args.duration
    every = [t for values in timings.values() for t in values]
    n_fail = sum(len(v) for v in failures.values())
    store = args.store or "built-in default taxonomy"
    worker_kind = f"threads x{args.threads or 4}"
    print(
        f"store: {store}\nserver: {args.workers} gunicorn workers ({worker_kind}), "
        f"ready in {ready:.1f} s; plan {planned:.1f} s ({len(plan['roles'])} roles, "
        f"{len(plan['skills'])} skills, {len(plan['pairs'])} path pairs); warm-up {warm:.1f} s"
    )
    print(
        f"load: {args.users} users, wait {args.wait[0]:g}-{args.wait[1]:g} s, {span:.0f} s; "
        f"{result['distinct_urls']} distinct URLs"
    )
    slow_head = f">{args.p99:g}ms"
    print(
        f"\n{'endpoint':<28}{'requests':>9}{'errors':>8}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}"
        f"{slow_head:>9}"
    )
    rows = {}
    for name in sorted(timings):
        values = timings[name]
        row = {
            "requests": len(values),
            "errors": len(failures.get(name, [])),
            "p50": percentile(values, 50),
            "p95": percentile(values, 95),
            "p99": percentile(values, 99),
            "max": max(values),
            "slow": sum(t >= args.p99 for t in values),
        }
        rows[name] = row
        print(
            f"{name:<28}{row['requests']:>9}{row['errors']:>8}{row['p50']:>8.1f}"
            f"{row['p95']:>8.1f}{row['p99']:>8.1f}{row['max']:>8.0f}{row['slow']:>9}"
        )
    total = {
        "requests": len(every),
        "errors": n_fail,
        "rps": len(every) / span,
        "p50": percentile(every, 50) if every else None,
        "p95": percentile(every, 95) if every else None,
        "p99": percentile(every, 99) if every else None,
    }
    if every:
        print(
            f"{'all':<28}{len(every):>9}{n_fail:>8}{total['p50']:>8.1f}{total['p95']:>8.1f}"
            f"{total['p99']:>8.1f}{max(every):>8.0f}"
            f"{sum(r['slow'] for r in rows.values()):>9}   (ms, client side)"
        )
    print(f"\nthroughput: {total['rps']:.1f} requests/s")
    for name, messages in failures.items():
        print(f"errors of {name}: {len(messages)}, e.g. {messages[0]}")
    if server_times:
        by_path: dict[str, list[float]] = {}
        for url, t in server_times:
            by_path.setdefault(url.split("?", 1)[0], []).append(t)
        by_path["all"] = [t for _, t in server_times]
        print("\nserver time per path (access log; the client's figure adds the time waiting")
        print("for a free worker and the network):")
        for path, values in sorted(by_path.items(), key=lambda kv: -len(kv[1])):
            if len(values) >= 10 or path == "all":
                print(
                    f"  {path:<26}{len(values):>7}  p50 {percentile(values, 50):7.1f}"
                    f"  p95 {percentile(values, 95):7.1f}  p99 {percentile(values, 99):7.1f}"
                )
    print(
        "\nrequests answered per worker pid: " + ", ".join(f"{p}: {n}" for p, n in per_pid.items())
    )
    print(f"server log lines of concern during the load: {len(trouble)}")
    for line in trouble[:10]:
        print("  " + line)
    print("\nmemory at the end of the load (MB):")
    for pid, role, figures in mem:
        if figures:
            print(f"  {pid:>7} {role:<20} RSS {figures['rss']:7.1f}   PSS {figures['pss']:7.1f}")
    pss_total = sum(f.get("pss", 0) for _, _, f in mem)
    print(f"  total PSS of the server: {pss_total:.0f} MB")
    print(
        f"\nmachine: {machine['cores']} cores, load average {' '.join(machine['loadavg_before'])} "
        f"before, {' '.join(machine['loadavg_after'])} after; CPU busy {machine['busy_share']:.0%} "
        f"during the load (server {machine['server_cpu_s']:.0f} s, locust "
        f"{machine['locust_cpu_s']:.0f} s of CPU in {span:.0f} s)"
    )
    missing = [k for k in KINDS if k not in timings]
    ok_errors = n_fail == 0 and not missing and not trouble
    ok_latency = bool(every) and total["p99"] < args.p99
    print(
        f"\ntargets: zero errors {'ok' if n_fail == 0 and not trouble else 'MISSED'}; "
        f"p99 {total['p99'] or 0:.0f} ms < {args.p99:g} ms {'ok' if ok_latency else 'MISSED'}"
        + (f"; endpoint kinds never exercised: {missing}" if missing else "")
    )
    figures = {
        "store": store,
        "workers": args.workers,
        "threads": args.threads,
        "users": args.users,
        "duration_s": span,
        "wait": list(args.wait),
        "total": total,
        "endpoints": rows,
        "failures": {k: v[:5] for k, v in failures.items()},
        "mismatches": result["mismatches"],
        "kinds_missing": missing,
        "requests_per_worker": per_pid,
        "server_log_trouble": trouble[:50],
        "memory": [{"pid": p, "role": r, **f} for p, r, f in mem],
        "machine": machine,
        "logs": str(tmp) if args.keep else None,
    }
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    if not ok_errors:
        return 1
    return 0 if ok_latency else 3


if __name__ == "__main__":
    sys.exit(main())
