"""Label search: case, accents, word prefixes, ranking, kinds."""

import pytest

from skillgraph.search import LabelIndex

ENTRIES = [
    ("r:analyst", "role", "data analyst", True),
    ("r:analyst", "role", "business data analyst", False),
    ("r:engineer", "role", "Ingénieur de données", True),
    ("r:engineer", "role", "data engineer", False),
    ("r:analytics-lead", "role", "head of data analytics", True),
    ("s:analysis", "skill", "data analysis", True),
    ("s:market", "skill", "market research", True),
    ("s:marketing", "skill", "digital marketing", True),
    ("p:course", "program", "Data analysis bootcamp", True),
]


@pytest.fixture(scope="module")
def index() -> LabelIndex:
    return LabelIndex(ENTRIES)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("data analyst", ["r:analyst"]),
        ("DATA ANALYST", ["r:analyst"]),
        ("ingenieur", ["r:engineer"]),  # accents ignored
        ("INGÉNIEUR DON", ["r:engineer"]),
        ("market", ["s:market", "s:marketing"]),  # word prefix, starts-with first
        ("dat ana", ["s:analysis", "r:analyst", "p:course", "r:analytics-lead"]),
        ("business", ["r:analyst"]),  # alternative labels are searched
        ("analyst data", ["r:analyst"]),  # word order does not matter
        ("zzz", []),
        ("", []),
        ("  --  ", []),
    ],
)
def test_search(index, query, expected):
    assert [m.uri for m in index.search(query)] == expected


def test_exact_preferred_label_is_ranked_first(index):
    hits = index.search("data analysis")
    assert hits[0].uri == "s:analysis"
    assert hits[0].preferred


def test_one_hit_per_concept_with_the_label_that_matched(index):
    hits = index.search("data engineer")
    assert [(h.uri, h.label, h.matched) for h in hits] == [
        ("r:engineer", "Ingénieur de données", "data engineer")
    ]


def test_kinds_and_limit(index):
    assert [m.uri for m in index.search("data", kinds=["skill"])] == ["s:analysis"]
    assert [m.uri for m in index.search("data", kinds=["program", "skill"])] == [
        "s:analysis",
        "p:course",
    ]
    assert len(index.search("data", limit=2)) == 2


def test_exact_lookup_ignores_case_accents_and_punctuation(index):
    assert index.exact("Ingenieur-de-donnees") == [("r:engineer", "role")]
    assert index.exact("data engineer") == [("r:engineer", "role")]
    assert index.preferred_exact("data engineer") == []
