"""Label search: case, accents, word prefixes, ranking, kinds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.search import LabelIndex, normalise

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


# ---------------------------------------------------------------- ranking (issue 14)

RANKED = [
    ("r:nanny", "role", "nanny", True),
    ("r:nanny", "role", "nursemaid", False),
    ("r:assistant", "role", "nurse assistant", True),
    ("r:general", "role", "nurse responsible for general care", True),
    ("r:daycare", "role", "child day care worker", True),
    ("r:daycare", "role", "nursery nurse", False),
    ("s:sheets", "skill", "use spreadsheets software", True),
    ("s:sheets", "skill", "Microsoft Office Excel", False),
    ("s:excellence", "skill", "business excellence", True),
]
CENTRAL = {"r:general": 0.98, "r:assistant": 0.85, "r:daycare": 0.99, "r:nanny": 0.99}


def test_whole_word_preferred_labels_come_before_prefixes_and_then_by_centrality():
    index = LabelIndex(RANKED, CENTRAL)
    found = [m.uri for m in index.search("nurse")]
    # Whole-word preferred labels first (the more central one first), then the
    # alternative label holding the word, then "nursemaid" (a prefix only).
    assert found == ["r:general", "r:assistant", "r:daycare", "r:nanny"]
    # Without centrality the shorter label wins among whole-word matches.
    plain = [m.uri for m in LabelIndex(RANKED).search("nurse")]
    assert plain[:2] == ["r:assistant", "r:general"]


def test_a_whole_word_in_an_alternative_label_beats_a_prefix():
    index = LabelIndex(RANKED, CENTRAL)
    assert [m.uri for m in index.search("excel")] == ["s:sheets", "s:excellence"]


def test_synonyms_find_the_usual_skill_on_the_default_taxonomy():
    import skillgraph
    from skillgraph.search import SYNONYMS, words

    graph = skillgraph.open()
    for name, meaning in SYNONYMS.items():
        direct = graph.search(meaning, kinds=["skill"], limit=1)
        assert direct, f"synonym {name!r} -> {meaning!r} names no skill of the default taxonomy"
        found = graph.search(name, kinds=["skill"], limit=3)
        assert direct[0].uri in [m.uri for m in found], name
    spreadsheets = graph.search("spreadsheets", kinds=["skill"], limit=1)[0]
    assert graph.search("Excel", kinds=["skill"], limit=1)[0].uri == spreadsheets.uri
    assert words("Excel") == ["excel"]


def test_nurse_finds_general_care_nurse_on_esco(esco_graph):
    top = [m.label for m in esco_graph.search("nurse", limit=3)]
    assert "nurse responsible for general care" in top, top
    skill = esco_graph.resolve("use spreadsheets software", kind="skill").uri
    assert esco_graph.search("Excel", kinds=["skill"], limit=1)[0].uri == skill


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
    | st.text("aZ é-Ωﬁ\u0301", max_size=12)
)
def test_normalise_is_the_plain_definition(text):
    """The ASCII fast path changes nothing (issue 17): NFKD, combining marks dropped,
    casefold."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    assert normalise(text) == plain
