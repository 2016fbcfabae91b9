"""Schemathesis against the OpenAPI document the app serves (``/api/openapi.json``), on
the WSGI app over the built-in default taxonomy: no operation answers with a server error,
and responses conform to the document (status codes, content types, headers, JSON
schemas); requests the document forbids are refused; undeclared methods get a 405 with
``Allow``.

One built-in check is left out: ``positive_data_acceptance`` expects every request that
fits the parameter schemas to succeed, but the API documents 400 for well-shaped requests
whose values do not fit together (neither ``from`` nor ``have``; a label naming several
concepts) -- constraints between parameters that OpenAPI cannot state.
"""

from __future__ import annotations

import os

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance
from skillgraph_web import create_app

APP = create_app({"TESTING": True})
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", APP)
EXAMPLES = int(os.environ.get("SKILLGRAPH_FUZZ_EXAMPLES", "25"))


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case):
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
