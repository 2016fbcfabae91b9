"""Program recommendations that fit the target role: field and focus before hours.

A hand-built taxonomy: an assistant (administration) moves to an analyst (data), lacking
SQL, statistics, stakeholder communication and data visualisation (all essential, weight 1).

Programs (hours, field, what they teach; share of it the analyst needs):

- exec masterclass   10 h  administration  stakeholder comm. + 3 others      1/4
- communication      20 h  (none)          stakeholder comm., presenting     1/2
- data bootcamp     200 h  data            SQL, statistics, visualisation, Python  3/4
- sql course         30 h  data            SQL                               1/1
- finance course      5 h  finance         statistics + 3 others             1/4
"""

from __future__ import annotations

import pytest

from skillgraph.careers import CareerModel, PathParams
from skillgraph.taxonomy import Taxonomy

SKILLS = [
    "typing", "scheduling", "sql", "statistics", "stakeholder", "visualisation", "python",
    "travel", "diary", "discretion", "presenting", "accounting", "budgeting", "tax",
]  # fmt: skip
PROGRAMS = {
    "exec masterclass": (10.0, "f:adm", ["stakeholder", "travel", "diary", "discretion"]),
    "communication": (20.0, None, ["stakeholder", "presenting"]),
    "data bootcamp": (200.0, "f:data", ["sql", "statistics", "visualisation", "python"]),
    "sql course": (30.0, "f:data", ["sql"]),
    "finance course": (5.0, "f:fin", ["statistics", "accounting", "budgeting", "tax"]),
}


def taxonomy() -> Taxonomy:
    def s(name):
        return f"s:{name}"

    return Taxonomy.from_records(
        roles=[("r:assistant", "assistant", "f:adm"), ("r:analyst", "analyst", "f:data")],
        skills=[(s(x), x, None, None) for x in SKILLS],
        fields=[("f:adm", "administration"), ("f:data", "data"), ("f:fin", "finance")],
        requirements=[("r:assistant", s(x), True) for x in ("typing", "scheduling")]
        + [
            ("r:analyst", s(x), True)
            for x in ("sql", "statistics", "stakeholder", "visualisation", "typing")
        ],
        programs=[
            (f"p:{name}", name, hours, None, "course", field)
            for name, (hours, field, _) in PROGRAMS.items()
        ],
        teaches=[(f"p:{n}", s(x)) for n, (_, _, xs) in PROGRAMS.items() for x in xs],
    )


def picks(params: PathParams) -> list[tuple[str, list[str]]]:
    t = taxonomy()
    model = CareerModel(t, params)
    [move] = [m for m in model.next_steps(model.start_for(0), 5) if m.role.label == "analyst"]
    assert [g.skill.label for g in move.missing_skills] == [
        "sql",
        "statistics",
        "stakeholder",
        "visualisation",
    ]
    return [(p.program.label, [c.label for c in p.covers]) for p in move.programs]


def test_taxonomy_records_program_fields():
    t = taxonomy()
    assert [t.field_labels[f] if f >= 0 else None for f in t.program_field] == [
        "administration",
        None,
        "data",
        "data",
        "finance",
    ]
    # Programs given without a field (five-element records) have none.
    plain = Taxonomy.from_records(
        roles=[], skills=[], fields=[], requirements=[], programs=[("p:x", "x", 1.0, None, "")]
    )
    assert plain.program_field.tolist() == [-1]


def test_defaults_prefer_programs_of_the_target_field_that_cover_more_of_the_gap():
    # relevance: exec 1/4 * 0.5, communication 1/2, bootcamp 3/4, sql 1, finance 1/4 * 0.5;
    # key = weight * relevance / sqrt(hours):
    # 1st: sql 1/sqrt(30) = .183 > bootcamp 3 * .75 / sqrt(200) = .159 > communication .112
    # 2nd: communication .112 > bootcamp 2 * .75 / sqrt(200) = .106 > finance .056 > exec .040
    # 3rd: bootcamp (statistics, visualisation).
    assert picks(PathParams()) == [
        ("sql course", ["sql"]),
        ("communication", ["stakeholder"]),
        ("data bootcamp", ["statistics", "visualisation"]),
    ]


def test_plain_weight_per_hour_picks_the_short_off_topic_programs():
    # Field ignored and hours counted in full: what the cover did before relevance, apart
    # from the focus share.  finance 0.25 / 5 = .05 beats sql 1 / 30 = .033, then exec
    # 0.25 / 10 = .025 and communication 0.5 / 20 = .025 tie on weight: the lower number.
    assert picks(PathParams(program_field_weight=1.0, program_hours_exponent=1.0)) == [
        ("finance course", ["statistics"]),
        ("sql course", ["sql"]),
        ("exec masterclass", ["stakeholder"]),
        ("data bootcamp", ["visualisation"]),
    ]


def test_a_zero_field_weight_recommends_only_programs_of_the_field_and_general_ones():
    chosen = picks(PathParams(program_field_weight=0.0, program_hours_exponent=1.0))
    assert chosen == [
        ("sql course", ["sql"]),
        ("communication", ["stakeholder"]),
        ("data bootcamp", ["statistics", "visualisation"]),
    ]
    assert {"exec masterclass", "finance course"}.isdisjoint(name for name, _ in chosen)


@pytest.mark.parametrize("name", ["program_field_weight", "program_hours_exponent"])
def test_relevance_parameters_are_checked(name):
    from skillgraph.errors import InvalidParameter

    with pytest.raises(InvalidParameter, match=name):
        PathParams(**{name: 1.5})
