"""A saved news page is read as its article: not its menus, teasers or footer; headline first;
the page's own date used when the user gives none."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from natospend.claims.check import InputError, check, read_article
from natospend.claims.page import MAX_PAGE_TAGS, read_page
from natospend.cli import main
from natospend.web.app import create_app

ARTICLE = (
    "<p>WARSAW - Poland will spend 4.7% of its GDP on defence this year, the government said "
    "on Friday, the most of any NATO ally.</p>"
    "<p>Spain, which ranked last at 1.28% in 2024, has promised to reach 2% this year.</p>"
)
# what surrounds an article on a news site: each of these holds a figure a checker must not
# report as the article's
TEASERS = (
    '<aside><h3>Most read</h3><ul><li><a href="/x">Italy to spend €40bn more on arms in '
    '2026</a></li><li><a href="/y">Canada reaches 2% of GDP in 2025</a></li></ul></aside>'
)


def news_page(article: str = ARTICLE, *, date_meta: str = "2025-02-14T10:00:00Z") -> str:
    return (
        "<!doctype html><html><head><title>Poland to spend 4.7% of GDP - Example News</title>"
        '<meta property="og:title" content="Poland to spend 4.7% of GDP on defence">'
        f'<meta property="article:published_time" content="{date_meta}">'
        '<meta property="og:site_name" content="Example News">'
        '<meta property="og:url" content="https://news.example/poland-defence">'
        "<script>var promo = 'Germany spends 3.5% of GDP';</script></head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/defence">Defence</a></nav>'
        f"<main><article><h1>Poland to spend 4.7% of GDP on defence</h1>{article}</article>"
        f"{TEASERS}</main><footer>© 2025 Example News. Read by 1,000,000 people in 2024."
        "</footer></body></html>"
    )


def test_only_the_article_is_read_and_its_claims_found():
    article = read_article(news_page())
    assert "Italy" not in article.text and "Canada" not in article.text
    assert "promo" not in article.text and "Home" not in article.text
    rows = check(article.text, article.published, min_confidence=0)
    subjects = {r["subject"] for r in rows}
    assert {"POL", "ESP"} <= subjects
    assert not subjects & {"ITA", "CAN", "DEU"}


def test_the_headline_comes_first_as_a_paragraph_of_its_own():
    text = read_page(news_page()).text
    first, second = text.split("\n\n")[:2]
    assert first == "Poland to spend 4.7% of GDP on defence"
    assert second.startswith("WARSAW - Poland will spend")


def test_the_page_says_what_it_is_and_when_it_was_published():
    page = read_page(news_page())
    assert page.title == "Poland to spend 4.7% of GDP on defence"
    assert page.url == "https://news.example/poland-defence"
    assert page.site == "Example News"
    assert page.published == date(2025, 2, 14)
    assert read_page(news_page(date_meta="not a date")).published is None


def test_blocks_stay_paragraphs_so_no_sentence_runs_into_the_next():
    html = ("<html><body><article><p>Allies' spending as a share of GDP in 2024, estimates "
            "from NATO's June release, shows the gap between the eastern flank and the "
            "rest of the alliance.</p><ul><li>Estonia: 3.43%</li><li>Latvia: 3.15%</li></ul>"
            "<table><tr><th>Ally</th><th>2024</th></tr><tr><td>Poland</td><td>4.12%</td></tr>"
            "</table></article></body></html>")
    paragraphs = read_page(html).text.split("\n\n")
    assert "- Estonia: 3.43%" in paragraphs and "- Latvia: 3.15%" in paragraphs
    assert "Poland — 2024: 4.12%." in paragraphs
    assert not any("|" in p for p in paragraphs)


def test_a_fragment_is_read_as_a_page():
    article = read_article("<p>Poland spends 4.1% of GDP on defence.</p>")
    assert article.html and article.text == "Poland spends 4.1% of GDP on defence."


def test_a_page_without_text_is_refused_as_empty():
    with pytest.raises(InputError, match="page.html is empty"):
        read_article("<html><body><div></div></body></html>", "page.html")


def test_a_page_with_too_many_tags_is_refused_clearly():
    with pytest.raises(InputError, match=r"upload: the page has more than 100,000 tags; "):
        read_article("<html><body>" + "<p>" * (MAX_PAGE_TAGS - 1), "upload")
    assert read_article("<html><body>" + "<b>x " * (MAX_PAGE_TAGS // 2), "ok").text


def test_plain_text_with_angle_brackets_is_not_taken_for_html():
    article = read_article("Poland spends 4.1% of GDP <more than Spain>.")
    assert not article.html and article.text.endswith("<more than Spain>.")


def test_cli_uses_the_page_date_unless_one_is_given(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(news_page(), "utf-8")
    runner = CliRunner()
    out = runner.invoke(main, ["check", str(page), "--min-confidence", "0"])
    assert out.exit_code == 0, out.output
    assert "Page: Poland to spend 4.7% of GDP on defence <https://news.example/" in out.output
    assert "published 2025-02-14 (the page's own date)" in out.output
    assert "Italy" not in out.output
    given = runner.invoke(main, ["check", str(page), "--published", "2025-06-30",
                                 "--format", "json"])
    assert given.exit_code == 0, given.output
    body = json.loads(given.output)
    assert (body["published"], body["published_from"]) == ("2025-06-30", "option")
    assert body["url"] == "https://news.example/poland-defence"
    bad = runner.invoke(main, ["check", str(page), "--published", "2025-02-30"])
    assert bad.exit_code == 1 and "not a date" in bad.output


def test_web_check_of_a_page_uses_its_date_and_says_so():
    client = TestClient(create_app())
    r = client.post("/api/v1/check?min_confidence=0", json={"text": news_page()})
    assert r.status_code == 200
    body = r.json()
    assert (body["published"], body["published_from"]) == ("2025-02-14", "page")
    assert {c["subject"] for c in body["claims"]} >= {"POL", "ESP"}
    given = client.post("/api/v1/check", json={"text": news_page(), "published": "2025-07-01"})
    assert given.json()["published_from"] == "option"
    plain = client.post("/api/v1/check", json={"text": "Poland spent 4.12% of GDP in 2024."})
    assert plain.json()["published_from"] is None
    form = client.post("/check", files={"file": ("page.html", news_page(), "text/html")},
                       follow_redirects=True)
    assert "Published 2025-02-14 (the page's own date)." in form.text


def test_an_ingested_page_keeps_its_address_site_title_and_date(tmp_path: Path):
    from sqlalchemy import select

    from natospend.store.db import open_store
    from natospend.store.ingest import ingest
    from natospend.store.schema import articles

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(news_page(), "utf-8")
    engine = open_store(str(tmp_path / "news.db"))
    assert ingest(engine, [folder], processes=1).added == 1
    with engine.connect() as conn:
        row = conn.execute(select(articles.c.url, articles.c.outlet, articles.c.title,
                                  articles.c.published, articles.c.text)).one()
    assert row.url == "https://news.example/poland-defence" and row.outlet == "Example News"
    assert row.title == "Poland to spend 4.7% of GDP on defence"
    assert str(row.published)[:10] == "2025-02-14"
    assert "Italy" not in row.text


def test_a_batch_line_holding_a_page_is_read_as_its_article(tmp_path: Path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "p", "text": news_page()}) + "\n"
                     + json.dumps({"id": "e", "text": " "}) + "\n", "utf-8")
    out = CliRunner().invoke(main, ["check", "--input", str(batch), "--format", "jsonl",
                                    "--min-confidence", "0"])
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    claims = [r for r in rows if r["id"] == "p"]
    assert {r["subject"] for r in claims} >= {"POL", "ESP"}
    assert not {r["subject"] for r in claims} & {"ITA", "CAN"}
    # 'this year' is the page's year, 2025, though the line gives no date
    assert any(r["subject"] == "POL" and r["year"] == 2025 for r in claims)
    assert rows[-1]["error"] == "line 2: the text is empty: there is no text to check"
    assert out.exit_code == 1


def test_the_web_result_names_the_page_and_escapes_what_the_page_says_of_itself():
    client = TestClient(create_app())
    hostile = news_page().replace(
        '<meta property="og:title" content="Poland to spend 4.7% of GDP on defence">',
        '<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt; Poland">')
    r = client.post("/check", files={"file": ("page.html", hostile, "text/html")},
                    follow_redirects=True)
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text and "&lt;script&gt;alert(1)" in r.text
    assert "(https://news.example/poland-defence): its article only" in r.text


def test_the_python_api_reads_a_page_like_the_cli():
    import natospend

    df = natospend.check(news_page().encode(), min_confidence=0)
    assert {"POL", "ESP"} <= set(df["subject"]) and "ITA" not in set(df["subject"])
    assert (df.attrs["published"], df.attrs["published_from"]) == ("2025-02-14", "page")
    assert df.attrs["url"] == "https://news.example/poland-defence"
    given = natospend.check(news_page(), "2025-07-01")
    assert (given.attrs["published"], given.attrs["published_from"]) == ("2025-07-01", "option")
    with pytest.raises(InputError, match="binary"):
        natospend.check(b"\x00\x01binary")


TABLE_PAGE = (
    '<html><head><meta property="article:published_time" content="2024-06-20"></head><body>'
    "<article><h1>A decade of catching up</h1><p>NATO's new estimates show how far the "
    "eastern flank has come since the Wales summit, and how far others still have to go.</p>"
    "<table><caption>Defence expenditure as a share of GDP</caption>"
    "<thead><tr><th>Ally</th><th>2014</th><th>2024</th></tr></thead><tbody>"
    "<tr><td>Poland</td><td>1.88%</td><td>4.12%</td></tr>"
    "<tr><td>Estonia</td><td>1.93%</td><td>3.43%</td></tr>"
    "<tr><td>Spain</td><td>0.92%</td><td>1.28%</td></tr></tbody></table>"
    "<p>Spain has promised to do more.</p></article></body></html>"
)


def test_a_tables_figures_keep_the_years_of_their_columns():
    page = read_page(TABLE_PAGE)
    assert "Poland — 2014: 1.88%; 2024: 4.12%." in page.text.split("\n\n")
    rows = check(page.text, page.published, min_confidence=0)
    shares = {(r["subject"], r["year"], r["value"]) for r in rows
              if r["type"] == "share_of_gdp"}
    assert shares == {("POL", 2014, 1.88), ("POL", 2024, 4.12), ("EST", 2014, 1.93),
                      ("EST", 2024, 3.43), ("ESP", 2014, 0.92), ("ESP", 2024, 1.28)}
    # NATO's June 2024 release, current on 20 June 2024, gives each of them
    assert all(r["verdict"] == "supported" for r in rows if r["type"] == "share_of_gdp")


def test_table_rows_without_headings_and_captions_stay_readable():
    from natospend.claims.page import _paragraphs

    text = _paragraphs("Intro.\n| Defence spending, % of GDP |  | \n|---|---|\n"
                       "| Ally | 2024 | \n|---|---|\n| Poland | 4.12 | \n| Spain | 1.28 |  | \n"
                       "| Latvia \\| LV | 3.15% | 3.4% | \nEnd.")
    assert text.split("\n\n") == ["Intro.", "Defence spending, % of GDP:",
                                  "Poland — 2024: 4.12.", "Spain — 1.28.",
                                  "Latvia | LV — 3.15% — 3.4%.", "End."]


def test_the_headline_is_read_once_when_the_title_carries_the_sites_name():
    html = ("<html><head><title>Poland to spend 4.7% of GDP on defence | Example News</title>"
            "</head><body><article><h1>Poland to spend 4.7% of GDP on defence</h1><p>WARSAW - "
            "Poland will spend 4.7% of its GDP on defence this year, the government said on "
            "Friday, the most of any NATO ally and twice the alliance's target.</p>"
            "</article></body></html>")
    text = read_page(html).text
    assert text.count("Poland to spend 4.7%") == 1
    from natospend.claims.page import _has_headline

    # a short first line that the title happens to contain is no headline
    assert not _has_headline("Poland\n\nWARSAW - Poland will spend", "Poland to spend 4.7%")
    assert _has_headline("Politics\n\nPoland to spend 4.7% of GDP", "Poland to spend 4.7% of GDP")


def test_a_jsonl_record_holding_a_page_takes_what_the_page_says_where_it_says_nothing(
        tmp_path: Path):
    from sqlalchemy import select

    from natospend.store.db import open_store
    from natospend.store.ingest import ingest
    from natospend.store.schema import articles

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "feed.jsonl").write_text(
        json.dumps({"text": news_page(), "outlet": "Wire copy"}) + "\n", "utf-8")
    engine = open_store(str(tmp_path / "news.db"))
    assert ingest(engine, [folder], processes=1).added == 1
    with engine.connect() as conn:
        row = conn.execute(select(articles.c.url, articles.c.outlet, articles.c.published)).one()
    assert row.url == "https://news.example/poland-defence"  # the page's
    assert row.outlet == "Wire copy"  # the record's own wins
    assert str(row.published)[:10] == "2025-02-14"
