"""Issue 12, point 5: one line ``error: ...`` and exit status 1, never a traceback (130
for Ctrl-C), for the cases that printed one; ``skillgraph check`` finds damage that
``stats``, paths and a COUNT do not report.  All through the installed command."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from ..servers import free_port
from .helpers import ROOT, SKILLGRAPH, skillgraph_cli

ESCO_MINI = str(ROOT / "tests" / "fixtures" / "esco-mini")


def one_error_line(done: subprocess.CompletedProcess, status: int = 1) -> str:
    assert done.returncode == status, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines[0]


def _copy(store: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(store, target)
    return target


def _oxigraph(store: Path) -> Path:
    return next(store.glob("gen-*/oxigraph"))


def _largest(folder: Path, pattern: str) -> Path:
    return max(folder.glob(pattern), key=lambda p: p.stat().st_size)


def test_a_file_given_as_the_store(tmp_path):
    line = one_error_line(skillgraph_cli("stats", "--store", "/etc/passwd"))
    assert "/etc/passwd" in line
    line = one_error_line(skillgraph_cli("import", "esco", ESCO_MINI, "--store", "/proc/x"))
    assert "/proc/x" in line


def test_export_to_a_full_device():
    with open("/dev/full", "w") as full:
        done = subprocess.run([SKILLGRAPH, "export", "--format", "turtle"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)  # fmt: skip
    assert "No space left on device" in one_error_line(done)


def test_a_port_out_of_range():
    assert "--port 99999" in one_error_line(skillgraph_cli("serve", "--port", "99999"))


@pytest.mark.parametrize("damage", ["truncated sst", "truncated manifest"])
def test_commands_on_a_damaged_store(default_disk_store, tmp_path, damage):
    store = _copy(default_disk_store, tmp_path)
    folder = _oxigraph(store)
    victim = _largest(folder, "*.sst" if damage == "truncated sst" else "MANIFEST-*")
    os.truncate(victim, victim.stat().st_size // 3)
    for args in (("stats",), ("path", "data analyst", "data scientist")):
        line = one_error_line(skillgraph_cli(*args, "--store", str(store)))
        assert "damaged" in line and "skillgraph check" in line, line
    line = one_error_line(skillgraph_cli("check", "--store", str(store)))
    assert "damaged" in line and victim.name in line, line


def test_check_finds_a_flipped_bit_and_passes_a_whole_store(default_disk_store, tmp_path):
    done = skillgraph_cli("check", "--store", str(default_disk_store))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: ") and "match their checksums" in done.stdout
    store = _copy(default_disk_store, tmp_path)
    victim = _largest(_oxigraph(store), "*.sst")
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x10
    victim.write_bytes(bytes(data))
    line = one_error_line(skillgraph_cli("check", "--store", str(store)))
    assert f"{victim.name} differs from what the import wrote" in line, line
    assert "Re-import" in line


def test_import_into_a_full_disk_leaves_the_store_as_it_was(tmp_path):
    """A 3 MB tmpfs in a private mount namespace: the mini ESCO fits, the default
    taxonomy merged on top does not."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed")
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"],
                           capture_output=True)  # fmt: skip
    if probe.returncode != 0:
        pytest.skip(f"no user/mount namespaces here: {probe.stderr.decode()[:200]}")
    disk = tmp_path / "disk"
    disk.mkdir()
    store = disk / "store"
    script = f"""
set -u
mount -t tmpfs -o size=3m tmpfs {disk}
{SKILLGRAPH} import esco {ESCO_MINI} --store {store} >/dev/null 2>&1 || echo FIRST-IMPORT-FAILED
head -c 2900000 /dev/zero > {disk}/filler || true
{SKILLGRAPH} import esco {ESCO_MINI} --store {store} --replace 2>{tmp_path}/err
echo "status=$?"
cat {tmp_path}/err
{SKILLGRAPH} stats --store {store} --json >/dev/null && echo STILL-READABLE
"""
    done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    out = done.stdout
    assert "FIRST-IMPORT-FAILED" not in out, out + done.stderr
    assert "status=1" in out, out + done.stderr
    error_lines = [line for line in out.splitlines() if line.startswith("error: ")]
    assert len(error_lines) == 1 and "No space left on device" in error_lines[0], out
    assert "Traceback" not in out
    assert "STILL-READABLE" in out, out


def test_ctrl_c_on_serve_ends_with_130_and_no_traceback(default_disk_store):
    port = free_port()
    process = subprocess.Popen(
        [SKILLGRAPH, "serve", "--store", str(default_disk_store), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": "ASK {?s ?p ?o}"})
    try:
        deadline = time.monotonic() + 90
        answered = 0
        while answered < 4 and time.monotonic() < deadline:  # query processes started
            try:
                urllib.request.urlopen(url, timeout=5).read()
                answered += 1
            except OSError:
                time.sleep(0.3)
        assert answered == 4
        os.killpg(process.pid, signal.SIGINT)  # what a terminal does on Ctrl-C
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130, stderr[-2000:]
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert stderr.rstrip().endswith("error: interrupted"), stderr[-500:]
