"""Career paths on the real O*NET 29.3 data: rated levels make big jumps dearer.

A registered nurse has nearly every skill a family medicine physician needs, but at
lower levels (O*NET Level ratings).  Skips without ../shared/data.
"""

from __future__ import annotations

from skillgraph.careers import PathParams

NURSE, DOCTOR = "Registered Nurses", "Family Medicine Physicians"


def direct(graph, params: PathParams):
    model = graph.careers.model(params)
    t = graph.taxonomy
    a = t.locate(graph.resolve(NURSE, kind="role").uri)[1]
    b = t.locate(graph.resolve(DOCTOR, kind="role").uri)[1]
    row = model.row(model.start_for(a))
    return model, a, b, row


def test_levels_make_nurse_to_physician_dearer(onet_graph):
    _, _, b, flat = direct(onet_graph, PathParams(use_levels=False))
    model, _, _, rated = direct(onet_graph, PathParams())
    assert model.req.levels is not None, "the O*NET import stores levels"
    assert rated.overlap[b] < flat.overlap[b]
    assert rated.cost[b] > flat.cost[b] + 0.05
    before = onet_graph.career_paths(NURSE, DOCTOR, k=1, params={"use_levels": False})[0]
    after = onet_graph.career_paths(NURSE, DOCTOR, k=1)[0]
    assert after.cost > before.cost


def test_a_move_up_names_the_skills_to_deepen(onet_graph):
    moves = {m.role.label: m for m in onet_graph.next_steps(NURSE, k=500)}
    # Not necessarily a viable move: then its step on the cheapest path explains it.
    move = moves.get(DOCTOR) or onet_graph.career_paths(NURSE, DOCTOR, k=1)[0].steps[-1]
    assert move.to_deepen, "a physician needs skills at higher levels than a nurse has"
    for gap in move.to_deepen:
        assert gap.have_level < gap.level and gap.weight > 0 and gap.hours > 0
    assert move.hours >= sum(g.hours for g in move.to_deepen)
