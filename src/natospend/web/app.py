"""The FastAPI application: HTML pages, their JSON twins, the versioned JSON API, charts."""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from importlib import resources
from typing import Any

import pandas as pd
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from natospend import charts, countries, dataset
from natospend.analysis.aid import AidInputError
from natospend.analysis.burden import burden as burden_fn
from natospend.analysis.compliance import AnalysisInputError, compliance
from natospend.analysis.cost import cost_to_target, summarise
from natospend.analysis.gap import gap as gap_fn
from natospend.analysis.revisions import compare_editions, trend
from natospend.claims.check import DEFAULT_MIN_CONFIDENCE
from natospend.output import records
from natospend.web import pages
from natospend.web.cache import ResponseCache
from natospend.web.security import MAX_UPLOAD_BYTES, TEXT_TYPES, SecurityHeaders

STATIC = resources.files("natospend.web").joinpath("static")
TEMPLATES = Jinja2Templates(directory=str(resources.files("natospend.web").joinpath("templates")))
# the menus on claims start at the minimum the checker reports by default
TEMPLATES.env.globals["default_min_confidence"] = DEFAULT_MIN_CONFIDENCE
RESULTS_KEPT = 500
MEDIA = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml",
         ".png": "image/png", ".LICENSE": "text/plain"}



def json_response(obj: Any) -> Response:
    """JSON of answers that hold dates and numpy scalars, serialised once (``str`` for what
    JSON lacks), in the compact form JSONResponse writes."""
    body = json.dumps(obj, default=str, ensure_ascii=False, allow_nan=False,
                      separators=(",", ":"))
    return Response(body.encode("utf-8"), media_type="application/json")

def _static_files() -> dict[str, tuple[bytes, str]]:
    """Every static file, read once at start-up: a request names a key, never a path."""
    out = {}
    for entry in STATIC.iterdir():
        if entry.is_file():
            out[entry.name] = (entry.read_bytes(), _media(entry.name))
    for entry in STATIC.joinpath("vendor").iterdir():
        if entry.is_file():
            out["vendor/" + entry.name] = (entry.read_bytes(), _media(entry.name))
    return out


def _media(name: str) -> str:
    for suffix, media in MEDIA.items():
        if name.endswith(suffix):
            return media
    return "application/octet-stream"


def frame_response(df: pd.DataFrame, fmt: str, filename: str) -> Response:
    if fmt == "csv":
        return Response(df.to_csv(index=False, lineterminator="\n"), media_type="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'})
    meta = {k: v for k, v in df.attrs.items()}
    return json_response({"meta": meta, "rows": records(df)})


def create_app(store: str | None = None) -> FastAPI:
    """The application; ``store`` (a SQLite path or postgresql:// URL) enables the News page."""
    app = FastAPI(title="natospend", version="1", docs_url="/api/docs", redoc_url=None,
                  description="NATO allies' official defence spending, targets and checks.")
    app.add_middleware(ResponseCache)
    app.add_middleware(SecurityHeaders)
    static = _static_files()

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path.endswith(".json")

    def error(request: Request, status: int, message: str) -> Response:
        if is_api(request):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return TEMPLATES.TemplateResponse(request, "error.html",
                                          {"message": message, "status": status},
                                          status_code=status)

    @app.exception_handler(countries.UnknownCountryError)
    @app.exception_handler(dataset.DataNotFoundError)
    async def not_found(request: Request, exc: Exception) -> Response:
        return error(request, 404, str(exc).strip("'\""))

    @app.exception_handler(AidInputError)
    @app.exception_handler(AnalysisInputError)
    async def bad_input(request: Request, exc: Exception) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        parts = [f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors()]
        return error(request, 422, "bad request parameters: " + "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(static["favicon.svg"][0], media_type="image/svg+xml")

    @app.get("/static/{name:path}", include_in_schema=False)
    def static_file(name: str) -> Response:
        if name not in static:
            raise StarletteHTTPException(404, f"no static file {name!r}")
        body, media = static[name]
        return Response(body, media_type=media,
                        headers={"Cache-Control": "public, max-age=3600"})

    def page(request: Request, template: str, ctx: dict[str, Any], json_twin: bool) -> Response:
        if json_twin:
            return json_response(ctx)
        return TEMPLATES.TemplateResponse(request, template, {"ctx": ctx})

    # -- pages, each with a .json twin ------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, edition: str = "latest") -> Response:
        return page(request, "overview.html", pages.overview(edition), False)

    @app.get("/overview.json", tags=["pages"])
    def home_json(edition: str = "latest") -> Response:
        return json_response(pages.overview(edition))

    @app.get("/ally/{name}", response_class=HTMLResponse, include_in_schema=False)
    def ally(request: Request, name: str, edition: str = "latest") -> Response:
        json_twin = name.endswith(".json")
        code = name[:-5] if json_twin else name
        return page(request, "ally.html", pages.ally_page(code, edition), json_twin)

    @app.get("/ally", include_in_schema=False)
    def ally_search(q: str = Query("", max_length=100)) -> Response:
        iso3 = countries.resolve_ally(q)
        return RedirectResponse(f"/ally/{iso3}", status_code=303)

    def _targets(request: Request, json_twin: bool, target: float, by: int,
                 base_year: int | None, growth: str, group: str, path: str,
                 edition: str) -> Response:
        rate: float | str = growth if growth == "history" else _float(growth, "growth")
        ctx = pages.targets_page(target, by, base_year, rate, group, path, edition)
        return page(request, "targets.html", ctx, json_twin)

    @app.get("/targets", response_class=HTMLResponse, include_in_schema=False)
    def targets(request: Request, target: float = 3.5, by: int = 2035,
                base_year: int | None = Query(None, alias="from"), growth: str = "3.0",
                group: str = "all", path: str = "linear", edition: str = "latest") -> Response:
        return _targets(request, False, target, by, base_year, growth, group, path, edition)

    @app.get("/targets.json", tags=["pages"])
    def targets_json(request: Request, target: float = 3.5, by: int = 2035,
                     base_year: int | None = Query(None, alias="from"), growth: str = "3.0",
                     group: str = "all", path: str = "linear",
                     edition: str = "latest") -> Response:
        return _targets(request, True, target, by, base_year, growth, group, path, edition)

    @app.get("/burden", response_class=HTMLResponse, include_in_schema=False)
    def burden_page(request: Request, year: int | None = None,
                    edition: str = "latest") -> Response:
        return page(request, "burden.html", pages.burden_page(year, edition), False)

    @app.get("/burden.json", tags=["pages"])
    def burden_json(year: int | None = None, edition: str = "latest") -> Response:
        return json_response(pages.burden_page(year, edition))

    engine = None
    if store:
        from natospend.store.db import open_store

        engine = open_store(store)

    def news_ctx() -> dict[str, Any]:
        if engine is None:
            raise StarletteHTTPException(404, "no news store: start the dashboard with "
                                              "`natospend serve --store news.db` after "
                                              "`natospend ingest`")
        return pages.news_page(engine)

    @app.get("/news", response_class=HTMLResponse, include_in_schema=False)
    def news_html(request: Request) -> Response:
        return page(request, "news.html", news_ctx(), False)

    @app.get("/news.json", tags=["pages"])
    def news_json() -> Response:
        return json_response(news_ctx())

    @app.get("/aid", response_class=HTMLResponse, include_in_schema=False)
    def aid_html(request: Request) -> Response:
        return page(request, "aid.html", pages.aid_page(), False)

    @app.get("/aid.json", tags=["pages"])
    def aid_json() -> Response:
        return json_response(pages.aid_page())

    @app.get("/api/v1/aid", tags=["api"])
    def api_aid(by: str = Query("donor", pattern="^(donor|month|type)$"),
                donor: str | None = Query(None, max_length=100), since: str | None = None,
                until: str | None = None,
                type: str | None = Query(None, pattern="^(military|financial|humanitarian)$"),
                format: str = Query("json", pattern="^(json|csv)$")) -> Response:
        from natospend.analysis.aid import aid

        return frame_response(aid(by, donor, since, until, type), format, "aid")

    @app.get("/api/v1/aid/packages", tags=["api"])
    def api_packages(since: str | None = None, donor: str | None = Query(None, max_length=100),
                     min: str | None = Query(None, max_length=30),
                     format: str = Query("json", pattern="^(json|csv)$")) -> Response:
        from natospend.analysis.aid import packages

        return frame_response(packages(since, donor, min), format, "packages")

    results: OrderedDict[str, dict[str, Any]] = OrderedDict()

    def run_check(article: dict[str, Any]) -> dict[str, Any]:
        """The checked ``article`` (``submitted_text``'s), kept for its link while the server
        runs."""
        from natospend.claims.check import check as check_fn
        from natospend.claims.check import segments

        key = hashlib.sha256(json.dumps(article, sort_keys=True).encode()).hexdigest()[:16]
        if key not in results:
            # every claim, confidence and all: the page's menu and the API choose what to show
            text = article["text"]
            rows = check_fn(text, article["published"], min_confidence=0)
            results[key] = {"id": key, **article, "claims": rows,
                            "segments": segments(text, rows)}
            while len(results) > RESULTS_KEPT:
                results.popitem(last=False)
        results.move_to_end(key)
        return results[key]

    async def submitted_text(request: Request) -> dict[str, Any]:
        """The article from a form (text or file) or a JSON body, with the limits enforced:
        its text; its publication date, the one given or else an HTML page's own, and which
        it is (``published_from``: "option", "page" or None); a page's title and address."""
        from natospend.claims.check import InputError, publication_date, read_article

        kind = request.headers.get("content-type", "").split(";")[0].strip()
        if kind == "application/json":
            body = await request.body()
            if len(body) > MAX_UPLOAD_BYTES:
                raise StarletteHTTPException(413, "the article is larger than 2 MB")
            try:
                payload = json.loads(body)
            except json.JSONDecodeError:
                raise AnalysisInputError("the body is not valid JSON") from None
            if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
                raise AnalysisInputError('send {"text": "...", "published": "YYYY-MM-DD"}')
            raw: bytes | str = payload["text"]
            published = payload.get("published")
        elif kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
            form = await request.form(max_part_size=MAX_UPLOAD_BYTES)
            upload = form.get("file")
            published = str(form.get("published") or "") or None
            if upload is not None and not isinstance(upload, str) and upload.filename:
                media = (upload.content_type or "").split(";")[0]
                if media not in TEXT_TYPES or not upload.filename.lower().endswith(
                        (".txt", ".html", ".htm", ".text", ".md")):
                    raise StarletteHTTPException(415, f"{upload.filename!r}: upload a text "
                                                      "or HTML file (.txt, .html)")
                raw = await upload.read(MAX_UPLOAD_BYTES + 1)
                if len(raw) > MAX_UPLOAD_BYTES:
                    raise StarletteHTTPException(413, "the file is larger than 2 MB")
            else:
                raw = str(form.get("text") or "")
                if len(raw.encode()) > MAX_UPLOAD_BYTES:
                    raise StarletteHTTPException(413, "the article is larger than 2 MB")
        else:
            raise StarletteHTTPException(415, f"send a form or JSON, not {kind or 'nothing'}")
        try:
            article = read_article(raw, "the article")
            day, published_from = publication_date(published, article)
        except InputError as exc:
            raise AnalysisInputError(str(exc)) from None
        return {"text": article.text, "published": str(day) if day else None,
                "published_from": published_from, "title": article.title, "url": article.url}

    @app.get("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_form(request: Request) -> Response:
        return TEMPLATES.TemplateResponse(request, "check.html", {"ctx": None})

    @app.post("/check", include_in_schema=False)
    async def check_submit(request: Request) -> Response:
        try:
            result = run_check(await submitted_text(request))
        except AnalysisInputError as exc:
            return TEMPLATES.TemplateResponse(request, "check.html",
                                              {"ctx": {"error": str(exc)}}, status_code=400)
        return RedirectResponse(f"/check/{result['id']}", status_code=303)

    @app.get("/check/{key}", response_class=HTMLResponse, include_in_schema=False)
    def check_result(request: Request, key: str) -> Response:
        json_twin = key.endswith(".json")
        key = key[:-5] if json_twin else key
        if key not in results:
            raise StarletteHTTPException(404, "this result is no longer held (results are kept "
                                              "in memory while the server runs); check the "
                                              "article again")
        return page(request, "check_result.html", results[key], json_twin)

    @app.post("/api/v1/check", tags=["api"])
    async def api_check(request: Request,
                        min_confidence: str | None = Query(None, max_length=20)) -> Response:
        """Body: JSON {"text", "published"} or a form with text or file. ``min_confidence``
        (0-1) keeps the claims whose type the learned layer gave at least that probability
        (0.8 when not given, 0 for every claim); ``left_out`` counts those it left out."""
        from natospend.claims.check import InputError, confidence_threshold, confident

        try:
            threshold = confidence_threshold(min_confidence)
        except InputError as exc:
            raise AnalysisInputError(str(exc)) from None
        result = run_check(await submitted_text(request))
        claims = result["claims"] if threshold is None else [
            c for c in result["claims"] if confident(c["confidence"], threshold)]
        return json_response({"id": result["id"], "published": result["published"],
                              "published_from": result["published_from"],
                              "title": result["title"], "url": result["url"],
                              "min_confidence": threshold, "claims": claims,
                              "left_out": len(result["claims"]) - len(claims)})

    @app.get("/data", response_class=HTMLResponse, include_in_schema=False)
    def data_page(request: Request) -> Response:
        return page(request, "data.html", pages.data_page(), False)

    @app.get("/data.json", tags=["pages"])
    def data_json() -> Response:
        return json_response(pages.data_page())

    @app.get("/data/download/{name}", tags=["data"])
    def download(name: str) -> Response:
        if name not in pages.DOWNLOADS:
            raise StarletteHTTPException(404, f"no download {name!r}; choose one of "
                                              f"{', '.join(sorted(pages.DOWNLOADS))}")
        body = resources.files("natospend.data").joinpath(name).read_bytes()
        return Response(body, media_type=pages.DOWNLOADS[name],
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    # -- the JSON API -----------------------------------------------------------------------
    @app.get("/api/v1/editions", tags=["api"])
    def api_editions(format: str = Query("json", pattern="^(json|csv)$")) -> Response:
        df = dataset.editions()
        return frame_response(df, format, "editions")

    @app.get("/api/v1/expenditure", tags=["api"])
    def api_expenditure(edition: str = "latest", ally: str | None = Query(None, max_length=100),
                        year: int | None = None,
                        format: str = Query("json", pattern="^(json|csv)$")) -> Response:
        df = dataset.expenditure(edition, ally=ally, year=year)
        df.attrs = {"edition": edition}
        return frame_response(df, format, "expenditure")

    @app.get("/api/v1/compliance", tags=["api"])
    def api_compliance(target: float = 2.0, year: int | None = None, edition: str = "latest",
                       measure: str = Query("gdp", pattern="^(gdp|equipment)$"),
                       format: str = Query("json", pattern="^(json|csv)$")) -> Response:
        return frame_response(compliance(target, year, edition, measure), format, "compliance")

    @app.get("/api/v1/gap", tags=["api"])
    def api_gap(target: float, year: int | None = None, edition: str = "latest",
                group: str = Query("all", max_length=300),
                format: str = Query("json", pattern="^(json|csv)$")) -> Response:
        return frame_response(gap_fn(target, year, edition, group), format, "gap")

    @app.get("/api/v1/cost", tags=["api"])
    def api_cost(target: float, by: int, base_year: int | None = Query(None, alias="from"),
                 growth: str = "3.0", group: str = Query("all", max_length=300),
                 path: str = "linear", edition: str = "latest",
                 view: str = Query("ally", pattern="^(ally|year|detail)$"),
                 format: str = Query("json", pattern="^(json|csv)$")) -> Response:
        rate: float | str = growth if growth == "history" else _float(growth, "growth")
        df = cost_to_target(target, by, base_year, rate, path, edition, group)
        shown = df if view == "detail" else summarise(df, view)
        return frame_response(shown, format, "cost")

    @app.get("/api/v1/burden", tags=["api"])
    def api_burden(year: int | None = None, edition: str = "latest",
                   format: str = Query("json", pattern="^(json|csv)$")) -> Response:
        return frame_response(burden_fn(year, edition), format, "burden")

    @app.get("/api/v1/trend", tags=["api"])
    def api_trend(ally: str = Query(..., max_length=100), since: int = 2014,
                  edition: str = "latest",
                  format: str = Query("json", pattern="^(json|csv)$")) -> Response:
        return frame_response(trend(ally, since, edition), format, "trend")

    @app.get("/api/v1/compare-editions", tags=["api"])
    def api_compare(old: str, new: str, indicator: str = "share_of_gdp_pct",
                    format: str = Query("json", pattern="^(json|csv)$")) -> Response:
        return frame_response(compare_editions(old, new, indicator), format, "revisions")

    @app.get("/api/v1/charts/{name}", tags=["charts"])
    def api_chart(name: str, request: Request) -> Response:
        p = request.query_params
        edition = p.get("edition", "latest")
        if name == "compliance":
            spec = charts.compliance_chart(compliance(_float(p.get("target", "2"), "target"),
                                                      _int(p.get("year")), edition))
        elif name == "trend":
            spec = charts.trend_chart(trend(p.get("ally", "NATO"), 2014, edition))
        elif name == "burden":
            spec = charts.burden_chart(burden_fn(_int(p.get("year")), edition))
        elif name == "cost":
            growth = p.get("growth", "3.0")
            rate: float | str = growth if growth == "history" else _float(growth, "growth")
            spec = charts.cost_chart(cost_to_target(
                _float(p.get("target", "3.5"), "target"), _int(p.get("by")) or 2035,
                _int(p.get("from")), rate, p.get("path", "linear"), edition,
                p.get("group", "all")))
        elif name == "news":
            if engine is None:
                raise StarletteHTTPException(404, "no news store")
            from natospend.store.queries import claims_by_month

            spec = charts.news_chart(claims_by_month(engine))
        elif name == "aid":
            from natospend.aid_charts import aid_chart
            from natospend.analysis.aid import aid

            spec = aid_chart(aid(p.get("by", "month"), p.get("donor"), p.get("since"),
                                 p.get("until")))
        else:
            raise StarletteHTTPException(404, f"no chart {name!r}")
        return json_response(spec)

    return app


def _float(value: str, name: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise AnalysisInputError(f"{name} {value!r} is not a number") from None


def _int(value: str | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)  # type: ignore[arg-type]
    except ValueError:
        raise AnalysisInputError(f"{value!r} is not a year") from None

