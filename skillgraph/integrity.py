"""Is a store whole?  ``skillgraph check``: files, engine and content, end to end.

RocksDB checks a block's checksum only when it reads the block, so ``stats``, a path or a
``COUNT`` say nothing about the parts they do not touch (a flipped bit in an index
nobody scanned goes unnoticed until a query needs it).  ``check_store`` therefore:

1. reads ``CURRENT`` and the generation's ``meta.json``;
2. compares every file of the Oxigraph folder with the SHA-256 the import recorded when
   it finished (``files.sha256`` in the generation, written by ``write_manifest``; stores
   imported before it existed skip this step and say so);
3. in a child process (a damaged RocksDB may abort the process that reads it), reads
   every quad through each of Oxigraph's indexes -- the whole store in subject order, each
   predicate's quads, each object's quads -- and requires the same count from each and
   the count the import recorded;
4. reads the derived-data caches (a bad one is only rebuilt, so it is a note, not an
   error).

A store that fails says what to do: re-import it (``--replace``) or restore a backup.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .store.manifest import MANIFEST
from .store.manifest import digest as file_digest

__all__ = ["Report", "check_store"]


@dataclass
class Report:
    """What ``check_store`` found: ``problems`` (damage), ``notes`` and ``facts``."""

    location: str
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_files(generation: Path, report: Report) -> None:
    manifest = generation / MANIFEST
    if not manifest.exists():
        report.notes.append(
            "no file checksums (the store was imported before skillgraph recorded them); "
            "the files were checked only by reading them"
        )
        return
    expected = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        expected[name] = digest
    for name, digest in expected.items():
        path = generation / name
        if not path.exists():
            report.problems.append(f"{name} is missing")
        elif file_digest(path) != digest:
            report.problems.append(f"{name} differs from what the import wrote")
    report.facts.append(f"{len(expected)} files match their checksums")


def _scan(path: str) -> dict:
    """Count the quads through each index (run in a child process)."""
    import pyoxigraph as ox

    store = ox.Store.read_only(path)
    total = 0
    predicates: set = set()
    objects: set = set()
    for quad in store.quads_for_pattern(None, None, None, None):
        total += 1
        predicates.add(quad.predicate)
        objects.add(quad.object)
    by_predicate = sum(
        sum(1 for _ in store.quads_for_pattern(None, p, None, None)) for p in predicates
    )
    by_object = sum(sum(1 for _ in store.quads_for_pattern(None, None, o, None)) for o in objects)
    return {"total": total, "by_predicate": by_predicate, "by_object": by_object,
            "len": len(store)}  # fmt: skip


def _check_content(generation: Path, meta: dict, report: Report) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "skillgraph.integrity", str(generation / "oxigraph")],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        if done.returncode < 0:
            why = f"the engine crashed reading it (signal {-done.returncode})"
        else:
            lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
            why = lines[-1] if lines else f"exit status {done.returncode}"
        report.problems.append(f"reading the data failed: {why[:300]}")
        return
    counts = json.loads(done.stdout)
    total = counts["total"]
    if counts["by_predicate"] != total or counts["by_object"] != total:
        report.problems.append(
            f"the indexes disagree: {total:,} quads in subject order, "
            f"{counts['by_predicate']:,} by predicate, {counts['by_object']:,} by object"
        )
    recorded = (meta.get("counts") or {}).get("triples")
    if isinstance(recorded, int) and recorded != total:
        report.problems.append(f"{total:,} quads, but the import recorded {recorded:,}")
    report.facts.append(f"{total:,} quads read through every index")


def _check_caches(generation: Path, meta: dict, report: Report) -> None:
    import pickle

    for path in sorted((generation / "cache").glob("*.pickle")):
        try:
            with open(path, "rb") as handle:
                _, content_id, _ = pickle.load(handle)
        except Exception as exc:
            report.notes.append(f"cache {path.name} is unreadable ({type(exc).__name__}); "
                                "it will be rebuilt")  # fmt: skip
            continue
        if content_id != meta.get("content_id"):
            report.notes.append(f"cache {path.name} is for other content; it will be rebuilt")


def check_store(location: str | None) -> Report:
    """Check the store at ``location`` (None: the built-in taxonomy) end to end."""
    from .errors import StoreError
    from .store import open_store, resolve_location
    from .store.disk import current_generation, read_meta

    resolved = resolve_location(location)
    report = Report(location=resolved or "the built-in default taxonomy")
    if resolved is None or resolved.lower().startswith(("http://", "https://")):
        try:
            store = open_store(resolved)
            report.facts.append(f"{len(store):,} triples answered")
        except Exception as exc:
            report.problems.append(f"{type(exc).__name__}: {exc}")
        return report
    root = Path(resolved)
    try:
        if root.exists() and not root.is_dir():
            raise StoreError(f"{root}: not a store folder (it is a file)")
        generation = current_generation(root)
        meta = read_meta(generation)
    except StoreError as exc:
        report.problems.append(str(exc))
        return report
    except OSError as exc:
        report.problems.append(f"{root}: {exc.strerror or exc}")
        return report
    _check_files(generation, report)
    _check_content(generation, meta, report)
    _check_caches(generation, meta, report)
    return report


if __name__ == "__main__":
    print(json.dumps(_scan(sys.argv[1])))
