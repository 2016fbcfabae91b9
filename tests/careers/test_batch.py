"""Next steps of many roles at once (``careers.batch``, issue 17) are the answers of
``CareerModel.next_steps`` role by role: the same roles, costs, kinds, modes, fits and
explanations, on the default taxonomy, a sample of ESCO roles and with a k beyond the
kept best fits (the fallback to one row)."""

from __future__ import annotations

import random

import pytest

import skillgraph
from skillgraph.careers import CareerModel, PathParams
from skillgraph.careers.best_fits import KEEP


def answers(moves):
    return [m.as_dict() for m in moves]


def check(model: CareerModel, roles, k: int) -> None:
    many = model.next_steps_many(roles, k)
    assert len(many) == len(roles)
    for role, got in zip(roles, many, strict=True):
        assert answers(got) == answers(model.next_steps(model.start_for(role), k)), role


@pytest.mark.parametrize(
    "params", [PathParams(), PathParams(retraining=False), PathParams(reuse_weight=0.5)]
)
def test_default_taxonomy_every_role(params):
    g = skillgraph.open()
    model = g.careers.model(params)
    check(model, list(range(g.taxonomy.n_roles)), 10)


def test_a_k_beyond_the_kept_fits_falls_back_to_a_row():
    g = skillgraph.open()
    model = g.careers.model()
    check(model, [0, 5, 17], KEEP + 20)


@pytest.mark.parametrize("params", [PathParams(), PathParams(retraining=False)])
def test_esco_sample(esco_graph, params):
    model = esco_graph.careers.model(params)
    roles = random.Random(23).sample(range(esco_graph.taxonomy.n_roles), 150)
    check(model, roles, 10)


def test_careers_next_steps_many_by_name():
    g = skillgraph.open()
    t = g.taxonomy
    names = [t.role_labels[3], t.role_uris[8]]
    many = g.careers.next_steps_many(names, 5)
    assert [answers(m) for m in many] == [answers(g.next_steps(n, 5)) for n in names]
    with pytest.raises(skillgraph.errors.UnknownConcept):
        g.careers.next_steps_many(["no such role at all xyz"], 5)
