"""One ally at a glance: its history, spending categories, targets met, pledges, revisions."""

from __future__ import annotations

from typing import Any

import pandas as pd

from natospend import countries, dataset

HISTORY_COLUMNS = ["year", "share_of_gdp_pct", "usd_current_m", "equipment_share_pct",
                   "personnel_share_pct", "infrastructure_share_pct", "other_share_pct",
                   "personnel_k", "estimate"]


def profile(name: str, edition: str | None = "latest") -> dict[str, Any]:
    """Everything natospend holds on one ally, as a dict of plain values and DataFrames."""
    iso3 = countries.resolve_ally(name)
    ally = countries.ally_by_iso3()[iso3]
    ed = dataset.resolve_edition(edition)
    info = dataset.edition_info(ed)
    try:
        history = dataset.expenditure(ed, ally=iso3)[HISTORY_COLUMNS]
    except dataset.DataNotFoundError:
        history = pd.DataFrame(columns=HISTORY_COLUMNS)
    return {
        "iso3": iso3, "name": ally.name, "joined": ally.joined.isoformat(), "note": ally.note,
        "edition": ed, "source": f"NATO, {info['title']} ({ed}): {info['url']}",
        "history": history.reset_index(drop=True),
        "targets": _targets(history, ally),
        "pledges": dataset.pledges(iso3)[["target_pct_gdp", "target_pct_gdp_high",
                                          "deadline_year", "basis", "announced", "status",
                                          "source_url"]],
        "revisions": _revisions(iso3),
    }


def _targets(history: pd.DataFrame, ally: countries.Ally) -> list[str]:
    shares = history.dropna(subset=["share_of_gdp_pct"])
    if shares.empty:
        return [f"No share-of-GDP figure for {ally.name} in this edition: targets cannot be "
                "assessed."]
    last = shares.iloc[-1]
    year, share = int(last["year"]), float(last["share_of_gdp_pct"])
    est = " (estimate)" if last["estimate"] else ""
    lines = []
    for pct, label in ((2.0, "2% of GDP (Wales 2014)"),
                       (3.5, "3.5% of GDP core defence (The Hague 2025, by 2035)")):
        if share >= pct:
            lines.append(f"{label}: met in {year} at {share:.2f}%{est}")
        else:
            lines.append(f"{label}: not met in {year}: {share:.2f}%{est}, "
                         f"{pct - share:.2f} points short")
    eq = history.dropna(subset=["equipment_share_pct"])
    if not eq.empty:
        e = eq.iloc[-1]
        verdict = "met" if e["equipment_share_pct"] >= 20 else "not met"
        e_est = " (estimate)" if e["estimate"] else ""
        lines.append(f"20% of defence spending on major equipment (Wales 2014): {verdict} in "
                     f"{int(e['year'])} at {e['equipment_share_pct']:.1f}%{e_est}")
    lines.append("5% of GDP (The Hague 2025): NATO's tables report core defence only; the up-to-"
                 "1.5% related spending is not measured, so only the 3.5% part is assessed.")
    return lines


def _revisions(iso3: str) -> list[str]:
    """How the same ally-year's share of GDP moved between editions, newest years first."""
    all_eds = dataset.expenditure("all", ally=iso3).dropna(subset=["share_of_gdp_pct"])
    lines = []
    for year in sorted(all_eds["year"].unique(), reverse=True)[:3]:
        rows = all_eds[all_eds["year"] == year]
        if len(rows) > 1 and rows["share_of_gdp_pct"].round(2).nunique() > 1:
            vals = ", ".join(f"{r.share_of_gdp_pct:.2f}% ({r.edition})"
                             for r in rows.itertuples())
            lines.append(f"Revisions of {year}: {vals}")
    return lines
