"""The simple CSV layout: the documented example imports as written, names resolve by id
or label, and mistakes a spreadsheet user makes get a precise message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import skillgraph
from skillgraph.errors import DataImportError
from skillgraph.formats.tabular import DEFAULT_BASE, FILES, import_tabular

DOCS = Path(__file__).resolve().parents[2] / "docs" / "csv-templates"


@pytest.fixture
def example(tmp_path):
    return shutil.copytree(DOCS / "example", tmp_path / "example")


def test_the_example_imports_as_written(example, tmp_path):
    g = skillgraph.open(import_tabular(example, tmp_path / "store"))
    t = g.taxonomy
    assert (t.n_roles, t.n_skills, len(t.field_uris), len(t.program_uris)) == (5, 10, 2, 3)
    assert len(t.req_role) == 20 and len(t.teach_program) == 5
    manager = g.resolve("Analytics manager")
    assert manager.uri == DEFAULT_BASE + "role/analytics-manager"
    # "Data and analytics" (a label) and "data" (an id) name the same field.
    i = t.locate(manager.uri)[1]
    assert t.field_labels[t.role_field[i]] == "Data and analytics"
    # "Statistics" in requirements.csv is a label, resolved to the skill "statistics".
    stats = t.locate(DEFAULT_BASE + "skill/statistics")[1]
    assert ((t.req_role == i) & (t.req_skill == stats) & ~t.req_essential).any()
    rated = t.req_importance[~(t.req_importance != t.req_importance)]
    assert sorted(rated.tolist()) == [4.5, 4.8]
    assert g.resolve("helpdesk agent").label == "Support agent"


def test_the_templates_have_the_documented_columns():
    for name, (_must, required, optional) in FILES.items():
        header = (DOCS / name).read_text(encoding="utf-8").strip().split(",")
        assert set(required) <= set(header) and set(header) <= set(required) | set(optional)


def test_an_unknown_role_in_requirements_names_the_line(example, tmp_path):
    path = example / "requirements.csv"
    path.write_text(path.read_text() + "astronaut,sql,essential,,\n", encoding="utf-8")
    with pytest.raises(
        DataImportError, match=r"requirements\.csv:22: column 'role': no role 'astronaut'"
    ):
        import_tabular(example, tmp_path / "store")


def test_a_bad_number_and_a_bad_kind_name_their_column(example, tmp_path):
    skills = example / "skills.csv"
    skills.write_text(skills.read_text().replace("sql,SQL,data,40", "sql,SQL,data,forty"))
    with pytest.raises(DataImportError, match=r"skills\.csv:7: column 'hours': 'forty'"):
        import_tabular(example, tmp_path / "store")
    shutil.copy(DOCS / "example" / "skills.csv", skills)
    reqs = example / "requirements.csv"
    reqs.write_text(
        reqs.read_text().replace("support-lead,coaching,essential", "support-lead,coaching,nice")
    )
    with pytest.raises(DataImportError, match="neither essential nor optional"):
        import_tabular(example, tmp_path / "store")


def test_a_missing_required_file_is_named(example, tmp_path):
    (example / "skills.csv").unlink()
    with pytest.raises(DataImportError, match=r"skills\.csv: missing file"):
        import_tabular(example, tmp_path / "store")


def test_a_semicolon_separated_sheet_is_named_as_such(example, tmp_path):
    roles = example / "roles.csv"
    roles.write_text("id;label;field\nx;X;data\n", encoding="utf-8")
    with pytest.raises(DataImportError, match=r"roles\.csv:1: the columns are separated by ';'"):
        import_tabular(example, tmp_path / "store")
