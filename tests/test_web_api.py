"""Every endpoint in-process: pages, JSON twins, the API, charts, errors, limits, headers."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from natospend.web.app import create_app
from tests.conftest import HOSTILE_OUTLET, MIXED, make_news_store


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


@pytest.mark.parametrize("path", ["/", "/ally/POL", "/ally/Iceland", "/targets", "/burden",
                                  "/aid", "/data", "/check"])
def test_pages_render_with_security_headers(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text  # no inline script anywhere


@pytest.mark.parametrize("path,key", [("/overview.json", "counts"), ("/ally/POL.json", "history"),
                                      ("/targets.json?target=5", "per_ally"),
                                      ("/burden.json", "allies"), ("/aid.json", "donors"),
                                      ("/data.json", "editions")])
def test_every_page_has_a_json_twin(client, path, key):
    r = client.get(path)
    assert r.status_code == 200 and key in r.json()


@pytest.mark.parametrize("path", [
    "/api/v1/editions", "/api/v1/expenditure?ally=POL&edition=all",
    "/api/v1/compliance?target=2&year=2024&edition=2024-06", "/api/v1/gap?target=3.5",
    "/api/v1/cost?target=3.5&by=2035&from=2025&view=year", "/api/v1/burden?year=2025",
    "/api/v1/trend?ally=DEU", "/api/v1/compare-editions?old=2024-06&new=2025-08",
    "/api/v1/aid?by=donor", "/api/v1/aid/packages?since=2025-01&min=100m",
])
def test_api_json_and_csv(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["rows"] and "meta" in body
    csv = client.get(path + "&format=csv" if "?" in path else path + "?format=csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.text.count("\n") == len(body["rows"]) + 1


def test_compliance_api_counts_as_nato_did(client):
    meta = client.get("/api/v1/compliance?target=2&year=2024&edition=2024-06").json()["meta"]
    assert (meta["count"], meta["total"], meta["no_figure"]) == (23, 32, ["ISL"])


@pytest.mark.parametrize("name", ["compliance?target=2", "trend?ally=POL", "burden",
                                  "cost?target=3.5&by=2035", "aid?by=month"])
def test_charts_are_vega_lite_specs(client, name):
    spec = client.get(f"/api/v1/charts/{name}").json()
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")


@pytest.mark.parametrize("path,status,message", [
    ("/api/v1/compliance?target=-1", 400, "out of range"),
    ("/api/v1/compliance?target=200", 400, "out of range"),
    ("/api/v1/trend?ally=Narnia", 404, "unknown country"),
    ("/api/v1/gap?target=3.5&group=Narnia", 400, "unknown group"),
    ("/api/v1/expenditure?year=1990", 404, "no figures for 1990"),
    ("/api/v1/expenditure?year=abc", 422, "year"),
    ("/api/v1/cost?target=3.5&by=2020&from=2025", 400, "after the base year"),
    ("/api/v1/aid?donor=Narnia", 404, "unknown donor"),
    ("/api/v1/aid/packages?min=12%20gazillion", 400, "gazillion"),
    ("/api/v1/charts/nothing", 404, "no chart"),
])
def test_bad_requests_get_json_errors_with_a_message(client, path, status, message):
    r = client.get(path)
    assert r.status_code == status
    assert message in r.json()["error"]


@pytest.mark.parametrize("path", ["/static/../pyproject.toml", "/static/%2e%2e/app.py",
                                  "/data/download/..%2F..%2Fpyproject.toml",
                                  "/data/download/app.py"])
def test_no_request_path_reaches_the_file_system(client, path):
    assert client.get(path).status_code == 404


def test_check_api_and_linkable_result(client):
    r = client.post("/api/v1/check", json={"text": "Poland spent 4.12% of GDP on defence in "
                                                  "2024.", "published": "2024-07-01"})
    assert r.status_code == 200
    claims = r.json()["claims"]
    assert claims[0]["subject"] == "POL" and claims[0]["verdict"] == "supported"
    result = client.get(f"/check/{r.json()['id']}.json").json()
    assert result["claims"][0]["quote"] == "4.12%"


def test_check_form_escapes_hostile_text(client):
    r = client.post("/check", data={"text": "<script>alert(1)</script> Spain spent 1.28% of GDP "
                                            "in 2024.", "published": "2024-07-01"})
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text and "&lt;script&gt;" in r.text


@pytest.mark.parametrize("files,status", [
    ({"file": ("x.png", b"\x89PNG\x00\x00", "image/png")}, 415),
    ({"file": ("x.exe", b"MZ\x00", "application/octet-stream")}, 415),
    ({"file": ("x.txt", b"a" * (2 * 1024 * 1024 + 10), "text/plain")}, 413),
])
def test_uploads_are_limited_in_type_and_size(client, files, status):
    assert client.post("/check", files=files).status_code == status


def test_empty_or_binary_text_upload_is_a_clear_400(client):
    r = client.post("/check", files={"file": ("a.txt", b"\x00\x01\x02binary", "text/plain")})
    assert r.status_code == 400 and "binary" in r.text
    r = client.post("/api/v1/check", json={"text": "   "})
    assert r.status_code == 400 and "empty" in r.json()["error"]


def test_openapi_lists_the_versioned_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/compliance" in paths and "/api/v1/check" in paths


def test_cached_answers_are_the_same_and_errors_are_not_cached(client):
    first = client.get("/api/v1/gap?target=2.5&year=2025")
    again = client.get("/api/v1/gap?target=2.5&year=2025")
    assert first.status_code == again.status_code == 200 and first.content == again.content
    assert again.headers["content-security-policy"]
    bad = client.get("/api/v1/gap?target=-5")
    assert bad.status_code == 400 and client.get("/api/v1/gap?target=-5").status_code == 400


def test_a_bad_publication_date_is_a_clear_400_in_the_api_and_the_form(client):
    text = "Poland spent 4.12% of GDP on defence in 2024."
    for published in ("2024-13-01", 5, ["2024-07-01"]):
        r = client.post("/api/v1/check", json={"text": text, "published": published})
        assert r.status_code == 400 and "is not a date YYYY-MM-DD" in r.json()["error"]
    form = client.post("/check", data={"text": text, "published": "2024-02-30"})
    assert form.status_code == 400 and "is not a date YYYY-MM-DD" in form.text


def test_check_api_filters_on_a_minimum_confidence(client):
    body = {"text": "Poland spends 4.1% of GDP on defence and aims for 5% by 2026. The Dutch "
                    "plan costs from 16 billion euros a year. Canada will reach 2% by 2027, "
                    "while France spends about 2%.", "published": "2025-06-01"}
    every = client.post("/api/v1/check?min_confidence=0", json=body).json()["claims"]
    assert every and all(0 < c["confidence"] <= 1 for c in every)
    default = client.post("/api/v1/check", json=body).json()
    assert default["min_confidence"] == 0.8
    assert default["claims"] == [c for c in every if c["confidence"] >= 0.8]
    assert 0 < default["left_out"] == len(every) - len(default["claims"])
    cut = max(c["confidence"] for c in every)
    kept = client.post(f"/api/v1/check?min_confidence={cut}", json=body).json()["claims"]
    assert kept == [c for c in every if c["confidence"] >= cut] and len(kept) < len(every)
    bad = client.post("/api/v1/check?min_confidence=lots", json=body)
    assert bad.status_code == 400 and "not a number" in bad.json()["error"]


CONFIDENCE_SPAN = re.compile(
    r'<span class="confidence" title="([^"]*)">confidence ([0-9.]+)</span>')


def test_news_page_shows_each_claims_confidence_as_the_check_result_does(client, tmp_path):
    from sqlalchemy import update

    from natospend.store.db import open_store
    from natospend.store.schema import claims

    checked = client.post("/check", data={"text": MIXED, "published": "2025-06-01"})
    check_titles = {t for t, _ in CONFIDENCE_SPAN.findall(checked.text)}
    assert len(check_titles) == 1
    db = make_news_store(tmp_path)
    news = TestClient(create_app(str(db)))
    stored = news.get("/news.json").json()["claims"]
    sure = [c["confidence"] for c in stored if c["confidence"] is not None]
    assert 0 < len(sure) < len(stored)  # the old article's claim has none
    html = news.get("/news").text
    spans = CONFIDENCE_SPAN.findall(html)
    assert [v for _, v in spans] == [f"{c:.2f}" for c in sure]
    assert {t for t, _ in spans} == check_titles
    items = re.findall(r"<li data-claim=.*?</li>", html, re.S)
    assert len(items) == len(stored)
    assert [("confidence" in i) for i in items] == [c["confidence"] is not None for c in stored]
    assert ["Old store" in i for i in items if "confidence" not in i] == [True]
    assert 'id="min-confidence"' in html
    engine = open_store(str(db))
    with engine.begin() as conn:
        conn.execute(update(claims).values(confidence=None))
    engine.dispose()
    bare = news.get("/news").text  # a store without confidence: no spans and no menu
    assert CONFIDENCE_SPAN.findall(bare) == [] and 'id="min-confidence"' not in bare
    assert bare.count("<li data-claim=") == len(stored)


def test_news_page_escapes_what_the_feed_says(tmp_path):
    news = TestClient(create_app(str(make_news_store(tmp_path))))
    html = news.get("/news").text
    assert HOSTILE_OUTLET not in html and "&lt;script&gt;alert(&#34;outlet&#34;)" in html
    assert "<img src=x" not in html and "javascript:" not in html
    assert HOSTILE_OUTLET in {c["outlet"] for c in news.get("/news.json").json()["claims"]}


def test_check_page_marks_evidence_that_is_natos_estimate(client):
    r = client.post("/check", data={"text": "The Czech government will not increase defense "
                                            "spending beyond the planned 155 billion Czech "
                                            "koruna ($7 billion) for 2026.",
                                    "published": "2026-08-01"})
    assert r.status_code == 200
    sources = re.findall(r'<div class="source">(.*?)</div>', r.text, re.S)
    assert sources and all("NATO estimate" in s for s in sources)
