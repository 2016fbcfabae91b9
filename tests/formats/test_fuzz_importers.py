"""Fuzzing the importers of tabular layouts -- the CSV layout, ESCO's CSV layout
(tests/fixtures/esco-mini) and O*NET's text files -- with hypothesis: random rows, cells
and byte-level damage to their files.  Each import either succeeds or raises
``DataImportError`` naming a file; never another exception.  On failure, the store that
was there before is left exactly as it was."""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from skillgraph.errors import DataImportError
from skillgraph.formats.esco import import_esco
from skillgraph.formats.onet import import_onet
from skillgraph.formats.tabular import import_tabular
from skillgraph.store import open_store

from ..helpers import FIXTURES, ROOT
from .test_import_bad_input import write_onet

CSV_EXAMPLE = ROOT / "docs" / "csv-templates" / "example"
ESCO_MINI = FIXTURES / "esco-mini"

# Text a spreadsheet or a hostile file may hold: separators, quotes, line breaks, BOMs,
# control characters, non-BMP characters, numbers in odd spellings.
TRICKY = [
    "", " ", ",", ";", "\t", '"', '""', "'", "\n", "\r\n", "\r", "\x00", "\ufeff", "\u2028",
    "|", "||", "NaN", "inf", "-1", "1e309", "0x10", "essential", "optional", "http://",
    "http://example.org/x y", "<http://x>", "../../etc/passwd", "\U0001f600", "\\", "\\n",
    "a" * 5000, "15-2051.00", "2.A.1.e", "IM", "LV", "http://data.europa.eu/esco/skill/",
]  # fmt: skip
cells = st.one_of(st.sampled_from(TRICKY), st.text(max_size=40))
rows = st.lists(cells, min_size=0, max_size=8)


def _files(folder: Path, suffix: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(suffix))


@st.composite
def edits(draw, names: list[str], delimiter: str):
    """A few edits of the files ``names``: a cell replaced, a row added or dropped, bytes
    inserted, deleted or the file cut short, or a whole file replaced by random bytes."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(names))
        kind = draw(st.sampled_from(["cell", "row", "drop", "insert", "delete", "cut", "bytes"]))
        if kind == "cell":
            out.append((name, kind, (draw(st.integers(0, 30)), draw(st.integers(0, 20)),
                                     draw(cells))))  # fmt: skip
        elif kind == "row":
            out.append((name, kind, (draw(st.integers(0, 30)), draw(rows))))
        elif kind == "drop":
            out.append((name, kind, draw(st.integers(0, 30))))
        elif kind == "insert":
            out.append((name, kind, (draw(st.integers(0, 10_000)), draw(st.binary(max_size=20)))))
        elif kind in ("delete", "cut"):
            out.append((name, kind, (draw(st.integers(0, 10_000)), draw(st.integers(1, 200)))))
        else:
            out.append((name, kind, draw(st.binary(max_size=200))))
    return [(name, kind, payload, delimiter) for name, kind, payload in out]


def _apply(folder: Path, name: str, kind: str, payload, delimiter: str) -> None:
    path = folder / name
    data = path.read_bytes()
    if kind in ("cell", "row", "drop"):
        text = data.decode("utf-8", errors="replace")
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        if kind == "cell" and table:
            row, col, value = payload
            target = table[row % len(table)]
            if target:
                target[col % len(target)] = value
        elif kind == "row":
            at, new = payload
            table.insert(at % (len(table) + 1), new)
        elif kind == "drop" and table:
            del table[payload % len(table)]
        buffer = io.StringIO(newline="")
        csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(table)
        data = buffer.getvalue().encode("utf-8", errors="surrogatepass")
    elif kind == "insert":
        at, blob = payload
        at %= len(data) + 1
        data = data[:at] + blob + data[at:]
    elif kind == "delete":
        at, size = payload
        at %= len(data) + 1
        data = data[:at] + data[at + size :]
    elif kind == "cut":
        data = data[: payload[0] % (len(data) + 1)]
    else:
        data = payload
    path.write_bytes(data)


def _state(store: Path) -> tuple:
    """What must not change when an import fails: the pointer, the generations, the
    content id and the size of the live content."""
    opened = open_store(store)
    generations = sorted(p.name for p in store.iterdir() if p.name.startswith("gen-"))
    return (store.joinpath("CURRENT").read_text(), generations, opened.content_id, len(opened))


def _fuzz(source: Path, store: Path, importer, changes, names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / source.name
        shutil.copytree(source, folder)
        for change in changes:
            _apply(folder, *change)
        before = _state(store)
        try:
            importer(folder, store)
        except DataImportError as exc:
            event("refused")
            named = exc.file or str(exc)
            assert any(name in named for name in names) or str(folder) in named, str(exc)
            assert _state(store) == before, str(exc)
        else:
            event("imported")
            assert open_store(store).content_id != before[2]


#: Examples per importer: few enough for every run; ``SKILLGRAPH_FUZZ_EXAMPLES=500`` digs.
EXAMPLES = int(os.environ.get("SKILLGRAPH_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def store(tmp_path) -> Path:
    path = tmp_path / "store"
    import_tabular(CSV_EXAMPLE, path)
    return path


CSV_NAMES = _files(CSV_EXAMPLE, ".csv")
ESCO_NAMES = _files(ESCO_MINI, ".csv")
ONET_NAMES = [
    "Occupation Data.txt", "Skills.txt", "Knowledge.txt", "Job Zones.txt",
]  # fmt: skip


@FUZZ
@given(changes=edits(CSV_NAMES, ","))
def test_csv_layout_imports_or_names_the_file(store, changes):
    _fuzz(CSV_EXAMPLE, store, lambda f, s: import_tabular(f, s), changes, CSV_NAMES)


@FUZZ
@given(changes=edits(ESCO_NAMES, ","))
def test_esco_layout_imports_or_names_the_file(store, changes):
    _fuzz(ESCO_MINI, store, lambda f, s: import_esco(f, s), changes, ESCO_NAMES)


@pytest.fixture(scope="module")
def onet_source(tmp_path_factory) -> Path:
    return write_onet(tmp_path_factory.mktemp("onet") / "onet")


@FUZZ
@given(changes=edits(ONET_NAMES, "\t"))
def test_onet_layout_imports_or_names_the_file(store, onet_source, changes):
    _fuzz(onet_source, store, lambda f, s: import_onet(f, s), changes, ONET_NAMES)
