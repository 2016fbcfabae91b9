"""Next steps with one place per occupation (``group_kinds``): ESCO's kinds of one
occupation (roles under one broader role) folded under the best-fitting one."""

from __future__ import annotations

import numpy as np
import pytest

import skillgraph
from skillgraph.taxonomy import Taxonomy

from ..helpers import skillgraph_cli

SELLER = "specialised seller"


def test_a_family_is_the_top_of_the_chain_of_broader_roles():
    t = Taxonomy.from_records(
        roles=[("r:seller", "seller", None), ("r:books", "bookseller", None),
               ("r:rare", "rare books seller", None), ("r:cook", "cook", None)],
        skills=[], fields=[], requirements=[],
        role_broader=[("r:books", "r:seller"), ("r:rare", "r:books"), ("r:x", "r:cook")],
    )  # fmt: skip
    assert t.role_family.tolist() == [0, 0, 0, 3]


def test_without_a_role_hierarchy_grouping_changes_nothing():
    g = skillgraph.open(None)
    t = g.taxonomy
    assert (t.role_family == np.arange(t.n_roles)).all()
    plain = g.next_steps("data analyst", k=8)
    grouped = g.next_steps("data analyst", k=8, group_kinds=True)
    assert [m.as_dict() for m in grouped] == [m.as_dict() for m in plain]


def _family(t, label: str) -> int:
    return int(t.role_family[t.role_labels.index(label)])


def test_esco_kinds_of_one_occupation_take_one_place(esco_graph):
    t = esco_graph.taxonomy
    seller = _family(t, SELLER)
    assert _family(t, "bookshop specialised seller") == seller == t.role_labels.index(SELLER)
    plain = esco_graph.next_steps("shop assistant", k=500)
    fam = [int(t.role_family[t.locate(m.role.uri)[1]]) for m in plain]
    assert fam[:10].count(seller) >= 5  # the problem: ten places, mostly one occupation
    grouped = esco_graph.next_steps("shop assistant", k=10, group_kinds=True)
    assert len(grouped) == 10
    families = [int(t.role_family[t.locate(m.role.uri)[1]]) for m in grouped]
    assert len(set(families)) == 10 and seller in families
    # Each place goes to the first role of its family in the plain ranking, in that order.
    firsts = [i for i, f in enumerate(fam) if f not in fam[:i]]
    assert [m.role.uri for m in grouped] == [plain[i].role.uri for i in firsts[:10]]
    sellers = grouped[families.index(seller)]
    assert len(sellers.other_kinds) >= 30
    assert "bookshop specialised seller" in {c.label for c in sellers.other_kinds}
    # The move itself is explained exactly as without grouping.
    same = next(m for m in plain if m.role.uri == sellers.role.uri)
    assert {**sellers.as_dict(), "other_kinds": []} == same.as_dict()


def test_cli_groups_kinds(esco_store_path):
    out = skillgraph_cli("next", "shop assistant", "--group-kinds", "--store", str(esco_store_path))
    assert "other kinds:" in out
    assert out.count("specialised seller") <= 2


@pytest.fixture(scope="module")
def esco_client(esco_store_path):
    from skillgraph_web import create_app

    return create_app({"TESTING": True, "STORE": str(esco_store_path)}).test_client()


def test_web_and_api_group_kinds(esco_client):
    page = esco_client.get("/next?from=shop+assistant&group_kinds=1")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "other kinds of this occupation" in html
    assert 'name="group_kinds" value="1" checked' in html
    moves = esco_client.get("/api/next?from=shop+assistant&group_kinds=1").get_json()["moves"]
    assert max(len(m["other_kinds"]) for m in moves) >= 30
    plain = esco_client.get("/api/next?from=shop+assistant").get_json()["moves"]
    assert all(m["other_kinds"] == [] for m in plain)
    bad = esco_client.get("/api/next?from=shop+assistant&group_kinds=maybe")
    assert bad.status_code == 400 and "group_kinds" in bad.get_json()["message"]
