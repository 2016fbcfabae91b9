"""The web app's export page and downloads."""

from __future__ import annotations

import io
import zipfile

import pyoxigraph as ox
import pytest
from skillgraph_web import create_app

from skillgraph.formats.exporters import EXPORTERS


@pytest.fixture(scope="module")
def client():
    return create_app({"TESTING": True, "STORE": None}).test_client()


def test_export_page_links_every_format(client):
    page = client.get("/export")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for name in EXPORTERS:
        assert f'href="/export/{name}"' in html
    assert "data and AI" in html  # the field choice of the subset form


@pytest.mark.parametrize("name", list(EXPORTERS))
def test_each_download_has_its_media_type_and_file_name(client, name):
    response = client.get(f"/export/{name}")
    exporter = EXPORTERS[name]
    assert response.status_code == 200
    assert response.mimetype == exporter.media_type
    disposition = response.headers["Content-Disposition"]
    assert "attachment" in disposition and exporter.filename("skillgraph") in disposition
    if exporter.bundle:
        assert zipfile.is_zipfile(io.BytesIO(response.data))


def test_a_field_download_is_a_subset(client):
    whole = client.get("/export/ntriples").data
    part = client.get("/export/ntriples?field=design").data
    assert (
        0
        < len(list(ox.parse(part, ox.RdfFormat.N_TRIPLES)))
        < len(list(ox.parse(whole, ox.RdfFormat.N_TRIPLES)))
    )
    assert (
        "skillgraph-design.nt"
        in client.get("/export/ntriples?field=design").headers["Content-Disposition"]
    )


def test_unknown_format_and_field_are_errors(client):
    assert client.get("/export/docx").status_code == 404
    assert client.get("/export/turtle?field=astrology").status_code == 404


def test_whole_store_exports_are_cached_per_content(tmp_path):
    from skillgraph.formats.tabular import import_tabular

    from .test_tabular import DOCS

    store = import_tabular(DOCS / "example", tmp_path / "store")
    app = create_app({"TESTING": True, "STORE": str(tmp_path / "store")})
    client = app.test_client()

    def get() -> bytes:
        response = client.get("/export/turtle")
        try:
            return response.data
        finally:
            response.close()  # send_file streams the cached file until closed

    first = get()
    cached = list((store.cache_dir / "exports").iterdir())
    assert [p.name for p in cached] == [f"{store.content_id}-skillgraph.ttl"]
    assert cached[0].read_bytes() == first
    assert get() == first


def test_the_subset_form_redirects_to_the_download(client):
    response = client.get("/export?format=gexf&field=design&from=&to=")
    assert response.status_code == 302
    assert response.headers["Location"] == "/export/gexf?field=design"


def test_export_page_has_no_inline_script(client):
    response = client.get("/export")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "<script>" not in response.get_data(as_text=True)
