"""The projection: reading a ``Taxonomy`` (plain arrays) out of an RDF store with SPARQL.

``taxonomy_for`` caches it with the store, keyed by the store's content id, so that a
store is read once per content (see ``skillgraph.store.cache``).
"""

from __future__ import annotations

from .careers.outlook import combine, is_onet_code
from .namespace import SPARQL_PREFIXES
from .store import Store
from .store.cache import read_cache, write_cache
from .taxonomy import Taxonomy

__all__ = ["load_taxonomy", "taxonomy_for"]


def _rows(store: Store, body: str) -> list[list]:
    result = store.query(SPARQL_PREFIXES + body)
    out = []
    for solution in result:
        out.append([None if term is None else term.value for term in solution])
    return out


def _labelled(store: Store, cls: str, extra: str = "", extra_vars: str = "") -> list[list]:
    # One preferred label per concept: English first, then any; ties broken by the text.
    rows = _rows(
        store,
        f"""SELECT ?c (SAMPLE(?en) AS ?len) (MIN(?any) AS ?lany) {extra_vars} WHERE {{
              ?c a {cls} .
              OPTIONAL {{ ?c skos:prefLabel ?en FILTER(langMatches(lang(?en), "en")) }}
              OPTIONAL {{ ?c skos:prefLabel ?any }}
              {extra}
            }} GROUP BY ?c ORDER BY ?c""",
    )
    return [[r[0], r[1] or r[2] or r[0].rsplit("/", 1)[-1], *r[3:]] for r in rows]


def load_taxonomy(store: Store) -> Taxonomy:
    """Read the projection of ``store`` (roles, skills, fields, programs, relations)."""
    fields = [(r[0], r[1]) for r in _labelled(store, "sg:Field")]
    role_rows = _labelled(
        store,
        "sg:Role",
        "OPTIONAL { ?c sg:field ?f } OPTIONAL { ?c sg:seniority ?n } "
        "OPTIONAL { ?c sg:preparationLevel ?z }",
        "(MIN(STR(?f)) AS ?field) (MIN(?n) AS ?rank) (MIN(?z) AS ?zone)",
    )
    roles = [(r[0], r[1], r[2]) for r in role_rows]
    seniority = {}
    for r in role_rows:
        rank = _float(r[3]) if r[3] is not None else _float(r[4])
        if rank is not None:
            seniority[r[0]] = rank
    skills = [
        (r[0], r[1], r[2], None if r[3] is None else float(r[3]))
        for r in _labelled(
            store,
            "sg:Skill",
            "OPTIONAL { ?c sg:field ?f } OPTIONAL { ?c sg:effortHours ?h }",
            "(MIN(STR(?f)) AS ?field) (MIN(?h) AS ?hours)",
        )
    ]
    programs = [
        (r[0], r[1], _float(r[2]), _float(r[3]), r[4] or "", r[5])
        for r in _labelled(
            store,
            "sg:LearningProgram",
            "OPTIONAL { ?c sg:hours ?h } OPTIONAL { ?c sg:cost ?k } "
            "OPTIONAL { ?c sg:programType ?t } OPTIONAL { ?c sg:field ?f }",
            "(MIN(?h) AS ?hours) (MIN(?k) AS ?cost) (MIN(?t) AS ?type) (MIN(STR(?f)) AS ?field)",
        )
    ]
    requirements = [
        (r, s, True) for r, s in _rows(store, "SELECT ?r ?s WHERE { ?r sg:essentialSkill ?s }")
    ]
    essential = {(r, s) for r, s, _ in requirements}
    requirements += [
        (r, s, False)
        for r, s in _rows(store, "SELECT ?r ?s WHERE { ?r sg:optionalSkill ?s }")
        if (r, s) not in essential
    ]
    ratings = {
        (r, s): (_float(i), _float(lv))
        for r, s, i, lv in _rows(
            store,
            """SELECT ?r ?s ?i ?l WHERE { ?r sg:requirement ?q . ?q sg:requiredSkill ?s .
                 OPTIONAL { ?q sg:importance ?i } OPTIONAL { ?q sg:level ?l } }""",
        )
    }
    teaches = [tuple(r) for r in _rows(store, "SELECT ?p ?s WHERE { ?p sg:teaches ?s }")]
    # In a fixed order, not the store's (which differs between servers: Oxigraph, Virtuoso).
    requirements.sort()
    teaches.sort()
    codes = dict(
        _rows(
            store,
            "SELECT ?r (MIN(STR(?n)) AS ?code) WHERE { ?r a sg:Role ; skos:notation ?n } "
            "GROUP BY ?r",
        )
    )
    skill_kinds = {
        s: (t or "", u or "")
        for s, t, u in _rows(
            store,
            """SELECT ?s (MIN(STR(?t)) AS ?type) (MIN(STR(?u)) AS ?reuse) WHERE { ?s a sg:Skill
                 OPTIONAL { ?s sg:skillType ?t } OPTIONAL { ?s sg:reuseLevel ?u } } GROUP BY ?s""",
        )
        if t or u
    }
    # Each role's words: preferred label, alternative labels (sorted) and description,
    # assembled here so that every server gives the same text (GROUP_CONCAT's order and
    # SAMPLE's pick are the server's).
    alts: dict[str, list[str]] = {}
    for r, a in _rows(store, "SELECT ?r ?a WHERE { ?r a sg:Role ; skos:altLabel ?a }"):
        alts.setdefault(r, []).append(a)
    descriptions = dict(
        _rows(
            store,
            "SELECT ?r (MIN(?d) AS ?desc) WHERE { ?r a sg:Role ; dcterms:description ?d } "
            "GROUP BY ?r",
        )
    )
    texts = {
        uri: " ".join(x for x in (label, *sorted(alts.get(uri, ())), descriptions.get(uri)) if x)
        for uri, label, _ in roles
    }
    broader = sorted(
        (s, g)
        for s, g in _rows(
            store,
            "SELECT ?s ?g WHERE { ?s a sg:Skill ; skos:broader ?g "
            "FILTER NOT EXISTS { ?g a sg:Role } }",
        )
    )
    role_broader = sorted(
        (r, b)
        for r, b in _rows(
            store, "SELECT ?r ?b WHERE { ?r a sg:Role ; skos:broader ?b . ?b a sg:Role }"
        )
    )
    return Taxonomy.from_records(
        roles=roles,
        skills=skills,
        fields=fields,
        requirements=requirements,
        programs=programs,
        teaches=teaches,
        ratings=ratings,
        content_id=store.content_id,
        seniority=seniority,
        codes=codes,
        skill_kinds=skill_kinds,
        texts=texts,
        broader=broader,
        figures=_figures(store, roles, codes),
        figure_sources=_figure_sources(store),
        role_broader=role_broader,
    )


#: The measures of ``sg:Figure`` and the name each has in a ``Taxonomy``.
MEASURES = {"MedianAnnualWage": "wage", "Employment": "employment", "LLMExposure": "exposure"}


def _figures(
    store: Store, roles: list[tuple[str, str, str | None]], codes: dict[str, str]
) -> dict[str, tuple[float, float, float, str]]:
    """Each role's (median wage, employment, exposure, linked O*NET-SOC codes): from its
    own O*NET-SOC code, else from the codes of the occupations it maps to
    (``skos:closeMatch``, the crosswalk), combined by ``careers.outlook.combine``."""
    by_measure: dict[str, dict[str, float]] = {name: {} for name in MEASURES.values()}
    for code, measure, value in _rows(
        store,
        "SELECT ?code ?m ?v WHERE { ?o sg:figure ?f ; skos:notation ?code . "
        "?f sg:measure ?m ; sg:value ?v }",
    ):
        name = MEASURES.get(measure.rsplit("#", 1)[-1])
        number = _float(value)
        if name is not None and number is not None:
            by_measure[name][code] = number
    # Links count without figures too: the fit of a store of ESCO and O*NET uses them.
    linked: dict[str, set[str]] = {}
    for role, code in _rows(
        store,
        "SELECT ?r ?code WHERE { ?r a sg:Role ; skos:closeMatch ?o . ?o skos:notation ?code }",
    ):
        if is_onet_code(code):
            linked.setdefault(role, set()).add(code)
    out = {}
    for uri, _, _ in roles:
        own = codes.get(uri, "")
        matched = sorted([own] if is_onet_code(own) else linked.get(uri, ()))
        if matched:
            wage, jobs, exposure = combine(
                matched, by_measure["wage"], by_measure["employment"], by_measure["exposure"]
            )
            out[uri] = (wage, jobs, exposure, " ".join(matched))
    return out


def _figure_sources(store: Store) -> dict[str, str]:
    """measure -> "title, year" of the datasets its figures come from."""
    found: dict[str, set[str]] = {}
    for measure, title, year in _rows(
        store,
        "SELECT DISTINCT ?m ?t ?y WHERE { ?f a sg:Figure ; sg:measure ?m ; sg:year ?y ; "
        "dcterms:source ?s . ?s rdfs:label ?t }",
    ):
        name = MEASURES.get(measure.rsplit("#", 1)[-1])
        if name is not None:
            found.setdefault(name, set()).add(f"{title} ({year})")
    return {name: "; ".join(sorted(values)) for name, values in sorted(found.items())}


def _float(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def taxonomy_for(store: Store) -> Taxonomy:
    """The taxonomy of ``store``, from its on-disk cache when the content is unchanged."""
    cached = read_cache(store.cache_dir, "taxonomy", store.content_id)
    if isinstance(cached, Taxonomy):
        return cached
    taxonomy = load_taxonomy(store)
    write_cache(store.cache_dir, "taxonomy", store.content_id, taxonomy)
    return taxonomy
