"""Two imports at once into one store, and an import killed with SIGKILL half-way, both
with the real ``skillgraph import`` command: the second import fails at once with a
clear message and the store ends with one complete content (the first's); the killed
import leaves the store opening with its old content, and the next import works."""

from __future__ import annotations

import csv
import os
import random
import selectors
import signal
import subprocess
import time
from pathlib import Path

import pytest

from skillgraph.formats.tabular import import_tabular
from skillgraph.namespace import SG
from skillgraph.store import iter_generations, open_store

from .helpers import SKILLGRAPH, skillgraph_cli

ROLES, SKILLS, PER_ROLE = 3000, 6000, 20


def write_big_layout(folder: Path) -> Path:
    """A CSV-layout taxonomy big enough that its import takes a few seconds."""
    folder.mkdir()
    rnd = random.Random(7)
    with open(folder / "roles.csv", "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "label", "field"])
        out.writerows([f"r{i}", f"role number {i}", f"field {i % 20}"] for i in range(ROLES))
    with open(folder / "skills.csv", "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "label", "hours"])
        out.writerows([f"s{i}", f"skill number {i}", 10] for i in range(SKILLS))
    with open(folder / "requirements.csv", "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["role", "skill", "required"])
        for i in range(ROLES):
            out.writerows([f"r{i}", f"s{s}", "essential"] for s in rnd.sample(range(SKILLS), 20))
    return folder


@pytest.fixture(scope="module")
def big_layout(tmp_path_factory) -> Path:
    return write_big_layout(tmp_path_factory.mktemp("big") / "layout")


@pytest.fixture
def store(tmp_path, tiny_csv_source) -> Path:
    path = tmp_path / "store"
    import_tabular(tiny_csv_source, path)
    return path


def roles_in(store: Path) -> int:
    opened = open_store(store)
    rows = opened.query(f"SELECT (COUNT(?r) AS ?n) WHERE {{ ?r a <{SG.Role}> }}")
    return int(next(iter(rows))["n"].value)


def start_import(source: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [SKILLGRAPH, "import", "csv", str(source), "--store", str(store), "--replace"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_generations(store: Path, count: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while len(list(iter_generations(store))) < count:
        assert time.monotonic() < deadline, "the import did not start a new generation"
        time.sleep(0.02)


def wait_for_line(proc: subprocess.Popen, prefix: str, timeout: float = 60) -> list[str]:
    """Read the process's stderr until a line starts with ``prefix``."""
    seen: list[str] = []
    selector = selectors.DefaultSelector()
    selector.register(proc.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not selector.select(timeout=0.5):
            continue
        line = proc.stderr.readline()
        if not line:
            break
        seen.append(line)
        if line.startswith(prefix):
            return seen
    raise AssertionError(f"no line starting {prefix!r}: {seen}")


def test_a_second_import_fails_at_once_and_the_first_completes(store, big_layout, tiny_csv_source):
    old_roles = roles_in(store)
    first = start_import(big_layout, store)
    try:
        # The first holds the store from the moment its new generation exists.
        wait_for_generations(store, 2)
        started = time.monotonic()
        second = skillgraph_cli(
            "import", "csv", str(tiny_csv_source), "--store", str(store), "--replace"
        )
        took = time.monotonic() - started
        assert first.poll() is None, "the first import should still be running"
    finally:
        _, err = first.communicate(timeout=120)
    assert second.returncode == 1
    assert second.stderr.strip().splitlines()[-1] == (
        f"error: {store}: another import into this store is running; try again when it is done"
    )
    assert "Traceback" not in second.stderr
    assert took < 10, f"the second import took {took:.1f} s to give up"
    assert first.returncode == 0, err
    # One complete content, the first's: every role, one generation, meta and data agree.
    assert roles_in(store) == ROLES != old_roles
    generations = list(iter_generations(store))
    assert len(generations) == 1
    assert open_store(store).content_id == generations[0].name.removeprefix("gen-")
    # And the store takes imports again.
    done = skillgraph_cli("import", "csv", str(tiny_csv_source), "--store", str(store),
                          "--replace")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert roles_in(store) == old_roles


@pytest.mark.parametrize("moment", ["reading the files", "writing the store"])
def test_an_import_killed_half_way_leaves_the_old_content(store, big_layout, tiny_csv_source,
                                                          moment):  # fmt: skip
    before = open_store(store).content_id
    old_roles = roles_in(store)
    proc = start_import(big_layout, store)
    try:
        wait_for_generations(store, 2)
        if moment == "writing the store":
            wait_for_line(proc, "loading")
        time.sleep(0.3)
        assert proc.poll() is None, "the import finished before it could be killed"
        assert len(list(iter_generations(store))) == 2  # the half-built one is there
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    # The store opens with its old content, in this process and for the command line.
    assert open_store(store).content_id == before
    assert roles_in(store) == old_roles
    stats = skillgraph_cli("stats", "--store", str(store), "--json")
    assert stats.returncode == 0, stats.stderr
    # The kernel released the killed import's lock: the next import runs, and clears the
    # half-built generation away.
    done = skillgraph_cli("import", "csv", str(tiny_csv_source), "--store", str(store),
                          "--replace")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(list(iter_generations(store))) == 1
    assert roles_in(store) == old_roles
