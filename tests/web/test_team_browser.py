"""The team plan page in headless Chromium (Debian's, through Playwright) against the app
served by gunicorn, every request to another host blocked: upload, plan, heat map, the
CSV download, print, phones at 360 px, and a bad file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from ..helpers import ROOT
from .browser import launched_browser, offline_page, served

EXAMPLE = ROOT / "docs" / "team-example"


@pytest.fixture(scope="module")
def browser():
    with launched_browser() as b:
        yield b


@pytest.fixture(scope="module")
def base(browser):
    with served(None) as url:
        yield url


def _plan(page, base, team=EXAMPLE / "team.csv", budget="20000"):
    page.goto(base + "/team")
    page.set_input_files("input[name=team]", str(team))
    page.set_input_files("input[name=demand]", str(EXAMPLE / "demand.csv"))
    page.fill("input[name=budget]", budget)
    page.click("#team-form button[type=submit]")


def test_upload_plan_download_and_print(browser, base):
    page, blocked = offline_page(browser, viewport=(1366, 900))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    _plan(page, base)
    page.wait_for_selector("#plan")
    assert page.locator("#moves tbody tr").count() >= 9
    assert page.locator("#moves").inner_text().count("machine-learning engineer") >= 2
    cells = page.locator("#heatmap tbody td").all_inner_texts()
    assert any(c.strip() and int(c) >= 2 for c in cells)
    assert page.locator("#cohorts tbody tr").count() >= 1
    assert page.locator("#totals").inner_text().count("EUR") == 1

    with page.expect_download() as info:
        page.click("#download-plan")
    download = info.value
    assert download.suggested_filename == "team-plan.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["person"] for r in rows if r["person"]} >= {"adm-01", "tec-01", "ana-04"}

    assert page.locator("#print").is_visible()  # the script ran under the CSP
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.getElementById('team-form')).display") == "none"
    assert page.locator("#plan").is_visible() and not page.locator("header.top").is_visible()
    assert blocked == [] and errors == []
    page.context.close()


@pytest.mark.parametrize("width", [360, 390])
def test_phones_need_no_horizontal_scroll(browser, base, width):
    page, blocked = offline_page(browser, viewport=(width, 800))
    _plan(page, base)
    page.wait_for_selector("#plan")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The moves table reads as cards: labelled cells, one under the other.
    first = page.locator("#moves tbody tr").first.bounding_box()
    assert first is not None and first["width"] <= width
    assert blocked == []
    page.context.close()


def test_a_bad_file_shows_each_problem(browser, base, tmp_path):
    bad = tmp_path / "team.csv"
    bad.write_text("person,role\np1,data analist\np2,receptionist\np2,receptionist\n")
    page, _ = offline_page(browser, viewport=(1366, 900))
    _plan(page, base, team=bad)
    page.wait_for_selector("#problems")
    items = page.locator("#problems li").all_inner_texts()
    assert items[0].startswith("team.csv:2: role: no role named 'data analist'")
    assert items[1] == "team.csv:4: person: 'p2' is already on line 3"
    assert page.locator("#plan").count() == 0
    page.context.close()
