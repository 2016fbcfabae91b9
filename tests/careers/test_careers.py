"""Career paths on a hand-written taxonomy (tests/fixtures/careers.ttl).

The tests use simple parameters so that every cost can be checked by hand:
no size prior, no reuse term, step cost 0.1, optional weight 0.5, reskilling penalty 2.
Then cost(A -> B) = (0.1 + 1 - overlap / total(B)) * (2 if the fields differ), where
total(B) = essential count + 0.5 * optional count and overlap = the part of it A has.

Totals: clerk 2.5, assistant 3.5, manager 3.5, social media assistant (sma) 2.5,
marketer 4.0, data entry clerk 2.5, analyst 3.5.
"""

from __future__ import annotations

import json

import pytest

import skillgraph
from skillgraph.careers import PROFILE, PathParams
from skillgraph.errors import InvalidParameter, NoPath, UnknownConcept
from skillgraph.store import build_store

from ..helpers import FIXTURES, JOB_MOVES_ONLY, load_turtle

C = "http://example.org/careers/"
P = PathParams(
    **JOB_MOVES_ONLY,
    size_prior=0.0,
    reuse_weight=0.0,
    step_cost=0.1,
    optional_weight=0.5,
    reskilling_penalty=2.0,
    min_overlap=0.2,
    moves_per_role=10,
)


@pytest.fixture(scope="module")
def g(tmp_path_factory):
    path = tmp_path_factory.mktemp("careers") / "store"
    return skillgraph.open(build_store(path, load_turtle(FIXTURES / "careers.ttl")))


def labels(path):
    return [s.target.label for s in path.steps]


def test_next_steps_are_the_cheapest_viable_moves_with_hand_computed_costs(g):
    moves = g.next_steps("office clerk", k=4, params=P)
    # clerk has typing, filing, copywriting.
    # assistant: typing + filing = 2 of 3.5 -> 0.1 + 1.5/3.5
    # manager: filing + copywriting(0.5) = 1.5 of 3.5 -> 0.1 + 2/3.5
    # sma: copywriting + typing(0.5) = 1.5 of 2.5, other field -> (0.1 + 0.4) * 2
    # data entry clerk: typing = 1 of 2.5, other field -> (0.1 + 0.6) * 2
    assert [(m.role.label, m.kind) for m in moves] == [
        ("administrative assistant", "upskilling"),
        ("office manager", "upskilling"),
        ("social media assistant", "reskilling"),
        ("data entry clerk", "reskilling"),
    ]
    assert [m.cost for m in moves] == pytest.approx([0.1 + 1.5 / 3.5, 0.1 + 2 / 3.5, 1.0, 1.4])
    sma = moves[2]
    assert (sma.matched, sma.required) == (2, 3)
    assert [(s.skill.label, s.essential, s.weight, s.hours) for s in sma.missing_skills] == [
        ("social media", True, 1.0, 30.0)
    ]
    assert sma.hours == 30.0
    assert [(p.program.label, [c.label for c in p.covers]) for p in sma.programs] == [
        ("social media course", ["social media"])
    ]
    assert sma.as_dict()["role"]["uri"] == C + "sma"


def test_the_digital_marketer_marketing_move_is_not_viable_for_a_clerk(g):
    # marketer: clerk has only copywriting (optional, 0.5 of 4.0 = 0.125 < min_overlap 0.2)
    assert "digital marketer" not in [
        m.role.label for m in g.next_steps("office clerk", 20, params=P)
    ]


def test_cheapest_path_and_alternatives(g):
    paths = g.career_paths("office clerk", "digital marketer", k=3, params=P)
    assert [labels(p) for p in paths] == [
        ["social media assistant", "digital marketer"],
        ["office manager", "digital marketer"],
        ["administrative assistant", "office manager", "digital marketer"],
    ]
    # clerk->sma 1.0; sma->marketer: social + copywriting(0.5) = 1.5 of 4 -> 0.1 + 0.625
    # clerk->manager 0.1 + 2/3.5; manager->marketer: excel(0.5) + writing(0.5), other field
    #   -> (0.1 + 0.75) * 2 = 1.7; assistant->manager: 3 of 3.5 -> 0.1 + 0.5/3.5
    assert [p.cost for p in paths] == pytest.approx(
        [1.725, 0.1 + 2 / 3.5 + 1.7, 0.1 + 1.5 / 3.5 + 0.1 + 0.5 / 3.5 + 1.7]
    )
    for p in paths:
        assert p.cost == sum(s.cost for s in p.steps)
        assert p.reskilling_steps == 1
    first = paths[0]
    assert first.hours == 30 + 85
    step = first.steps[1]
    assert (step.source.label, step.target.label, step.kind) == (
        "social media assistant",
        "digital marketer",
        "upskilling",
    )
    assert (step.matched, step.required) == (2, 5)
    assert sorted(c.label for c in step.matched_skills) == ["copywriting", "social media"]
    # Essential first, then by weight, then in URI order (ads < seo).
    assert [(s.skill.label, s.essential, s.weight) for s in step.missing_skills] == [
        ("online advertising", True, 1.0),
        ("SEO", True, 1.0),
        ("spreadsheets", False, 0.5),
    ]
    # Greedy cover by uncovered weight * relevance / sqrt(hours); no program has a field
    # and each teaches only what the marketer needs (relevance 1).  The social media
    # course, recommended on step 1, also teaches SEO: it needs no other program and the
    # course is not recommended twice.  Then the spreadsheet course 0.5/sqrt(10) = 0.16
    # beats the bootcamp 1/sqrt(100) (ads); the typing course teaches nothing needed.
    assert [p.program.label for p in first.steps[0].programs] == ["social media course"]
    assert [(p.program.label, [c.label for c in p.covers]) for p in step.programs] == [
        ("spreadsheet course", ["spreadsheets"]),
        ("marketing bootcamp", ["online advertising"]),
    ]
    assert step.programs[1].cost == 2500.0 and step.programs[1].hours == 100.0
    assert step.programs[1].program_type == "bootcamp"
    assert step.programs[0].cost is None and step.programs[0].program_type == "online course"
    json.dumps([p.as_dict() for p in paths])


def test_a_path_through_another_field_and_back(g):
    # clerk -> assistant 0.1 + 1.5/3.5; assistant -> data entry clerk: excel + typing = 2 of
    # 2.5, other field -> 0.6; data entry clerk -> analyst: excel + sql = 2 of 3.5 -> 0.1 + 1.5/3.5
    paths = g.career_paths("office clerk", "data analyst", k=2, params=P)
    assert labels(paths[0]) == ["administrative assistant", "data entry clerk", "data analyst"]
    assert paths[0].cost == pytest.approx(2 * (0.1 + 1.5 / 3.5) + 0.6)
    assert labels(paths[1]) == ["data entry clerk", "data analyst"]
    assert paths[1].cost == pytest.approx(1.4 + 0.1 + 1.5 / 3.5)


def test_max_steps_picks_the_cheapest_short_path(g):
    paths = g.career_paths("office clerk", "data analyst", k=3, max_steps=2, params=P)
    assert [labels(p) for p in paths] == [
        ["data entry clerk", "data analyst"],
        ["administrative assistant", "data analyst"],
        ["office manager", "data analyst"],
    ]
    assert all(len(p.steps) <= 2 for p in paths)


def test_avoid_takes_the_next_best_route(g):
    paths = g.career_paths(
        "office clerk", "digital marketer", avoid=["social media assistant"], params=P
    )
    assert labels(paths[0]) == ["office manager", "digital marketer"]
    assert all("social media assistant" not in labels(p) for p in paths)


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"max_reskilling": 0}, "reachable with 1 reskilling step, but max_reskilling=0"),
        ({"max_steps": 1}, "needs 2 steps, max_steps=1"),
        (
            {"avoid": ["social media assistant", "office manager"]},
            "every path goes through an avoided role",
        ),
    ],
)
def test_no_path_names_the_constraint(g, kwargs, reason):
    with pytest.raises(NoPath) as caught:
        g.career_paths("office clerk", "digital marketer", params=P, **kwargs)
    assert caught.value.reason == reason
    assert "no path from 'office clerk' to 'digital marketer'" in str(caught.value)


def test_unreachable_target_says_so_plainly(g):
    with pytest.raises(NoPath) as caught:
        g.career_paths("office clerk", "astronomer", params=P)
    assert "no chain of viable moves" in str(caught.value)
    assert caught.value.reason is None


def test_roles_with_no_skills(g):
    with pytest.raises(NoPath, match="'hermit' lists no skills"):
        g.career_paths("office clerk", "hermit", params=P)
    with pytest.raises(NoPath, match="the start has no skills"):
        g.career_paths("hermit", "office clerk", params=P)
    assert g.next_steps("hermit", params=P) == []


def test_start_equals_target_is_one_empty_path(g):
    (path,) = g.career_paths("office clerk", "office clerk", params=P)
    assert path.steps == [] and path.cost == 0 and path.hours == 0
    assert path.target.label == "office clerk"
    (path,) = g.career_paths("office clerk", "office clerk", have=["SQL"], params=P)
    assert path.steps == []


def test_unknown_role_suggests_labels(g):
    with pytest.raises(UnknownConcept) as caught:
        g.career_paths("ofice clerk", "data analyst")
    assert "office clerk" in caught.value.suggestions
    with pytest.raises(UnknownConcept):
        g.next_steps("typing")  # a skill, not a role


def test_a_skill_profile_is_a_virtual_start(g):
    # have social media + copywriting (1 each); the profile's field is marketing (the field
    # of its skills that have one).  marketer: social + writing(0.5) = 1.5 of 4 -> 0.725.
    paths = g.career_paths(None, "digital marketer", have=["social media", "copywriting"], params=P)
    assert paths[0].steps[0].source == PROFILE
    assert labels(paths[0]) == ["digital marketer"]
    assert paths[0].cost == pytest.approx(0.725)
    assert paths[0].steps[0].kind == "upskilling"
    # sma: 2 of 2.5 -> 0.3, then 0.725.
    assert labels(paths[1]) == ["social media assistant", "digital marketer"]
    assert paths[1].cost == pytest.approx(1.025)
    moves = g.next_steps(None, 3, have=["social media", "copywriting"], params=P)
    assert [(m.role.label, m.kind) for m in moves] == [
        ("social media assistant", "upskilling"),
        ("digital marketer", "upskilling"),
        ("office clerk", "reskilling"),
    ]
    assert [m.cost for m in moves] == pytest.approx([0.3, 0.725, 1.8])


def test_a_profile_without_a_field_never_reskills(g):
    # typing has no field: the profile has no field to leave.  clerk: typing 1 of 2.5.
    moves = g.next_steps(None, 10, have=["typing"], params=P)
    assert {m.kind for m in moves} == {"upskilling"}
    clerk = next(m for m in moves if m.role.label == "office clerk")
    assert clerk.cost == pytest.approx(0.1 + 1 - 1 / 2.5)


def test_a_small_profile_reaches_roles_that_use_its_skills(g):
    # Python alone is 0.5 of the analyst's 3.5 (under min_overlap), but the analyst uses
    # all of the profile (profile_match 0.5): a move, priced by the gap as usual.
    (move,) = g.next_steps(None, 5, have=["Python"], params=P)
    assert move.role.label == "data analyst"
    assert move.cost == pytest.approx(0.1 + 1 - 0.5 / 3.5)
    strict = PathParams(**{**P.as_dict(), "profile_match": 1.0})
    assert [m.role.label for m in g.next_steps(None, 5, have=["Python"], params=strict)] == [
        "data analyst"
    ]
    with pytest.raises(NoPath):
        g.career_paths("office clerk", "data analyst", max_steps=1, params=P)


def test_a_role_plus_extra_skills(g):
    # clerk + social media: sma fully covered -> (0.1 + 0) * 2 = 0.2, then 0.725.
    paths = g.career_paths("office clerk", "digital marketer", have=["social media"], params=P)
    assert labels(paths[0]) == ["social media assistant", "digital marketer"]
    assert paths[0].cost == pytest.approx(0.925)
    assert paths[0].steps[0].source.label == "office clerk"
    assert paths[0].steps[0].missing_skills == []
    # The direct move is now viable too: social + writing(0.5) = 1.5 of 4 -> (0.1+0.625)*2.
    assert labels(paths[1]) == ["digital marketer"]
    assert paths[1].cost == pytest.approx(1.45)


def test_empty_profile_is_an_invalid_request(g):
    with pytest.raises(InvalidParameter, match="start role"):
        g.next_steps(None)
    with pytest.raises(InvalidParameter):
        g.career_paths(None, "data analyst", have=[])


def test_whatif_learning_sql(g):
    result = g.whatif("office clerk", learn=["SQL"], params=P)
    # analyst: sql = 1 of 3.5 -> newly viable, (0.1 + 2.5/3.5) * 2
    assert [m.role.label for m in result.newly_reachable] == ["data analyst"]
    assert result.newly_reachable[0].cost == pytest.approx((0.1 + 2.5 / 3.5) * 2)
    # data entry clerk: typing + sql(0.5) = 1.5 of 2.5 -> (0.1 + 0.4) * 2 = 1.0, was 1.4
    (change,) = result.cheaper
    assert change.role.label == "data entry clerk"
    assert (change.cost_before, change.cost_after, change.saving) == pytest.approx((1.4, 1.0, 0.4))
    assert [c.label for c in result.learned] == ["SQL"]
    json.dumps(result.as_dict())


def test_whatif_from_skills_alone_lists_the_roles_they_open(g):
    # "What opens up if I learn SQL?" with no role and no skills: the roles that fit a
    # person who has just SQL, as next steps of that profile would list them.
    result = g.whatif(None, learn=["SQL"], params=P)
    expected = g.next_steps(None, 20, have=["SQL"], params=P)
    assert [m.role.uri for m in result.newly_reachable] == [m.role.uri for m in expected]
    assert result.start.kind == "profile" and result.cheaper == []
    assert [c.label for c in result.learned] == ["SQL"]
    json.dumps(result.as_dict())


def test_whatif_names_learned_skills_the_start_already_has(g):
    shown = g.show("office clerk")["outgoing"]
    clerk_skills = {c["label"] for grp in shown if "skill" in grp["name"] for c in grp["items"]}
    had = sorted(clerk_skills)[0]
    result = g.whatif("office clerk", learn=[had, "SQL"], params=P)
    assert [c.label for c in result.already_have] == [had], result.already_have
    fresh = g.whatif("office clerk", learn=["SQL"], params=P)
    assert fresh.already_have == []
    assert [m.role.uri for m in result.newly_reachable] == [
        m.role.uri for m in fresh.newly_reachable
    ]


def test_whatif_with_a_program(g):
    result = g.whatif("office clerk", programs=["social media course"], params=P)
    assert {c.label for c in result.learned} == {"social media", "SEO"}
    # marketer: social + seo + writing(0.5) = 2.5 of 4 -> (0.1 + 0.375) * 2
    new = {m.role.label: m.cost for m in result.newly_reachable}
    assert new == pytest.approx({"digital marketer": 0.95})
    with pytest.raises(InvalidParameter):
        g.whatif("office clerk")


def test_moves_per_role_prunes_edges_but_keeps_each_roles_cheapest_entry(g):
    model = g.careers.model(PathParams(**{**P.as_dict(), "moves_per_role": 1}))
    clerk = model.taxonomy.locate(C + "clerk")[1]
    kept = {model.taxonomy.role_labels[v] for v, _, _ in model.adjacency[clerk]}
    # Its cheapest move out; none of its other moves is the cheapest move into its target.
    assert kept == {"administrative assistant"}
    # analyst -> data entry clerk (0.5) is its cheapest move out; analyst -> manager (1.63)
    # is not the cheapest move into manager (assistant -> manager, 0.24).
    analyst = model.taxonomy.locate(C + "analyst")[1]
    assert {model.taxonomy.role_labels[v] for v, _, _ in model.adjacency[analyst]} == {
        "data entry clerk"
    }


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"min_overlap": 1.5}, "min_overlap"),
        ({"reskilling_penalty": 0.5}, "reskilling_penalty"),
        ({"moves_per_role": 0}, "moves_per_role"),
        ({"step_cost": 0}, "step_cost"),
        ({"essential_weight": "heavy"}, "essential_weight"),
        ({"nonsense": 1}, "unknown parameter"),
    ],
)
def test_bad_parameters_are_rejected(g, params, message):
    with pytest.raises(InvalidParameter, match=message):
        g.next_steps("office clerk", params=params)


def test_bad_k_and_limits(g):
    with pytest.raises(InvalidParameter):
        g.career_paths("office clerk", "data analyst", k=0)
    with pytest.raises(InvalidParameter):
        g.career_paths("office clerk", "data analyst", max_steps="3")
    with pytest.raises(InvalidParameter):
        g.career_paths("office clerk", "data analyst", avoid=["office clerk"])


def test_the_transition_graph_is_cached_in_memory_and_on_disk(g):
    first = g.careers.model(P)
    assert g.careers.model(P) is first
    cache = list(g.store.cache_dir.glob("transitions-*.pickle"))
    assert cache, "the transition graph is written next to the store"
    # A fresh process would read it back: the pickled graph equals the built one.
    from skillgraph.store.cache import read_cache

    loaded = [read_cache(g.store.cache_dir, p.stem, g.store.content_id) for p in cache]
    (graph, req, _fit) = next(x for x in loaded if x[0].key == P.graph_key())
    assert graph.n_edges == first.graph.n_edges
    assert (graph.indices == first.graph.indices).all() and (graph.cost == first.graph.cost).all()
    assert (req.weights != first.req.weights).nnz == 0


def test_the_label_shortcut_agrees_with_resolve(g):
    t = g.taxonomy
    for kind, labels in (("role", t.role_labels), ("skill", t.skill_labels)):
        for label in labels:
            expected = t.locate(g.resolve(label, kind=kind).uri)[1]
            assert g.careers.number(label, kind) == expected
            assert g.careers.number(label.upper().replace(" ", "  "), kind) == expected
