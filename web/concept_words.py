"""A concept page in the words a person uses: relations and properties named for what
they mean ("essential skills", "taught by"), not for their RDF property ("teaches of",
"topConceptOf"); SKOS bookkeeping (schemes, top concepts, ESCO's mirrored skill links)
left out of the page and its drawing; a field's members grouped by kind."""

from __future__ import annotations

__all__ = ["PROPERTY_WORDS", "RELATION_WORDS", "in_words", "relation_name"]

#: (local name of the property, outgoing?) -> what the page calls the relation.
RELATION_WORDS: dict[tuple[str, bool], str] = {
    ("essentialSkill", True): "essential skills",
    ("essentialSkill", False): "roles that need it",
    ("optionalSkill", True): "optional skills",
    ("optionalSkill", False): "roles where it helps",
    ("teaches", True): "skills it teaches",
    ("teaches", False): "programs that teach it",
    ("field", True): "field",
    ("field", False): "in this field",
    ("broader", True): "part of",
    ("broader", False): "narrower concepts",
    ("narrower", True): "narrower concepts",
    ("narrower", False): "part of",
    ("member", False): "in the collection",
    ("member", True): "members",
    ("occupationGroup", True): "occupation group",
    ("occupationGroup", False): "occupations in this group",
    ("exactMatch", True): "the same as",
    ("exactMatch", False): "the same as",
    ("closeMatch", True): "close to",
    ("closeMatch", False): "close to",
    ("related", True): "related",
    ("related", False): "related",
}
#: Relations that are bookkeeping, not content: concept schemes and top concepts, and
#: ESCO's ``relatedEssentialSkill`` / ``relatedOptionalSkill``, which mirror the skill
#: links already shown.
HIDDEN = {
    "inScheme",
    "topConceptOf",
    "hasTopConcept",
    "relatedEssentialSkill",
    "relatedOptionalSkill",
}
#: Literal properties named in words (by local name); None leaves one off the page.
PROPERTY_WORDS: dict[str, str | None] = {
    "notation": "code",
    "seniority": "seniority (1 = entry level, 5 = leads others)",
    "preparationLevel": "preparation needed (1 = little, 5 = extensive)",
    "definition": None,  # shown as the description
    "effort hours": "hours to learn",
}
KIND_GROUPS = (
    ("role", "roles"),
    ("skill", "skills"),
    ("program", "learning programs"),
    ("field", "fields"),
    ("concept", "other"),
)


def _local(uri: str) -> str:
    """The last part of a property URI.

    >>> _local("http://www.w3.org/2004/02/skos/core#topConceptOf")
    'topConceptOf'
    """
    return uri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def relation_name(prop: str, outgoing: bool, name: str) -> str | None:
    """What the page calls a relation (None: leave it off the page).

    >>> relation_name("https://w3id.org/skillgraph/ontology#teaches", False, "teaches of")
    'programs that teach it'
    >>> relation_name("http://www.w3.org/2004/02/skos/core#inScheme", True, "in scheme") is None
    True
    >>> relation_name("http://example.org/p#worksWith", True, "works with")
    'works with'
    """
    local = _local(prop)
    if local in HIDDEN:
        return None
    return RELATION_WORDS.get((local, outgoing), name)


def _property_name(name: str) -> str | None:
    local = _local(name)
    return PROPERTY_WORDS.get(local, PROPERTY_WORDS.get(name, local if "/" in name else name))


def in_words(shown: dict) -> dict:
    """``shown`` (``explore.concept``) with its relations and properties in words, in
    place; a field's members come as one group per kind ("roles", "skills", ...)."""
    for key, outgoing in (("outgoing", True), ("incoming", False)):
        kept = []
        for group in shown[key]:
            name = relation_name(group["property"], outgoing, group["name"])
            if name is None:
                continue
            group["name"] = name
            if not outgoing and _local(group["property"]) == "field":
                kept.extend(_by_kind(group))
            else:
                kept.append(group)
        shown[key] = kept
    properties = {}
    for name, values in shown["properties"].items():
        words = _property_name(name)
        if words is None:
            if not shown.get("description") and values:
                shown["description"] = values[0]
            continue
        properties[words] = values
    shown["properties"] = properties
    return shown


def _by_kind(group: dict) -> list[dict]:
    """A field's members split by kind; each part's count is what it shows unless the
    field has more members than were listed (then the total stays on the first)."""
    parts = []
    for kind, words in KIND_GROUPS:
        items = [i for i in group["items"] if i.get("kind", "concept") == kind]
        if items:
            parts.append(
                {**group, "name": words, "items": items, "count": len(items), "shown": len(items)}
            )
    if parts and group["count"] > len(group["items"]):
        parts[0]["more"] = group["count"] - len(group["items"])
    return parts
