"""Fuzzing the career-path parameters with hypothesis: the library's ``career_paths``,
``next_steps`` and ``whatif`` with random starts, targets, k, max_reskilling, max_steps,
avoid, have and model parameters (right and wrong types), and ``/api/path``, ``/api/next``,
``/api/whatif`` and their pages with random query strings.  Every call gives results or a
``SkillgraphError``; every request a 2xx/4xx (JSON under /api), never a 500."""

from __future__ import annotations

import json
import os
import re
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from skillgraph_web import create_app

import skillgraph
from skillgraph.errors import SkillgraphError

GRAPH = skillgraph.open()
T = GRAPH.taxonomy
ROLE_LABELS = sorted(T.role_labels)[:60]
SKILL_LABELS = sorted(T.skill_labels)[:60]
ROLE_URIS = T.role_uris[:20]
EXAMPLES = int(os.environ.get("SKILLGRAPH_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

garbage = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "-", "*", "%", "'", '"', "\x00", "<script>", "http://", "a" * 3000,
                     "data", "DATA ANALYST", "data  analyst", "Data Analyst ", "\u00e9"]),
)  # fmt: skip
roles = st.one_of(st.sampled_from(ROLE_LABELS), st.sampled_from(ROLE_URIS))
skills = st.sampled_from(SKILL_LABELS)
names = st.one_of(roles, roles, skills, garbage)
ill_typed = st.one_of(
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=5),
)
# Mostly plausible values (so that paths really get computed), edges and wrong types too.
small = st.one_of(st.none(), st.integers(0, 6), st.integers(0, 6), st.integers(-2, 15))
numbers = st.one_of(small, small, small, ill_typed)
ks = st.one_of(st.integers(1, 5), st.integers(1, 5), st.integers(-2, 60), ill_typed, st.none())
name_lists = st.one_of(
    st.lists(st.one_of(roles, skills), max_size=4),
    st.lists(st.one_of(roles, skills), max_size=4),
    st.lists(names, max_size=5),
    names,
    st.none(),
)
model = st.one_of(
    st.none(),
    st.none(),
    st.dictionaries(
        st.sampled_from(["reskilling_penalty", "min_overlap", "step_cost", "no_such_param"]),
        st.one_of(st.floats(0, 3), ill_typed),
        max_size=2,
    ),
)


def _outcome(call) -> None:
    try:
        result = call()
    except SkillgraphError as exc:
        event(type(exc).__name__ + " " + re.sub(r"\d+|'[^']*'|\(got .*", "", str(exc))[:50])
        assert str(exc)
    else:
        event("answered")
        assert result is not None


@FUZZ
@given(start=st.one_of(roles, roles, names, st.none()), target=st.one_of(roles, roles, names), k=ks,
       max_reskilling=numbers, max_steps=numbers, avoid=name_lists, have=name_lists,
       params=model)  # fmt: skip
def test_career_paths_answer_or_raise_a_skillgraph_error(
    start, target, k, max_reskilling, max_steps, avoid, have, params
):
    _outcome(lambda: GRAPH.career_paths(start, target, k=k, max_reskilling=max_reskilling,
                                        max_steps=max_steps, avoid=avoid, have=have,
                                        params=params))  # fmt: skip


@FUZZ
@given(start=st.one_of(roles, roles, st.none()), target=roles, k=st.integers(1, 10),
       max_reskilling=st.one_of(st.none(), st.integers(0, 4)),
       max_steps=st.one_of(st.none(), st.integers(1, 8)),
       avoid=st.lists(roles, max_size=3), have=st.lists(skills, max_size=4))  # fmt: skip
def test_well_formed_career_paths_answer_or_say_why_not(
    start, target, k, max_reskilling, max_steps, avoid, have
):
    _outcome(lambda: GRAPH.career_paths(start, target, k=k, max_reskilling=max_reskilling,
                                        max_steps=max_steps, avoid=avoid, have=have))  # fmt: skip


@FUZZ
@given(start=st.one_of(roles, names, st.none()), k=ks, have=name_lists, params=model)
def test_next_steps_answer_or_raise_a_skillgraph_error(start, k, have, params):
    _outcome(lambda: GRAPH.next_steps(start, k=k, have=have, params=params))


@FUZZ
@given(start=st.one_of(roles, names, st.none()), learn=name_lists, have=name_lists, k=ks)
def test_whatif_answers_or_raises_a_skillgraph_error(start, learn, have, k):
    _outcome(lambda: GRAPH.whatif(start, learn=learn, have=have, k=k))


@pytest.fixture(scope="module")
def client():
    return create_app({"TESTING": True}).test_client()


odd = st.one_of(names, st.integers(-(10**20), 10**20).map(str), st.sampled_from(
    ["0", "1", "3", "10", "11", "-1", "1.5", "1e3", "true", "yes", "NaN", "", "0x1", "\uff11"]
))  # fmt: skip
plausible = st.one_of(roles, skills, st.integers(0, 6).map(str))
values = st.one_of(plausible, plausible, odd)
PARAMETERS = ["from", "to", "k", "max_reskilling", "max_steps", "avoid", "have", "alt",
              "graph", "learn", "program", "reskilling_penalty", "unknown"]  # fmt: skip
queries = st.lists(st.tuples(st.sampled_from(PARAMETERS), values), max_size=8)


@FUZZ
@given(route=st.sampled_from(["/api/path", "/api/next", "/api/whatif"]), query=queries,
       start=roles, target=roles)  # fmt: skip
def test_api_answers_json_and_never_500(client, route, query, start, target):
    r = client.get(route + "?" + urlencode([("from", start), ("to", target), *query]))
    event(str(r.status_code))
    assert r.status_code in (200, 400, 404), (r.status_code, r.data[:500])
    assert r.mimetype == "application/json"
    body = json.loads(r.data)
    if r.status_code != 200:
        assert body["error"] and body["message"] and body["status"] == r.status_code
    assert b"Traceback" not in r.data


@settings(FUZZ, max_examples=max(EXAMPLES // 3, 10))
@given(route=st.sampled_from(["/paths", "/next", "/whatif"]), query=queries)
def test_pages_never_500(client, route, query):
    r = client.get(route + "?" + urlencode(query), headers={"Accept": "text/html"})
    assert r.status_code in (200, 400, 404), (r.status_code, r.data[:500])
    assert r.mimetype == "text/html" and b"Traceback" not in r.data
