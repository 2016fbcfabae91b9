"""CSV as the exports write it: UTF-8, ``\\n`` line ends, a header row first."""

from __future__ import annotations

import csv
import io


def csv_bytes(header, rows) -> bytes:
    """The CSV file of ``header`` and ``rows``.

    >>> csv_bytes(["a", "b"], [[1, "x,y"]])
    b'a,b\\n1,"x,y"\\n'
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
