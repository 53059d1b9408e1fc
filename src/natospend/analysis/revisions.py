"""Change over time within an edition, and what NATO revised between two editions."""

from __future__ import annotations

import pandas as pd

from natospend import countries, dataset
from natospend.analysis.compliance import AnalysisInputError
from natospend.sources.records import INDICATORS


def trend(ally: str, since: int = 2014, edition: str | None = "latest") -> pd.DataFrame:
    """One ally (or NATO aggregate) year by year: share of GDP, real change, spending."""
    ed = dataset.resolve_edition(edition)
    code = countries.resolve(ally)
    if code in ("EU", "EUROPE"):
        raise AnalysisInputError(f"{ally!r}: NATO publishes no aggregate for this group; use "
                                 "an ally, NATO or europe-canada")
    df = dataset.expenditure(ed, ally=code)
    df = df[df["year"] >= since]
    if df.empty:
        raise dataset.DataNotFoundError(f"no figures for {code} since {since} in edition {ed}")
    out = df[["iso3", "year", "share_of_gdp_pct", "real_change_pct", "usd_current_m",
              "usd_constant_m", "constant_price_year", "estimate"]].reset_index(drop=True)
    info = dataset.edition_info(ed)
    out.attrs.update({"question": "trend", "ally": code, "since": since, "edition": ed,
                      "source": info["url"], "edition_title": info["title"]})
    return out


def compare_editions(old: str, new: str, indicator: str = "share_of_gdp_pct",
                     min_change: float = 0.0) -> pd.DataFrame:
    """Every ally-year both editions report for ``indicator``, with the revision (new - old).

    Only rows that changed by more than ``min_change`` are kept; the rounding of the older
    edition's published figures (two decimals) is not counted as a revision.
    """
    if indicator not in INDICATORS:
        raise AnalysisInputError(f"unknown indicator {indicator!r}; one of {', '.join(INDICATORS)}")
    a, b = dataset.resolve_edition(old), dataset.resolve_edition(new)
    if a == b:
        raise AnalysisInputError("compare two different editions")
    cols = ["iso3", "year", indicator, "estimate"]
    left = dataset.expenditure(a)[cols].rename(columns={indicator: "old", "estimate": "old_est"})
    right = dataset.expenditure(b)[cols].rename(columns={indicator: "new", "estimate": "new_est"})
    df = left.merge(right, on=["iso3", "year"]).dropna(subset=["old", "new"])
    df["change"] = df["new"] - df["old"]
    df = df[(df["old"].round(2) != df["new"].round(2)) & (df["change"].abs() > min_change)]
    df = df.sort_values(["year", "change"], ascending=[False, True], ignore_index=True)
    df = df.rename(columns={"old": f"{indicator}_{a}", "new": f"{indicator}_{b}",
                            "old_est": f"estimate_{a}", "new_est": f"estimate_{b}"})
    df.attrs.update({"question": "compare_editions", "old": a, "new": b,
                     "indicator": indicator, "revised": len(df),
                     "note": "Editions can differ in basis and price base; see editions.csv."})
    return df
