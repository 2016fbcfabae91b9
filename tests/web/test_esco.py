"""The app on the real ESCO data (skips when ../shared/data is absent): ESCO content is
attributed wherever it is shown, and the pages work at ESCO's size."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from skillgraph_web import create_app

ATTRIBUTION = "ESCO (c) European Union"


@pytest.fixture(scope="module")
def esco_client(esco_store_path):
    return create_app({"TESTING": True, "STORE": str(esco_store_path)}).test_client()


@pytest.fixture(scope="module")
def developer(esco_graph) -> str:
    return esco_graph.resolve("software developer", kind="role").uri


def test_search_finds_roles_by_prefix_and_alt_label(esco_client, developer):
    found = esco_client.get("/api/search?q=softw+dev&kind=role").get_json()["results"]
    assert developer in [r["uri"] for r in found]
    by_alt = esco_client.get("/api/search?q=application+programmer&kind=role").get_json()
    assert by_alt["results"][0]["uri"] == developer


def test_esco_pages_carry_the_attribution(esco_client, developer, esco_graph):
    manager = esco_graph.resolve("ICT project manager", kind="role").uri
    for url in (
        f"/concept?uri={quote(developer)}",
        f"/paths?from={quote(developer)}&to={quote(manager)}",
        f"/next?from={quote(developer)}",
        "/browse",
        "/",
    ):
        r = esco_client.get(url)
        assert r.status_code == 200, url
        assert ATTRIBUTION in r.get_data(as_text=True), url


def test_large_neighbourhoods_are_capped_with_a_count(esco_client, esco_graph):
    # A skill that hundreds of occupations require.
    skill = esco_graph.resolve("computer programming", kind="skill").uri
    drawing = esco_client.get(f"/api/concept/graph?id={quote(skill)}").get_json()
    assert drawing["meta"]["shown"] == 60 < drawing["meta"]["total"]
    # Laid out in blocks (no physics to settle): nothing moves, no label overlaps.
    assert drawing["options"]["physics"] == {"enabled": False}
    assert drawing["meta"]["layout"] == "blocks"
    page = esco_client.get(f"/concept?uri={quote(skill)}").get_data(as_text=True)
    assert f"showing 60 of {drawing['meta']['total']:,} related concepts" in page


def test_path_api_on_esco(esco_client, developer, esco_graph):
    manager = esco_graph.resolve("ICT project manager", kind="role").uri
    body = esco_client.get(f"/api/path?from={quote(developer)}&to={quote(manager)}&k=2")
    body = body.get_json()
    assert body["paths"] or body["no_path"]
    for path in body["paths"]:
        assert path["steps"][-1]["target"]["uri"] == manager
        assert all(s["kind"] in ("upskilling", "reskilling") for s in path["steps"])


def test_esco_pages_use_words_and_search_finds_nurses(esco_client, esco_graph):
    nurse = esco_graph.resolve("nurse responsible for general care", kind="role").uri
    page = esco_client.get(f"/concept?uri={quote(nurse)}").get_data(as_text=True)
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    for jargon in ("skos/core#", "hasTopConcept", "topConceptOf", "in scheme", "relatedEssential"):
        assert jargon not in main, jargon
    assert "<th>code</th>" in main and "essential skills" in main
    found = esco_client.get("/api/search?q=nurse&limit=3").get_json()["results"]
    assert nurse in [r["uri"] for r in found]
