"""What each dashboard page shows, as plain data: the HTML page renders it, the JSON twin returns
it. Nothing here computes an answer the Python API does not."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pandas as pd

from natospend import countries, dataset
from natospend.analysis.burden import burden, burden_over_time
from natospend.analysis.compliance import compliance
from natospend.analysis.cost import cost_to_target, summarise
from natospend.analysis.gap import gap
from natospend.analysis.profile import profile
from natospend.analysis.revisions import compare_editions, trend
from natospend.output import records


def _table(df: pd.DataFrame, columns: list[str] | None = None) -> dict[str, Any]:
    df = df[columns] if columns else df
    return {"columns": list(df.columns), "rows": records(df)}


def _previous_tables_edition(edition: str) -> str | None:
    eds = dataset.editions()
    older = eds[(eds["kind"] == "tables") & (eds["id"] < edition)]["id"]
    return str(older.max()) if not older.empty else None


def overview(edition: str | None = "latest") -> dict[str, Any]:
    ed = dataset.resolve_edition(edition)
    info = dataset.edition_info(ed)
    base = compliance(2.0, None, ed)
    year = base.attrs["year"]
    counts = []
    for target in (2.0, 3.5, 5.0):
        a = compliance(target, year, ed).attrs
        counts.append({"target": target, "count": a["count"], "total": a["total"],
                       "no_figure": a["no_figure"]})
    totals = []
    for code in ("NATO", "NATO_EUROPE_CANADA"):
        t = trend(code, year, ed)
        row = records(t)[0] if not t.empty else {}
        totals.append({"group": countries.ally_name(code), **row})
    previous = _previous_tables_edition(ed)
    changes = None
    if previous:
        c = compare_editions(previous, ed, min_change=0.1)
        changes = {"old": previous, "new": ed, "revised": c.attrs["revised"],
                   **_table(c.head(15))}
    return {
        "page": "overview", "edition": ed, "edition_title": info["title"], "year": year,
        "source": info["url"], "estimate": base.attrs["estimate"], "counts": counts,
        "totals": totals, "changes": changes, "rule": base.attrs["rule"],
        "allies": _table(base, ["iso3", "name", "value", "status", "estimate"]),
        "chart": "/api/v1/charts/compliance?" + urlencode({"target": 2.0, "year": year,
                                                          "edition": ed}),
    }


def ally_page(name: str, edition: str | None = "latest") -> dict[str, Any]:
    p = profile(name, edition)
    ed = p["edition"]
    iso3 = p["iso3"]
    history = dataset.expenditure("all", ally=iso3) if p["history"].size else pd.DataFrame()
    across = None
    if not history.empty:
        piv = history.pivot_table(index="year", columns="edition", values="share_of_gdp_pct")
        piv = piv.reset_index()
        piv.columns = [str(c) for c in piv.columns]
        across = _table(piv)
    costs = []
    if not p["history"].empty:
        for target in (2.0, 3.5, 5.0):
            try:
                df = cost_to_target(target, 2035, None, 3.0, edition=ed, group=iso3)
            except (ValueError, LookupError):
                continue
            g = gap(target, df.attrs["base_year"], ed, iso3).iloc[0]
            costs.append({"target": target, "base_year": df.attrs["base_year"],
                          "gap_pts": g["gap_pts"], "gap_usd_current_m": g["gap_usd_current_m"],
                          "extra_in_2035_usd_m": df.attrs["extra_in_deadline_year_usd_m"],
                          "cumulative_extra_usd_m": df.attrs["total_extra_usd_m"],
                          "assumptions": df.attrs["assumptions"]})
    return {
        "page": "ally", "iso3": iso3, "name": p["name"], "joined": p["joined"],
        "note": p["note"], "edition": ed, "source": p["source"],
        "history": _table(p["history"]), "across_editions": across,
        "targets": p["targets"], "revisions": p["revisions"], "costs": costs,
        "pledges": _table(p["pledges"]),
        "aid": _aid_for(iso3),
        "chart": "/api/v1/charts/trend?" + urlencode({"ally": iso3, "edition": ed}),
    }


def _aid_for(iso3: str) -> dict[str, Any] | None:
    from natospend.analysis import aid as aid_mod

    try:
        df = aid_mod.aid(by="donor", donor=iso3)
    except (ValueError, LookupError):
        return None
    return {**_table(df), "source": df.attrs.get("source")}


def targets_page(target: float, by: int, base_year: int | None, growth: float | str,
                 group: str, path: str, edition: str | None) -> dict[str, Any]:
    df = cost_to_target(target, by, base_year, growth, path, edition, group)
    a = df.attrs
    per_ally = summarise(df, "ally")
    per_year = summarise(df, "year")
    query = {"target": target, "by": by, "from": a["base_year"], "growth": growth,
             "group": group, "path": path, "edition": a["edition"]}
    return {
        "page": "targets", "choices": query,
        "summary": {k: a[k] for k in ("target", "by", "base_year", "path", "growth", "edition",
                                      "group", "total_extra_usd_m",
                                      "extra_in_deadline_year_usd_m", "no_figure")},
        "assumptions": a["assumptions"], "source": a["source"],
        "per_ally": _table(per_ally), "per_year": _table(per_year),
        "chart": "/api/v1/charts/cost?" + urlencode(query),
    }


def burden_page(year: int | None, edition: str | None) -> dict[str, Any]:
    df = burden(year, edition)
    over = burden_over_time(edition)
    a = df.attrs
    return {"page": "burden", "year": a["year"], "edition": a["edition"],
            "source": a["source"], "assumptions": a["assumptions"],
            "allies": _table(df), "over_time": _table(over),
            "chart": "/api/v1/charts/burden?" + urlencode({"year": a["year"],
                                                          "edition": a["edition"]})}


def aid_page() -> dict[str, Any]:
    from natospend.analysis.aid import aid, packages

    donors = aid(by="donor")
    pk = packages(since="2025-01")
    a = donors.attrs
    return {"page": "aid", "title": f"{a['release_label']}: allocations {a['months']}, "
                                    f"EUR {a['total_eur_bn']:,.1f} bn in all.",
            "notes": a["assumptions"], "source": "; ".join(s["title"] + ": " + s["path"]
                                                           for s in a["sources"]),
            "donors": _table(donors, ["iso3", "donor", "eur_bn", "usd_bn", "pct_gdp",
                                      "military_eur_bn", "financial_eur_bn",
                                      "humanitarian_eur_bn"]),
            "packages": _table(pk, ["announced", "donor", "amount_text", "aid_type",
                                    "amount_eur", "amount_usd", "rate_date", "source_url"]),
            "chart": "/api/v1/charts/aid?by=month"}


def news_page(engine: Any) -> dict[str, Any]:
    from natospend.store import queries

    rep = queries.repeated_claims(engine, limit=30)
    st = queries.stories(engine, limit=20)
    latest = queries.claim_rows(engine, limit=LATEST_CLAIMS)
    cols = ["articles", "outlets", "stories", "verdict", "latest_verdict", "type", "subject",
            "year", "value", "unit", "example", "first_seen", "last_seen"]
    return {"page": "news",
            "claims": records(latest[LATEST_COLUMNS])
            if not latest.empty else [],
            "repeated": _table(rep, cols) if not rep.empty else {"columns": [], "rows": []},
            "lines": [f"“{r.example}” ({r.type}, {r.subject}): {r.line}"
                      for r in rep.head(5).itertuples()] if not rep.empty else [],
            "stories": _table(st) if not st.empty else {"columns": [], "rows": []},
            "chart": "/api/v1/charts/news"}


LATEST_CLAIMS = 50
LATEST_COLUMNS = ["published", "outlet", "url", "type", "subject", "year", "quote", "verdict",
                  "latest_verdict", "summary", "confidence"]


def data_page() -> dict[str, Any]:
    eds = dataset.editions()
    return {"page": "data", "editions": _table(eds.drop(columns=["user"])),
            "targets": _table(dataset.targets()[["id", "name", "share_pct", "deadline",
                                                 "source", "url"]]),
            "downloads": sorted(DOWNLOADS),
            "licence": "NATO's figures: reuse with credit to NATO. Kiel Institute figures: credit "
                       "the Kiel Institute. natospend's code: Apache-2.0."}


DOWNLOADS = {"observations.csv": "text/csv", "editions.csv": "text/csv",
             "allies.csv": "text/csv", "groups.csv": "text/csv", "targets.csv": "text/csv",
             "pledges.csv": "text/csv", "known_exceptions.csv": "text/csv",
             "datapackage.json": "application/json"}
