"""Export the taxonomy as CSV files for ``neo4j-admin database import full``.

``nodes.csv`` has an ``id:ID`` column (the concept URI) and a ``:LABEL`` column (``Role``,
``Skill``, ``LearningProgram`` or ``Field``, each also ``Concept``); ``relationships.csv``
has ``:START_ID``, ``:END_ID`` and ``:TYPE`` (``ESSENTIAL_SKILL``, ``OPTIONAL_SKILL``,
``TEACHES``, ``IN_FIELD``) with the source's ``importance`` and ``level`` ratings.  Numbers
carry their Neo4j type in the header (``hours:double``); alternative labels are a
``altLabels:string[]`` whose elements are separated by U+001F (the ASCII unit separator, which
no label holds, so that a label such as "a | b" stays one element); the import command in
``README.txt`` names it with ``--array-delimiter``, and gives the sources' attribution.
"""

from __future__ import annotations

from collections.abc import Iterator

from .csvwrite import csv_bytes
from .export_graph import NODE_ATTRIBUTES, PropertyGraph, scalar

__all__ = ["ARRAY_DELIMITER", "IMPORT_COMMAND", "neo4j_files"]

LABELS = {"role": "Role", "skill": "Skill", "program": "LearningProgram", "field": "Field"}
TYPES = {
    "essential": "ESSENTIAL_SKILL",
    "optional": "OPTIONAL_SKILL",
    "teaches": "TEACHES",
    "field": "IN_FIELD",
}
#: Between the elements of a ``string[]`` cell.
ARRAY_DELIMITER = "\x1f"
#: Neo4j 5.19 and later want the database name before the options.
IMPORT_COMMAND = (
    "neo4j-admin database import full neo4j --nodes=nodes.csv --relationships=relationships.csv "
    "--array-delimiter=U+001F --multiline-fields=true --overwrite-destination"
)
_NEO4J_TYPES = {"string": "", "double": ":double"}
#: Attributes written as Neo4j arrays.
ARRAYS = {"altLabels"}


def neo4j_files(pg: PropertyGraph) -> Iterator[tuple[str, bytes]]:
    """``(file name, content)`` of ``nodes.csv``, ``relationships.csv`` and ``README.txt``."""
    names = [n for n in NODE_ATTRIBUTES if n != "kind"]
    header = ["id:ID", ":LABEL"] + [
        f"{n}:string[]" if n in ARRAYS else f"{n}{_NEO4J_TYPES[NODE_ATTRIBUTES[n]]}" for n in names
    ]
    yield (
        "nodes.csv",
        csv_bytes(
            header,
            (
                [d["id"], f"{LABELS[d['kind']]};Concept"] + [_cell(d.get(n)) for n in names]
                for d in pg.nodes
            ),
        ),
    )
    yield (
        "relationships.csv",
        csv_bytes(
            [":START_ID", ":END_ID", ":TYPE", "importance:double", "level:double"],
            (
                [s, t, TYPES[d["relation"]], _cell(d.get("importance")), _cell(d.get("level"))]
                for s, t, d in pg.edges
            ),
        ),
    )
    lines = [
        f"Neo4j import files written by skillgraph: {pg.attributes['name']}.",
        "",
        "Load them into an empty database (Neo4j 5) with:",
        "",
        f"    {IMPORT_COMMAND}",
        "",
    ]
    if pg.attributes.get("attribution"):
        lines += [
            "Attribution required by the sources' licences:",
            "",
            pg.attributes["attribution"],
        ]
    yield "README.txt", ("\n".join(lines) + "\n").encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ARRAY_DELIMITER.join(v.replace(ARRAY_DELIMITER, "") for v in value)
    value = scalar(value)
    if isinstance(value, float):
        return repr(value)
    return str(value)
