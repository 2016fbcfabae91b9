"""The on-disk store: build, reopen, atomic swap, failures that lose nothing."""

import os
import signal
import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest

from skillgraph.errors import StoreError
from skillgraph.store import build_store, iter_generations, open_store

from ..helpers import FIXTURES, load_turtle

EX = "http://example.org/"


def count_roles(store) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?r a <https://w3id.org/skillgraph/ontology#Role> }"
    return int(next(iter(store.query(query)))[0].value)


def test_build_and_reopen(tiny_store, tmp_path):
    assert count_roles(tiny_store) == 3
    again = open_store(tmp_path / "tiny-store")
    assert again.content_id == tiny_store.content_id
    assert count_roles(again) == 3
    # Every store carries the vocabulary.
    role = "https://w3id.org/skillgraph/ontology#Role"
    assert bool(again.query(f"ASK {{ <{role}> a <http://www.w3.org/2002/07/owl#Class> }}"))


def test_rdflib_view_sees_the_same_triples(tiny_store):
    assert len(tiny_store.graph) == len(tiny_store)


def test_environment_variable_names_the_store(tiny_store, tmp_path, monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_STORE", str(tmp_path / "tiny-store"))
    assert open_store().content_id == tiny_store.content_id
    monkeypatch.setenv("SKILLGRAPH_STORE", "")
    assert open_store().is_default


def test_a_new_import_replaces_content_and_keeps_one_generation(tiny_store, tmp_path):
    root = tmp_path / "tiny-store"

    def fill(store):
        store.add(ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("x")))
        return {}

    fresh = build_store(root, fill)
    assert fresh.content_id != tiny_store.content_id
    assert count_roles(fresh) == 0
    assert len(list(iter_generations(root))) == 1


def test_merge_keeps_the_old_content(tiny_store, tmp_path):
    def fill(store):
        store.add(ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("x")))
        return {"sources": [{"name": "extra"}]}

    merged = build_store(tmp_path / "tiny-store", fill, merge=True)
    assert count_roles(merged) == 3
    assert [s["name"] for s in merged.meta["sources"]] == ["tiny.ttl", "extra"]


def test_a_failing_import_leaves_the_store_as_it_was(tiny_store, tmp_path):
    root = tmp_path / "tiny-store"

    def fill(store):
        store.add(ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("x")))
        raise ValueError("broken input")

    with pytest.raises(ValueError, match="broken input"):
        build_store(root, fill)
    again = open_store(root)
    assert again.content_id == tiny_store.content_id
    assert count_roles(again) == 3
    assert len(list(iter_generations(root))) == 1


def test_an_import_killed_half_way_leaves_the_old_store_readable(tiny_store, tmp_path):
    root = tmp_path / "tiny-store"
    script = textwrap.dedent(
        f"""
        import os, signal, sys, pyoxigraph as ox
        from skillgraph.store import build_store
        def fill(store):
            for i in range(50_000):
                store.add(ox.Quad(ox.NamedNode("{EX}s%d" % i), ox.NamedNode("{EX}p"),
                                  ox.Literal(str(i))))
            print("half-way", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        build_store({str(root)!r}, fill)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == -signal.SIGKILL
    assert "half-way" in proc.stdout
    again = open_store(root)
    assert again.content_id == tiny_store.content_id
    assert count_roles(again) == 3
    # The next successful import sweeps the leftover generation away.
    build_store(root, load_turtle(FIXTURES / "tiny.ttl"))
    assert len(list(iter_generations(root))) == 1


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no store here"),
        (lambda p: p.mkdir(), "not a skillgraph store"),
        (lambda p: (p.mkdir(), (p / "CURRENT").write_text("gen-missing")), "not a generation"),
    ],
)
def test_opening_what_is_not_a_store_says_so(tmp_path, setup, message):
    path = tmp_path / "nothing"
    setup(path)
    with pytest.raises(StoreError, match=message):
        open_store(path)


def test_refuses_to_build_into_a_folder_that_holds_other_files(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "thesis.txt").write_text("precious")
    with pytest.raises(StoreError, match="not empty"):
        build_store(folder, load_turtle(FIXTURES / "tiny.ttl"))
    assert (folder / "thesis.txt").read_text() == "precious"
    assert sorted(os.listdir(folder)) == ["thesis.txt"]


def test_a_second_import_while_one_runs_fails_at_once_and_touches_nothing(tiny_store, tmp_path):
    root = tmp_path / "tiny-store"
    seen = {}

    def slow_fill(store):
        # While this import holds the store, another one must be refused.
        with pytest.raises(StoreError, match="another import into this store is running"):
            build_store(root, load_turtle(FIXTURES / "tiny.ttl"))
        seen["generations"] = len(list(iter_generations(root)))
        return load_turtle(FIXTURES / "tiny.ttl")(store)

    fresh = build_store(root, slow_fill)
    assert seen["generations"] == 2  # the live one and the one being built, nothing else
    assert count_roles(fresh) == 3
    assert len(list(iter_generations(root))) == 1


def test_a_second_process_is_refused_too(tiny_store, tmp_path):
    root = tmp_path / "tiny-store"
    script = textwrap.dedent(
        f"""
        import sys, time
        from skillgraph.store import build_store
        def fill(store):
            print("holding", flush=True)
            sys.stdin.readline()
            return {{}}
        build_store({str(root)!r}, fill)
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(StoreError, match="another import"):
            build_store(root, load_turtle(FIXTURES / "tiny.ttl"))
        assert open_store(root).content_id == tiny_store.content_id
    finally:
        holder.communicate("go\n", timeout=60)
    assert holder.returncode == 0


def test_a_failed_first_import_leaves_no_folder_behind(tmp_path):
    root = tmp_path / "new-store"

    def fill(store):
        raise ValueError("bad data")

    with pytest.raises(ValueError):
        build_store(root, fill)
    assert not root.exists()


def test_a_cache_written_by_another_version_is_ignored(tmp_path, monkeypatch):
    """Regression: a pickle naming a module this version no longer has (the career modules
    moved into skillgraph.careers) raised ModuleNotFoundError instead of being rebuilt."""
    import pickle
    import sys
    import types

    from skillgraph.store.cache import CACHE_VERSION, Cache

    old = types.ModuleType("skillgraph.transitions")

    class TransitionGraph:
        pass

    TransitionGraph.__module__ = old.__name__
    TransitionGraph.__qualname__ = "TransitionGraph"
    old.TransitionGraph = TransitionGraph
    monkeypatch.setitem(sys.modules, old.__name__, old)
    payload = pickle.dumps((CACHE_VERSION, "c1", TransitionGraph()))
    monkeypatch.delitem(sys.modules, old.__name__)
    (tmp_path / "transitions-x.pickle").write_bytes(payload)
    assert Cache(tmp_path, "c1").get("transitions-x") is None
