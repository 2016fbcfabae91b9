"""Reading the two files of a team plan: the team (people) and the demand (needed roles).

The team file (CSV, UTF-8, a header line; ``#`` lines and blank lines are skipped)::

    person,role,skills,wish,hours_per_week
    a1,administrative assistant,SEO;social media marketing,digital marketing specialist,6

``person`` is any id unique in the file (it need not be a name), ``role`` the person's
current role, ``skills`` optional extra skills the role does not list (separated by ``;``
or ``|``), ``wish`` an optional wished-for role, ``hours_per_week`` the hours the person
can spend learning each week (optional).  The demand file::

    role,needed,hire_cost,time_to_hire
    digital marketing specialist,2,28000,10

``needed`` is how many people the role needs in the plan (people already in it count),
``hire_cost`` what hiring one costs in EUR and ``time_to_hire`` how many weeks that takes
(both optional).  Roles and skills are named by label (any case) or URI.

Every problem is reported, one line each naming the file, the line and the column, and
unknown names get the closest labels; nothing is read into any store.  Size and row caps
keep one request cheap (``MAX_BYTES``, ``MAX_PEOPLE``, ``MAX_ROLES``, ``MAX_NEEDED``).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..errors import AmbiguousLabel, SkillgraphError, UnknownConcept
from ..taxonomy import Concept, Kind

__all__ = [
    "DEMAND_COLUMNS",
    "MAX_BYTES",
    "MAX_NEEDED",
    "MAX_PEOPLE",
    "MAX_ROLES",
    "TEAM_COLUMNS",
    "Lookup",
    "Need",
    "Person",
    "Problem",
    "TeamFileError",
    "read_demand",
    "read_team",
]

#: Caps of one plan: bytes per file, people, needed roles, and people needed in all.
MAX_BYTES = 2_000_000
MAX_PEOPLE = 5_000
MAX_ROLES = 200
MAX_NEEDED = 1_000
#: Problems listed before "... and N more".
MAX_PROBLEMS = 50

#: ``lookup(name, kind) -> Concept``; raises ``UnknownConcept`` or ``AmbiguousLabel``.
Lookup = Callable[[str, str], Concept]

#: Column -> the header names that mean it (compared lower-case, spaces as ``_``).
TEAM_COLUMNS = {
    "person": ("person", "id", "person_id", "employee", "employee_id"),
    "role": ("role", "current_role"),
    "skills": ("skills", "extra_skills"),
    "wish": ("wish", "wished_role", "wished_for_role"),
    "hours_per_week": ("hours_per_week", "hours"),
}
DEMAND_COLUMNS = {
    "role": ("role",),
    "needed": ("needed", "count", "headcount"),
    "hire_cost": ("hire_cost", "hire_cost_eur"),
    "time_to_hire": ("time_to_hire", "time_to_hire_weeks", "weeks_to_hire"),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: where, in which column, what, and what was meant."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        column = f" {self.column}:" if self.column else ""
        return f"{where}:{column} {self.message}"

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class TeamFileError(SkillgraphError, ValueError):
    """A team or demand file has problems; ``problems`` lists every one (one line each)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = [str(p) for p in problems[:MAX_PROBLEMS]]
        if len(problems) > MAX_PROBLEMS:
            lines.append(f"... and {len(problems) - MAX_PROBLEMS} more problems")
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Person:
    """A row of the team file, its names resolved."""

    id: str
    line: int
    role: Concept
    skills: tuple[Concept, ...] = ()
    wish: Concept | None = None
    hours_per_week: float | None = None


@dataclass(frozen=True)
class Need:
    """A row of the demand file, its role resolved."""

    role: Concept
    line: int
    needed: int
    hire_cost: float | None = None
    time_to_hire: float | None = None


def _rows(
    data: bytes | str, name: str, columns: dict[str, tuple[str, ...]], problems: list[Problem]
) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line, {column: text})`` per data row; problems of the file itself go into
    ``problems`` (and end the rows)."""
    if len(data) > MAX_BYTES:
        problems.append(
            Problem(name, None, None, f"{len(data):,} bytes; at most {MAX_BYTES:,} per file")
        )
        return
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            problems.append(Problem(name, line, None, "not UTF-8 text (save the file as UTF-8)"))
            return
    else:
        text = data
    lines = list(enumerate(text.splitlines(), 1))
    body = [(n, t) for n, t in lines if t.strip() and not t.lstrip().startswith("#")]
    if not body:
        problems.append(Problem(name, None, None, "the file is empty (it needs a header line)"))
        return
    head_line, head = body[0]
    delimiter = ";" if head.count(";") > head.count(",") else ","
    reader = csv.reader(io.StringIO("\n".join(t for _, t in body)), delimiter=delimiter)
    try:
        header = [h.strip().lower().replace(" ", "_").replace("-", "_") for h in next(reader)]
        meaning = {alias: col for col, aliases in columns.items() for alias in aliases}
        where: dict[str, int] = {}
        for i, h in enumerate(header):
            col = meaning.get(h)
            if col is None:
                known = ", ".join(columns)
                problems.append(
                    Problem(name, head_line, None, f"unknown column {h!r}; the columns are {known}")
                )
            elif col in where:
                problems.append(Problem(name, head_line, None, f"column {col!r} appears twice"))
            else:
                where[col] = i
        first = next(iter(columns))
        need = [c for c in (first, "role") if c not in where]
        for col in dict.fromkeys(need):
            problems.append(Problem(name, head_line, None, f"no {col!r} column"))
        if problems:
            return
        # Data lines map one to one to the file's lines without comments and blanks.
        start = reader.line_num
        for row in reader:
            line = body[min(start, len(body) - 1)][0]
            start = reader.line_num
            if len(row) > len(header):
                problems.append(
                    Problem(name, line, None, f"{len(row)} fields, the header has {len(header)}")
                )
                continue
            yield line, {col: (row[i].strip() if i < len(row) else "") for col, i in where.items()}
    except csv.Error as exc:
        line = body[min(reader.line_num, len(body)) - 1][0]
        problems.append(Problem(name, line, None, f"bad CSV: {exc}"))


def _number(
    text: str, what: str, low: float, high: float, *, integer: bool = False
) -> float | int | None:
    """``text`` as a number in ``[low, high]`` (None for blank); raises ValueError."""
    if not text:
        return None
    clean = text.replace(" ", "").replace("_", "")
    if not re.fullmatch(r"[+]?\d+(\.\d+)?", clean) or (integer and "." in clean):
        kind = "a whole number" if integer else "a number"
        raise ValueError(f"{what} must be {kind} (got {text!r})")
    value = int(clean) if integer else float(clean)
    if not (low <= value <= high) or not math.isfinite(value):
        raise ValueError(f"{what} must be between {low:g} and {high:g} (got {text!r})")
    return value


class _Names:
    """Resolves names once each, turning lookup errors into problems with suggestions."""

    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self.seen: dict[tuple[str, str], Concept | str] = {}

    def get(self, text: str, kind: str) -> Concept:
        key = (" ".join(text.lower().split()), kind)
        found = self.seen.get(key)
        if found is None:
            try:
                found = self.lookup(text, kind)
            except UnknownConcept as exc:
                found = f"no {kind} named {text!r} in this taxonomy"
                if exc.suggestions:
                    found += "; did you mean: " + ", ".join(exc.suggestions[:5]) + "?"
            except AmbiguousLabel as exc:
                found = (
                    f"{text!r} names {len(exc.candidates)} {kind}s; use one's URI: "
                    + ", ".join(uri for uri, _, _ in exc.candidates[:5])
                )
            self.seen[key] = found
        if isinstance(found, str):
            raise ValueError(found)
        return found


def _person(row: dict[str, str], names: _Names, where: list[Problem], mark) -> Person | None:
    """One team row as a ``Person``, or None with its problems added to ``where``
    (``mark(column, message)`` makes a problem of this row)."""
    before = len(where)

    def role_or_none(column: str, required: bool) -> Concept | None:
        text = row.get(column, "")
        if not text:
            if required:
                where.append(mark(column, "the current role is needed"))
            return None
        try:
            return names.get(text, Kind.ROLE)
        except ValueError as exc:
            where.append(mark(column, str(exc)))
            return None

    role = role_or_none("role", True)
    wish = role_or_none("wish", False)
    skills: list[Concept] = []
    for text in re.split(r"[;|]", row.get("skills", "")):
        if text.strip():
            try:
                skills.append(names.get(text.strip(), Kind.SKILL))
            except ValueError as exc:
                where.append(mark("skills", str(exc)))
    hours = None
    try:
        hours = _number(row.get("hours_per_week", ""), "hours per week", 0.5, 80)
    except ValueError as exc:
        where.append(mark("hours_per_week", str(exc)))
    if len(where) > before or role is None:
        return None
    return Person(
        row.get("person", ""),
        0,
        role,
        tuple(dict.fromkeys(skills)),
        wish,
        None if hours is None else float(hours),
    )


def read_team(data: bytes | str, lookup: Lookup, *, name: str = "team.csv") -> list[Person]:
    """The people of a team file (see the module docstring); raises ``TeamFileError``
    listing every problem."""
    problems: list[Problem] = []
    names = _Names(lookup)
    people: list[Person] = []
    first_line: dict[str, int] = {}
    for line, row in _rows(data, name, TEAM_COLUMNS, problems):
        if len(people) >= MAX_PEOPLE:
            problems.append(Problem(name, line, None, f"more than {MAX_PEOPLE:,} people"))
            break
        bad = len(problems)
        pid = row.get("person", "")
        if not pid:
            problems.append(Problem(name, line, "person", "a person id is needed"))
        elif pid in first_line:
            msg = f"{pid!r} is already on line {first_line[pid]}"
            problems.append(Problem(name, line, "person", msg))
        else:
            first_line[pid] = line
        person = _person(
            row,
            names,
            problems,
            lambda column, message, line=line: Problem(name, line, column, message),
        )
        if person is not None and len(problems) == bad:
            people.append(dataclasses.replace(person, line=line))
    if not problems and not people:
        problems.append(Problem(name, None, None, "no people (only a header line)"))
    if problems:
        raise TeamFileError(problems)
    return people


def read_demand(data: bytes | str, lookup: Lookup, *, name: str = "demand.csv") -> list[Need]:
    """The needed roles of a demand file (see the module docstring); raises
    ``TeamFileError`` listing every problem."""
    problems: list[Problem] = []
    names = _Names(lookup)
    needs: list[Need] = []
    first_line: dict[str, int] = {}
    total = 0
    for line, row in _rows(data, name, DEMAND_COLUMNS, problems):
        if len(needs) >= MAX_ROLES:
            problems.append(Problem(name, line, None, f"more than {MAX_ROLES} roles"))
            break
        bad = len(problems)
        role = None
        try:
            if not row.get("role"):
                raise ValueError("the role is needed")
            role = names.get(row["role"], Kind.ROLE)
            if role.uri in first_line:
                raise ValueError(f"{role.label!r} is already on line {first_line[role.uri]}")
            first_line[role.uri] = line
        except ValueError as exc:
            problems.append(Problem(name, line, "role", str(exc)))
        values: dict[str, float | int | None] = {}
        for column, low, high, integer in (
            ("needed", 1, MAX_NEEDED, True),
            ("hire_cost", 0, 1e8, False),
            ("time_to_hire", 0, 520, False),
        ):
            try:
                values[column] = _number(
                    row.get(column, ""), column.replace("_", " "), low, high, integer=integer
                )
            except ValueError as exc:
                problems.append(Problem(name, line, column, str(exc)))
        if values.get("needed") is None and "needed" not in [p.column for p in problems[bad:]]:
            problems.append(Problem(name, line, "needed", "how many are needed is missing"))
        if len(problems) == bad and role is not None:
            needed = int(values["needed"] or 0)
            total += needed
            hire, weeks = values.get("hire_cost"), values.get("time_to_hire")
            needs.append(
                Need(
                    role,
                    line,
                    needed,
                    None if hire is None else float(hire),
                    None if weeks is None else float(weeks),
                )
            )
    if total > MAX_NEEDED:
        problems.append(
            Problem(name, None, "needed", f"{total:,} people needed in all; at most {MAX_NEEDED:,}")
        )
    if not problems and not needs:
        problems.append(Problem(name, None, None, "no needed roles (only a header line)"))
    if problems:
        raise TeamFileError(problems)
    return needs
