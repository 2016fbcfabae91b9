"""The wheel's metadata, as PyPI and ``pip show`` read it: Project-URLs, author, classifiers."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser

from .helpers import ROOT

PIP_WHEEL = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]


def test_wheel_metadata_has_urls_author_and_classifiers(tmp_path):
    subprocess.run(
        [*PIP_WHEEL, "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("skillgraph-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(name).decode("utf-8"))
    urls = dict(u.split(", ", 1) for u in metadata.get_all("Project-URL"))
    assert urls["Homepage"] == "https://w3id.org/skillgraph"
    assert urls["Vocabulary"] == "https://w3id.org/skillgraph/ontology"
    assert metadata["Author"] == "the skillgraph developers"
    classifiers = metadata.get_all("Classifier")
    assert "Framework :: Flask" in classifiers
    assert "Programming Language :: Python :: 3 :: Only" in classifiers
    assert "SPARQL" in metadata["Keywords"]
    assert metadata["License-Expression"] == "MIT"
