"""The OpenAPI 3.1 document of the JSON API (``/api/openapi.json``) and of Linked Data
dereferencing.  A test checks that every ``/api`` route of the app is in it."""

from __future__ import annotations

import functools

import skillgraph

_KIND = {"type": "string", "enum": ["role", "skill", "program", "field"]}


#: What ``params.text`` accepts: at most 2000 characters, not blank when required.
_TEXT = {"type": "string", "maxLength": 2000}


def _p(name, description, schema=None, *, required=False, many=False, where="query") -> dict:
    text = schema is None
    schema = schema or dict(_TEXT)
    if required and schema.get("type") == "string":
        schema = {**schema, "pattern": r"\S"}
    if many:
        schema = {"type": "array", "items": schema}
        if text:
            schema["maxItems"] = 50  # ``params.texts``
    out = {"name": name, "in": where, "description": description, "schema": schema}
    if required:
        out["required"] = True
    elif where == "query":
        out["allowEmptyValue"] = True  # ``params``: an empty value is an absent one
    if many:
        out["style"] = "form"
        out["explode"] = True
    return out


def _int(lo: int, hi: int, default: int | None = None) -> dict:
    schema = {"type": "integer", "minimum": lo, "maximum": hi}
    if default is not None:
        schema["default"] = default
    return schema


def _number(lo: float, hi: float) -> dict:
    return {"type": "number", "minimum": lo, "maximum": hi}


def _op(summary: str, parameters: list, *, errors=(400, 404), schema: str = "Object") -> dict:
    responses = {
        "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
        }
    }
    for code in errors:
        responses[str(code)] = {"$ref": f"#/components/responses/E{code}"}
    return {"get": {"summary": summary, "parameters": parameters, "responses": responses}}


_FORMAT_PARAMETER = _p(
    "format",
    "Overrides the Accept header.",
    {
        "type": "string",
        "enum": ["html", "ttl", "turtle", "jsonld", "json", "nt", "ntriples", "rdf"],
    },
)
#: What a Linked Data URI answers with (N3 and TriG clients get Turtle, text/plain N-Triples).
_LINKED_DATA_CONTENT = {
    **{
        t: {"schema": {"type": "string"}}
        for t in ("text/html", "text/turtle", "application/n-triples", "application/rdf+xml")
    },
    "application/ld+json": {"schema": {"type": ["array", "object"]}},
}


def _either(description: str) -> dict:
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }


_START = [
    _p("from", "Start role (URI or label)."),
    _p("have", "Skills the person has (URI or label); repeat the parameter.", many=True),
]


_TEAM_FIELDS = {
    "budget": {"type": "number", "minimum": 0, "description": "EUR for programs (no limit)"},
    "hour_eur": {"type": "number", "minimum": 0, "description": "EUR per hour of learning"},
    "hire_eur": {"type": "number", "minimum": 0, "description": "EUR per hire by default"},
    "wish_tolerance": {"type": "number", "minimum": 0, "maximum": 10},
    "mentor_cap": {"type": "integer", "minimum": 0, "maximum": 50},
    "hours_per_week": {"type": "number", "minimum": 0.5, "maximum": 80},
    "step_down": {"type": "boolean"},
}


def _team_body(file: dict) -> dict:
    """A plan request's body: the two files (as ``file`` says) and the settings."""
    properties = {"team": file, "demand": file, **_TEAM_FIELDS}
    return {"schema": {"type": "object", "required": ["team", "demand"], "properties": properties}}


#: ``POST /api/team/plan`` (web/team.py): two CSV files in, a team plan out.
_TEAM_PLAN = {
    "post": {
        "summary": "A plan for a team: who moves to which needed role (upskilling or "
        "reskilling), what is hired, which programs to buy for how many seats within the "
        "budget, mentors, and the skill-gap heat map.  The files are the team CSV (person, "
        "role, skills, wish, hours_per_week) and the demand CSV (role, needed, hire_cost, "
        "time_to_hire); nothing is stored, logged or cached.",
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": _team_body({"type": "string", "format": "binary"}),
                "application/json": _team_body({"type": "string", "description": "CSV text"}),
            },
        },
        "responses": {
            "200": {
                "description": "The plan",
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            "400": {
                "description": "Bad files (problems: one per line, with file, line and "
                "column) or a bad setting",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            },
            "413": {
                "description": "The upload is too large",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            },
        },
    }
}


@functools.cache
def document() -> dict:
    paths = {
        "/api/search": _op(
            "Concepts whose labels (preferred and alternative) match the words typed; "
            "for autocomplete.",
            [
                _p("q", "Text to search.", required=True),
                _p("kind", "Only these kinds (repeat, or comma-separated).", _KIND, many=True),
                _p("limit", "Most results.", _int(1, 100, 10)),
            ],
            errors=(400,),
            schema="SearchResults",
        ),
        "/api/concept": _op(
            "One concept: labels, description, properties, relations (capped; counts given), "
            "source.",
            [
                _p("id", "URI or label.", required=True),
                _p("kind", "Kind, when a label names concepts of several kinds.", _KIND),
            ],
        ),
        "/api/concept/graph": _op(
            "The neighbourhood graph of a concept, as vis-network nodes, edges and options; "
            "meta.shown of meta.total related concepts.",
            [
                _p("id", "URI or label.", required=True),
                _p("cap", "Most related concepts drawn.", _int(1, 300, 60)),
            ],
            schema="Graph",
        ),
        "/api/browse": _op(
            "Where the taxonomy browser starts: fields and SKOS concept schemes.",
            [],
            errors=(),
        ),
        "/api/browse/children": _op(
            "Children of a node: narrower concepts, top concepts of a scheme, members of a "
            "field (at most 500; total given).",
            [_p("id", "URI or label of the node.", required=True)],
        ),
        "/api/stats": _op("Counts, fields and a data-quality summary of the store.", [], errors=()),
        "/api/sources": _op("The datasets in the store and their attribution.", [], errors=()),
        "/api/path": _op(
            "Career paths from a role (or the skills a person has) to a role: up to k "
            "alternatives, each step upskilling or reskilling with its cost, skill match, "
            "missing skills, hours and learning programs.  No path: 200 with paths=[] and "
            "no_path.reason.",
            [
                *_START,
                _p("to", "Target role (URI or label).", required=True),
                _p("k", "Number of alternatives.", _int(1, 10, 3)),
                _p("max_reskilling", "At most this many reskilling steps.", _int(0, 20)),
                _p("max_steps", "At most this many steps.", _int(1, 20)),
                _p("avoid", "Roles the path may not go through; repeat.", many=True),
                _p(
                    "wage_floor",
                    "No step to a role whose US median wage is below this share of the start "
                    "role's (0.9: at most 10% less); roles with no known wage stay allowed.",
                    _number(0, 2),
                ),
                _p(
                    "exposure_weight",
                    "Prefer lower LLM exposure: each step into a role costs this times its "
                    "exposure (0 to 1) more when paths are ranked; the costs shown stay the "
                    "model's.",
                    _number(0, 100),
                ),
                _p("graph", "Also return the drawing of each path (graphs).", {"type": "boolean"}),
            ],
            schema="Paths",
        ),
        "/api/next": _op(
            "The k cheapest moves from a role or a set of skills.",
            [
                *_START,
                _p("k", "Number of moves.", _int(1, 50, 10)),
                _p(
                    "group_kinds",
                    "One place per occupation: the other kinds of an occupation (roles "
                    "under one broader role) are listed in the move's other_kinds.",
                    {"type": "boolean"},
                ),
                _p("graph", "Also return the drawing (graph).", {"type": "boolean"}),
            ],
        ),
        "/api/whatif": _op(
            "Which moves become viable, or cheaper, after learning skills or taking programs; "
            "without from or have, the roles the learned skills alone open (first roles).",
            [
                *_START,
                _p("learn", "Skills to learn; repeat.", many=True),
                _p("program", "Programs to take; repeat.", many=True),
                _p("k", "Most roles listed per answer.", _int(1, 100, 20)),
                _p("graph", "Also return the drawing (graph).", {"type": "boolean"}),
            ],
        ),
        "/api/safer": _op(
            "Safer roles: the roles that fit a start role best whose LLM exposure is at least "
            "min_drop lower and whose US median wage is not lower, with the cheapest path to "
            "each (outlook: median wage and its change, employment, exposure band and score).",
            [
                _p("from", "The start role (URI or label).", required=True),
                _p("k", "Number of roles.", _int(1, 20, 5)),
                _p("min_drop", "Exposure lower by at least this much.", _number(0, 1)),
            ],
        ),
        "/api/figures": _op(
            "A role's US median wage, employment and LLM exposure (band, score, sources; null "
            "where unknown), and the wage change from another role (from).",
            [
                _p("id", "The role (URI or label).", required=True),
                _p("from", "A role to compare the wage with.", required=False),
            ],
        ),
        "/api/examples": _op("Example path queries that have answers.", [], errors=()),
        "/api/openapi.json": _op("This document.", [], errors=()),
        "/api/team/plan": _TEAM_PLAN,
        "/id/{path}": {
            "get": {
                "summary": "Linked Data: a concept of the https://w3id.org/skillgraph/id/ "
                "namespace, as HTML, Turtle, JSON-LD, N-Triples or RDF/XML by content "
                "negotiation (or ?format=html|ttl|jsonld|nt|rdf).",
                "parameters": [
                    _p("path", "kind/slug, e.g. role/data-analyst", required=True, where="path"),
                    _FORMAT_PARAMETER,
                ],
                "responses": {
                    "200": {"description": "The concept", "content": _LINKED_DATA_CONTENT},
                    # Errors come as JSON to clients asking for it, as a page otherwise.
                    "400": _either("An unknown format"),
                    "404": _either("No such concept (with suggestions)"),
                },
            }
        },
        "/ontology": {
            "get": {
                "summary": "The vocabulary at its namespace (https://w3id.org/skillgraph/ontology"
                "#): classes and properties as HTML, Turtle, JSON-LD, N-Triples or RDF/XML by "
                "content negotiation (or ?format=html|ttl|jsonld|nt|rdf).",
                "parameters": [_FORMAT_PARAMETER],
                "responses": {
                    "200": {"description": "The vocabulary", "content": _LINKED_DATA_CONTENT},
                    "400": _either("An unknown format"),
                },
            }
        },
    }
    error = {
        "type": "object",
        "required": ["error", "message", "status"],
        "properties": {
            "error": {"type": "string", "description": "unknown_concept, invalid_parameter, ..."},
            "message": {"type": "string"},
            "status": {"type": "integer"},
            "suggestions": {"type": "array", "items": {"type": "string"}},
            "candidates": {"type": "array", "items": {"$ref": "#/components/schemas/Concept"}},
        },
    }
    concept = {
        "type": "object",
        "properties": {
            "uri": {"type": "string"},
            "label": {"type": "string"},
            "kind": {"type": "string"},
            "url": {"type": "string", "description": "the concept's page in this app"},
        },
    }
    schemas = {
        "Object": {"type": "object"},
        "Error": error,
        "Concept": concept,
        "SearchResults": {
            "type": "object",
            "properties": {
                "query": {"type": "string"},
                "results": {
                    "type": "array",
                    "items": {
                        "allOf": [
                            {"$ref": "#/components/schemas/Concept"},
                            {
                                "properties": {
                                    "matched": {"type": "string"},
                                    "preferred": {"type": "boolean"},
                                }
                            },
                        ]
                    },
                },
            },
        },
        "Graph": {
            "type": "object",
            "properties": {
                "nodes": {"type": "array", "items": {"type": "object"}},
                "edges": {"type": "array", "items": {"type": "object"}},
                "options": {"type": "object"},
                "meta": {"type": "object"},
            },
        },
        "Paths": {
            "type": "object",
            "properties": {
                "query": {"type": "object"},
                "from": {"$ref": "#/components/schemas/Concept"},
                "to": {"$ref": "#/components/schemas/Concept"},
                "paths": {"type": "array", "items": {"type": "object"}},
                "no_path": {"type": ["object", "null"]},
            },
        },
    }
    responses = {
        f"E{code}": {
            "description": text,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for code, text in (
            (400, "A bad parameter (the message names it), or a label naming several concepts"),
            (404, "Unknown concept (with suggestions)"),
        )
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "skillgraph API",
            "version": skillgraph.__version__,
            "description": "Roles, skills, learning programs and career paths. Every page of "
            "the app is backed by these endpoints. Errors are JSON with a message.",
        },
        "paths": paths,
        "components": {"schemas": schemas, "responses": responses},
    }
