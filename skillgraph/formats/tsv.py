"""Strict reading of tab-separated text files (the O*NET text layout).

O*NET's text release is plain tab-separated UTF-8 without quoting: a cell never holds a
tab or a newline, so a line is a record.  Every problem is a ``DataImportError`` naming the
file and line.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "Job Zones.txt"
>>> _ = p.write_text("O*NET-SOC Code\\tJob Zone\\n15-2051.00\\t4\\n")
>>> table = read_tsv(p, required=("O*NET-SOC Code", "Job Zone"))
>>> [(line, row[table.column("Job Zone")]) for line, row in table]
[(2, '4')]
>>> _ = p.write_text("O*NET-SOC Code\\tJob Zone\\n15-2051.00\\t4\\textra\\n")
>>> list(read_tsv(p, required=("Job Zone",)))
Traceback (most recent call last):
...
skillgraph.errors.ImportError_: Job Zones.txt:2: 3 cells where the header has 2 (a stray tab?)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import DataImportError
from .csvread import Columns, read_text

__all__ = ["TsvTable", "read_tsv"]


class TsvTable(Columns):
    """The rows of one tab-separated file, iterated as ``(line, cells)`` pairs."""

    def __init__(self, name: str, header: list[str], lines: list[str]):
        super().__init__(name, name, header)
        self._lines = lines

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        width = len(self.header)
        for number, text in enumerate(self._lines[1:], start=2):
            if not text.strip():
                continue
            cells = text.split("\t")
            if len(cells) != width:
                raise self.error(
                    number, f"{len(cells)} cells where the header has {width} (a stray tab?)"
                )
            yield number, cells


def read_tsv(path: str | Path, *, required: Sequence[str], name: str | None = None) -> TsvTable:
    """Read ``path``: UTF-8 text whose first line is a header holding every ``required`` column."""
    path = Path(path)
    name = name or path.name
    text = read_text(path, name, header_kind="tab-separated", file_kind="text file")
    lines = text.replace("\r\n", "\n").split("\n")
    header = [column.strip() for column in lines[0].split("\t")]
    missing = [column for column in required if column not in header]
    if missing:
        what = "column" if len(missing) == 1 else "columns"
        listed = ", ".join(repr(column) for column in missing)
        raise DataImportError(
            f"missing {what} {listed} (the header has: {', '.join(header)})", file=name, line=1
        )
    return TsvTable(name, header, lines)
