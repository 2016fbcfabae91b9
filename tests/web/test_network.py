"""The graph builders on hand-made data: exact nodes, edges, caps and layout."""

from __future__ import annotations

import doctest

from skillgraph_web import network
from skillgraph_web.career_drawings import path_graph


def test_doctests():
    assert doctest.testmod(network).failed == 0


def _shown(n_essential: int, n_field: int) -> dict:
    def group(name, n, kind):
        items = [{"uri": f"x:{name}{i}", "label": f"{name} {i}", "kind": kind} for i in range(n)]
        return {"property": f"p:{name}", "name": name, "count": n, "items": items}

    return {
        "uri": "x:me",
        "label": "me",
        "kind": "role",
        "outgoing": [group("essential skill", n_essential, "skill")],
        "incoming": [group("field of", n_field, "role")],
    }


def test_neighbourhood_cap_is_shared_round_robin():
    drawing = network.neighbourhood_graph(_shown(10, 2), lambda uri: "/c/" + uri, cap=6)
    ids = {n["id"] for n in drawing["nodes"] if n["kind"] != "group"}
    # Both relations are represented although the first alone could fill the cap.
    assert {"x:field of0", "x:field of1"} <= ids
    assert len(ids) == 7  # the concept and 6 neighbours
    headings = [n["label"] for n in drawing["nodes"] if n["kind"] == "group"]
    assert headings == ["essential skill (10)", "field of (2)"]
    assert drawing["meta"] == {"shown": 6, "total": 12, "cap": 6, "layout": "blocks"}
    assert drawing["options"]["physics"] == {"enabled": False}
    essential = [e for e in drawing["edges"] if e["title"] == "essential skill"]
    assert all(e["width"] == 2.5 and e["from"] == "x:me" for e in essential)
    assert all(e["to"] == "x:me" for e in drawing["edges"] if e["title"] == "field of")


def test_titles_are_plain_text_and_urls_ours():
    shown = _shown(1, 0)
    shown["outgoing"][0]["items"][0]["label"] = "<b>bold</b>"
    drawing = network.neighbourhood_graph(shown, lambda uri: "/c/" + uri)
    node = next(n for n in drawing["nodes"] if n["id"] == "x:essential skill0")
    assert node["title"].startswith("<b>bold</b>\nskill")  # text; shown with innerText
    assert node["url"] == "/c/x:essential skill0"


def _concept(uri, kind="role"):
    return {"uri": uri, "label": uri.upper(), "kind": kind}


def test_path_graph_layout_and_kinds():
    gap = {"skill": _concept("s1", "skill"), "essential": True, "weight": 1.0, "hours": 10.0}
    step = {
        "source": _concept("a"),
        "target": _concept("b"),
        "kind": "reskilling",
        "cost": 1.5,
        "matched": 1,
        "required": 2,
        "missing_skills": [gap],
        "hours": 10.0,
        "programs": [
            {
                "program": _concept("p1", "program"),
                "hours": 5.0,
                "cost": None,
                "program_type": "online course",
                "covers": [_concept("s1", "skill")],
            }
        ],
    }
    drawing = path_graph({"source": _concept("a"), "steps": [step]})
    nodes = {n["id"]: n for n in drawing["nodes"]}
    assert set(nodes) == {"a", "b", "0|s1", "0|p1"}
    assert nodes["a"]["y"] == nodes["b"]["y"] == 0 < nodes["0|s1"]["y"] < nodes["0|p1"]["y"]
    edges = {(e["from"], e["to"]): e for e in drawing["edges"]}
    assert edges[("a", "b")]["kind"] == "reskilling"
    assert edges[("a", "b")]["dashes"]
    assert edges[("0|s1", "b")]["kind"] == "gap"
    assert edges[("0|p1", "0|s1")]["kind"] == "teaches"
    assert drawing["options"]["physics"] == {"enabled": False}


def test_neighbourhood_blocks_do_not_overlap_by_their_estimated_boxes():
    from skillgraph_web import layout

    shown = _shown(40, 25)
    shown["outgoing"][0]["items"][3]["label"] = "a very long skill label " * 4
    drawing = network.neighbourhood_graph(shown, lambda uri: "/c/" + uri, cap=65)
    boxes = []
    for n in drawing["nodes"]:
        w, h = layout.label_box(n["label"], n["kind"])
        boxes.append((n["x"] - w / 2, n["y"] - h / 2, n["x"] + w / 2, n["y"] + h / 2))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
