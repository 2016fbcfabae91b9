"""The pay and exposure figures, the safe-and-desirable path options, the safer-roles view
and the exposure x wage scatter in a real browser (headless Chromium), on the hand-built
store of tests/outlook_data.py, served offline by gunicorn."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from ..outlook_data import linked_store
from .browser import launched_browser, offline_page, served

ANALYST = "http://data.europa.eu/esco/occupation/analyst"
CLERK = "http://data.europa.eu/esco/occupation/clerk"


@pytest.fixture(scope="module")
def browser():
    with launched_browser() as b:
        yield b


@pytest.fixture(scope="module")
def base(tmp_path_factory, browser):
    with served(linked_store(tmp_path_factory.mktemp("outlook-web"))) as url:
        yield url


def test_role_page_shows_pay_jobs_exposure_sources_and_the_note(browser, base):
    page, blocked = offline_page(browser)
    page.goto(f"{base}/concept?uri={quote(ANALYST)}")
    box = page.locator("#role-figures")
    text = box.inner_text()
    # 15-2051 (100 jobs, 100k) and 43-9111 (300 jobs, 50k): the weighted median is 50k.
    assert "$50,000" in text and "400 US jobs" in text and "medium LLM exposure 0.28" in text
    assert "15-2051.00" in text and "BLS" in text
    note = page.locator("#figures-note").inner_text()
    assert "not European" in note and "exposure is not replacement" in note
    assert "MIT" in note
    page.locator("[data-safer-link]").click()
    page.wait_for_url("**/safer?**")
    assert blocked == []


def test_unknown_figures_say_unknown(browser, base):
    page, _ = offline_page(browser)
    page.goto(f"{base}/concept?uri={quote('http://data.europa.eu/esco/occupation/nomap')}")
    assert "pay and LLM exposure unknown" in page.locator("#role-figures").inner_text()


def test_next_steps_show_figures_and_the_scatter_highlights_start_and_moves(browser, base):
    page, blocked = offline_page(browser)
    page.goto(f"{base}/next?from={quote(CLERK)}")
    rows = page.locator("table.data tbody tr")
    analyst = rows.filter(has_text="data analyst").first.inner_text()
    assert "$50,000 +10%" in analyst and "medium LLM exposure 0.28" in analyst
    svg = page.locator("#next-scatter svg[data-scatter]")
    assert svg.is_visible()
    assert svg.locator('circle[data-kind="start"]').get_attribute("data-role") == CLERK
    marked = svg.locator('circle[data-kind="highlight"]')
    # The next steps with figures: the analyst and the lifeguard (the glass blower has none).
    found = {marked.nth(i).get_attribute("data-role") for i in range(marked.count())}
    assert found == {ANALYST, "http://data.europa.eu/esco/occupation/guard"}
    assert page.locator("#figures-note").is_visible()
    assert blocked == []


def test_path_finder_wage_floor_and_exposure_weight(browser, base):
    page, blocked = offline_page(browser)
    page.goto(f"{base}/paths?from={quote(CLERK)}&to={quote(ANALYST)}")
    steps = page.locator("table.steps").first.inner_text()
    assert "$50,000 +10%" in steps  # the step and the total
    # The floor in the form: the analyst pays 50,000 against the clerk's 45,560, so a
    # floor of 1.2 (54,672) leaves it out, and the page says why.
    page.fill("input[name=wage_floor]", "1.2")
    page.fill("input[name=exposure_weight]", "2")
    page.locator("#path-form button[type=submit]").click()
    page.wait_for_selector("#no-path")
    assert "wage floor" in page.locator("#no-path").inner_text()
    assert "wage_floor=1.2" in page.url and "exposure_weight=2" in page.url
    assert page.locator("input[name=wage_floor]").input_value() == "1.2"
    assert blocked == []


def test_safer_roles_view(browser, base):
    page, blocked = offline_page(browser)
    page.goto(f"{base}/safer?from={quote(CLERK)}")
    table = page.locator("#safer-roles").inner_text()
    assert "data analyst" in table and "$50,000 +10%" in table
    assert "high LLM exposure 0.50" in page.locator("#safer-start").inner_text()
    page.goto(f"{base}/safer?from={quote(ANALYST)}")
    assert page.locator("#no-safer").is_visible()
    assert blocked == []


def test_field_page_scatter(browser, base):
    page, blocked = offline_page(browser)
    page.goto(f"{base}/concept?uri={quote('http://data.europa.eu/esco/isco/C25')}")
    svg = page.locator("#field-scatter svg[data-scatter]")
    assert svg.is_visible()
    marked = svg.locator('circle[data-kind="highlight"]')
    assert marked.count() == 1 and marked.get_attribute("data-role") == ANALYST
    assert svg.locator("circle").count() == 4  # the 3 roles with figures, 1 highlighted
    assert blocked == []
