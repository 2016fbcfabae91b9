"""The export formats, one table: name -> writer, media type, file extension.

A *file* format writes one stream (``write(graph, selection, out)``); a *bundle* format
yields several files (``files(graph, selection)``) that are saved as a folder or a zip.
``export`` writes any of them to a path -- through a temporary name moved into place, so
a reader never sees half a file and a failed export leaves the old one -- or to a binary
stream (``-`` on the command line: standard output).

>>> sorted(EXPORTERS)  # doctest: +NORMALIZE_WHITESPACE
['cytoscape', 'esco-csv', 'gexf', 'graphml', 'jsonld', 'neo4j', 'ntriples', 'osn-rsd',
 'rdfxml', 'turtle']
>>> EXPORTERS["turtle"].media_type, EXPORTERS["neo4j"].filename("skillgraph")
('text/turtle', 'skillgraph-neo4j.zip')
"""

from __future__ import annotations

import io
import os
import shutil
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeAlias

from ..errors import InvalidParameter, SkillgraphError
from .selection import EVERYTHING, Selection

if TYPE_CHECKING:
    from ..graph import SkillGraph

#: A file format's writer: ``write(graph, selection, out)``.
Writer: TypeAlias = "Callable[[SkillGraph, Selection, BinaryIO], None]"
#: A bundle format's writer: ``files(graph, selection)`` yields ``(name, bytes)``.
BundleWriter: TypeAlias = "Callable[[SkillGraph, Selection], Iterator[tuple[str, bytes]]]"

__all__ = ["EXPORTERS", "Exporter", "export", "export_bytes"]


@dataclass(frozen=True)
class Exporter:
    name: str
    title: str
    media_type: str
    extension: str
    description: str
    write: Writer | None = None
    files: BundleWriter | None = None

    @property
    def bundle(self) -> bool:
        return self.files is not None

    def write_stream(self, graph: SkillGraph, selection: Selection, out: BinaryIO) -> None:
        """Write a file format to ``out`` (a bundle format has no single stream)."""
        if self.write is None:
            raise InvalidParameter(f"{self.name} is a bundle of files, not one stream")
        self.write(graph, selection, out)

    def bundle_files(self, graph: SkillGraph, selection: Selection) -> Iterator[tuple[str, bytes]]:
        """The files of a bundle format, as ``(name, bytes)``."""
        if self.files is None:
            raise InvalidParameter(f"{self.name} is one file, not a bundle")
        return self.files(graph, selection)

    def filename(self, stem: str) -> str:
        """The download name: ``stem.ttl``, or ``stem-neo4j.zip`` for a bundle."""
        if self.bundle:
            return f"{stem}-{self.name}.zip"
        return f"{stem}.{self.extension}"


def _rdf(fmt: str) -> Writer:
    def write(graph: SkillGraph, selection: Selection, out: BinaryIO) -> None:
        from .export_rdf import write_rdf

        write_rdf(graph.store, selection, out, fmt)

    return write


def _graph(writer_name: str) -> Writer:
    def write(graph: SkillGraph, selection: Selection, out: BinaryIO) -> None:
        from . import export_graph

        getattr(export_graph, writer_name)(export_graph.property_graph(graph, selection), out)

    return write


def _osn(graph: SkillGraph, selection: Selection, out: BinaryIO) -> None:
    from .export_osn import write_osn

    write_osn(graph, selection, out)


def _esco(graph: SkillGraph, selection: Selection) -> Iterator[tuple[str, bytes]]:
    from .export_esco import esco_files

    return esco_files(graph.store, selection)


def _neo4j(graph: SkillGraph, selection: Selection) -> Iterator[tuple[str, bytes]]:
    from .export_graph import property_graph
    from .export_neo4j import neo4j_files

    return neo4j_files(property_graph(graph, selection))


_TABLE = [
    Exporter("turtle", "Turtle", "text/turtle", "ttl", "RDF, compact and readable (SKOS)",
             write=_rdf("turtle")),
    Exporter("ntriples", "N-Triples", "application/n-triples", "nt",
             "RDF, one triple per line", write=_rdf("ntriples")),
    Exporter("rdfxml", "RDF/XML", "application/rdf+xml", "rdf", "RDF for XML tools (SKOS)",
             write=_rdf("rdfxml")),
    Exporter("jsonld", "JSON-LD", "application/ld+json", "jsonld", "RDF as JSON (SKOS)",
             write=_rdf("jsonld")),
    Exporter("esco-csv", "ESCO CSV", "application/zip", "zip",
             "the files and columns of the ESCO CSV download", files=_esco),
    Exporter("graphml", "GraphML", "application/graphml+xml", "graphml",
             "for yEd, Cytoscape, Gephi, igraph, networkx", write=_graph("write_graphml")),
    Exporter("gexf", "GEXF", "application/gexf+xml", "gexf", "for Gephi",
             write=_graph("write_gexf")),
    Exporter("cytoscape", "Cytoscape.js JSON", "application/json", "cyjs",
             "elements for Cytoscape.js", write=_graph("write_cytoscape")),
    Exporter("neo4j", "Neo4j import CSV", "application/zip", "zip",
             "CSV files for neo4j-admin database import", files=_neo4j),
    Exporter("osn-rsd", "Open Skills Network RSD", "application/json", "json",
             "Rich Skill Descriptor JSON (skills)", write=_osn),
]  # fmt: skip
EXPORTERS: dict[str, Exporter] = {e.name: e for e in _TABLE}


def get_exporter(name: str) -> Exporter:
    try:
        return EXPORTERS[name]
    except KeyError:
        raise InvalidParameter(
            f"unknown export format {name!r}; choose one of: {', '.join(EXPORTERS)}"
        ) from None


def _zip(files: Iterator[tuple[str, bytes]], out: BinaryIO) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)


def export(
    graph: SkillGraph,
    fmt: str,
    target: str | os.PathLike[str] | BinaryIO,
    selection: Selection = EVERYTHING,
) -> None:
    """Export ``graph`` in format ``fmt`` to ``target``: a binary stream, a file path, or
    (for a bundle format) a folder path -- or a ``.zip`` path, zipped."""
    exporter = get_exporter(fmt)
    if not isinstance(target, (str, os.PathLike)):
        if exporter.bundle:
            _zip(exporter.bundle_files(graph, selection), target)
        else:
            exporter.write_stream(graph, selection, target)
        return
    path = Path(target)
    if path.is_dir() and not exporter.bundle:
        raise InvalidParameter(f"{path}: is a folder; give a file name for {fmt}")
    if not path.parent.is_dir():
        raise InvalidParameter(f"{path.parent}: no such folder")
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        if exporter.bundle and path.suffix.lower() != ".zip":
            tmp.mkdir()
            for name, data in exporter.bundle_files(graph, selection):
                (tmp / name).write_bytes(data)
            _swap_folder(tmp, path)
            return
        with open(tmp, "wb") as handle:
            if exporter.bundle:
                _zip(exporter.bundle_files(graph, selection), handle)
            else:
                exporter.write_stream(graph, selection, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise SkillgraphError(f"{path}: cannot write the export: {exc}") from exc
    finally:
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        elif tmp.exists():
            tmp.unlink()


#: The file every bundle carries, whose first line says skillgraph wrote the folder.
_BUNDLE_NOTES = ("README.txt", "NOTICE.txt")


def _earlier_export(path: Path) -> bool:
    """Whether the folder ``path`` is empty or an earlier bundle export (safe to replace)."""
    entries = list(path.iterdir())
    if not entries:
        return True
    if any(entry.is_dir() for entry in entries):
        return False
    for name in _BUNDLE_NOTES:
        note = path / name
        if note.is_file():
            with open(note, encoding="utf-8", errors="replace") as handle:
                if "skillgraph" in handle.readline():
                    return True
    return False


def _swap_folder(new: Path, path: Path) -> None:
    """Put the folder ``new`` at ``path``, replacing an earlier export already there --
    never a folder of other files (``-o ~/Documents`` must not empty the user's folder)."""
    if path.exists() and not path.is_dir():
        raise InvalidParameter(f"{path}: exists and is not a folder")
    if path.exists() and not _earlier_export(path):
        raise InvalidParameter(
            f"{path}: the folder holds other files; export into a new or empty folder, "
            "or give a .zip file name"
        )
    old = None
    if path.exists():
        old = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.old")
        path.rename(old)
    new.rename(path)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def export_bytes(graph: SkillGraph, fmt: str, selection: Selection = EVERYTHING) -> bytes:
    """The export as bytes (a zip for bundle formats)."""
    buffer = io.BytesIO()
    export(graph, fmt, buffer, selection)
    return buffer.getvalue()
