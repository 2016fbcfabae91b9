"""DESIGN.md 7 and 9, SPARQL: read-only (no update in any of the protocol's forms), no
SERVICE and no FROM that loads a URL or a file (a loopback listener receives nothing, a
local file's content never shows), a time limit that stops the work while the server
answers others, a row cap, and a readable 400 -- all through ``skillgraph serve``."""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest

from skillgraph.store import open_store

from .helpers import MAX_ROWS, TIMEOUT, raw_request, settle_and_check_silent, skillgraph_cli

JSON = "application/sparql-results+json"
MARK = "http://example.org/attack/mark"


def get(live, query: str, accept: str = JSON, **extra):
    target = "/sparql?" + urlencode({"query": query, **extra})
    return raw_request(live.port, "GET", target, headers={"Accept": accept})


def post(live, body: bytes, content_type: str, accept: str = JSON, target: str = "/sparql"):
    headers = {"Content-Type": content_type, "Accept": accept}
    return raw_request(live.port, "POST", target, body=body, headers=headers)


def count_triples(live) -> int:
    status, _, body = get(live, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def marked(live) -> bool:
    status, _, body = get(live, f"ASK {{ <{MARK}> ?p ?o }}")
    assert status == 200, body
    return json.loads(body)["boolean"]


INSERT = f'INSERT DATA {{ <{MARK}> <{MARK}> "x" }}'
UPDATES = [
    INSERT,
    f"DELETE WHERE {{ ?s ?p ?o }} ; {INSERT}",
    "DROP ALL",
    "CLEAR DEFAULT",
    "LOAD <file:///etc/passwd>",
    f"WITH <{MARK}> INSERT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
]


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_in_every_protocol_form(live, update):
    before = count_triples(live)
    attempts = [
        get(live, update),
        raw_request(live.port, "GET", "/sparql?" + urlencode({"update": update})),
        post(live, urlencode({"update": update}).encode(), "application/x-www-form-urlencoded"),
        post(live, urlencode({"query": update}).encode(), "application/x-www-form-urlencoded"),
        post(live, update.encode(), "application/sparql-update"),
        post(live, update.encode(), "application/sparql-query"),
    ]
    for status, _, body in attempts:
        # The GET with only ``update=`` gets the service description (no query): fine,
        # as long as nothing ran.
        assert status in (200, 400, 403, 415), (status, body[:200])
        if status != 200:
            assert b"Traceback" not in body
    assert count_triples(live) == before
    assert not marked(live)
    store = open_store(live.store)  # read-only, beside the server's workers
    assert not store.ox.contains_named_graph(ox.NamedNode(MARK))
    assert len(store) == before


def test_update_refusal_says_why(live):
    status, headers, body = post(live, INSERT.encode(), "application/sparql-update")
    assert status == 403
    assert headers["Content-Type"].startswith("text/plain")
    assert b"read-only" in body


def _service_queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?u {{ <{url}> }} SERVICE ?u {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"DESCRIBE ?s WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    ]


def test_service_never_reaches_the_listener(live, listener):
    for query in _service_queries(listener.url):
        for status, _, body in (
            get(live, query),
            post(live, query.encode(), "application/sparql-query"),
            post(live, urlencode({"query": query}).encode(), "application/x-www-form-urlencoded"),
        ):
            assert status == 403, (query, status, body[:200])
            assert b"SERVICE is not allowed" in body
    settle_and_check_silent(listener)


def test_the_listener_would_notice_a_fetch(listener):
    """The listener's silence above means something: a plain HTTP request reaches it."""
    import urllib.request

    with urllib.request.urlopen(listener.url, timeout=5) as response:
        assert response.status == 200
    time.sleep(0.2)
    assert listener.received and listener.received[0].startswith(b"GET / HTTP/1.1")


def test_from_loads_no_url_and_no_file(live, listener, tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text(f'<{MARK}> <{MARK}> "TOP-SECRET-FROM-FILE" .\n', encoding="utf-8")
    sources = [listener.url, secret.as_uri(), "file:///etc/passwd", listener.url + "data.ttl"]
    for source in sources:
        queries = [
            f"SELECT * FROM <{source}> WHERE {{ ?s ?p ?o }}",
            f"SELECT * FROM NAMED <{source}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
            f"CONSTRUCT {{ ?s ?p ?o }} FROM <{source}> WHERE {{ ?s ?p ?o }}",
            f"ASK FROM <{source}> {{ ?s ?p ?o }}",
        ]
        answers = [get(live, q, accept="*/*") for q in queries]
        answers += [
            get(live, "SELECT * WHERE { ?s ?p ?o } LIMIT 5", **{"default-graph-uri": source}),
            get(live, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": source}),
        ]
        for status, _, body in answers:
            assert status == 403, (source, status, body[:200])
            assert b"nothing is ever loaded" in body
            assert b"TOP-SECRET" not in body and b"root:" not in body
    settle_and_check_silent(listener)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _busy(pids: list[int]) -> dict[int, int]:
    ticks = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks[pid] = int(fields[11]) + int(fields[12])
    return ticks


def test_time_limit_stops_the_work_while_others_are_answered(live):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    outcome: dict = {}

    def slow():
        started = time.monotonic()
        outcome["answer"] = post(live, runaway.encode(), "application/sparql-query")
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.5)
    # Meanwhile the server answers a query, a page and an API call.
    started = time.monotonic()
    assert get(live, "ASK { ?s ?p ?o }")[0] == 200
    assert raw_request(live.port, "GET", "/api/search?q=data")[0] == 200
    assert raw_request(live.port, "GET", "/")[0] == 200
    assert time.monotonic() - started < TIMEOUT
    # The process doing the work: the one under the server burning a CPU right now.
    first = _busy(_descendants(live.pid))
    time.sleep(0.3)
    second = _busy(list(first))
    runaway = max(second, key=lambda pid: second[pid] - first[pid])
    assert second[runaway] - first[runaway] >= 3, "no process seems to run the query"
    assert thread.is_alive(), "the runaway query should still be running"
    thread.join(timeout=60)
    status, headers, body = outcome["answer"]
    assert status == 503, body[:300]
    assert headers["Content-Type"].startswith("text/plain")
    assert f"longer than {TIMEOUT:g} s".encode() in body
    assert TIMEOUT <= outcome["seconds"] < TIMEOUT + 5
    # The work really stopped: that process is gone (or, at least, idle).
    before = _busy([runaway])
    time.sleep(0.5)
    after = _busy([runaway])
    assert not after or after[runaway] - before.get(runaway, 0) < 10, "still computing"
    assert live.alive()


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", JSON),
        ("SELECT * WHERE { ?s ?p ?o }", "text/csv"),
        ("SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+xml"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples"),
        ("DESCRIBE ?s WHERE { ?s ?p ?o }", "application/n-triples"),
    ],
)
def test_results_stop_at_the_row_cap(live, query, accept):
    status, headers, body = get(live, query, accept)
    assert status == 200, body[:300]
    assert headers["X-SPARQL-Truncated"] == "true"
    assert headers["X-SPARQL-Rows"] == str(MAX_ROWS)
    text = body.decode()
    if accept == JSON:
        assert len(json.loads(text)["results"]["bindings"]) == MAX_ROWS
    elif accept == "text/csv":
        assert len(text.strip().splitlines()) == MAX_ROWS + 1  # header
    elif accept.endswith("xml"):
        assert text.count("<result>") == MAX_ROWS
    else:
        assert len(text.strip().splitlines()) == MAX_ROWS
    # LIMIT below the cap is not truncation; the store does hold more than the cap.
    assert get(live, query + " LIMIT 3", accept)[1]["X-SPARQL-Truncated"] == "false"
    assert count_triples(live) > MAX_ROWS


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p }",
        "SELEC * WHERE { ?s ?p ?o }",
        "SELECT * WHERE { ?s ?p ?o ",
        'SELECT * WHERE { ?s ?p "unterminated }',
        "SELECT ?x WHERE { ?s ?p ?o } GROUP BY ?s",
        "\x00\x01\x02",
        "PREFIX : <x> SELECT * { :a :b :c }\n}}}}",
    ],
)
def test_malformed_query_gets_a_readable_400(live, query):
    answers = (get(live, query), post(live, query.encode(), "application/sparql-query"))
    for status, headers, body in answers:
        assert status == 400, (query, status, body[:300])
        assert headers["Content-Type"].startswith("text/plain")
        text = body.decode()
        # One line that says where and what, not a dump of the parser's state.
        assert text.startswith("malformed query") and text.count("\n") == 1
        assert len(text) < 400 and re.search(r"line \d+, column \d+|at \d+:\d+", text)
        assert "Traceback" not in text and "<html" not in text.lower()


def test_the_command_line_keeps_the_same_rules(default_disk_store, listener, tmp_path):
    """``skillgraph sparql`` is the other way in: no update, no SERVICE, no FROM file or
    URL, a time limit that stops the query, and the row cap."""
    secret = tmp_path / "secret.ttl"
    secret.write_text(f'<{MARK}> <{MARK}> "TOP-SECRET-FROM-FILE" .\n', encoding="utf-8")
    store = str(default_disk_store)
    refused = [
        INSERT,
        f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM <{listener.url}> WHERE {{ ?s ?p ?o }}",
    ]
    for query in refused:
        done = skillgraph_cli("sparql", query, "--store", store)
        assert done.returncode == 1, (query, done.stdout[:200])
        assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr
        assert "TOP-SECRET" not in done.stdout + done.stderr
    settle_and_check_silent(listener)
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    done = skillgraph_cli("sparql", runaway, "--store", store, "--timeout", "1")
    assert done.returncode == 1 and "was stopped" in done.stderr
    assert time.monotonic() - started < 15
    done = skillgraph_cli("sparql", "SELECT * WHERE { ?s ?p ?o }", "--store", store,
                          "--format", "csv", "--max-rows", "7")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip().splitlines()) == 8  # header + 7 rows
    assert open_store(default_disk_store).ox.contains_named_graph(ox.NamedNode(MARK)) is False
