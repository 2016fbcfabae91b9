"""Export skills as Open Skills Network Rich Skill Descriptors (RSD) JSON.

The document is a ``RichSkillCollection`` (the shape OSMT, the Open Skills Management Tool,
publishes) whose ``skills`` are ``RichSkillDescriptor`` objects with the fields of OSMT's
own skills (API v3) that the taxonomy can fill:

- ``id`` the skill's URI (kept as the canonical identifier), ``uuid`` a UUID-5 of that URI
  (stable across exports), ``status`` ``published``;
- ``skillName`` the preferred label, ``skillStatement`` the description (the label when the
  taxonomy has none), ``keywords`` the alternative labels, ``categories`` the skill groups
  (broader concepts) or else the skill type;
- ``authors`` the framework the skill comes from (ESCO, O*NET, the default taxonomy, ...),
  ``creator`` that source's URI; ``creationDate``, ``updateDate`` and ``publishDate`` the
  time the store was built (null for the built-in taxonomy, which has none),
  ``archiveDate`` null;
- ``alignments`` the concept itself in its source framework, ``standards`` its codes there
  (``skos:notation``, such as O*NET element ids) with the framework's name;
- ``certifications`` the learning programs that teach the skill, ``occupations`` the roles
  that require it (``code`` is the role's notation: an O*NET-SOC or ESCO code),
  ``collections`` this collection, ``employers`` empty.

The ``@context`` URL is written as OSMT writes it; nothing is fetched.  ``attribution``
carries the sources' licence text.
"""

from __future__ import annotations

import json
import uuid
from typing import BinaryIO

from ..namespace import DCTERMS, SG, SKOS
from .selection import Selection

__all__ = ["RSD_CONTEXT", "osn_document", "write_osn"]

RSD_CONTEXT = "https://rsd.openskillsnetwork.org/context-v1.json"
#: The creator of skills from no imported source (the built-in taxonomy's namespace).
SKILLGRAPH = "https://w3id.org/skillgraph/"


def _values(store, query: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a, b in store.query(query):
        out.setdefault(a.value, []).append(b.value)
    return out


def _framework(uri: str, sources: list[dict]) -> str:
    best = ""
    name = "skillgraph"
    for source in sources:
        prefix = source.get("uri_prefix") or ""
        if prefix and uri.startswith(prefix) and len(prefix) > len(best):
            best, name = prefix, source["name"]
    return name


def osn_document(graph, selection: Selection) -> dict:
    """The RSD collection of the skills ``selection`` keeps."""
    from .export_rdf import attribution_text, attributions

    t = graph.taxonomy
    store = graph.store
    sources = attributions(store)
    en = 'FILTER(lang(?o) = "" || langMatches(lang(?o), "en"))'
    alt = _values(store, f"SELECT ?c ?o {{ ?c a <{SG.Skill}> ; <{SKOS.altLabel}> ?o {en} }}")
    desc = _values(
        store,
        f"SELECT ?c ?o {{ ?c a <{SG.Skill}> ; <{DCTERMS.description}>|<{SKOS.definition}> ?o "
        f"{en} }}",
    )
    groups = _values(
        store,
        f"""SELECT ?c ?o {{ ?c a <{SG.Skill}> ; <{SKOS.broader}> ?g .
            ?g <{SKOS.prefLabel}> ?o {en} }}""",
    )
    types = _values(store, f"SELECT ?c ?o {{ ?c <{SG.skillType}> ?o }}")
    notation = _values(store, f"SELECT ?c ?o {{ ?c a <{SG.Role}> ; <{SKOS.notation}> ?o }}")
    codes = _values(store, f"SELECT ?c ?o {{ ?c a <{SG.Skill}> ; <{SKOS.notation}> ?o }}")
    required: dict[int, list[int]] = {}
    for r, s in zip(t.req_role.tolist(), t.req_skill.tolist(), strict=True):
        if selection.keeps(t.role_uris[r]):
            required.setdefault(s, []).append(r)
    teaching: dict[int, list[int]] = {}
    for p, s in zip(t.teach_program.tolist(), t.teach_skill.tolist(), strict=True):
        if selection.keeps(t.program_uris[p]):
            teaching.setdefault(s, []).append(p)
    created = store.meta.get("created")
    source_uris = {s["name"]: s["uri"] for s in sources if s.get("uri")}
    collection = {
        "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"skillgraph:{store.content_id}")),
        "name": f"skillgraph export of {selection.description}",
    }
    skills = []
    for s, (uri, label) in enumerate(zip(t.skill_uris, t.skill_labels, strict=True)):
        if not selection.keeps(uri):
            continue
        framework = _framework(uri, sources)
        statement = min(desc[uri]) if uri in desc else label
        skills.append(
            {
                "@context": RSD_CONTEXT,
                "type": "RichSkillDescriptor",
                "id": uri,
                "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, uri)),
                "status": "published",
                "skillName": label,
                "skillStatement": statement,
                "categories": sorted(set(groups.get(uri, []))) or sorted(set(types.get(uri, []))),
                "keywords": sorted(set(alt.get(uri, [])) - {label}),
                "authors": [framework],
                "creator": source_uris.get(framework, SKILLGRAPH),
                "creationDate": created,
                "updateDate": created,
                "publishDate": created,
                "archiveDate": None,
                "alignments": [{"id": uri, "skillName": label, "isPartOf": {"name": framework}}],
                "standards": [
                    {"skillName": code, "isPartOf": {"name": framework}}
                    for code in sorted(set(codes.get(uri, [])))
                ],
                "certifications": [
                    {
                        "id": t.program_uris[p],
                        "name": t.program_labels[p],
                        "isPartOf": {"name": _framework(t.program_uris[p], sources)},
                    }
                    for p in sorted(teaching.get(s, []), key=lambda p: t.program_labels[p])
                ],
                "employers": [],
                "occupations": [
                    {
                        "id": t.role_uris[r],
                        "code": min(notation.get(t.role_uris[r], [""])),
                        "targetNodeName": t.role_labels[r],
                        "frameworkName": _framework(t.role_uris[r], sources),
                    }
                    for r in sorted(required.get(s, []), key=lambda r: t.role_labels[r])
                ],
                "collections": [collection],
            }
        )
    return {
        "@context": RSD_CONTEXT,
        "type": "RichSkillCollection",
        **collection,
        "status": "published",
        "author": "skillgraph",
        "attribution": attribution_text(store),
        "sources": [
            {"name": s["name"], "attribution": s["attribution"], "uriPrefix": s["uri_prefix"]}
            for s in sources
        ],
        "skills": skills,
    }


def write_osn(graph, selection: Selection, out: BinaryIO) -> None:
    doc = osn_document(graph, selection)
    out.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
