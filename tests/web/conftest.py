"""Fixtures of the web tests (in the manner of Datasette's): one session-scoped app on the
built-in default taxonomy, a "bare" app on a store holding only the vocabulary, an app on
the hand-written careers fixture (programs and an attributed source), and an app whose
labels and descriptions are hostile markup."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from skillgraph_web import create_app

from skillgraph.store import build_store

from .browser import launched_browser, served

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

#: Markup in imported text.  If any of it ever runs, it sets ``window.__xss``.
XSS_IMG = "<img src=x onerror=\"window.__xss='img'\">"
XSS_SCRIPT = "</script><script>window.__xss='script'</script>"
XSS_ATTR = '" onmouseover="window.__xss=\'attr\'" x="'
XSS_HREF = "<a href=\"javascript:window.__xss='href'\">click href</a>"


def _lit(text: str) -> str:
    """A Turtle string literal (JSON's string escapes are Turtle's)."""
    return json.dumps(text, ensure_ascii=False) + "@en"


XSS_TTL = f"""
@prefix sg: <https://w3id.org/skillgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix x: <http://example.org/xss/> .

x:fa a sg:Field ; skos:prefLabel {_lit("field a " + XSS_IMG)} .
x:fb a sg:Field ; skos:prefLabel {_lit("field b " + XSS_ATTR)} .
x:scheme a skos:ConceptScheme ; skos:prefLabel {_lit("scheme " + XSS_IMG)} ;
    skos:hasTopConcept x:group .
x:group a skos:Concept ; skos:prefLabel {_lit("group " + XSS_SCRIPT)} ; skos:topConceptOf x:scheme .

x:clerk a sg:Role ; skos:prefLabel {_lit("clerk " + XSS_IMG)} ;
    skos:altLabel {_lit("alt " + XSS_SCRIPT)} ;
    dcterms:description {_lit("Description with " + XSS_HREF + " inside.")} ;
    sg:field x:fa ; skos:broader x:group ;
    sg:essentialSkill x:s1, x:s2 ; sg:optionalSkill x:s3 .
x:lead a sg:Role ; skos:prefLabel {_lit("lead " + XSS_SCRIPT)} ; sg:field x:fa ;
    dcterms:description {_lit(XSS_SCRIPT + " and href")} ;
    sg:essentialSkill x:s1, x:s2, x:s4 ; sg:optionalSkill x:s3 .
x:analyst a sg:Role ; skos:prefLabel {_lit("analyst " + XSS_ATTR)} ; sg:field x:fb ;
    sg:essentialSkill x:s2, x:s4, x:s5 ; sg:optionalSkill x:s1 .

x:s1 a sg:Skill ; skos:prefLabel {_lit("skill one " + XSS_IMG)} ; sg:effortHours 10 .
x:s2 a sg:Skill ; skos:prefLabel {_lit("skill two " + XSS_SCRIPT)} ; sg:effortHours 20 ;
    dcterms:description {_lit(XSS_HREF)} .
x:s3 a sg:Skill ; skos:prefLabel "skill three"@en ; sg:effortHours 5 .
x:s4 a sg:Skill ; skos:prefLabel {_lit("skill four " + XSS_ATTR)} ; sg:effortHours 30 .
x:s5 a sg:Skill ; skos:prefLabel "skill five href"@en ; sg:effortHours 15 .

x:p1 a sg:LearningProgram ; skos:prefLabel {_lit("program " + XSS_IMG)} ;
    sg:hours 12 ; sg:cost 100 ; sg:programType {json.dumps("course " + XSS_SCRIPT)} ;
    sg:teaches x:s4, x:s5 .

x:src a sg:Source ; rdfs:label {_lit("source " + XSS_IMG)} ;
    sg:attribution {json.dumps("attribution " + XSS_HREF)} ;
    dcterms:license "javascript:window.__xss='licence'" ;
    sg:uriPrefix "http://example.org/xss/" .
"""


def _turtle_filler(data: bytes, name: str):
    def fill(store: ox.Store) -> dict:
        store.load(data, format=ox.RdfFormat.TURTLE)
        return {"sources": [{"name": name}], "counts": {}}

    return fill


def _app(store) -> object:
    app = create_app({"TESTING": True, "STORE": str(store) if store else None})
    return app


@pytest.fixture(scope="session")
def app():
    """The app on the built-in default taxonomy (shared by the whole session: read-only)."""
    return _app(None)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def bare_store(tmp_path_factory) -> Path:
    """An on-disk store holding nothing but the vocabulary."""
    path = tmp_path_factory.mktemp("bare") / "store"
    build_store(path, lambda store: {"sources": [], "counts": {}})
    return path


@pytest.fixture(scope="session")
def bare_app(bare_store):
    return _app(bare_store)


@pytest.fixture
def bare_client(bare_app):
    return bare_app.test_client()


@pytest.fixture(scope="session")
def careers_store(tmp_path_factory) -> Path:
    """tests/fixtures/careers.ttl: hand-checkable roles, programs and an attributed source."""
    path = tmp_path_factory.mktemp("careers") / "store"
    data = (FIXTURES / "careers.ttl").read_bytes()
    build_store(path, _turtle_filler(data, "careers.ttl"))
    return path


@pytest.fixture(scope="session")
def careers_app(careers_store):
    return _app(careers_store)


@pytest.fixture
def careers_client(careers_app):
    return careers_app.test_client()


@pytest.fixture(scope="session")
def xss_store(tmp_path_factory) -> Path:
    """A taxonomy whose labels, descriptions and attribution are hostile markup."""
    path = tmp_path_factory.mktemp("xss") / "store"
    build_store(path, _turtle_filler(XSS_TTL.encode("utf-8"), "xss"))
    return path


@pytest.fixture(scope="session")
def xss_app(xss_store):
    return _app(xss_store)


@pytest.fixture
def xss_client(xss_app):
    return xss_app.test_client()


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for the browser tests of one module (skips without it)."""
    with launched_browser() as b:
        yield b


@pytest.fixture(scope="module")
def base(browser):
    """The app on the default taxonomy, served by gunicorn, for one module's browser tests."""
    with served(None) as url:
        yield url
