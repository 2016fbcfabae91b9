"""ESCO and O*NET in one store, linked by the crosswalk (``careers.linked``): moves stay
inside one taxonomy, each taxonomy's roles keep their own fit profile, and an ESCO role
takes the fit of the O*NET occupations it is linked to."""

from __future__ import annotations

import numpy as np

from skillgraph.careers import CareerModel, PathParams
from skillgraph.careers.fit import PROFILES, fit_parts, fit_rows
from skillgraph.taxonomy import Taxonomy

NAN = float("nan")
ESCO_ROLES = {"e:start": "2111.1", "e:plain": "2222.1", "e:linked": "2333.1"}
ONET_ROLES = {"o:start": "11-1111.00", "o:near": "11-2222.00", "o:far": "11-3333.00"}


def taxonomy(links: bool = True, onet: bool = True) -> Taxonomy:
    """Two ESCO targets that the ESCO terms cannot tell apart from ``e:start`` (one shared
    skill each, same major group, same level); ``e:linked`` maps to the O*NET occupation
    that ``e:start``'s occupation fits best, ``e:plain`` to the one it fits worst."""
    esco_req = [
        ("e:start", "s:x", True),
        ("e:start", "s:y", True),
        ("e:plain", "s:x", True),
        ("e:plain", "s:z", True),
        ("e:linked", "s:x", True),
        ("e:linked", "s:w", True),
    ]
    onet_req = [
        ("o:start", "k:a", True),
        ("o:start", "k:b", True),
        ("o:near", "k:a", True),
        ("o:near", "k:b", True),
        ("o:near", "k:c", True),
        ("o:far", "k:c", True),
        ("o:far", "k:d", True),
    ]
    roles = {**ESCO_ROLES, **(ONET_ROLES if onet else {})}
    mapped = {"e:start": "11-1111.00", "e:plain": "11-3333.00", "e:linked": "11-2222.00"}
    figures = {}
    if links:
        figures = {uri: (NAN, NAN, NAN, code) for uri, code in mapped.items()}
        figures.update({uri: (NAN, NAN, NAN, code) for uri, code in ONET_ROLES.items()})
    skills = ["s:x", "s:y", "s:z", "s:w"] + (["k:a", "k:b", "k:c", "k:d"] if onet else [])
    return Taxonomy.from_records(
        roles=[(uri, uri[2:], None) for uri in roles],
        skills=[(s, s, None, None) for s in skills],
        fields=[],
        requirements=esco_req + (onet_req if onet else []),
        codes=roles,
        figures=figures,
    )


def next_steps(t: Taxonomy, role: str, k: int = 10) -> list[str]:
    model = CareerModel(t, PathParams())
    start = model.start_for(t.locate(role)[1])
    return [m.role.uri for m in model.next_steps(start, k)]


def test_moves_stay_inside_one_taxonomy():
    t = taxonomy()
    assert set(next_steps(t, "e:start")) <= set(ESCO_ROLES)
    assert set(next_steps(t, "o:start")) <= set(ONET_ROLES)
    fit = fit_rows(fit_parts(t, PROFILES["esco"]), np.arange(t.n_roles))
    esco = np.array([u in ESCO_ROLES for u in t.role_uris])
    assert np.isneginf(fit[np.ix_(esco, ~esco)]).all()
    assert np.isneginf(fit[np.ix_(~esco, esco)]).all()


def test_an_esco_role_takes_the_fit_of_its_linked_occupations():
    # Without O*NET in the store the two targets tie, and the tie goes by role order.
    assert next_steps(taxonomy(onet=False, links=False), "e:start")[:2] == ["e:plain", "e:linked"]
    # Linked: e:linked maps to the occupation o:start's occupation moves to best.
    assert next_steps(taxonomy(), "e:start")[:2] == ["e:linked", "e:plain"]
    # O*NET in the store but no crosswalk: nothing to take, the tie stays.
    assert next_steps(taxonomy(links=False), "e:start")[:2] == ["e:plain", "e:linked"]


def test_each_taxonomy_keeps_its_own_profile():
    t = taxonomy()
    mixed = fit_parts(t, PROFILES["esco"])
    onet_rows = [t.locate(uri)[1] for uri in ONET_ROLES]
    own = fit_parts(t, PROFILES["onet"], mixed=False)
    expected = fit_rows(own, np.array(onet_rows))
    expected[:, [t.locate(u)[1] for u in ESCO_ROLES]] = -np.inf
    assert np.array_equal(fit_rows(mixed, np.array(onet_rows)), expected)


def test_one_taxonomy_alone_is_not_mixed():
    t = taxonomy(onet=False, links=False)
    parts = fit_parts(t, PROFILES["esco"])
    assert parts.linked is None
