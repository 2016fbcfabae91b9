"""A taxonomy whose career model would take more memory than allowed fails with one clear
line naming the limit and what to do (issue 17) -- in the library, at the end of an
import (the taxonomy stays imported and searchable) and on the command line.  The limit
is lowered here (``SKILLGRAPH_MODEL_MEMORY_GB``): a real 100x ESCO cannot be tried on a
shared machine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import skillgraph
from skillgraph.careers import Careers
from skillgraph.careers.best_fits import model_bytes, role_group_bound
from skillgraph.errors import TooLarge

from ..helpers import FIXTURES

SKILLGRAPH = Path(sys.executable).with_name("skillgraph")


def test_the_engine_refuses_a_model_over_its_limit():
    t = skillgraph.open().taxonomy
    need = model_bytes(t.n_roles, len(t.req_role), role_group_bound(t), 12)
    careers = Careers(t, lambda name, kind: name, memory_limit=need - 1)
    with pytest.raises(TooLarge) as caught:
        careers.next_steps(t.role_uris[0], 5)
    message = str(caught.value)
    assert "\n" not in message
    assert f"{t.n_roles:,} roles" in message and "SKILLGRAPH_MODEL_MEMORY_GB" in message
    assert "import fewer roles" in message
    # At the limit it builds, and the answers are the unlimited engine's.
    fine = Careers(t, lambda name, kind: name, memory_limit=need)
    free = Careers(t, lambda name, kind: name)
    assert [m.as_dict() for m in fine.next_steps(t.role_uris[0], 5)] == [
        m.as_dict() for m in free.next_steps(t.role_uris[0], 5)
    ]


def test_import_and_cli_say_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SKILLGRAPH_STORE"}
    env["SKILLGRAPH_MODEL_MEMORY_GB"] = "0.01"
    store = tmp_path / "store"

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(SKILLGRAPH), *args], capture_output=True, text=True, env=env, timeout=300
        )

    imported = run("import", "esco", str(FIXTURES / "esco-mini"), "--store", str(store))
    assert imported.returncode == 0, imported.stderr
    warnings = [x for x in imported.stderr.splitlines() if "career" in x and "limit" in x]
    assert len(warnings) == 1 and warnings[0].startswith("warning: no career paths")
    assert "0.0 GB (SKILLGRAPH_MODEL_MEMORY_GB)" in warnings[0]
    # The taxonomy is there and searchable; career questions fail with one line.
    assert run("stats", "--store", str(store)).returncode == 0
    g = skillgraph.open(store)
    role = g.taxonomy.role_labels[0]
    asked = run("next", role, "--store", str(store))
    assert asked.returncode == 1
    assert asked.stderr.count("\n") == 1 and asked.stderr.startswith("error: the career model")
    # Within the limit the same store answers.
    env["SKILLGRAPH_MODEL_MEMORY_GB"] = "16"
    assert run("next", role, "--store", str(store)).returncode == 0


def test_many_skill_groups_touched_by_few_roles_are_not_a_dense_matrix():
    """Regression: the estimate counted roles x skill groups, as if every role touched
    every group; scaled ESCO has a broader skill per copy, so at 30x (90,210 roles) it
    said 72 GB and the import refused to build a model that takes about 1 GB."""
    from skillgraph.taxonomy import Taxonomy

    n = 3000
    t = Taxonomy.from_records(
        roles=[(f"r:{i}", f"role {i}", None) for i in range(n)],
        skills=[(f"s:{i}", f"skill {i}", None, None) for i in range(n)],
        fields=[],
        requirements=[(f"r:{i}", f"s:{i}", True) for i in range(n)],
        broader=[(f"s:{i}", f"g:{i}") for i in range(n)],  # 3,000 groups, one per role
    )
    assert role_group_bound(t) == n
    need = model_bytes(t.n_roles, len(t.req_role), role_group_bound(t), 12)
    assert need < model_bytes(t.n_roles, len(t.req_role), 0, 12) + 100_000
    careers = Careers(t, lambda name, kind: name, memory_limit=need)
    assert len(careers.next_steps("r:0", 3)) <= 3
