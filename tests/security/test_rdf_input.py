"""DESIGN.md 9: RDF/XML and other XML input has no external entities and no entity
bombs; JSON-LD input never fetches a remote ``@context``.  Each attack goes through
``skillgraph import rdf`` (a real process) onto an existing store: the import fails with
an error naming the file and line (or, for harmless variants, imports without reading
anything), nothing is read from the disk or fetched (a loopback listener receives
nothing), and the store keeps its content."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from skillgraph.errors import DataImportError
from skillgraph.formats.rdf import import_rdf, read_rdf
from skillgraph.store import open_store

from .helpers import settle_and_check_silent, skillgraph_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SECRET = "TOP-SECRET-7f3a"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"


@pytest.fixture
def store(tmp_path) -> Path:
    path = tmp_path / "store"
    import_rdf([FIXTURES / "tiny.ttl"], path)
    return path


@pytest.fixture
def secret_file(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def _rdfxml(doctype: str, value: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{doctype}\n"
        f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:skos="{SKOS}">\n'
        '  <rdf:Description rdf:about="http://example.org/x">\n'
        f"    <skos:prefLabel>{value}</skos:prefLabel>\n"
        "  </rdf:Description>\n"
        "</rdf:RDF>\n"
    )


BOMB = (
    '<!DOCTYPE rdf:RDF [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + "]>"
)


def xml_attacks(secret: Path, url: str) -> dict[str, str]:
    return {
        "billion laughs": _rdfxml(BOMB, "&lol9;"),
        "quadratic blowup": _rdfxml(
            f'<!DOCTYPE rdf:RDF [<!ENTITY big "{"x" * 50_000}">]>', "&big;" * 2_000
        ),
        "external entity (file)": _rdfxml(
            f'<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>', "&xxe;"
        ),
        "external entity (URL)": _rdfxml(
            f'<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "{url}xxe">]>', "&xxe;"
        ),
        "parameter entity": _rdfxml(
            f'<!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM "{url}dtd"> %p;]>', "x"
        ),
        "external DTD": _rdfxml(f'<!DOCTYPE rdf:RDF SYSTEM "{url}rdf.dtd">', "x"),
        "lower-case doctype": _rdfxml(
            f'<!doctype rdf:RDF [<!entity xxe SYSTEM "{secret.as_uri()}">]>', "&xxe;"
        ),
    }


def _assert_refused(done, name: str, store: Path, content_id: str) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    error = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert error and error[0].startswith(f"error: {name}:"), done.stderr
    assert open_store(store).content_id == content_id


def _store_text(store: Path) -> str:
    return "\n".join(str(q) for q in open_store(store).ox)


@pytest.mark.parametrize(
    "attack",
    [
        "billion laughs",
        "quadratic blowup",
        "external entity (file)",
        "external entity (URL)",
        "parameter entity",
        "external DTD",
        "lower-case doctype",
    ],
)
def test_xml_attacks_are_refused_and_read_nothing(store, secret_file, listener, tmp_path, attack):
    content_id = open_store(store).content_id
    path = tmp_path / "attack.rdf"
    path.write_text(xml_attacks(secret_file, listener.url)[attack], encoding="utf-8")
    started = time.monotonic()
    done = skillgraph_cli("import", "rdf", str(path), "--store", str(store), "--merge")
    assert time.monotonic() - started < 30  # refused, not expanded
    _assert_refused(done, "attack.rdf", store, content_id)
    assert "DOCTYPE" in done.stderr or "ENTITY" in done.stderr
    assert SECRET not in done.stderr + done.stdout + _store_text(store)
    settle_and_check_silent(listener)


@pytest.mark.parametrize("suffix", [".rdf", ".owl", ".xml", ".ttl"])
@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
)
def test_no_extension_or_encoding_smuggles_a_doctype(secret_file, listener, tmp_path, suffix,
                                                      encoding):  # fmt: skip
    text = xml_attacks(secret_file, listener.url)["external entity (file)"]
    if encoding != "utf-8":
        text = text.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"')
    path = tmp_path / f"attack{suffix}"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(DataImportError) as caught:
        read_rdf(path, "rdfxml" if suffix == ".ttl" else None)
    assert caught.value.file == path.name and caught.value.line is not None
    assert SECRET not in str(caught.value)
    settle_and_check_silent(listener, wait=0.05)


def test_xinclude_and_stylesheet_are_not_followed(store, secret_file, listener, tmp_path):
    """No DOCTYPE, but XML ways to pull in other documents: neither is processed."""
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<?xml-stylesheet type="text/xsl" href="{listener.url}style.xsl"?>\n'
        f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:skos="{SKOS}" '
        'xmlns:xi="http://www.w3.org/2001/XInclude">\n'
        '  <rdf:Description rdf:about="http://example.org/x">\n'
        f'    <skos:prefLabel><xi:include href="{secret_file.as_uri()}" parse="text"/>'
        "</skos:prefLabel>\n"
        f'    <skos:note><xi:include href="{listener.url}inc" parse="text"/></skos:note>\n'
        "  </rdf:Description>\n</rdf:RDF>\n"
    )
    path = tmp_path / "include.rdf"
    path.write_text(text, encoding="utf-8")
    done = skillgraph_cli("import", "rdf", str(path), "--store", str(store), "--merge")
    assert "Traceback" not in done.stderr
    if done.returncode != 0:
        assert done.stderr.startswith("reading") or "error: include.rdf" in done.stderr
    assert SECRET not in done.stderr + done.stdout + _store_text(store)
    settle_and_check_silent(listener)


def jsonld_attacks(url: str, secret: Path) -> dict[str, object]:
    node = {"@id": "http://example.org/x", "label": "x"}
    return {
        "remote context": {"@context": url + "context.jsonld", **node},
        "remote context in a list": {
            "@context": [url + "a.jsonld", {"label": SKOS + "prefLabel"}],
            **node,
        },
        "@import": {"@context": {"@version": 1.1, "@import": url + "imp.jsonld"}, **node},
        "scoped context": {
            "@context": {
                "@version": 1.1,
                "label": SKOS + "prefLabel",
                "knows": {"@id": "http://example.org/knows", "@context": url + "scoped"},
            },
            **node,
            "knows": {"@id": "http://example.org/y", "label": "y"},
        },
        "nested node context": {
            "@context": {"label": SKOS + "prefLabel"},
            "@graph": [{"@context": url + "inner.jsonld", **node}],
        },
        "file context": {"@context": secret.as_uri(), **node},
    }


@pytest.mark.parametrize(
    "attack",
    [
        "remote context",
        "remote context in a list",
        "@import",
        "scoped context",
        "nested node context",
        "file context",
    ],
)
def test_jsonld_never_fetches_a_context(store, secret_file, listener, tmp_path, attack):
    content_id = open_store(store).content_id
    path = tmp_path / "attack.jsonld"
    path.write_text(json.dumps(jsonld_attacks(listener.url, secret_file)[attack]), "utf-8")
    done = skillgraph_cli("import", "rdf", str(path), "--store", str(store), "--merge")
    _assert_refused(done, "attack.jsonld", store, content_id)
    assert "context" in done.stderr.lower()
    assert SECRET not in done.stderr + _store_text(store)
    settle_and_check_silent(listener)


def test_inline_jsonld_context_still_imports(store, tmp_path):
    """The refusals above are about fetching, not about JSON-LD: inline contexts work."""
    doc = {
        "@context": {"label": {"@id": SKOS + "prefLabel", "@language": "en"}},
        "@id": "http://example.org/inline",
        "label": "inline context",
    }
    path = tmp_path / "ok.jsonld"
    path.write_text(json.dumps(doc), encoding="utf-8")
    done = skillgraph_cli("import", "rdf", str(path), "--store", str(store), "--merge")
    assert done.returncode == 0, done.stderr
    assert '"inline context"@en' in _store_text(store)
