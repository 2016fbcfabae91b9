#!/usr/bin/env python
"""What materialising the ESCO alignments (``skillgraph/alignment.py``) costs at full scale.

    .venv/bin/python scripts/bench_alignment.py [--data ../shared/data/esco-v1.1.1-en]

Baseline, measured in the same run: the same ESCO import with the materialisation switched
off.  Prints both import times, their ratio, the statements added and the store sizes on
disk, and the time of a query in ESCO's vocabulary on the aligned store.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import skillgraph.store.disk
from skillgraph.formats.esco import import_esco

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "esco-v1.1.1-en"
ESCO_QUERY = """PREFIX esco: <http://data.europa.eu/esco/model#>
SELECT (COUNT(*) AS ?n) WHERE { ?o a esco:Occupation ; esco:relatedEssentialSkill ?s .
                                ?s a esco:Skill }"""


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _import(data: Path, target: Path) -> tuple[float, object]:
    started = time.perf_counter()
    store = import_esco(data, target)
    return time.perf_counter() - started, store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        real = skillgraph.store.disk.materialise_alignments
        skillgraph.store.disk.materialise_alignments = lambda store: 0
        try:
            base_time, base = _import(args.data, Path(tmp) / "baseline")
        finally:
            skillgraph.store.disk.materialise_alignments = real
        aligned_time, aligned = _import(args.data, Path(tmp) / "aligned")
        added = len(aligned) - len(base)
        print(f"import without alignments: {base_time:6.1f} s  {len(base):>10,} statements")
        print(f"import with alignments:    {aligned_time:6.1f} s  {len(aligned):>10,} statements")
        print(
            f"ratio: {aligned_time / base_time:.2f}x time, +{added:,} statements "
            f"(+{100 * added / len(base):.1f}%)"
        )
        print(
            f"on disk: {_size(Path(tmp) / 'baseline') / 1e6:.0f} MB -> "
            f"{_size(Path(tmp) / 'aligned') / 1e6:.0f} MB"
        )
        started = time.perf_counter()
        rows = list(aligned.query(ESCO_QUERY))
        print(
            f"ESCO-vocabulary query: {rows[0][0].value} links in "
            f"{time.perf_counter() - started:.2f} s"
        )


if __name__ == "__main__":
    main()
