"""Locust users for ``scripts/loadtest.py`` (run by it; not meant to be run alone).

The plan (concept URIs, path pairs, prefixes, SPARQL examples) is made by ``loadtest.py``
against the running server and handed over in the file named by ``LOADTEST_PLAN``.  Every
response is checked: a 5xx, a wrong content type or a missing piece is a failure, and so is
an answer that differs from the first answer the server gave to the same request (whichever
worker process gave it), which is how several workers are checked to agree.  Raw timings go
to ``LOADTEST_OUT`` (JSON) so that percentiles are exact, not locust's rounded buckets.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import time
from urllib.parse import urlencode

import gevent
from locust import FastHttpUser, between, events, task
from markupsafe import escape

with open(os.environ["LOADTEST_PLAN"], encoding="utf-8") as _plan:
    PLAN = json.load(_plan)
_low, _high = (float(x) for x in os.environ.get("LOADTEST_WAIT", "0.5,2").split(","))

#: (name -> [milliseconds]), failures (name -> [messages]) and the test's time span.
TIMINGS: dict[str, list[float]] = {}
FAILURES: dict[str, list[str]] = {}
SPAN = {"start": None, "stop": None}
#: url -> (status, digest) of the first answer; later answers must be the same.
FIRST: dict[str, tuple[int, str]] = {}
#: What ``_get`` returns for a query the server turned away (503 + Retry-After).
BUSY = object()
MISMATCHES: list[str] = []


@events.request.add_listener
def _record(name, response_time, exception, **_kwargs):
    TIMINGS.setdefault(name, []).append(response_time)
    if exception is not None:
        FAILURES.setdefault(name, []).append(str(exception)[:300])


@events.test_start.add_listener
def _start(**_kwargs):
    SPAN["start"] = time.time()


@events.test_stop.add_listener
def _stop(**_kwargs):
    SPAN["stop"] = time.time()


@events.quitting.add_listener
def _dump(**_kwargs):
    out = os.environ.get("LOADTEST_OUT")
    if not out:
        return
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(
            {
                "timings": TIMINGS,
                "failures": FAILURES,
                "span": SPAN,
                "distinct_urls": len(FIRST),
                "mismatches": MISMATCHES[:20],
            },
            handle,
        )


class Visitor(FastHttpUser):
    """A person using the app: typing into the search box, reading concept pages,
    asking for paths and next steps; now and then an analyst's SPARQL example."""

    wait_time = between(_low, _high)

    def _get(
        self, url, name, *, expect_type, must_contain=(), headers=None, check=None, busy_ok=False
    ):
        with self.client.get(url, name=name, headers=headers, catch_response=True) as r:
            body = r.content or b""
            ctype = r.headers.get("Content-Type", "") if r.headers else ""
            if busy_ok and r.status_code == 503 and r.headers.get("Retry-After"):
                # The server runs a bounded number of queries at once and turns the rest
                # away at once (issue 12); the caller retries under another name.
                r.success()
                return BUSY
            if r.status_code != 200:
                r.failure(f"HTTP {r.status_code}: {body[:200]!r}")
                return None
            if expect_type not in ctype:
                r.failure(f"Content-Type {ctype!r}, expected {expect_type}")
                return None
            for piece in must_contain:
                if piece.encode() not in body:
                    r.failure(f"answer lacks {piece!r}")
                    return None
            if check is not None:
                problem = check(body)
                if problem:
                    r.failure(problem)
                    return None
            digest = hashlib.sha1(body).hexdigest()
            first = FIRST.setdefault(url, (r.status_code, digest))
            if first != (r.status_code, digest):
                MISMATCHES.append(url)
                r.failure("answer differs from the server's first answer to the same request")
                return None
            r.success()
            return body

    # -- search -------------------------------------------------------------------

    @task(6)
    def autocomplete(self):
        """Typing a label: one request per keystroke after the second (a debounced box)."""
        word = random.choice(PLAN["typed"])
        for n in range(2, len(word) + 1):
            q = urlencode({"q": word[:n], "kind": "role,skill,program", "limit": 8})
            self._get(
                "/api/search?" + q,
                "/api/search (autocomplete)",
                expect_type="application/json",
                check=_has_key("results"),
            )
            gevent.sleep(random.uniform(0.08, 0.25))  # the next keystroke

    @task(3)
    def search_page(self):
        q = urlencode({"q": random.choice(PLAN["words"])})
        self._get("/search?" + q, "/search (page)", expect_type="text/html")

    # -- concept pages --------------------------------------------------------------

    @task(8)
    def role_page(self):
        uri, label = random.choice(PLAN["roles"])
        self._get(
            "/concept?" + urlencode({"uri": uri}),
            "/concept (role page)",
            expect_type="text/html",
            must_contain=[str(escape(label))],
        )

    @task(8)
    def skill_page(self):
        uri, label = random.choice(PLAN["skills"])
        self._get(
            "/concept?" + urlencode({"uri": uri}),
            "/concept (skill page)",
            expect_type="text/html",
            must_contain=[str(escape(label))],
        )

    @task(3)
    def concept_api(self):
        uri, _label = random.choice(PLAN["roles"] + PLAN["skills"])
        self._get(
            "/api/concept?" + urlencode({"id": uri}),
            "/api/concept",
            expect_type="application/json",
            must_contain=[json.dumps(uri)],
        )

    # -- careers ------------------------------------------------------------------

    @task(8)
    def path_api(self):
        a, b = random.choice(PLAN["pairs"])
        self._get(
            "/api/path?" + urlencode({"from": a, "to": b}),
            "/api/path",
            expect_type="application/json",
            check=_has_key("paths"),
        )

    @task(8)
    def path_page(self):
        a, b = random.choice(PLAN["pairs"])
        self._get(
            "/paths?" + urlencode({"from": a, "to": b}),
            "/paths (page)",
            expect_type="text/html",
        )

    @task(5)
    def next_api(self):
        uri, _label = random.choice(PLAN["roles"])
        self._get(
            "/api/next?" + urlencode({"from": uri}),
            "/api/next",
            expect_type="application/json",
        )

    @task(4)
    def next_page(self):
        uri, _label = random.choice(PLAN["roles"])
        self._get("/next?" + urlencode({"from": uri}), "/next (page)", expect_type="text/html")

    @task(1)
    def home(self):
        self._get("/", "/ (home)", expect_type="text/html")

    # -- SPARQL ---------------------------------------------------------------------

    @task(5)
    def sparql(self):
        example = random.choice(PLAN["sparql"])
        url = "/sparql?" + urlencode({"query": example["query"]})
        headers = {"Accept": example["accept"]}
        answer = self._get(url, "/sparql (examples)", expect_type=example["type"],
                           headers=headers, busy_ok=True)  # fmt: skip
        if answer is BUSY:
            gevent.sleep(0.2)
            self._get(url, "/sparql (examples, retried after 503)",
                      expect_type=example["type"], headers=headers)  # fmt: skip


def _has_key(key):
    def check(body):
        try:
            data = json.loads(body)
        except ValueError:
            return "not JSON"
        if key not in data:
            return f"JSON without {key!r}"
        return None

    return check
