"""Bad input for each importer (O*NET, RDF, CSV layout): a missing column, a broken row,
a wrong encoding and an empty file each give an error naming the file and the line, and
a store that existed before is left exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from skillgraph.errors import DataImportError
from skillgraph.formats.onet import import_onet
from skillgraph.formats.rdf import import_rdf
from skillgraph.formats.tabular import import_tabular
from skillgraph.store import build_store, open_store

from ..conftest import FIXTURES, load_turtle

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "csv-templates" / "example"

_RATED_HEADER = (
    "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tData Value\tN\t"
    "Standard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\t"
    "Domain Source\n"
)


def _rated(code, title, element, name, im, lv):
    rows = ""
    for scale, scale_name, value in (("IM", "Importance", im), ("LV", "Level", lv)):
        rows += (
            f"{code}\t{title}\t{element}\t{name}\t{scale}\t{scale_name}\t{value}\t8\t0.1\t"
            f"1\t5\tN\t\t08/2023\tAnalyst\n"
        )
    return rows


def write_onet(folder: Path) -> Path:
    """A tiny O*NET folder in the official layout: two occupations, two skills."""
    folder.mkdir()
    (folder / "Occupation Data.txt").write_text(
        "O*NET-SOC Code\tTitle\tDescription\n"
        "15-2051.00\tData Scientists\tDevelop and implement methods to analyse data.\n"
        "43-4051.00\tCustomer Service Representatives\tInteract with customers.\n",
        encoding="utf-8",
    )
    (folder / "Skills.txt").write_text(
        _RATED_HEADER
        + _rated("15-2051.00", "Data Scientists", "2.A.1.e", "Mathematics", "4.5", "5.1")
        + _rated("15-2051.00", "Data Scientists", "2.B.1.f", "Service Orientation", "2.2", "2")
        + _rated("43-4051.00", "Customer Service Representatives", "2.B.1.f",
                 "Service Orientation", "4.4", "4")
        + _rated("43-4051.00", "Customer Service Representatives", "2.A.1.e", "Mathematics",
                 "1.5", "1"),
        encoding="utf-8",
    )  # fmt: skip
    (folder / "Knowledge.txt").write_text(
        _RATED_HEADER
        + _rated("15-2051.00", "Data Scientists", "2.C.4.a", "Mathematics", "3.9", "5"),
        encoding="utf-8",
    )
    (folder / "Job Zones.txt").write_text(
        "O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source\n"
        "15-2051.00\tData Scientists\t5\t08/2023\tAnalyst\n",
        encoding="utf-8",
    )
    return folder


def write_rdf(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(FIXTURES / "tiny.ttl", folder / "tiny.ttl")
    (folder / "tiny.nt").write_text(
        '<http://example.org/r> <http://www.w3.org/2004/02/skos/core#prefLabel> "r" .\n'
        '<http://example.org/s> <http://www.w3.org/2004/02/skos/core#prefLabel> "s" .\n',
        encoding="utf-8",
    )
    return folder


def write_csv(folder: Path) -> Path:
    shutil.copytree(EXAMPLE, folder)
    return folder


def _replace_line(path: Path, number: int, new: bytes) -> None:
    lines = path.read_bytes().split(b"\n")
    lines[number - 1] = new
    path.write_bytes(b"\n".join(lines))


def _drop_column(path: Path, column: str, sep: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    index = lines[0].split(sep).index(column)
    out = []
    for line in lines:
        cells = line.split(sep)
        if len(cells) > index:
            del cells[index]
        out.append(sep.join(cells))
    path.write_text("\n".join(out), encoding="utf-8")


# (importer, defect) -> (how to damage the input, the file and line the error must name)
def _onet_defect(folder: Path, defect: str) -> str:
    if defect == "missing column":
        _drop_column(folder / "Skills.txt", "Data Value", "\t")
        return "Skills.txt:1: missing column 'Data Value'"
    if defect == "broken row":
        _replace_line(folder / "Skills.txt", 4, b"15-2051.00\tData Scientists\t2.B.1.f\textra\ttab")
        return "Skills.txt:4: 5 cells where the header has 15"
    if defect == "wrong encoding":
        _replace_line(
            folder / "Occupation Data.txt", 3, "43-4051.00\tCaf\u00e9\tx".encode("latin-1")
        )
        return "Occupation Data.txt:3: not a UTF-8 text file"
    (folder / "Knowledge.txt").write_bytes(b"")
    return "Knowledge.txt:1: empty file"


def _rdf_defect(folder: Path, defect: str) -> str:
    if defect == "missing column":  # a statement without its object
        _replace_line(folder / "tiny.nt", 2, b"<http://example.org/s> <http://example.org/p> .")
        return "tiny.nt:2:"
    if defect == "broken row":
        text = (folder / "tiny.ttl").read_text(encoding="utf-8").split("\n")
        number = next(i for i, line in enumerate(text, 1) if "prefLabel" in line)
        text[number - 1] = text[number - 1].replace('"', "", 1)
        (folder / "tiny.ttl").write_text("\n".join(text), encoding="utf-8")
        return f"tiny.ttl:{number}:"
    if defect == "wrong encoding":
        _replace_line(
            folder / "tiny.nt",
            2,
            '<http://example.org/s> <http://example.org/p> "caf\u00e9" .'.encode("latin-1"),
        )
        return "tiny.nt:2: not a UTF-8 text file"
    (folder / "tiny.nt").write_bytes(b"")
    return "tiny.nt:1: empty file"


def _csv_defect(folder: Path, defect: str) -> str:
    if defect == "missing column":
        _drop_column(folder / "skills.csv", "label", ",")
        return "skills.csv:1: missing column 'label'"
    if defect == "broken row":
        _replace_line(folder / "requirements.csv", 5, b"support-agent,spreadsheets,optional,,,,")
        return "requirements.csv:5: 7 cells where the header has 5"
    if defect == "wrong encoding":
        _replace_line(
            folder / "roles.csv", 3, "support-lead,Caf\u00e9 lead,support,,,3".encode("latin-1")
        )
        return "roles.csv:3: not a UTF-8 text file"
    (folder / "requirements.csv").write_bytes(b"")
    return "requirements.csv:1: empty file"


def _run_onet(src, store, merge):
    return import_onet(src, store, merge=merge)


def _run_rdf(src, store, merge):
    return import_rdf([src / "tiny.ttl", src / "tiny.nt"], store, merge=merge)


def _run_csv(src, store, merge):
    return import_tabular(src, store, merge=merge)


IMPORTERS = {
    "onet": (write_onet, _onet_defect, _run_onet),
    "rdf": (write_rdf, _rdf_defect, _run_rdf),
    "csv": (write_csv, _csv_defect, _run_csv),
}
DEFECTS = ("missing column", "broken row", "wrong encoding", "empty file")


def _snapshot(path: Path):
    store = open_store(path)
    quads = set(store.ox.quads_for_pattern(None, None, None))
    current = (path / "CURRENT").read_text()
    return store.content_id, current, quads


@pytest.mark.parametrize("importer", list(IMPORTERS))
def test_valid_input_imports(importer, tmp_path):
    write, _defect, run = IMPORTERS[importer]
    store = run(write(tmp_path / "input"), tmp_path / "store", False)
    assert len(store) > 0


@pytest.mark.parametrize("merge", [False, True], ids=["replace", "merge"])
@pytest.mark.parametrize("defect", DEFECTS)
@pytest.mark.parametrize("importer", list(IMPORTERS))
def test_bad_input_names_file_and_line_and_leaves_the_store(importer, defect, merge, tmp_path):
    write, damage, run = IMPORTERS[importer]
    store_path = tmp_path / "store"
    build_store(store_path, load_turtle(FIXTURES / "tiny.ttl"))
    before = _snapshot(store_path)
    source = write(tmp_path / "input")
    expected = damage(source, defect)
    with pytest.raises(DataImportError) as caught:
        run(source, store_path, merge)
    assert expected in str(caught.value), str(caught.value)
    assert caught.value.line is not None
    assert _snapshot(store_path) == before
    assert [p.name for p in store_path.iterdir() if p.name.startswith("gen-")] == [
        before[1].strip()
    ]
