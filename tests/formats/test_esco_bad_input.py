"""Bad ESCO input: one clear message naming the file, the line and the problem, exit 1,
and a store that already existed left exactly as it was.

Each test copies tests/fixtures/esco-mini, breaks one file, and runs the real
``skillgraph import esco`` command against a store that holds the intact miniature.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from skillgraph.errors import DataImportError
from skillgraph.formats.esco import import_esco
from skillgraph.store import iter_generations, open_store

from ..helpers import FIXTURES, ROOT

MINI = FIXTURES / "esco-mini"
SKILLGRAPH = ROOT / ".venv" / "bin" / "skillgraph"


@pytest.fixture
def setup(tmp_path):
    """(a copy of esco-mini to break, a store that holds the intact miniature, its content)."""
    data = tmp_path / "esco"
    shutil.copytree(MINI, data)
    location = tmp_path / "store"
    import_esco(MINI, location)
    return data, location, snapshot(location)


def snapshot(location: Path):
    store = open_store(location)
    state = (
        (location / "CURRENT").read_text(),
        store.content_id,
        sorted(str(q) for q in store.ox.quads_for_pattern(None, None, None, None)),
        sorted(p.name for p in iter_generations(location)),
    )
    del store
    return state


def import_fails(data: Path, location: Path) -> str:
    """Run the command, check it failed cleanly, and return its one error message."""
    env = {k: v for k, v in os.environ.items() if k != "SKILLGRAPH_STORE"}
    proc = subprocess.run(
        [str(SKILLGRAPH), "import", "esco", str(data), "--store", str(location), "--replace"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, proc.stderr
    assert proc.stderr.rstrip().endswith(errors[0])
    assert proc.stdout == ""
    return errors[0]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_missing_column(setup):
    data, location, before = setup
    edit(data / "skills_en.csv", "reuseLevel,preferredLabel,", "reuseLevel,prefLabel,")
    message = import_fails(data, location)
    assert message.startswith(f"error: {data / 'skills_en.csv'}:1: missing column 'preferredLabel'")
    assert "(the header has: conceptType, conceptUri, skillType, reuseLevel, prefLabel," in message
    assert snapshot(location) == before


def test_broken_quoting(setup):
    data, location, before = setup
    # a quote closed in mid-cell; the third occupation starts on line 9 (cells span lines)
    edit(data / "occupations_en.csv", ",office clerk,", ',"office" clerk,')
    message = import_fails(data, location)
    assert message.startswith(f"error: {data / 'occupations_en.csv'}:9: broken CSV quoting:")
    assert "',' expected after '\"'" in message
    assert snapshot(location) == before


def test_unterminated_quote_names_the_line_where_the_cell_starts(setup):
    data, location, before = setup
    edit(data / "broaderRelationsSkillPillar.csv", "SkillGroup,http", 'SkillGroup,"http')
    message = import_fails(data, location)
    assert message.startswith(f"error: {data / 'broaderRelationsSkillPillar.csv'}:2: ")
    assert "broken CSV quoting: unexpected end of data" in message
    assert snapshot(location) == before


def test_row_with_the_wrong_number_of_cells(setup):
    data, location, before = setup
    rel = data / "occupationSkillRelations.csv"
    lines = rel.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",optional,", ",optional,extra,")
    rel.write_text("".join(lines), encoding="utf-8")
    message = import_fails(data, location)
    assert message == (
        f"error: {rel}:4: 5 cells where the header has 4 (broken quoting or a stray separator?)"
    )
    assert snapshot(location) == before


def test_unknown_relation_type(setup):
    data, location, before = setup
    rel = data / "occupationSkillRelations.csv"
    lines = rel.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = lines[5].replace(",optional,", ",mandatory,")
    rel.write_text("".join(lines), encoding="utf-8")
    message = import_fails(data, location)
    assert message == (
        f"error: {rel}:6: column 'relationType': unknown relation type 'mandatory' "
        "(expected 'essential' or 'optional')"
    )
    assert snapshot(location) == before


def test_unknown_skill_relation_type(setup):
    data, location, before = setup
    edit(data / "skillSkillRelations.csv", ",essential,", ",required,")
    message = import_fails(data, location)
    assert message.startswith(f"error: {data / 'skillSkillRelations.csv'}:2: ")
    assert "unknown relation type 'required'" in message
    assert snapshot(location) == before


def test_empty_file(setup):
    data, location, before = setup
    (data / "skills_en.csv").write_bytes(b"")
    message = import_fails(data, location)
    assert message == (
        f"error: {data / 'skills_en.csv'}:1: empty file (expected a CSV header line)"
    )
    assert snapshot(location) == before


def test_header_without_rows(setup):
    data, location, before = setup
    occupations = data / "occupations_en.csv"
    occupations.write_text(occupations.read_text(encoding="utf-8").splitlines()[0] + "\n")
    message = import_fails(data, location)
    assert message == (
        f"error: {occupations}: no occupations (the file has a header and nothing else)"
    )
    assert snapshot(location) == before


def test_binary_file(setup):
    data, location, before = setup
    # a gzip stream where a CSV should be
    (data / "occupations_en.csv").write_bytes(bytes.fromhex("1f8b0800000000000003") + bytes(16))
    message = import_fails(data, location)
    assert message == (
        f"error: {data / 'occupations_en.csv'}:1: not a CSV file: binary content (a NUL byte)"
    )
    assert snapshot(location) == before


def test_file_that_is_not_utf8(setup):
    data, location, before = setup
    skills = data / "skills_en.csv"
    text = skills.read_text(encoding="utf-8").replace("file documents", "classer les données")
    skills.write_bytes(text.encode("latin-1"))
    line = text[: text.index("données")].count("\n") + 1
    message = import_fails(data, location)
    assert message.startswith(f"error: {skills}:{line}: not a UTF-8 text file: byte 0xe9 ")
    assert snapshot(location) == before


def test_utf16_file(setup):
    data, location, before = setup
    skills = data / "skills_en.csv"
    skills.write_bytes(skills.read_text(encoding="utf-8").encode("utf-16"))
    message = import_fails(data, location)
    assert message == f"error: {skills}:1: not a UTF-8 text file: it is UTF-16 (save it as UTF-8)"
    assert snapshot(location) == before


def test_cell_that_should_be_a_uri(setup):
    data, location, before = setup
    edit(data / "broaderRelationsOccPillar.csv", "ISCOGroup,http://data.europa.eu/esco/isco/C2\n",
         "ISCOGroup,C2\n")  # fmt: skip
    message = import_fails(data, location)
    assert message == (
        f"error: {data / 'broaderRelationsOccPillar.csv'}:2: column 'broaderUri': 'C2' is not a URI"
    )
    assert snapshot(location) == before


def test_folder_without_the_esco_files(setup, tmp_path):
    _data, location, before = setup
    folder = tmp_path / "not-esco"
    folder.mkdir()
    shutil.copy(MINI / "occupations_en.csv", folder)
    shutil.copy(MINI / "skills_en.csv", folder)
    message = import_fails(folder, location)
    assert message == (
        f"error: {folder}: not an ESCO CSV folder, missing 8 of 10 files: ISCOGroups_en.csv, "
        "skillGroups_en.csv, skillsHierarchy_en.csv, broaderRelationsOccPillar.csv, "
        "broaderRelationsSkillPillar.csv, occupationSkillRelations.csv, "
        "skillSkillRelations.csv, conceptSchemes_en.csv"
    )
    assert snapshot(location) == before


def test_folder_that_does_not_exist(setup, tmp_path):
    _data, location, before = setup
    message = import_fails(tmp_path / "nowhere", location)
    assert message == f"error: {tmp_path / 'nowhere'}: not a folder (expected an ESCO CSV download)"
    assert snapshot(location) == before


def test_library_error_carries_file_and_line(setup):
    data, location, before = setup
    edit(data / "ISCOGroups_en.csv", ",25,Information", ",2x,Information")
    with pytest.raises(DataImportError) as caught:
        import_esco(data, location)
    assert caught.value.file == str(data / "ISCOGroups_en.csv")
    assert caught.value.line == 4
    assert "column 'code': '2x' is not an ISCO-08 code" in str(caught.value)
    assert snapshot(location) == before


def test_a_failure_on_a_new_store_leaves_nothing_usable_behind(setup, tmp_path):
    data, _location, _before = setup
    (data / "skillSkillRelations.csv").write_bytes(b"")
    fresh = tmp_path / "fresh"
    with pytest.raises(DataImportError, match="empty file"):
        import_esco(data, fresh)
    # A failed first import leaves no folder at all.
    assert not fresh.exists()
