"""The team and demand files: every bad row gets one line naming the file, the line and
the column; unknown names get suggestions; caps are enforced."""

from __future__ import annotations

import pytest

import skillgraph
from skillgraph.team import files
from skillgraph.team.files import TeamFileError, read_demand, read_team
from skillgraph.team.plan import lookup_for, plan_files


@pytest.fixture(scope="module")
def lookup():
    return lookup_for(skillgraph.open())


def _problems(fn, text, lookup, name):
    with pytest.raises(TeamFileError) as info:
        fn(text, lookup, name=name)
    return [str(p) for p in info.value.problems]


def test_a_good_team_file_with_comments_blank_lines_and_both_skill_separators(lookup):
    text = (
        "# a comment\n\nperson,role,skills,wish,hours_per_week\n"
        "p1,Data Analyst,SQL;python|sql,machine-learning engineer,6\n"
        "\n# another\np2,receptionist,,,\n"
    )
    people = read_team(text, lookup)
    assert [(p.id, p.line, p.role.label) for p in people] == [
        ("p1", 4, "data analyst"),
        ("p2", 7, "receptionist"),
    ]
    assert [s.label for s in people[0].skills] == ["SQL", "Python"]
    assert people[0].wish.label == "machine-learning engineer"
    assert people[0].hours_per_week == 6.0 and people[1].hours_per_week is None


def test_semicolon_files_a_byte_order_mark_and_header_aliases(lookup):
    text = "\ufeffEmployee ID;Current Role;Hours\nx;data analyst;4\n".encode()
    (person,) = read_team(text, lookup)
    assert person.id == "x" and person.hours_per_week == 4.0


def test_every_bad_team_row_is_one_line_with_file_line_and_column(lookup):
    text = (
        "person,role,skills,wish,hours_per_week\n"
        "p1,data analist,,,\n"  # 2: unknown role, with suggestions
        "p2,data analyst,SQLL,,\n"  # 3: unknown skill
        "p1,receptionist,,,\n"  # 4: duplicate id
        ",receptionist,,,\n"  # 5: no id
        "p5,receptionist,,no such role at all,\n"  # 6: unknown wish
        "p6,receptionist,,,lots\n"  # 7: hours not a number
        "p7,receptionist,,,100\n"  # 8: hours out of range
        "p8,,,,\n"  # 9: no role
        "p9,receptionist,,,,extra\n"  # 10: too many fields
    )
    problems = _problems(read_team, text, lookup, "my-team.csv")
    assert problems[0].startswith("my-team.csv:2: role: no role named 'data analist'")
    assert "did you mean: data analyst" in problems[0]
    assert problems[1].startswith("my-team.csv:3: skills: no skill named 'SQLL'")
    assert "SQL" in problems[1]
    assert problems[2] == "my-team.csv:4: person: 'p1' is already on line 2"
    assert problems[3] == "my-team.csv:5: person: a person id is needed"
    assert problems[4].startswith("my-team.csv:6: wish: no role named 'no such role at all'")
    assert (
        problems[5] == "my-team.csv:7: hours_per_week: hours per week must be a number (got 'lots')"
    )
    assert problems[6].startswith("my-team.csv:8: hours_per_week: hours per week must be between")
    assert problems[7] == "my-team.csv:9: role: the current role is needed"
    assert problems[8] == "my-team.csv:10: 6 fields, the header has 5"
    assert len(problems) == 9
    assert all("\n" not in p for p in problems)


def test_bad_headers_encodings_and_empty_files(lookup):
    assert _problems(read_team, "person,role,wishes\n", lookup, "t.csv") == [
        "t.csv:1: unknown column 'wishes'; the columns are person, role, skills, wish, "
        "hours_per_week"
    ]
    assert _problems(read_team, "person,skills\np,SQL\n", lookup, "t.csv") == [
        "t.csv:1: no 'role' column"
    ]
    assert _problems(read_team, "# only a comment\n", lookup, "t.csv") == [
        "t.csv: the file is empty (it needs a header line)"
    ]
    assert _problems(read_team, "person,role\n", lookup, "t.csv") == [
        "t.csv: no people (only a header line)"
    ]
    latin = "person,role\np,r\xe9ceptionniste\n".encode("latin-1")
    assert _problems(read_team, latin, lookup, "t.csv") == [
        "t.csv:2: not UTF-8 text (save the file as UTF-8)"
    ]
    assert _problems(read_team, 'person,role\n"p,receptionist\n', lookup, "t.csv")[0].startswith(
        "t.csv:"
    )


def test_caps_on_size_people_and_needed(lookup, monkeypatch):
    big = b"person,role\n" + b"x" * files.MAX_BYTES
    assert _problems(read_team, big, lookup, "t.csv")[0].startswith("t.csv: ")
    monkeypatch.setattr(files, "MAX_PEOPLE", 3)
    rows = "".join(f"p{i},receptionist\n" for i in range(5))
    assert _problems(read_team, "person,role\n" + rows, lookup, "t.csv") == [
        "t.csv:5: more than 3 people"
    ]
    monkeypatch.setattr(files, "MAX_ROLES", 1)
    assert _problems(
        read_demand, "role,needed\nreceptionist,1\nAI trainer,1\n", lookup, "d.csv"
    ) == ["d.csv:3: more than 1 roles"]
    monkeypatch.setattr(files, "MAX_ROLES", 10)
    demand = "role,needed\nreceptionist,1000\ndata analyst,600\nAI trainer,500\n"
    assert _problems(read_demand, demand, lookup, "d.csv") == [
        "d.csv: needed: 2,100 people needed in all; at most 1,000"
    ]


def test_every_bad_demand_row(lookup):
    text = (
        "role,needed,hire_cost,time_to_hire\n"
        "data analyst,2,30000,8\n"
        "Data Analyst,1,,\n"  # 3: duplicate role
        "machine learning engineer,two,,\n"  # 4: needed not a number
        "AI trainer,,,\n"  # 5: needed missing
        "receptionist,1.5,,\n"  # 6: not whole
        "HR assistant,1,-5,\n"  # 7: negative cost
        "account manager,1,,forever\n"  # 8: bad weeks
        "no such role,1,,\n"  # 9: unknown
    )
    problems = _problems(read_demand, text, lookup, "d.csv")
    assert problems[0] == "d.csv:3: role: 'data analyst' is already on line 2"
    assert problems[1] == "d.csv:4: needed: needed must be a whole number (got 'two')"
    assert problems[2] == "d.csv:5: needed: how many are needed is missing"
    assert problems[3] == "d.csv:6: needed: needed must be a whole number (got '1.5')"
    assert problems[4] == "d.csv:7: hire_cost: hire cost must be a number (got '-5')"
    assert problems[5] == "d.csv:8: time_to_hire: time to hire must be a number (got 'forever')"
    assert problems[6].startswith("d.csv:9: role: no role named 'no such role'")
    assert len(problems) == 7


def test_problems_of_both_files_come_together():
    graph = skillgraph.open()
    with pytest.raises(TeamFileError) as info:
        plan_files(graph, "person,role\np,nobody\n", "role,needed\nnothing,1\n")
    text = str(info.value).splitlines()
    assert text[0].startswith("team.csv:2: role: ") and text[1].startswith("demand.csv:2: role: ")
