"""``skillgraph serve`` with several gunicorn workers on an on-disk store: every worker
answers, and stopping the server ends every worker cleanly (a preloaded Oxigraph store
must not be closed in a forked worker -- see ``skillgraph_web.gunicorn_conf``)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_workers_answer_and_exit_cleanly(tiny_store, tmp_path):
    port = _free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, GUNICORN_CMD_ARGS="--no-control-socket --access-logformat '%(p)s %(s)s'")
    cmd = [
        str(Path(sys.executable).parent / "skillgraph"),
        "serve",
        "--store",
        str(tiny_store.path),
    ]
    cmd += ["--port", str(port), "--workers", "2"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/api/stats", timeout=5).read()
                break
            except OSError:
                assert proc.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        answers = set()
        # Enough requests that both workers take some; each reads the shared store.
        for _ in range(40):
            for path in (
                "/api/search?q=a",
                "/sparql?" + urlencode({"query": query, "format": "csv"}),
            ):
                with urllib.request.urlopen(base + path, timeout=30) as r:
                    assert r.status == 200
                    if path.startswith("/sparql"):
                        answers.add(r.read())
        assert len(answers) == 1, answers
    finally:
        proc.send_signal(signal.SIGTERM)
        status = proc.wait(timeout=40)
    text = log.read_text()
    pids = set(re.findall(r"^<(\d+)> 200", text, re.M))
    assert len(pids) == 2, text
    assert status == 0, text
    assert not re.search(r"was sent SIG|\[ERROR\]|Traceback", text), text
