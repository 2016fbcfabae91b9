"""Names that look like URIs reach SPARQL queries the library builds (``resolve`` looks
up concepts outside the four main kinds; ``/id/...`` describes a concept): none of them
can break out of ``<...>``, and none that Oxigraph cannot parse as an IRI turns into a
server error.  Found by the path fuzzing: ``http://x/%zz`` or a control character made
``resolve`` raise Oxigraph's SyntaxError (a 500 on the API)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest

import skillgraph
from skillgraph.errors import SkillgraphError, UnknownConcept

from .helpers import raw_request, settle_and_check_silent


def hostile_names(url: str) -> list[str]:
    return [
        f"http://x/> ?p ?o }} SERVICE <{url}> {{ ?a ?b ?c }} #",
        f"http://x/>?p?o}}SERVICE<{url}>{{?a?b?c}}#",
        "http://x/\x1b",
        "http://x/\x00",
        "http://x/a\x7fb",
        "http://x/%zz",
        "http://x/%",
        "urn:x:\u0085",
        "http://x/[::1]/",
        "https://w3id.org/skillgraph/id/role/%zz",
    ]


def test_the_library_refuses_them_as_unknown(listener):
    graph = skillgraph.open()
    for name in hostile_names(listener.url):
        for call in (
            lambda n: graph.resolve(n),
            lambda n: graph.show(n),
            lambda n: graph.career_paths(n, "data analyst"),
            lambda n: graph.career_paths("data analyst", n),
            lambda n: graph.next_steps(None, have=[n]),
            lambda n: graph.whatif("data analyst", learn=[n]),
        ):
            with pytest.raises(SkillgraphError) as caught:
                call(name)
            assert isinstance(caught.value, UnknownConcept), caught.value
    settle_and_check_silent(listener)


@pytest.mark.parametrize(
    "route",
    [
        "/api/concept?{}",
        "/api/concept/graph?{}",
        "/api/browse/children?{}",
        "/api/path?to=data%20analyst&{}",
        "/api/next?{}",
        "/concept?{}",
    ],
)
def test_the_app_answers_404(live, listener, route):
    for name in hostile_names(listener.url):
        key = "uri" if route.startswith("/concept") else "id"
        if route.startswith(("/api/path", "/api/next")):
            key = "from"
        target = route.format(urlencode({key: name}))
        status, _, body = raw_request(live.port, "GET", target)
        assert status == 404, (target, status, body[:300])
    for name in hostile_names(listener.url)[2:]:
        status, _, _ = raw_request(live.port, "GET", "/id/" + quote(name[len("http://x/") :]))
        assert status == 404
    settle_and_check_silent(listener)
