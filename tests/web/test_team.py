"""The team plan page and ``POST /api/team/plan`` (Flask's test client): plans from the
docs example, one problem per bad row, upload caps, and people data that goes nowhere:
not into the store, not into SPARQL or /id, not into logs, not into any cache."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from skillgraph_web import team as team_views

from ..helpers import ROOT

EXAMPLE = ROOT / "docs" / "team-example"
SECRET = "zq-person-7731"  # a person id that must never leave the request


def _files(team: bytes | None = None, demand: bytes | None = None, **fields) -> dict:
    team = team if team is not None else (EXAMPLE / "team.csv").read_bytes()
    demand = demand if demand is not None else (EXAMPLE / "demand.csv").read_bytes()
    return {
        "team": (io.BytesIO(team), "my-team.csv"),
        "demand": (io.BytesIO(demand), "needs.csv"),
        **{k: str(v) for k, v in fields.items()},
    }


def test_the_page_offers_the_form_and_templates(client):
    r = client.get("/team")
    assert r.status_code == 200 and r.headers["Cache-Control"] == "no-store"
    html = r.get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in html and 'name="team"' in html
    assert 'download="team.csv" href="data:text/csv' in html
    assert '<a href="/team">Team plan</a>' in html


def test_a_plan_on_the_page_with_csv_downloads(client):
    r = client.post("/team", data=_files(budget=20000), content_type="multipart/form-data")
    assert r.status_code == 200 and r.headers["Cache-Control"] == "no-store"
    html = r.get_data(as_text=True)
    for part in ('id="moves"', 'id="hires"', 'id="cohorts"', 'id="mentors"', 'id="heatmap"'):
        assert part in html
    link = re.search(r'id="download-plan" download="team-plan.csv" href="data:text/csv;'
                     r'charset=utf-8,([^"]+)"', html)  # fmt: skip
    assert link is not None
    rows = unquote(link.group(1).replace("&amp;", "&")).splitlines()
    assert rows[0].startswith("person,current_role,plan,target_role")
    assert sum(1 for row in rows if row.startswith(("adm-", "tec-", "ana-", "lead-"))) == 25


def test_the_api_takes_multipart_and_json_alike(client):
    a = client.post("/api/team/plan", data=_files(budget=5000), content_type="multipart/form-data")
    assert a.status_code == 200 and a.headers["Cache-Control"] == "no-store"
    assert "Access-Control-Allow-Origin" not in a.headers
    body = {
        "team": (EXAMPLE / "team.csv").read_text(),
        "demand": (EXAMPLE / "demand.csv").read_text(),
        "budget": 5000,
    }
    b = client.post("/api/team/plan", json=body)
    assert b.status_code == 200
    sa, sb = a.get_json()["summary"], b.get_json()["summary"]
    assert sa == sb and sa["programs_eur"] <= 5000 and sa["people"] == 25
    moves = a.get_json()["moves"]
    assert moves[0]["to"]["url"].startswith("/id/role/")


def test_bad_files_are_one_problem_each_naming_the_uploaded_file(client):
    team = b"person,role,hours_per_week\np1,data analist,\np2,receptionist,200\n"
    r = client.post("/api/team/plan", data=_files(team=team), content_type="multipart/form-data")
    assert r.status_code == 400
    body = r.get_json()
    assert body["error"] == "bad_file"
    first, second = body["problems"]
    assert (first["file"], first["line"], first["column"]) == ("my-team.csv", 2, "role")
    assert "did you mean: data analyst" in first["message"]
    assert (second["line"], second["column"]) == (3, "hours_per_week")
    page = client.post("/team", data=_files(team=team), content_type="multipart/form-data")
    assert page.status_code == 400
    html = page.get_data(as_text=True)
    assert "<code>my-team.csv:2: role: no role named &#39;data analist&#39;" in html


def test_missing_files_bad_settings_and_caps(client, monkeypatch):
    r = client.post("/api/team/plan")
    assert r.status_code == 400 and r.get_json()["message"].startswith("send the team and demand")
    r = client.post("/api/team/plan", data={"budget": "1"}, content_type="multipart/form-data")
    assert r.status_code == 400 and "choose the team file" in r.get_json()["message"]
    r = client.post(
        "/api/team/plan", data=_files(budget="lots"), content_type="multipart/form-data"
    )
    assert (
        r.status_code == 400 and r.get_json()["message"] == "budget must be a number (got 'lots')"
    )
    r = client.post("/api/team/plan", json={"team": 1, "demand": "x"})
    assert r.status_code == 400
    # A smaller cap keeps the test client's body in memory (the path is the same).
    monkeypatch.setattr(team_views, "MAX_UPLOAD", 10_000)
    big = b"person,role\n" + b"x" * 12_000
    r = client.post("/api/team/plan", data=_files(team=big), content_type="multipart/form-data")
    assert r.status_code == 413 and r.get_json()["error"] == "too_large"
    page = client.post("/team", data=_files(team=big), content_type="multipart/form-data")
    assert page.status_code == 413 and "at most" in page.get_data(as_text=True)


def _secret_team() -> bytes:
    return f"person,role\n{SECRET},data analyst\n".encode()


def test_people_data_reaches_no_store_no_sparql_no_id_no_log_and_no_cache(app, client, caplog):
    graph = app.extensions["skillgraph"]
    before = graph.store.content_id
    with caplog.at_level(logging.DEBUG):
        r = client.post(
            "/api/team/plan",
            data=_files(team=_secret_team(), demand=b"role,needed\nAI trainer,1\n"),
            content_type="multipart/form-data",
        )
    assert r.status_code == 200 and SECRET in r.get_data(as_text=True)
    assert SECRET not in caplog.text
    assert graph.store.content_id == before
    query = f'SELECT ?s WHERE {{ ?s ?p ?o FILTER(CONTAINS(STR(?o), "{SECRET}")) }}'
    found = client.get("/sparql", query_string={"query": query},
                       headers={"Accept": "application/sparql-results+json"})  # fmt: skip
    assert found.status_code == 200 and found.get_json()["results"]["bindings"] == []
    assert client.get(f"/id/person/{SECRET}").status_code == 404
    assert client.get("/api/search", query_string={"q": SECRET}).get_json()["results"] == []
    cache = graph.store.cache_dir
    if cache is not None and Path(cache).exists():
        for path in Path(cache).rglob("*"):
            if path.is_file():
                assert SECRET.encode() not in path.read_bytes(), path


@pytest.mark.parametrize("path", ["/team", "/api/team/plan"])
def test_get_on_the_api_is_refused_and_the_page_answers(client, path):
    r = client.get(path)
    assert r.status_code == (200 if path == "/team" else 405)


def test_hostile_labels_and_person_ids_stay_text(xss_client):
    from .conftest import XSS_IMG, XSS_SCRIPT

    x = "http://example.org/xss/"
    team = f'person,role,wish\n"{XSS_IMG}",{x}clerk,{x}analyst\n"{XSS_SCRIPT}",{x}lead,\n'
    demand = f"role,needed,hire_cost\n{x}analyst,1,1000000\n{x}lead,1,1000000\n"
    r = xss_client.post(
        "/team", data=_files(team=team.encode(), demand=demand.encode()),
        content_type="multipart/form-data",
    )  # fmt: skip
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert 'id="moves"' in html
    for markup in (XSS_IMG, XSS_SCRIPT, "<img src=x", "<script>window"):
        assert markup not in html
    assert "&lt;img src=x onerror=" in html
