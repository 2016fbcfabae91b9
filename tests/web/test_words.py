"""The pages say what they mean (issue 14), on the default taxonomy through the Flask
client: skills-only what-ifs answer, edge states get words and a way on, costs come with
their meaning and currencies, what carries over is listed, RDF jargon stays off the pages,
and the home page shows the seed's own cases."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote

import pytest

import skillgraph
from skillgraph.namespace import DATA

SQL = str(DATA["skill/sql"])


def _text(client, url: str, *, raw: bool = False) -> str:
    r = client.get(url)
    assert r.status_code == 200, (url, r.data[:300])
    text = r.get_data(as_text=True)
    return text if raw else unescape(text)


def _main(page: str) -> str:
    return page.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.fixture(scope="module")
def graph():
    return skillgraph.open()


def test_skills_only_whatif_lists_the_roles_those_skills_open(client, graph):
    # The skill page's "What if I learn this?" link carries no role.
    skill_page = _text(client, "/id/skill/sql")
    link = re.search(r'href="(/whatif\?learn=[^"]+)"', skill_page).group(1)
    page = _text(client, link)
    expected = graph.careers.whatif(None, learn=[SQL], k=20).newly_reachable
    assert expected, "SQL alone opens no role on the default taxonomy"
    table = page.split('id="newly-reachable"')[1].split("</table>")[0]
    shown = re.findall(r'class="concept kind-role" href="[^"]+">([^<]+)</a>', table)
    assert shown == [m.role.label for m in expected]
    assert "Roles within reach" in page and "first role" in table
    # The form is filled with what was asked.
    assert 'data-uri="' + SQL + '"' in page


def test_the_api_answers_a_skills_only_whatif(client, graph):
    body = client.get("/api/whatif?learn=SQL").get_json()
    expected = graph.careers.whatif(None, learn=[SQL]).newly_reachable
    assert [m["role"]["uri"] for m in body["newly_reachable"]] == [m.role.uri for m in expected]
    assert body["start"]["kind"] == "profile" and body["cheaper"] == []
    assert client.get("/api/whatif").status_code == 400  # nothing to learn: still an error


def test_whatif_says_when_the_start_already_has_the_skill(client):
    page = _text(client, "/whatif?from=data+analyst&learn=SQL")
    notice = page.split('id="already-have"')[1].split("</p>")[0]
    assert "already" in notice and "SQL" in notice and "changes nothing" in notice
    assert "No move becomes newly viable" not in page


def test_a_start_without_a_target_offers_where_it_leads(client, graph):
    page = _text(client, "/paths?have=SQL&have=statistics")
    section = page.split('id="skills-next"')[1].split("</section>")[0]
    moves = graph.careers.next_steps(None, 8, have=["SQL", "statistics"])
    for m in moves:
        assert m.role.label in section
    # Each is one click from its path: the same query plus the target.
    first = re.search(r'href="([^"]+)"', section).group(1)
    assert "have=SQL" in first and "to=" in first
    assert _text(client, first).count('class="alternative"') >= 1


def test_the_same_start_and_target_is_said_in_words(client):
    page = _text(client, "/paths?from=data+analyst&to=data+analyst")
    assert "there is no step to take" in page.split('id="same-role"')[1]
    assert "cost 0.00" not in page and 'id="graph"' not in page


def test_relaxing_a_limit_is_one_click_and_finds_a_path(client):
    url = "/paths?from=administrative+assistant&to=head+of+data&max_reskilling=0&max_steps=1"
    page = _text(client, url)
    notice = page.split('id="no-path"')[1].split("</div>")[0]
    links = dict(
        (text, href)
        for href, text in re.findall(r'<a class="relax button" href="([^"]+)">([^<]+)</a>', notice)
    )
    assert "allow 1 reskilling step" in links
    for text, href in links.items():
        answer = _text(client, href)
        assert 'id="no-path"' not in answer, text
        assert 'class="alternative"' in answer, text


def test_unknown_skills_get_suggestions_once(client):
    page = _text(client, "/paths?have=sqll&to=data+analyst", raw=True)
    problem = page.split('id="problem"')[1].split("</div>")[0]
    assert 'href="/paths?have=SQL&amp;to=data+analyst">SQL</a>' in problem
    # The suggestions are listed once (as links), not also in the sentence.
    words = re.sub(r"<[^>]+>", " ", problem)
    assert words.count("SQL") == 1, words


def test_costs_are_explained_and_currencies_named(client):
    page = _text(client, "/paths?from=data+analyst&to=machine+learning+engineer")
    table = page.split('class="data steps cards"')[1].split("</table>")[0]
    assert re.search(r"<summary>(easy|moderate|hard|very hard)</summary>", table)
    assert "for making a move at all" in table or "for retraining at all" in table
    assert "1,000 hours of retraining" in page
    # Program costs carry the currency the data gives (EUR in the default taxonomy).
    assert re.search(r"\d EUR", table)
    assert "hours of learning" in page


def test_estimated_hours_are_marked(client, graph):
    # On a taxonomy whose skills have hours none is marked; the marker follows the data.
    path = graph.careers.paths("data analyst", "machine-learning engineer")[0]
    page = _text(client, "/paths?from=data+analyst&to=machine+learning+engineer")
    table = page.split('class="data steps cards"')[1].split("</table>")[0]
    assert ("(estimated)" in table) == any(s.hours_estimated for s in path.steps)


def test_each_step_lists_matched_and_transferable_skills(client, graph):
    path = graph.careers.paths("data analyst", "machine-learning engineer")[0]
    page = _text(client, "/paths?from=data+analyst&to=machine+learning+engineer")
    table = page.split('class="data steps cards"')[1].split("</table>")[0]
    step = path.steps[0]
    assert step.matched_skills and step.transferable_skills
    assert "you have:" in table and "related, carries over in part:" in table
    for c in step.matched_skills[:10]:
        assert f">{c.label}</a>" in table
    for c in step.transferable_skills[:8]:
        assert f">{c.label}</a>" in table


def test_a_skills_only_start_makes_a_first_role(client):
    page = _text(client, "/paths?have=SQL&have=statistics&to=data+analyst")
    first_row = page.split('class="data steps cards"')[1].split("</tr>")[1]
    assert ">first role<" in first_row
    assert ">upskilling<" not in first_row


def test_alternatives_are_compared_as_role_chains(client, graph):
    paths = graph.careers.paths("administrative assistant", "data analyst", k=3)
    page = _text(client, "/paths?from=administrative+assistant&to=data+analyst&k=3")
    compare = page.split('id="compare"')[1].split("</section>")[0]
    items = compare.split("<li")[1:]
    assert len(items) == len(paths)
    for item, path in zip(items, paths, strict=True):
        chain = re.sub(r"<[^>]+>", " ", item.split('class="chain"')[1].split("</span>\n")[0])
        for step in path.steps:
            assert step.target.label in chain
    assert "cost" in items[1] and ("instead of" in items[1] or "through" in items[1])


@pytest.mark.parametrize(
    "url",
    [
        "/id/role/data-analyst",
        "/id/skill/sql",
        "/id/field/data-and-ai",
        "/id/program/data-analytics-bootcamp",
    ],
)
def test_concept_pages_use_words_not_rdf_terms(client, url):
    page = _main(_text(client, url))
    for jargon in (
        "teaches of",
        "topConceptOf",
        "hasTopConcept",
        "in scheme",
        "skos/core#",
        "relatedEssentialSkill",
        "field of",
        "essential skill of",
    ):
        assert jargon not in page, (url, jargon)


def test_a_field_page_groups_its_members_by_kind(client):
    page = _main(_text(client, "/id/field/data-and-ai"))
    headings = re.findall(r"<h3>([^<]+?) <span", page)
    assert headings[:3] == ["roles", "skills", "learning programs"]


def test_no_stray_scheme_node_in_a_neighbourhood(client):
    drawing = client.get("/api/concept/graph?id=" + quote(str(DATA["role/data-analyst"])))
    labels = [n["label"] for n in drawing.get_json()["nodes"]]
    assert not [x for x in labels if "default taxonomy" in x]


def test_home_shows_the_seed_cases_and_no_store_path(client):
    page = _main(_text(client, "/"))
    examples = re.findall(r"<strong>([^<]+)</strong> &rarr; <strong>([^<]+)</strong>", page)
    examples = re.findall(r"<strong>([^<]+)</strong> → <strong>([^<]+)</strong>", page) or examples
    assert ("administrative assistant", "digital marketing specialist") in examples
    assert ("data analyst", "machine-learning engineer") in examples
    assert "Store:" not in page and "/tmp" not in page and ".skillgraph" not in page


def test_home_leaves_out_counts_of_nothing(bare_client):
    page = _main(_text(bare_client, "/"))
    assert not re.search(r"<b>0</b>\s*learning programs", page)
