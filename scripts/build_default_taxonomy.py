#!/usr/bin/env python3
"""Generate ontology/default-taxonomy.ttl from the readable tables next to this script.

    python scripts/build_default_taxonomy.py           # write the Turtle file
    python scripts/build_default_taxonomy.py --check   # exit 1 if the committed file is stale

The tables live in ``default_taxonomy_skills.py``, ``default_taxonomy_roles.py`` and
``default_taxonomy_programs.py``; edit those, never the generated Turtle.  Roles and
programs name skills by preferred label; the build fails with a clear message on an
unknown label, a label shared by two concepts, or a malformed line.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE.parent / "ontology" / "default-taxonomy.ttl"
ID = "https://w3id.org/skillgraph/id/"

SKILL_TYPES = {"S": "skill/competence", "K": "knowledge", "T": "transversal"}
PROGRAM_TYPES = {
    "online course",
    "mentorship",
    "bootcamp",
    "in-person training",
    "leadership program",
    "degree",
}
DELIVERY_MODES = {"online", "in-person", "blended"}
LEVELS = {"beginner", "intermediate", "advanced"}
ATTRIBUTION = "skillgraph default taxonomy, written for the skillgraph project"


class TaxonomyDataError(ValueError):
    """The tables are inconsistent; the message says where."""


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def slugify(label: str) -> str:
    """The URI slug of a label.

    >>> slugify("P&L management"), slugify("A/B testing"), slugify("HR generalist")
    ('p-and-l-management', 'a-b-testing', 'hr-generalist')
    """
    text = label.lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


@dataclass
class Concept:
    kind: str  # URI segment: field, skill-group, skill, role, program
    slug: str
    label: str
    alt: list[str]
    description: str
    where: str  # for error messages
    facts: dict = field(default_factory=dict)

    @property
    def curie(self) -> str:
        return f"{self.kind}:{self.slug}"


# ------------------------------------------------------------------ reading the tables


def read_tables():
    skills_mod = _load("default_taxonomy_skills")
    roles_mod = _load("default_taxonomy_roles")
    programs_mod = _load("default_taxonomy_programs")

    fields = [
        Concept("field", slug, label, _split(alt), desc, f"FIELDS[{slug}]")
        for slug, label, alt, desc in roles_mod.FIELDS
    ]
    field_slugs = {f.slug for f in fields}

    groups: dict[str, Concept] = {}
    skills: list[Concept] = []
    for block_field, group_label, text in skills_mod.SKILL_BLOCKS:
        if block_field is not None and block_field not in field_slugs:
            raise TaxonomyDataError(f"skill block {group_label!r}: unknown field {block_field!r}")
        group = groups.setdefault(
            group_label,
            Concept(
                "skill-group",
                slugify(group_label),
                group_label,
                [],
                f"Skills grouped as {group_label}.",
                f"skill block {group_label!r}",
            ),
        )
        for n, line in enumerate(text.strip().splitlines(), 1):
            where = f"default_taxonomy_skills.py, block {group_label!r}, skill line {n}"
            cells = [c.strip() for c in line.split("|")]
            if len(cells) != 5:
                raise TaxonomyDataError(f"{where}: expected 5 '|'-separated cells: {line!r}")
            label, alt, code, hours, desc = cells
            if code not in SKILL_TYPES:
                raise TaxonomyDataError(f"{where}: skill type {code!r} is not one of S, K, T")
            try:
                effort = float(hours)
            except ValueError:
                raise TaxonomyDataError(f"{where}: hours {hours!r} is not a number") from None
            if effort <= 0:
                raise TaxonomyDataError(f"{where}: hours must be positive")
            skills.append(
                Concept(
                    "skill",
                    slugify(label),
                    label,
                    _split(alt),
                    desc,
                    where,
                    {
                        "type": SKILL_TYPES[code],
                        "hours": effort,
                        "field": block_field,
                        "group": group.slug,
                    },
                )
            )

    roles: list[Concept] = []
    for role_field, text in roles_mod.ROLES.items():
        if role_field not in field_slugs:
            raise TaxonomyDataError(f"ROLES: unknown field {role_field!r}")
        for n, block in enumerate(re.split(r"\n\s*\n", text.strip()), 1):
            where = f"default_taxonomy_roles.py, field {role_field!r}, role block {n}"
            lines = [line.strip() for line in block.strip().splitlines()]
            if len(lines) != 4 or not lines[2].startswith("E:") or not lines[3].startswith("O:"):
                raise TaxonomyDataError(
                    f"{where}: expected 4 lines (label | seniority | alt, description, E:, O:)"
                )
            head = [c.strip() for c in lines[0].split("|")]
            if len(head) != 3 or not head[1].isdigit() or not 1 <= int(head[1]) <= 5:
                raise TaxonomyDataError(f"{where}: bad head line {lines[0]!r}")
            roles.append(
                Concept(
                    "role",
                    slugify(head[0]),
                    head[0],
                    _split(head[2]),
                    lines[1],
                    where,
                    {
                        "field": role_field,
                        "seniority": int(head[1]),
                        "essential": _split(lines[2][2:]),
                        "optional": _split(lines[3][2:]),
                    },
                )
            )

    programs: list[Concept] = []
    for n, block in enumerate(re.split(r"\n\s*\n", programs_mod.PROGRAMS.strip()), 1):
        where = f"default_taxonomy_programs.py, program block {n}"
        lines = [line.strip() for line in block.strip().splitlines()]
        if len(lines) != 3 or not lines[2].startswith("T:"):
            raise TaxonomyDataError(f"{where}: expected 3 lines (facts, description, T:)")
        cells = [c.strip() for c in lines[0].split("|")]
        if len(cells) != 8:
            raise TaxonomyDataError(f"{where}: expected 8 '|'-separated facts: {lines[0]!r}")
        label, ptype, mode, hours, cost, provider, level, pfield = cells
        for value, allowed, what in (
            (ptype, PROGRAM_TYPES, "program type"),
            (mode, DELIVERY_MODES, "delivery mode"),
            (level, LEVELS, "level"),
        ):
            if value not in allowed:
                raise TaxonomyDataError(f"{where}: {what} {value!r} not in {sorted(allowed)}")
        if pfield != "-" and pfield not in field_slugs:
            raise TaxonomyDataError(f"{where}: unknown field {pfield!r}")
        try:
            hours_n, cost_n = float(hours), float(cost)
        except ValueError:
            raise TaxonomyDataError(f"{where}: hours and cost must be numbers") from None
        if hours_n <= 0 or cost_n < 0:
            raise TaxonomyDataError(f"{where}: hours must be > 0 and cost >= 0")
        programs.append(
            Concept(
                "program",
                slugify(label),
                label,
                [],
                lines[1],
                where,
                {
                    "type": ptype,
                    "mode": mode,
                    "hours": hours_n,
                    "cost": cost_n,
                    "provider": provider,
                    "level": level,
                    "field": None if pfield == "-" else pfield,
                    "teaches": _split(lines[2][2:]),
                },
            )
        )
    return fields, list(groups.values()), skills, roles, programs


def check(fields, groups, skills, roles, programs) -> list[str]:
    """Raise on inconsistencies; return warnings (typical ranges not met, unused skills)."""
    everything = [*fields, *groups, *skills, *roles, *programs]
    owner: dict[str, Concept] = {}
    slugs: set[tuple[str, str]] = set()
    for concept in everything:
        key = concept.label.casefold()
        if key in owner:
            raise TaxonomyDataError(
                f"{concept.where}: preferred label {concept.label!r} already names "
                f"{owner[key].where}"
            )
        owner[key] = concept
        if (concept.kind, concept.slug) in slugs:
            raise TaxonomyDataError(f"{concept.where}: URI slug {concept.slug!r} is taken")
        slugs.add((concept.kind, concept.slug))
    alt_owner: dict[str, Concept] = {}
    for concept in everything:
        for alt in concept.alt:
            # An alternative label shared by two concepts makes that name ambiguous.
            first = alt_owner.setdefault(alt.casefold(), concept)
            if first is not concept:
                raise TaxonomyDataError(
                    f"{concept.where}: alternative label {alt!r} is also one of {first.where}"
                )
            other = owner.get(alt.casefold())
            if other is not None and other is not concept:
                raise TaxonomyDataError(
                    f"{concept.where}: alternative label {alt!r} is the preferred label of "
                    f"{other.where}"
                )

    by_label = {s.label: s for s in skills}
    warnings = []
    used: set[str] = set()

    def resolve(where: str, labels: list[str]) -> list[Concept]:
        out = []
        for label in labels:
            if label not in by_label:
                raise TaxonomyDataError(f"{where}: unknown skill {label!r}")
            out.append(by_label[label])
        if len({s.slug for s in out}) != len(out):
            raise TaxonomyDataError(f"{where}: a skill is listed twice")
        used.update(s.slug for s in out)
        return out

    for role in roles:
        essential = resolve(role.where, role.facts["essential"])
        optional = resolve(role.where, role.facts["optional"])
        if {s.slug for s in essential} & {s.slug for s in optional}:
            raise TaxonomyDataError(f"{role.where}: a skill is both essential and optional")
        if not essential or not optional:
            raise TaxonomyDataError(f"{role.where}: needs essential and optional skills")
        role.facts["essential"], role.facts["optional"] = essential, optional
        if not 6 <= len(essential) <= 12 or not 3 <= len(optional) <= 8:
            warnings.append(
                f"{role.label}: {len(essential)} essential, {len(optional)} optional skills"
            )
    for program in programs:
        taught = resolve(program.where, program.facts["teaches"])
        if not 2 <= len(taught) <= 8:
            raise TaxonomyDataError(f"{program.where}: teaches {len(taught)} skills, not 2-8")
        program.facts["teaches"] = taught
    for skill in skills:
        if skill.slug not in used:
            warnings.append(f"skill {skill.label!r} is used by no role or program")
    return warnings


# ------------------------------------------------------------------ writing Turtle


def _string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _en(text: str) -> str:
    return _string(text) + "@en"


def _decimal(value: float) -> str:
    # A bare Turtle number with a dot is an xsd:decimal.
    return f"{value:.1f}" if value == int(value) else repr(value)


def _block(subject: str, types: list[str], pairs: list[tuple[str, list[str]]]) -> str:
    lines = [f"{subject} a {', '.join(types)}"]
    for predicate, objects in pairs:
        if not objects:
            continue
        if len(objects) == 1:
            lines.append(f"    {predicate} {objects[0]}")
        else:
            joined = ",\n        ".join(objects)
            lines.append(f"    {predicate}\n        {joined}")
    return " ;\n".join(lines) + " .\n"


def _labels(concept: Concept) -> list[tuple[str, list[str]]]:
    return [
        ("skos:prefLabel", [_en(concept.label)]),
        ("skos:altLabel", [_en(a) for a in concept.alt]),
        ("dcterms:description", [_en(concept.description)]),
    ]


HEADER = f"""\
# The skillgraph default taxonomy: fields, roles, skills and learning programs written
# for the skillgraph project.  GENERATED by scripts/build_default_taxonomy.py from the
# tables in scripts/default_taxonomy_*.py -- edit those and re-run the script.
# Learning program providers are invented examples.
@prefix sg:      <https://w3id.org/skillgraph/ontology#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix scheme:  <{ID}scheme/> .
@prefix field:   <{ID}field/> .
@prefix skill-group: <{ID}skill-group/> .
@prefix skill:   <{ID}skill/> .
@prefix role:    <{ID}role/> .
@prefix program: <{ID}program/> .
@prefix source:  <{ID}source/> .
"""


def build_turtle() -> str:
    """The Turtle text of the default taxonomy (raises TaxonomyDataError on bad tables)."""
    fields, groups, skills, roles, programs = read_tables()
    check(fields, groups, skills, roles, programs)
    out = [HEADER]

    def section(title: str) -> None:
        out.append(f"\n# {'-' * 64} {title}\n\n")

    section("source and schemes")
    out.append(
        _block(
            "source:default",
            ["sg:Source"],
            [
                ("rdfs:label", [_en("skillgraph default taxonomy")]),
                ("sg:attribution", [_string(ATTRIBUTION)]),
                ("sg:uriPrefix", [_string(ID)]),
            ],
        )
    )
    out.append("\n")
    out.append(
        _block(
            "scheme:default",
            ["skos:ConceptScheme"],
            [
                ("skos:prefLabel", [_en("skillgraph default taxonomy")]),
                (
                    "dcterms:description",
                    [_en("Roles, skills and fields of work written for the skillgraph project.")],
                ),
                # Every concept without a broader one is a top concept (SKOS tools such as
                # skosify flag the others as loose): skill groups, fields and roles.
                (
                    "skos:hasTopConcept",
                    [g.curie for g in groups]
                    + [f.curie for f in fields]
                    + [r.curie for r in roles],
                ),
                ("dcterms:source", ["source:default"]),
            ],
        )
    )
    out.append("\n")
    out.append(
        _block(
            "scheme:fields",
            ["skos:ConceptScheme"],
            [
                ("skos:prefLabel", [_en("fields of work")]),
                (
                    "dcterms:description",
                    [
                        _en(
                            "The fields that decide whether a career move is upskilling or "
                            "reskilling."
                        )
                    ],
                ),
                ("skos:hasTopConcept", [f.curie for f in fields]),
                ("dcterms:source", ["source:default"]),
            ],
        )
    )

    section("fields")
    for f in fields:
        out.append(
            _block(
                f.curie,
                ["sg:Field", "skos:Concept"],
                [
                    *_labels(f),
                    ("skos:inScheme", ["scheme:fields", "scheme:default"]),
                    ("skos:topConceptOf", ["scheme:fields", "scheme:default"]),
                ],
            )
        )
        out.append("\n")

    section("skill groups")
    for g in groups:
        out.append(
            _block(
                g.curie,
                ["sg:SkillGroup", "skos:Concept"],
                [
                    *_labels(g),
                    ("skos:inScheme", ["scheme:default"]),
                    ("skos:topConceptOf", ["scheme:default"]),
                ],
            )
        )
        out.append("\n")

    section("skills")
    for s in skills:
        pairs = [
            *_labels(s),
            ("sg:skillType", [_string(s.facts["type"])]),
            ("sg:effortHours", [_decimal(s.facts["hours"])]),
        ]
        if s.facts["type"] == "transversal":
            pairs.append(("sg:reuseLevel", [_string("transversal")]))
        if s.facts["field"]:
            pairs.append(("sg:field", [f"field:{s.facts['field']}"]))
        pairs += [
            ("skos:broader", [f"skill-group:{s.facts['group']}"]),
            ("skos:inScheme", ["scheme:default"]),
        ]
        out.append(_block(s.curie, ["sg:Skill", "skos:Concept"], pairs))
        out.append("\n")

    section("roles")
    for r in roles:
        out.append(
            _block(
                r.curie,
                ["sg:Role", "skos:Concept"],
                [
                    *_labels(r),
                    ("sg:field", [f"field:{r.facts['field']}"]),
                    ("sg:seniority", [str(r.facts["seniority"])]),
                    ("sg:essentialSkill", [s.curie for s in r.facts["essential"]]),
                    ("sg:optionalSkill", [s.curie for s in r.facts["optional"]]),
                    ("skos:inScheme", ["scheme:default"]),
                    ("skos:topConceptOf", ["scheme:default"]),
                ],
            )
        )
        out.append("\n")

    section("learning programs")
    for p in programs:
        facts = p.facts
        pairs = [
            *_labels(p),
            ("sg:programType", [_string(facts["type"])]),
            ("sg:deliveryMode", [_string(facts["mode"])]),
            ("sg:programLevel", [_string(facts["level"])]),
            ("sg:hours", [_decimal(facts["hours"])]),
            ("sg:cost", [_decimal(facts["cost"])]),
            ("sg:currency", [_string("EUR")]),
            ("sg:provider", [_string(facts["provider"])]),
        ]
        if facts["field"]:
            pairs.append(("sg:field", [f"field:{facts['field']}"]))
        pairs.append(("sg:teaches", [s.curie for s in facts["teaches"]]))
        out.append(_block(p.curie, ["sg:LearningProgram"], pairs))
        out.append("\n")
    return "".join(out).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed file is stale")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    try:
        tables = read_tables()
        warnings = check(*tables)
        text = build_turtle()
    except TaxonomyDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    fields, groups, skills, roles, programs = tables
    counts = (
        f"{len(fields)} fields, {len(groups)} skill groups, {len(skills)} skills, "
        f"{len(roles)} roles, {len(programs)} programs"
    )
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run scripts/build_default_taxonomy.py", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date ({counts})")
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
