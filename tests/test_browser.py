"""The dashboard in a real headless Chromium: pages load, charts draw, the checker works, and
hostile text is shown, never run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import browser, chromium_path, running_server
from tests.conftest import HOSTILE_OUTLET, RAW, make_news_store

pytestmark = pytest.mark.skipif(chromium_path() is None,
                                reason="Debian's chromium is not installed (.ci/run installs it)")

PAGES = ["/", "/ally/POL", "/targets?target=3.5&by=2035&group=europe-canada", "/burden", "/aid",
         "/data", "/check", "/ally/ISL"]
SEED = RAW.parent / "seeds" / "004_22aa553175590713.txt"


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[str, Any]]:
    with running_server() as url, browser() as b:
        yield url, b


def open_page(site: tuple[str, Any], path: str) -> tuple[Any, list[str]]:
    url, b = site
    page = b.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(url + path)
    assert response is not None and response.status == 200, path
    return page, errors


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_and_draws_its_charts(site, path):
    page, errors = open_page(site, path)
    figures = page.locator("figure.chart")
    for i in range(figures.count()):
        fig = figures.nth(i)
        fig.locator("svg").first.wait_for(timeout=20000)
        assert fig.get_attribute("data-drawn") == "true"
        # a drawn chart has marks, not just an empty frame
        assert fig.locator("svg path, svg rect, svg line").count() > 5
    assert errors == [], errors  # no CSP violation, no script error
    page.close()


def test_overview_shows_counts_and_estimates(site):
    page, _ = open_page(site, "/")
    text = page.locator("main").inner_text()
    assert "of 32" in text and "allies at or above 2% of GDP" in text
    assert page.locator("#allies tbody tr").count() == 32
    page.close()


def test_scenario_is_in_the_url(site):
    page, _ = open_page(site, "/targets")
    page.fill("input[name=target]", "5")
    page.select_option("select[name=group]", "europe-canada")
    page.click("form.scenario button")
    page.wait_for_load_state()
    assert "target=5" in page.url and "group=europe-canada" in page.url
    assert "USA" not in page.locator("#per-ally").inner_text()
    page.close()


@pytest.mark.skipif(not SEED.is_file(), reason=f"seed article not present at {SEED}")
def test_check_a_seed_article_shows_verdicts(site):
    page, errors = open_page(site, "/check")
    page.fill("#text", SEED.read_text("utf-8"))
    page.fill("input[name=published]", "2025-02-27")
    page.click("#check-form button")
    page.wait_for_url("**/check/*")
    claims = page.locator("#claims li")
    assert claims.count() >= 3
    assert page.locator("#article mark").count() >= 3
    verdicts = page.locator("#claims .verdict").all_inner_texts()
    assert "SUPPORTED" in [v.upper() for v in verdicts]
    # each claim says how sure the learned layer is of its type
    confidences = page.locator("#claims .confidence").all_inner_texts()
    assert len(confidences) == claims.count()
    assert all(0 < float(c.split()[-1]) <= 1 for c in confidences)
    # the result has its own address: open it again in a new page
    again, _ = open_page(site, page.url.replace(site[0], ""))
    assert again.locator("#claims li").count() == claims.count()
    assert errors == []
    page.close()
    again.close()


def test_the_result_hides_claims_below_a_chosen_confidence(site):
    page, errors = open_page(site, "/check")
    page.fill("#text", "Poland spends 4.1% of GDP on defence and aims for 5% by 2026. Germany "
                       "gave Ukraine a 500 million euro package. The Dutch plan costs from 16 "
                       "billion euros a year, a 15% increase. Spain, which ranked last at 1.28%, "
                       "promised 2.1%.")
    page.fill("input[name=published]", "2025-06-01")
    page.click("#check-form button")
    page.wait_for_url("**/check/*")
    items = page.locator("#claims li[data-confidence]")
    total = items.count()
    sure = [float(x) for x in page.eval_on_selector_all(
        "#claims li[data-confidence]", "els => els.map(e => e.dataset.confidence)")]
    assert total >= 4 and len(sure) == total
    # at first the menu holds the checker's default, and the claims below it are hidden
    assert page.locator("#min-confidence").input_value() == "0.8"
    at_default = sum(c >= 0.8 for c in sure)
    assert page.locator("#claims li[data-confidence]:visible").count() == at_default
    assert page.locator("#shown-count").inner_text() == f"{at_default} of {total} shown"
    page.select_option("#min-confidence", "0.9")
    expected = sum(c >= 0.9 for c in sure)
    assert 0 < expected < total  # the text holds claims on both sides of 0.9
    assert page.locator("#claims li[data-confidence]:visible").count() == expected
    assert page.locator("#article mark.filtered").count() == total - expected
    assert page.locator("#shown-count").inner_text() == f"{expected} of {total} shown"
    page.select_option("#min-confidence", "0")
    assert page.locator("#claims li[data-confidence]:visible").count() == total
    assert page.locator("#article mark.filtered").count() == 0
    assert errors == []
    page.close()


def test_hostile_text_is_shown_not_run(site):
    page, errors = open_page(site, "/check")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hostile = ('<script>alert("x")</script><img src=x onerror="alert(1)"> Poland spent '
               '4.12% of GDP on defence in 2024.')
    page.fill("#text", hostile)
    page.fill("input[name=published]", "2024-07-01")
    page.click("#check-form button")
    page.wait_for_url("**/check/*")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("#article script").count() == 0
    assert page.locator("#article img").count() == 0
    page.close()


def test_upload_of_a_binary_file_is_refused(site, tmp_path: Path):
    page, _ = open_page(site, "/check")
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    page.set_input_files("input[name=file]", str(bad))
    with page.expect_response(lambda r: r.request.method == "POST") as resp:
        page.click("#check-form button")
    assert resp.value.status == 415
    page.close()


def test_unknown_ally_gets_a_page_that_says_so(site):
    url, b = site
    page = b.new_page()
    response = page.goto(url + "/ally/Narnia")
    assert response is not None and response.status == 404
    assert "unknown country" in page.locator("main").inner_text()
    page.close()


def test_news_page_over_a_store(site, tmp_path: Path):
    db = make_news_store(tmp_path)
    b = site[1]  # one Playwright per thread: reuse the module's browser
    with running_server("--store", str(db)) as url:
        page = b.new_page()
        errors: list[str] = []
        dialogs: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        assert page.goto(url + "/news").status == 200
        page.locator("figure.chart svg").first.wait_for(timeout=20000)
        assert "appears in 3 articles from 3 outlets" in page.locator("main").inner_text()
        # each stored claim with a confidence shows it; the old article's claim shows none
        items = page.locator("#claims li[data-claim]")
        total = items.count()
        sure = [float(x) for x in page.eval_on_selector_all(
            "#claims li[data-confidence]", "els => els.map(e => e.dataset.confidence)")]
        shown = page.locator("#claims .confidence").all_inner_texts()
        assert [float(c.split()[-1]) for c in shown] == [round(c, 2) for c in sure]
        assert 0 < len(sure) < total
        assert page.locator("#claims li:not([data-confidence]) .confidence").count() == 0
        # the check result's menu: claims below the minimum, and those without one, hide
        page.select_option("#min-confidence", "0.9")
        expected = sum(c >= 0.9 for c in sure)
        assert 0 < expected < len(sure)
        assert page.locator("#claims li[data-claim]:visible").count() == expected
        assert page.locator("#claims li:not([data-confidence]):visible").count() == 0
        assert page.locator("#shown-count").inner_text() == f"{expected} of {total} shown"
        page.select_option("#min-confidence", "0")
        assert page.locator("#claims li[data-claim]:visible").count() == total
        assert page.locator("#shown-count").inner_text() == ""
        # the hostile feed's outlet, title and URL are shown as text, never run or linked
        assert HOSTILE_OUTLET in page.locator("#claims").inner_text()
        assert page.locator("main script, main img, a[href^='javascript']").count() == 0
        assert dialogs == [] and errors == []
        page.close()


def test_a_saved_page_is_checked_as_its_article_with_its_own_date(site, tmp_path: Path):
    from tests.test_page import news_page

    page, errors = open_page(site, "/check")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    saved = tmp_path / "page.html"
    saved.write_text(news_page().replace(
        'content="Poland to spend 4.7% of GDP on defence">',
        'content="&lt;img src=x onerror=alert(1)&gt; Poland to spend 4.7%">'), "utf-8")
    page.set_input_files("input[name=file]", str(saved))
    page.click("#check-form button")
    page.wait_for_url("**/check/*")
    page.wait_for_timeout(300)
    lead = page.locator("p.lead").inner_text()
    assert "Published 2025-02-14 (the page's own date)." in lead
    assert "https://news.example/poland-defence" in page.locator("p.page-title").inner_text()
    article = page.locator("#article").inner_text()
    assert "Poland will spend 4.7%" in article and "Italy" not in article
    assert page.locator("#article img, p.page-title img").count() == 0 and dialogs == []
    assert errors == []
    page.close()
