"""Path traversal: no file-serving route (``/static``, ``/export``, ``/id``) reaches a
file outside what it serves, however the ``..`` is spelled (sent byte for byte to
``skillgraph serve``); export download names cannot carry a path; ``skillgraph export -o``
never replaces a folder that is not an earlier export."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from skillgraph.store import open_store

from .helpers import raw_request, skillgraph_cli

WEB = Path(__file__).resolve().parents[2] / "web"
#: What the targets below would show if they got out: /etc/passwd, the app's source.
LEAKS = (b"root:x:0:0", b"root:*:0:0", b"def create_app", b"import ", b"[build-system]")

TARGETS = [
    "/static/../__init__.py",
    "/static/../../pyproject.toml",
    "/static/%2e%2e/__init__.py",
    "/static/%2E%2E/%2E%2E/pyproject.toml",
    "/static/..%2f__init__.py",
    "/static/..%2F..%2Fpyproject.toml",
    "/static/..%5c__init__.py",
    "/static/%252e%252e/__init__.py",
    "/static/css/../../__init__.py",
    "/static/css/..%2f..%2f__init__.py",
    "/static/%c0%ae%c0%ae/__init__.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/....//....//etc/passwd",
    "/static/css/app.css%00.py",
    "/export/../../etc/passwd",
    "/export/..%2f..%2fetc%2fpasswd",
    "/export/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/export/turtle/../../../etc/passwd",
    "/export/..%5c..%5cetc%5cpasswd",
    "/id/../../etc/passwd",
    "/id/..%2f..%2fetc%2fpasswd",
    "/id/role/..%2f..%2f..%2fetc%2fpasswd",
    "//etc/passwd",
    "/..%2f..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
]


@pytest.mark.parametrize("target", TARGETS)
def test_no_route_serves_files_outside_its_folder(live, target):
    status, headers, body = raw_request(live.port, "GET", target)
    assert status in (301, 302, 308, 400, 404), (status, body[:200])
    for leak in LEAKS:
        assert leak not in body, (target, leak)
    location = headers.get("Location", "")
    if location:  # a redirect (Werkzeug merges slashes) must stay on this server
        url = urlsplit(location)
        assert url.netloc in ("", f"127.0.0.1:{live.port}"), location
        status, _, body = raw_request(live.port, "GET", url.path)
        assert status in (400, 404) and not any(leak in body for leak in LEAKS)


@pytest.mark.parametrize(
    "rest", ["%1B", "role/a%00b", "role/%zz", "role/a%7Fb", "role/a%20b", "role/%5Bx%5D", "%3E"]
)
def test_linked_data_paths_that_are_no_iri_are_404(live, rest):
    """Found by schemathesis: ``/id/%1B`` reached Oxigraph as an IRI it cannot parse (500)."""
    for accept in ("text/html", "text/turtle", "application/json"):
        status, _, body = raw_request(live.port, "GET", "/id/" + rest, headers={"Accept": accept})
        assert status == 404, (rest, accept, status, body[:200])


def test_static_files_are_served(live):
    """The refusals above are not a broken static route: real files come back."""
    status, _, body = raw_request(live.port, "GET", "/static/css/app.css")
    assert status == 200 and body == (WEB / "static" / "css" / "app.css").read_bytes()


@pytest.mark.parametrize(
    "query",
    [
        "field=" + quote("../../etc/passwd"),
        "from=" + quote("../../../etc/passwd") + "&to=" + quote("data analyst"),
        "field=" + quote('x"; filename="/etc/passwd'),
        "field=" + quote("a\r\nContent-Disposition: attachment; filename=evil.sh"),
    ],
)
def test_export_names_from_parameters_cannot_carry_a_path(live, query):
    status, headers, _ = raw_request(live.port, "GET", "/export/turtle?" + query)
    assert status in (400, 404), status  # no such field / role
    assert "Content-Disposition" not in headers


def test_export_download_names_are_plain_file_names(xss_client):
    """On the hostile taxonomy, field names with quotes and markup go into the name."""
    t = xss_client.application.extensions["skillgraph"].taxonomy
    for field in t.field_labels:
        r = xss_client.get("/export/turtle?field=" + quote(field))
        r.close()
        assert r.status_code == 200, field
        disposition = r.headers["Content-Disposition"]
        name = re.fullmatch(r'attachment; filename="?([^";]+)"?', disposition)
        assert name, disposition
        assert re.fullmatch(r"[A-Za-z0-9._-]+", name.group(1)), disposition
        assert ".." not in name.group(1) and "\r" not in disposition


@pytest.fixture
def user_folder(tmp_path) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"precious")
    (folder / "notes").mkdir()
    (folder / "notes" / "todo.txt").write_text("keep me", encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("fmt", ["esco-csv", "neo4j"])
def test_export_never_replaces_a_folder_of_other_files(user_folder, fmt):
    before = _snapshot(user_folder)
    done = skillgraph_cli("export", "--format", fmt, "-o", str(user_folder))
    assert done.returncode == 1
    assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr
    assert "other files" in done.stderr
    assert _snapshot(user_folder) == before


def test_export_never_replaces_a_store(default_disk_store, tmp_path):
    before = open_store(default_disk_store).content_id
    for fmt in ("esco-csv", "turtle"):
        done = skillgraph_cli("export", "--format", fmt, "-o", str(default_disk_store))
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
    assert open_store(default_disk_store).content_id == before


def test_export_may_replace_its_own_earlier_export(tmp_path):
    target = tmp_path / "bundle"
    for _ in range(2):
        done = skillgraph_cli("export", "--format", "esco-csv", "-o", str(target))
        assert done.returncode == 0, done.stderr
    assert (target / "occupations_en.csv").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers
