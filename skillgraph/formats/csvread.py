"""Strict reading of CSV files for the importers.

Every problem is a ``DataImportError`` that names the file, the line and what is wrong,
instead of a ``csv.Error``, a ``UnicodeDecodeError`` or a silently misaligned row.  The
line reported for a row is the physical line where its record *starts* (cells may hold
embedded newlines, so this differs from the record number).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "t.csv").write_text('uri,label\\nhttp://x/1,"two\\nlines"\\nhttp://x/2,b\\n')
>>> table = read_table(folder / "t.csv", required=("uri", "label"))
>>> [(line, row[table.column("label")]) for line, row in table]
[(2, 'two\\nlines'), (4, 'b')]
>>> read_table(folder / "t.csv", required=("uri", "code"), where="t.csv")
Traceback (most recent call last):
...
skillgraph.errors.ImportError_: t.csv:1: missing column 'code' (the header has: uri, label)
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import DataImportError

__all__ = ["CsvTable", "read_table", "split_list"]

# ESCO's concept-scheme file holds cells of more than 600,000 characters (hasTopConcept).
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class Columns:
    """What every table read from a file offers: columns by name, and errors that name
    the file.  ``where`` is how error messages name the file."""

    def __init__(self, name: str, where: str, header: list[str]):
        self.name = name
        self.where = where
        self.header = header
        self._index = {column: i for i, column in enumerate(header)}

    def column(self, name: str) -> int:
        """The position of column ``name`` (it was checked to exist when the file was read)."""
        return self._index[name]

    def has(self, name: str) -> bool:
        return name in self._index

    def error(self, line: int | None, message: str) -> DataImportError:
        """An import error about this file (``raise table.error(line, "...")``)."""
        return DataImportError(message, file=self.where, line=line)


class CsvTable(Columns):
    """The decoded rows of one CSV file, iterated as ``(line, cells)`` pairs.

    ``name`` is the file name, ``where`` how error messages name the file (its path as
    given); ``header`` the column names as written.
    """

    def __init__(
        self, name: str, where: str, header: list[str], text: str, *, allow_short_rows: bool
    ):
        super().__init__(name, where, header)
        self._text = text
        self._allow_short = allow_short_rows

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        width = len(self.header)
        buffer = io.StringIO(self._text)
        reader = csv.reader(buffer, strict=True)
        start = 1
        try:
            next(reader)  # the header, checked by read_table
            start = reader.line_num + 1
            for row in reader:
                if len(row) != width:
                    if not row:  # a blank line between records carries nothing
                        start = reader.line_num + 1
                        continue
                    if len(row) > width or not self._allow_short:
                        raise self.error(
                            start,
                            f"{len(row)} cells where the header has {width} "
                            "(broken quoting or a stray separator?)",
                        )
                    row = row + [""] * (width - len(row))
                if any("\r" in cell for cell in row):
                    # A file saved with CRLF line ends has them inside quoted multi-line
                    # cells too: one line end is "\n", whatever the file's (issue 12).
                    row = [cell.replace("\r\n", "\n").replace("\r", "\n") for cell in row]
                yield start, row
                start = reader.line_num + 1
        except csv.Error as exc:
            raise self.error(start, f"broken CSV quoting: {exc}") from None


def read_table(
    path: str | Path,
    *,
    required: Sequence[str],
    where: str | None = None,
    allow_short_rows: bool = False,
) -> CsvTable:
    """Read and check ``path``: UTF-8 text, a header that has every ``required`` column.

    Rows are checked as they are iterated: each must have as many cells as the header
    (fewer are padded with empty cells when ``allow_short_rows``, for files whose writer
    drops trailing empty cells).  ``where`` is how messages name the file (default: the
    path as given).
    """
    path = Path(path)
    name = where or str(path)
    text = read_text(path, name, header_kind="CSV", file_kind="CSV file")
    try:
        header = next(csv.reader(io.StringIO(text), strict=True))
    except csv.Error as exc:
        raise DataImportError(
            f"broken CSV quoting in the header: {exc}", file=name, line=1
        ) from None
    header = [column.strip() for column in header]
    missing = [column for column in required if column not in header]
    if missing:
        found = ", ".join(header) if len(header) <= 20 else ", ".join(header[:20]) + ", ..."
        what = "column" if len(missing) == 1 else "columns"
        listed = ", ".join(repr(column) for column in missing)
        raise DataImportError(
            f"missing {what} {listed} (the header has: {found})", file=name, line=1
        )
    return CsvTable(path.name, name, header, text, allow_short_rows=allow_short_rows)


_LIST_SEPARATORS = re.compile(r"\s*\n\s*")
_URI_LIST_SEPARATORS = re.compile(r"[\s,|]+")


def split_list(cell: str, *, uris: bool = False) -> list[str]:
    """The items of a list cell: one per line, blanks dropped.

    With ``uris=True`` commas and any whitespace separate items too (ESCO writes
    ``inScheme`` as ``uri1,\\nuri2``).

    >>> split_list("head of technical\\ntechnical manager\\n")
    ['head of technical', 'technical manager']
    >>> split_list("http://x/a,\\nhttp://x/b", uris=True)
    ['http://x/a', 'http://x/b']
    """
    if not cell:
        return []
    pattern = _URI_LIST_SEPARATORS if uris else _LIST_SEPARATORS
    return [item for item in pattern.split(cell.strip()) if item]


def read_text(path: Path, name: str, *, header_kind: str, file_kind: str) -> str:
    """The UTF-8 text of a data file, or a ``DataImportError`` naming the file and line:
    unreadable, empty, UTF-16, binary, or not UTF-8.

    ``header_kind`` and ``file_kind`` word the messages ("CSV", "CSV file").
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataImportError(f"cannot read the file: {exc.strerror or exc}", file=name) from None
    if not data.strip():
        raise DataImportError(
            f"empty file (expected a {header_kind} header line)", file=name, line=1
        )
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise DataImportError(
            "not a UTF-8 text file: it is UTF-16 (save it as UTF-8)", file=name, line=1
        )
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise DataImportError(
            f"not a {file_kind}: binary content (a NUL byte)", file=name, line=line
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataImportError(
            f"not a UTF-8 text file: byte 0x{data[exc.start]:02x} at offset {exc.start} "
            "cannot be decoded",
            file=name,
            line=line,
        ) from None
