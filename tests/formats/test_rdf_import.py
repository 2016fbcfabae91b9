"""RDF file import: safe against XML entity tricks and remote JSON-LD contexts; SKOS/ESCO
typing; merge and replace."""

from __future__ import annotations

import json

import pytest

import skillgraph
from skillgraph.errors import DataImportError, InvalidParameter
from skillgraph.formats.rdf import import_rdf, read_rdf
from skillgraph.namespace import SG
from skillgraph.store import build_store, open_store

from ..conftest import FIXTURES, load_turtle

RDF_HEAD = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
BOMB = f"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
{RDF_HEAD}<rdf:Description rdf:about="http://example.org/a"><ex:p>&lol3;</ex:p></rdf:Description></rdf:RDF>
"""
EXTERNAL = f"""<?xml version="1.0"?>
<!DOCTYPE r [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
{RDF_HEAD}<rdf:Description rdf:about="http://example.org/a"><ex:p>&secret;</ex:p></rdf:Description></rdf:RDF>
"""
SKOS_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
{RDF_HEAD[:-1]} xmlns:skos="http://www.w3.org/2004/02/skos/core#" xmlns:esco="http://data.europa.eu/esco/model#">
 <esco:Occupation rdf:about="http://data.europa.eu/esco/occupation/x1">
  <skos:prefLabel xml:lang="en">data wrangler</skos:prefLabel>
  <esco:relatedEssentialSkill rdf:resource="http://data.europa.eu/esco/skill/s1"/>
 </esco:Occupation>
 <esco:Skill rdf:about="http://data.europa.eu/esco/skill/s1">
  <skos:prefLabel xml:lang="en">wrangle data</skos:prefLabel>
 </esco:Skill>
</rdf:RDF>
"""


def test_entity_expansion_bomb_is_refused_before_parsing(tmp_path):
    path = tmp_path / "bomb.rdf"
    path.write_text(BOMB, encoding="utf-8")
    with pytest.raises(DataImportError, match=r"bomb.rdf:2: refused: the file declares <!DOCTYPE"):
        read_rdf(path)


def test_external_entity_is_refused(tmp_path):
    path = tmp_path / "xxe.rdf"
    path.write_text(EXTERNAL, encoding="utf-8")
    with pytest.raises(DataImportError, match="refused") as caught:
        read_rdf(path)
    assert "root:" not in str(caught.value)


def test_utf16_cannot_smuggle_a_doctype_past_the_screen(tmp_path):
    path = tmp_path / "bomb16.rdf"
    path.write_bytes(
        BOMB.replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16")
    )
    with pytest.raises(DataImportError, match="not UTF-8"):
        read_rdf(path)


def test_remote_jsonld_context_is_never_fetched(tmp_path):
    path = tmp_path / "remote.jsonld"
    doc = {
        "@context": "http://127.0.0.1:9/context.jsonld",
        "@id": "http://example.org/a",
        "name": "a",
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataImportError, match="remote document, which is never fetched"):
        read_rdf(path)


def test_inline_jsonld_context_is_read(tmp_path):
    path = tmp_path / "inline.jsonld"
    doc = {
        "@context": {"skos": "http://www.w3.org/2004/02/skos/core#", "label": "skos:prefLabel"},
        "@id": "http://example.org/a",
        "label": "a",
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    (triple,) = read_rdf(path)
    assert triple.object.value == "a"


def test_skos_esco_rdfxml_maps_to_roles_and_skills_with_attribution(tmp_path):
    path = tmp_path / "esco.rdf"
    path.write_text(SKOS_XML, encoding="utf-8")
    g = skillgraph.open(import_rdf([path], tmp_path / "store"))
    assert g.resolve("data wrangler").kind == "role"
    assert g.resolve("wrangle data").kind == "skill"
    t = g.taxonomy
    assert t.req_essential.tolist() == [True]
    assert "European Union" in g.source_of("http://data.europa.eu/esco/skill/s1")["attribution"]


def test_plain_skos_concepts_become_skills_when_asked(tmp_path):
    path = tmp_path / "list.ttl"
    path.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<http://example.org/k1> a skos:Concept ; skos:prefLabel "kanban"@en .\n',
        encoding="utf-8",
    )
    plain = skillgraph.open(import_rdf([path], tmp_path / "a"))
    assert plain.taxonomy.n_skills == 0
    as_skills = skillgraph.open(import_rdf([path], tmp_path / "b", concepts_as="skill"))
    assert as_skills.taxonomy.skill_labels == ["kanban"]
    with pytest.raises(InvalidParameter):
        import_rdf([path], tmp_path / "c", concepts_as="course")


def test_merge_keeps_and_replace_drops_the_old_content(tmp_path):
    store = tmp_path / "store"
    build_store(store, load_turtle(FIXTURES / "tiny.ttl"))
    before = {q.triple for q in open_store(store).ox.quads_for_pattern(None, None, None)}
    path = tmp_path / "esco.rdf"
    path.write_text(SKOS_XML, encoding="utf-8")
    merged = import_rdf([path], store, merge=True)
    after = {q.triple for q in merged.ox.quads_for_pattern(None, None, None)}
    assert before <= after
    replaced = import_rdf([path], store)
    roles = {r[0].value for r in replaced.query(f"SELECT ?r {{ ?r a <{SG.Role}> }}")}
    assert roles == {"http://data.europa.eu/esco/occupation/x1"}


def test_relative_iris_are_refused_with_the_line(tmp_path):
    path = tmp_path / "relative.nt"
    path.write_text('<http://x/a> <http://x/p> "1" .\n<b> <http://x/p> "2" .\n', encoding="utf-8")
    with pytest.raises(DataImportError, match=r"relative\.nt:2:"):
        read_rdf(path)
