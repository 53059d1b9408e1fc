"""Distance to a target share of GDP, in points and in money, per ally and for a group."""

from __future__ import annotations

import pandas as pd

from natospend import countries, dataset
from natospend.analysis.compliance import check_target, members_in, require_figures
from natospend.analysis.groups import resolve_group

MONEY_NOTE = ("Money gaps are the gap in points applied to GDP: at current prices and exchange "
              "rates (Table 5) and at the edition's constant prices. NATO's shares are of real "
              "GDP, so the current-price gap is an approximation.")


def gap(target: float, year: int | None = None, edition: str | None = "latest",
        group: str | list[str] | None = None) -> pd.DataFrame:
    """Per ally: share of GDP, points above (+) or below (-) target, and the money to close it.

    Allies above the target have a gap of zero (their surplus is in ``distance_pts``); allies
    without a figure stay in the table with empty values. The last row is the group total.
    """
    check_target(target)
    ed = dataset.resolve_edition(edition)
    label, members = resolve_group(group)
    data = dataset.expenditure(ed, aggregates=False)
    if year is None:
        year = int(data.dropna(subset=["share_of_gdp_pct"])["year"].max())
    require_figures(data, "share_of_gdp_pct", year, ed)
    rows = data[data["year"] == year].set_index("iso3")
    members = [m for m in members if m in members_in(year)]
    df = pd.DataFrame({"iso3": members})
    for col in ("name", "share_of_gdp_pct", "gdp_usd_current_m", "gdp_usd_constant_m",
                "usd_current_m", "usd_constant_m", "estimate"):
        df[col] = df["iso3"].map(rows[col]) if col in rows else None
    df["name"] = df["name"].fillna(df["iso3"].map(countries.ally_name))
    df["distance_pts"] = df["share_of_gdp_pct"] - target
    df["gap_pts"] = (-df["distance_pts"]).clip(lower=0)
    df["gap_usd_current_m"] = df["gap_pts"] / 100 * df["gdp_usd_current_m"]
    df["gap_usd_constant_m"] = df["gap_pts"] / 100 * df["gdp_usd_constant_m"]
    df = df.sort_values("gap_pts", ascending=False, ignore_index=True)
    with_figure = df.dropna(subset=["share_of_gdp_pct"])
    total = {
        "iso3": label, "name": f"total ({len(with_figure)} allies with a figure)",
        "share_of_gdp_pct": group_share(with_figure),
        "gdp_usd_current_m": with_figure["gdp_usd_current_m"].sum(min_count=1),
        "gdp_usd_constant_m": with_figure["gdp_usd_constant_m"].sum(min_count=1),
        "usd_current_m": with_figure["usd_current_m"].sum(min_count=1),
        "usd_constant_m": with_figure["usd_constant_m"].sum(min_count=1),
        "gap_pts": None, "distance_pts": None,
        "gap_usd_current_m": with_figure["gap_usd_current_m"].sum(min_count=1),
        "gap_usd_constant_m": with_figure["gap_usd_constant_m"].sum(min_count=1),
        "estimate": bool(with_figure["estimate"].fillna(False).any()),
    }
    df = pd.concat([df, pd.DataFrame([total])], ignore_index=True)
    info = dataset.edition_info(ed)
    df.attrs.update({"question": "gap", "target": target, "year": year, "edition": ed,
                     "group": label, "source": info["url"], "edition_title": info["title"],
                     "no_figure": df[df["share_of_gdp_pct"].isna()]["iso3"].tolist(),
                     "assumptions": MONEY_NOTE
                     + ("" if df["gdp_usd_current_m"].notna().any() else
                        f" Edition {ed} has no GDP table, so no money gaps.")})
    return df


def group_share(df: pd.DataFrame) -> float | None:
    """A group's share of GDP as NATO computes aggregates: total spending over total GDP."""
    ok = df.dropna(subset=["usd_constant_m", "gdp_usd_constant_m"])
    if ok.empty or len(ok) < len(df):
        return None
    return float(ok["usd_constant_m"].sum() / ok["gdp_usd_constant_m"].sum() * 100)
