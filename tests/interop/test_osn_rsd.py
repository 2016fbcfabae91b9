"""The Open Skills Network export against the shape of OSMT's own Rich Skill Descriptors.

OSMT (the Open Skills Management Tool) publishes no JSON Schema for RSDs; the schema below
is written from the fields and types of the skills its API v3 returns (its api-test
fixtures): every field OSMT carries that the taxonomy can fill is required, with OSMT's
types, and the references (alignments, standards, certifications, occupations,
collections) have OSMT's member names."""

from __future__ import annotations

import datetime
import json

import jsonschema
import pytest

from .test_graph_exports import download

STRING = {"type": "string"}
STRINGS = {"type": "array", "items": STRING}
DATE = {"type": ["string", "null"]}
FRAMEWORK = {
    "type": "object",
    "required": ["name"],
    "properties": {"name": {"type": "string", "minLength": 1}},
}
RSD = {
    "type": "object",
    "required": [
        "@context",
        "type",
        "id",
        "uuid",
        "status",
        "skillName",
        "skillStatement",
        "categories",
        "keywords",
        "authors",
        "creator",
        "creationDate",
        "updateDate",
        "publishDate",
        "archiveDate",
        "alignments",
        "standards",
        "certifications",
        "employers",
        "occupations",
        "collections",
    ],
    "properties": {
        "@context": {"const": "https://rsd.openskillsnetwork.org/context-v1.json"},
        "type": {"const": "RichSkillDescriptor"},
        "id": {"type": "string", "pattern": "^https?://"},
        "uuid": {"type": "string", "format": "uuid"},
        "status": {"enum": ["draft", "published", "archived"]},
        "skillName": {"type": "string", "minLength": 1},
        "skillStatement": {"type": "string", "minLength": 1},
        "categories": STRINGS,
        "keywords": STRINGS,
        "authors": {"type": "array", "items": STRING, "minItems": 1},
        "creator": {"type": "string", "pattern": "^https?://"},
        "creationDate": DATE,
        "updateDate": DATE,
        "publishDate": DATE,
        "archiveDate": DATE,
        "alignments": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "skillName"],
                "properties": {"id": STRING, "skillName": STRING, "isPartOf": FRAMEWORK},
            },
        },
        "standards": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["skillName"],
                "properties": {"skillName": STRING, "isPartOf": FRAMEWORK},
            },
        },
        "certifications": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {"id": STRING, "name": STRING, "isPartOf": FRAMEWORK},
            },
        },
        "employers": {"type": "array"},
        "occupations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "targetNodeName", "frameworkName"],
                "properties": {"code": STRING, "targetNodeName": STRING, "frameworkName": STRING},
            },
        },
        "collections": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["uuid", "name"],
                "properties": {"uuid": {"type": "string", "format": "uuid"}, "name": STRING},
            },
        },
    },
}
COLLECTION = {
    "type": "object",
    "required": ["@context", "type", "uuid", "name", "status", "skills"],
    "properties": {
        "type": {"const": "RichSkillCollection"},
        "uuid": {"type": "string", "format": "uuid"},
        "skills": {"type": "array", "items": RSD, "minItems": 1},
    },
}


@pytest.mark.parametrize("site_name", ["default_site", "esco_site"])
def test_rsd_export_has_osmt_fields(request, site_name):
    site = request.getfixturevalue(site_name)
    doc = json.loads(download(site, "osn-rsd"))
    jsonschema.validate(doc, COLLECTION, format_checker=jsonschema.FormatChecker())
    skills = doc["skills"]
    for skill in skills:  # (jsonschema checks "uuid" itself, "date-time" only with extras)
        for name in ("creationDate", "updateDate", "publishDate"):
            if skill[name] is not None:
                datetime.datetime.fromisoformat(skill[name])
    assert all(s["collections"] == [{"uuid": doc["uuid"], "name": doc["name"]}] for s in skills)
    if site_name == "default_site":
        # The built-in taxonomy's programs teach most skills: they are the certifications.
        taught = [s for s in skills if s["certifications"]]
        assert len(taught) > len(skills) / 2
        assert all(
            c["id"].startswith("https://w3id.org/skillgraph/id/program/")
            for s in taught
            for c in s["certifications"]
        )
        assert {a for s in skills for a in s["authors"]} == {"skillgraph default taxonomy"}
    else:
        # Imported content carries its source, its licence's creator and the import time.
        assert {a for s in skills for a in s["authors"]} == {"ESCO"}
        assert all(s["creationDate"] and s["creationDate"] == s["updateDate"] for s in skills)
        assert all(s["alignments"][0]["isPartOf"]["name"] == "ESCO" for s in skills)
