"""Who carries what: each ally's share of allied defence spending against its share of GDP."""

from __future__ import annotations

import pandas as pd

from natospend import dataset
from natospend.analysis.compliance import AnalysisInputError, members_in


def burden(year: int | None = None, edition: str | None = "latest") -> pd.DataFrame:
    """Per ally: spending and GDP in current US$, their shares of the allied totals, the ratio
    of the two (above 1: carries more than its economic weight), and spending per capita."""
    ed = dataset.resolve_edition(edition)
    data = dataset.expenditure(ed, aggregates=False)
    if data["usd_current_m"].isna().all():
        raise AnalysisInputError(f"edition {ed} has no US$ table; use 2024-06 or 2026-07")
    if year is None:
        year = int(data.dropna(subset=["usd_current_m"])["year"].max())
    rows = data[(data["year"] == year) & data["iso3"].isin(members_in(year))]
    rows = rows.dropna(subset=["usd_current_m", "gdp_usd_current_m"])
    if rows.empty:
        raise dataset.DataNotFoundError(f"edition {ed} has no US$ figures for {year}")
    df = rows[["iso3", "name", "usd_current_m", "gdp_usd_current_m", "share_of_gdp_pct",
               "per_capita_constant_usd", "estimate"]].copy()
    df["spending_share_pct"] = df["usd_current_m"] / df["usd_current_m"].sum() * 100
    df["gdp_share_pct"] = df["gdp_usd_current_m"] / df["gdp_usd_current_m"].sum() * 100
    df["burden_ratio"] = df["spending_share_pct"] / df["gdp_share_pct"]
    df = df.sort_values("usd_current_m", ascending=False, ignore_index=True)
    info = dataset.edition_info(ed)
    df.attrs.update({"question": "burden", "year": year, "edition": ed, "source": info["url"],
                     "edition_title": info["title"],
                     "total_usd_current_m": float(df["usd_current_m"].sum()),
                     "assumptions": "Shares of the total of allies with a figure (Iceland has "
                                    "none), in US$ at current prices and exchange rates; per "
                                    "capita at the edition's constant prices."})
    return df


def burden_over_time(edition: str | None = "latest") -> pd.DataFrame:
    """The United States against European allies and Canada, year by year, from NATO's own
    aggregates: spending in current US$ and each side's share of the allied total."""
    ed = dataset.resolve_edition(edition)
    data = dataset.expenditure(ed)
    piv = data[data["iso3"].isin(["USA", "NATO_EUROPE_CANADA", "NATO"])].pivot_table(
        index="year", columns="iso3", values="usd_current_m")
    if piv.empty or "NATO" not in piv:
        raise AnalysisInputError(f"edition {ed} has no US$ aggregates; use 2024-06 or 2026-07")
    out = pd.DataFrame({
        "year": piv.index,
        "usa_usd_current_m": piv["USA"].values,
        "europe_canada_usd_current_m": piv["NATO_EUROPE_CANADA"].values,
        "nato_usd_current_m": piv["NATO"].values,
    })
    out["usa_share_pct"] = out["usa_usd_current_m"] / out["nato_usd_current_m"] * 100
    out["europe_canada_share_pct"] = (out["europe_canada_usd_current_m"]
                                      / out["nato_usd_current_m"] * 100)
    info = dataset.edition_info(ed)
    out.attrs.update({"question": "burden_over_time", "edition": ed, "source": info["url"],
                      "edition_title": info["title"]})
    return out
