"""Team planning (``/team`` and ``POST /api/team/plan``): a team file and a demand file in,
a plan out -- who moves where, what is hired, which programs to buy, mentors, the gaps.

People data belongs to the user: the uploaded files are read in the request, planned and
dropped.  Nothing is written to the store (so nothing reaches ``/sparql`` or ``/id``),
nothing is logged (the access log holds the path only; the data comes in the body of a
POST) and every answer says ``Cache-Control: no-store``.  The CSV downloads are ``data:``
links inside the page: they need no second request and no copy kept on the server.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from urllib.parse import quote

from flask import Blueprint, Response, jsonify, render_template, request

from skillgraph.errors import InvalidParameter
from skillgraph.team import (
    COHORT_COLUMNS,
    MAX_BYTES,
    MAX_NEEDED,
    MAX_PEOPLE,
    PLAN_COLUMNS,
    PlanOptions,
    TeamFileError,
    TeamPlan,
    cohort_rows,
    plan_files,
    plan_rows,
    to_csv,
)
from skillgraph.team.files import DEMAND_COLUMNS, TEAM_COLUMNS

from .knowledge import get_graph
from .urls import with_urls

__all__ = ["MAX_UPLOAD", "bp"]

bp = Blueprint("team", __name__)

#: Bytes a plan request may carry: two files at their cap, and the form fields.
MAX_UPLOAD = 2 * MAX_BYTES + 64 * 1024
#: The form fields that set ``PlanOptions`` and how each is read.
NUMBERS = ("budget", "hour_eur", "hire_eur", "wish_tolerance", "hours_per_week")
TEMPLATES = {
    "team": ",".join(TEAM_COLUMNS) + "\n",
    "demand": ",".join(DEMAND_COLUMNS) + "\n",
}


@bp.after_request
def no_store(response: Response) -> Response:
    """Plans hold people data: no cache (browser, proxy) may keep a copy."""
    response.headers["Cache-Control"] = "no-store"
    return response


class UploadTooLarge(InvalidParameter):
    """The request is larger than ``MAX_UPLOAD``."""


def _options(values: Mapping[str, object]) -> PlanOptions:
    """``PlanOptions`` from form fields or JSON members (blank: the default)."""
    given: dict[str, float | int | bool | None] = {}
    for name in NUMBERS:
        raw = values.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        try:
            given[name] = float(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise InvalidParameter(f"{name} must be a number (got {raw!r})") from None
    raw = values.get("mentor_cap")
    if raw is not None and str(raw).strip():
        try:
            given["mentor_cap"] = int(str(raw))
        except ValueError:
            raise InvalidParameter(f"mentor_cap must be a whole number (got {raw!r})") from None
    step = values.get("step_down")
    given["step_down"] = step in (True, "1", "on", "true", "yes")
    return PlanOptions(**given)  # type: ignore[arg-type]


def _inputs() -> tuple[bytes | str, bytes | str, PlanOptions]:
    """The two files and the options of a plan request (multipart form or JSON)."""
    length = request.content_length
    if not length:
        raise InvalidParameter(
            "send the team and demand files: a multipart form (team, demand) or a JSON "
            "object with their text, with the body's length given"
        )
    if length > MAX_UPLOAD:
        raise UploadTooLarge(
            f"the upload is {length:,} bytes; at most {MAX_UPLOAD:,} ({MAX_BYTES:,} per file)"
        )
    if request.is_json:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise InvalidParameter("the JSON body must be an object with 'team' and 'demand'")
        team, demand = body.get("team"), body.get("demand")
        if not isinstance(team, str) or not isinstance(demand, str):
            raise InvalidParameter("'team' and 'demand' must be the CSV files' text")
        return team, demand, _options(body)
    files = []
    for name in ("team", "demand"):
        upload = request.files.get(name)
        if upload is None or not upload.filename:
            raise InvalidParameter(f"choose the {name} file (CSV)")
        files.append(upload.stream.read(MAX_BYTES + 1))
    return files[0], files[1], _options(request.form)


def _names() -> tuple[str, str]:
    names = []
    for name in ("team", "demand"):
        upload = request.files.get(name)
        names.append(upload.filename if upload is not None and upload.filename else f"{name}.csv")
    return names[0], names[1]


def _plan() -> TeamPlan:
    team, demand, options = _inputs()
    team_name, demand_name = _names()
    return plan_files(
        get_graph(), team, demand, options, team_name=team_name, demand_name=demand_name
    )


@bp.post("/api/team/plan")
def api_plan():
    try:
        plan = _plan()
    except TeamFileError as exc:
        body = {
            "error": "bad_file",
            "message": str(exc),
            "problems": [p.as_dict() for p in exc.problems],
            "status": 400,
        }
        return jsonify(body), 400
    except UploadTooLarge as exc:
        return jsonify({"error": "too_large", "message": str(exc), "status": 413}), 413
    return jsonify(with_urls(plan.as_dict()))


def _data_uri(text: str) -> str:
    return "data:text/csv;charset=utf-8," + quote(text, safe="")


def _heat(plan: TeamPlan) -> list[dict[str, object]]:
    """The heat map's rows for the page, each cell with its share of the largest count."""
    top = max((c for row in plan.gaps.counts for c in row), default=0) or 1
    return [
        {
            "role": role,
            "movers": movers,
            "cells": [
                {"count": c, "alpha": round(0.12 + 0.78 * c / top, 2) if c else 0} for c in row
            ],
        }
        for role, movers, row in zip(
            plan.gaps.roles, plan.gaps.movers, plan.gaps.counts, strict=True
        )
    ]


def _page(plan: TeamPlan | None = None, problems: list[str] | None = None, status: int = 200):
    view: dict[str, object] = {
        "plan": None,
        "problems": problems or [],
        "defaults": dataclasses.asdict(PlanOptions()),
        "form": request.form if request.method == "POST" and status != 413 else {},
        "limits": {"bytes": MAX_BYTES, "people": MAX_PEOPLE, "needed": MAX_NEEDED},
        "templates": {k: _data_uri(v) for k, v in TEMPLATES.items()},
    }
    if plan is not None:
        view["plan"] = with_urls(plan.as_dict())
        view["heat"] = _heat(plan)
        view["plan_csv"] = _data_uri(to_csv(PLAN_COLUMNS, plan_rows(plan), plan.attribution))
        view["cohorts_csv"] = _data_uri(to_csv(COHORT_COLUMNS, cohort_rows(plan), plan.attribution))
    return render_template("team.html", **view), status


@bp.get("/team")
def page():
    return _page()


@bp.post("/team")
def page_plan():
    try:
        plan = _plan()
    except TeamFileError as exc:
        return _page(problems=[str(p) for p in exc.problems], status=400)
    except UploadTooLarge as exc:
        return _page(problems=[str(exc)], status=413)
    except InvalidParameter as exc:
        return _page(problems=[str(exc)], status=400)
    return _page(plan)
