"""Import, inspect and plan paths on a SPARQL server: the same answers as a local store.

Each data set (the tiny Turtle fixture, the CSV layout example, the esco-mini CSV download)
is imported with the real ``skillgraph import`` into a local on-disk store and into an
Oxigraph server, or dumped from the local store with ``skillgraph dump`` and bulk-loaded
into a Virtuoso server; every command is then run on both and the outputs compared.
"""

from __future__ import annotations

import pytest

import skillgraph
from skillgraph.errors import NoPath

from .helpers import FIXTURES, ROOT, load_into_virtuoso, run, run_json

DATASETS = {
    "rdf": ["rdf", str(FIXTURES / "tiny.ttl")],
    "csv": ["csv", str(ROOT / "docs" / "csv-templates" / "example")],
    "esco": ["esco", str(FIXTURES / "esco-mini")],
}


@pytest.fixture(
    scope="module",
    params=[(kind, name) for kind in ("oxigraph", "virtuoso") for name in sorted(DATASETS)],
    ids=lambda p: "-".join(p),
)
def pair(request, tmp_path_factory):
    """(server URL, local store path) holding the same data."""
    kind, name = request.param
    args = DATASETS[name]
    folder = tmp_path_factory.mktemp("local")
    local = folder / "store"
    proc = run("import", *args, "--store", str(local))
    assert proc.returncode == 0, proc.stderr
    if kind == "virtuoso":
        url = load_into_virtuoso(request.getfixturevalue("virtuoso"), str(local), folder, name)
        return url, str(local)
    server = request.getfixturevalue("server")
    proc = run("import", *args, "--store", server.url, "--replace")
    assert proc.returncode == 0, proc.stderr
    assert f"imported into {server.url}" in proc.stdout
    return server.url, str(local)


def _without_location(stats: dict) -> dict:
    return {k: v for k, v in stats.items() if k not in ("store", "content_id")}


def test_stats_equal(pair):
    url, local = pair
    remote_stats = run_json("stats", "--store", url)
    local_stats = run_json("stats", "--store", local)
    assert remote_stats["store"] == url
    assert remote_stats["counts"]["roles"] > 0
    assert _without_location(remote_stats) == _without_location(local_stats)


def test_search_and_show_equal(pair):
    url, local = pair
    g = skillgraph.open(local)
    roles = g.taxonomy.role_labels
    for label in roles[:5]:
        word = label.split()[0]
        assert run_json("search", word, "--store", url) == run_json(
            "search", word, "--store", local
        )
        assert run_json("show", label, "--store", url) == run_json("show", label, "--store", local)


def test_path_and_next_equal_through_the_cli(pair):
    url, local = pair
    g = skillgraph.open(local)
    uris = g.taxonomy.role_uris
    start = uris[0]
    for target in uris[1:4]:
        remote = run("path", start, target, "--json", "--store", url)
        here = run("path", start, target, "--json", "--store", local)
        # Unreachable targets are an error on both, with the same message.
        assert (remote.returncode, remote.stdout, remote.stderr) == (
            here.returncode,
            here.stdout,
            here.stderr,
        )
    assert run_json("next", start, "--store", url) == run_json("next", start, "--store", local)


def test_library_answers_equal(pair):
    url, local = pair
    remote, here = skillgraph.open(url), skillgraph.open(local)
    # An import makes a new content id; a dump carries the one it was made from.
    assert (remote.store.content_id == here.store.content_id) == ("?graph=" in url)
    assert remote.taxonomy.role_uris == here.taxonomy.role_uris
    assert remote.taxonomy.skill_uris == here.taxonomy.skill_uris
    uris = here.taxonomy.role_uris
    for uri in uris:
        assert remote.next_steps(uri, k=5) == here.next_steps(uri, k=5)
    for target in uris[1:]:
        try:
            expected = here.career_paths(uris[0], target, k=2)
        except NoPath as exc:
            with pytest.raises(NoPath) as raised:
                remote.career_paths(uris[0], target, k=2)
            assert str(raised.value) == str(exc)
        else:
            assert remote.career_paths(uris[0], target, k=2) == expected


def test_validate_same_verdict(pair):
    url, local = pair
    remote, here = run("validate", "--store", url), run("validate", "--store", local)
    assert remote.returncode == here.returncode
    assert remote.stdout.replace(url, "STORE") == here.stdout.replace(local, "STORE")
