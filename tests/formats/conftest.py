"""Fixtures for the import/export tests: the default taxonomy, a slice of real ESCO, O*NET."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

import skillgraph
from skillgraph.formats.csvread import split_list

from ..helpers import ESCO_DIR, ONET_DIR

#: ISCO-08 sub-major groups whose occupations make the ESCO slice (ICT and business
#: professionals): a few hundred occupations and the few thousand skills they require.
SLICE_GROUPS = ("24", "25")

_COPIED = ("ISCOGroups_en.csv", "skillGroups_en.csv", "skillsHierarchy_en.csv")


def _rows(path: Path):
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, list(reader)


def _write(path: Path, header, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_esco_slice(source: Path, target: Path) -> Path:
    """The ESCO files restricted to the occupations of ``SLICE_GROUPS`` and their skills."""
    target.mkdir(parents=True)
    for name in _COPIED:
        shutil.copy(source / name, target / name)
    header, rows = _rows(source / "occupations_en.csv")
    isco = header.index("iscoGroup")
    occupations = [r for r in rows if r[isco][:2] in SLICE_GROUPS]
    _write(target / "occupations_en.csv", header, occupations)
    kept_occupations = {r[1] for r in occupations}
    header, rows = _rows(source / "occupationSkillRelations.csv")
    relations = [r for r in rows if r[0] in kept_occupations]
    _write(target / "occupationSkillRelations.csv", header, relations)
    kept_skills = {r[3] for r in relations}
    header, rows = _rows(source / "skills_en.csv")
    _write(target / "skills_en.csv", header, [r for r in rows if r[1] in kept_skills])
    header, rows = _rows(source / "skillSkillRelations.csv")
    _write(
        target / "skillSkillRelations.csv",
        header,
        [r for r in rows if r[0] in kept_skills and r[4] in kept_skills],
    )
    header, rows = _rows(source / "ISCOGroups_en.csv")
    groups = {r[1] for r in rows}
    header, rows = _rows(source / "skillGroups_en.csv")
    groups |= {r[1] for r in rows}
    known = kept_occupations | kept_skills | groups
    for name in ("broaderRelationsOccPillar.csv", "broaderRelationsSkillPillar.csv"):
        header, rows = _rows(source / name)
        _write(target / name, header, [r for r in rows if r[1] in known and r[3] in known])
    header, rows = _rows(source / "conceptSchemes_en.csv")
    top = header.index("hasTopConcept")
    for r in rows:
        r[top] = ",\n".join(u for u in split_list(r[top], uris=True) if u in known)
    _write(target / "conceptSchemes_en.csv", header, rows)
    return target


@pytest.fixture(scope="session")
def esco_slice_graph(tmp_path_factory):
    """A store of a slice of real ESCO (a few thousand concepts)."""
    if not (ESCO_DIR / "occupations_en.csv").is_file():
        pytest.skip(f"real ESCO data not found at {ESCO_DIR} (../shared/data is absent)")
    from skillgraph.formats.esco import import_esco

    base = tmp_path_factory.mktemp("esco-slice")
    folder = write_esco_slice(ESCO_DIR, base / "csv")
    return skillgraph.open(import_esco(folder, base / "store"))


@pytest.fixture(scope="session")
def onet_graph(tmp_path_factory):
    """A store of the real O*NET 29.3 files."""
    if not (ONET_DIR / "Occupation Data.txt").is_file():
        pytest.skip(f"real O*NET data not found at {ONET_DIR} (../shared/data is absent)")
    from skillgraph.formats.onet import import_onet

    return skillgraph.open(import_onet(ONET_DIR, tmp_path_factory.mktemp("onet") / "store"))


@pytest.fixture(scope="session")
def default_graph():
    return skillgraph.open()


@pytest.fixture(scope="session", params=["default", "esco-slice"])
def any_graph(request):
    """Each export test runs on the default taxonomy and on the ESCO slice."""
    if request.param == "default":
        return request.getfixturevalue("default_graph")
    return request.getfixturevalue("esco_slice_graph")
