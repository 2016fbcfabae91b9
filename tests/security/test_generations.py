"""Issue 12, point 4: after an import into a served store, one generation at a time.

``skillgraph serve`` on a store; an import ``--replace`` switches it.  Within 5 s every
endpoint -- a page, the API, ``/sparql`` (the content id its query process read, and the
count it gives) and an export -- reports the new content id, and no cache is written
into the generation the import removed.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request

from ..servers import free_port, running
from .helpers import ROOT, SKILLGRAPH, skillgraph_cli

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ESCO_MINI = str(ROOT / "tests" / "fixtures" / "esco-mini")


def _answers(base: str) -> dict[str, tuple[str | None, bytes]]:
    targets = {
        "page": "/",
        "api": "/api/stats",
        "sparql": "/sparql?" + urllib.parse.urlencode({"query": COUNT, "format": "csv"}),
        "export": "/export/ntriples",
    }
    out = {}
    for name, target in targets.items():
        try:
            with urllib.request.urlopen(base + target, timeout=30) as response:
                out[name] = (response.headers.get("X-Content-Id"), response.read())
        except urllib.error.HTTPError as exc:
            # While the server switches, a query may be turned away (never answered from
            # the other generation): 503 with Retry-After.
            assert exc.code == 503 and exc.headers.get("Retry-After"), (name, exc.code)
            out[name] = (None, b"")
    return out


def test_every_endpoint_moves_to_the_new_content_within_5_s(default_disk_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(default_disk_store, store)
    old_generation = (store / "CURRENT").read_text().strip()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    argv = [SKILLGRAPH, "serve", "--store", str(store), "--port", str(port)]

    def ready() -> bool:
        with urllib.request.urlopen(base + "/api/stats", timeout=5) as response:
            return response.status == 200

    with running(argv, dict(os.environ), ready, name="skillgraph serve"):
        before = _answers(base)
        old_id = before["page"][0]
        assert old_id and {cid for cid, _ in before.values()} == {old_id}, before
        done = skillgraph_cli("import", "esco", ESCO_MINI, "--store", str(store), "--replace")
        assert done.returncode == 0, done.stderr
        switched = time.monotonic()
        new_generation = (store / "CURRENT").read_text().strip()
        new_id = json.loads((store / new_generation / "meta.json").read_text())["content_id"]
        assert new_id != old_id
        while True:
            after = _answers(base)
            ids = {name: cid for name, (cid, _) in after.items()}
            if set(ids.values()) == {new_id}:
                break
            assert time.monotonic() - switched < 5, ids
            time.sleep(0.25)
        # The answers are the new content's, not only the labels on them.
        rows = after["sparql"][1].decode().split()
        triples = json.loads(after["api"][1])
        assert int(rows[1]) < int(before["sparql"][1].decode().split()[1])
        assert triples != json.loads(before["api"][1])
        # Nothing re-created the removed generation (the export cache did, before).
        assert not (store / old_generation).exists()
