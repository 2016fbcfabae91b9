"""The SkillGraph facade over a tiny on-disk store."""

import pytest

import skillgraph
from skillgraph.errors import AmbiguousLabel, UnknownConcept

T = "http://example.org/tiny/"


@pytest.fixture
def graph(tiny_store):
    return skillgraph.open(tiny_store)


def test_open_by_path(tiny_store, tmp_path):
    g = skillgraph.open(tmp_path / "tiny-store")
    assert g.store.content_id == tiny_store.content_id


@pytest.mark.parametrize(
    ("name", "uri", "kind"),
    [
        (T + "clerk", T + "clerk", "role"),
        ("office clerk", T + "clerk", "role"),
        ("Office  Clerk", T + "clerk", "role"),
        ("clerk", T + "clerk", "role"),  # an alternative label
        ("writing", T + "writing", "skill"),
        ("seo", T + "seo", "skill"),
        ("social media course", T + "course", "program"),
        ("marketing", T + "mkt", "field"),
    ],
)
def test_resolve(graph, name, uri, kind):
    concept = graph.resolve(name)
    assert (concept.uri, concept.kind) == (uri, kind)


def test_a_label_naming_two_concepts_is_ambiguous_and_lists_them(graph):
    with pytest.raises(AmbiguousLabel) as caught:
        graph.resolve("office assistant")
    assert {c[0] for c in caught.value.candidates} == {T + "assistant", T + "marketer"}
    assert "administrative assistant" in str(caught.value)
    assert "social media assistant" in str(caught.value)


def test_unknown_name_suggests_the_closest_labels(graph):
    with pytest.raises(UnknownConcept) as caught:
        graph.resolve("ofice clerk")
    assert "office clerk" in caught.value.suggestions
    assert "did you mean" in str(caught.value)


def test_kind_restricts_resolution(graph):
    with pytest.raises(UnknownConcept):
        graph.resolve("typing", kind="role")


def test_show_lists_labels_relations_and_source(graph):
    info = graph.show("office clerk")
    assert info["alt_labels"] == ["Büroangestellter", "clerk"]
    assert info["description"] == "Keeps the office running."
    relations = {g["name"]: [i["label"] for i in g["items"]] for g in info["outgoing"]}
    assert relations["essential skill"] == ["filing", "typing"]
    assert relations["optional skill"] == ["copywriting"]
    assert relations["field"] == ["administration"]
    assert info["source"]["attribution"] == "Tiny example data, CC0."


def test_show_of_a_skill_lists_the_roles_that_require_it(graph):
    info = graph.show("social media")
    incoming = {g["name"]: [i["label"] for i in g["items"]] for g in info["incoming"]}
    assert incoming["essential skill of"] == ["social media assistant"]
    assert incoming["optional skill of"] == ["administrative assistant"]
    assert incoming["teaches of"] == ["social media course"]


def test_stats(graph):
    stats = graph.stats()
    assert stats["counts"]["roles"] == 3
    assert stats["counts"]["skills"] == 6
    assert stats["counts"]["learning programs"] == 1
    assert stats["counts"]["requirements"] == 10
    assert stats["counts"]["essential requirements"] == 7
    assert [(f["label"], f["roles"]) for f in stats["fields"]] == [
        ("administration", 2),
        ("marketing", 1),
    ]
    assert stats["quality"]["roles without skills"] == 0
    assert stats["quality"]["skills no role requires"] == 0


def test_search_through_the_facade(graph):
    assert [m.label for m in graph.search("soc med")] == [
        "social media",
        "social media assistant",
        "social media course",
    ]


def test_show_caps_each_relation_but_counts_all(graph):
    info = graph.show("office clerk", cap=1)
    essential = next(g for g in info["outgoing"] if g["name"] == "essential skill")
    assert essential["count"] == 2
    assert len(essential["items"]) == 1
