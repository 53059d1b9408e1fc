"""What reaching a target share of GDP by a deadline costs, under a stated growth assumption.

For each ally the share moves from its base-year figure to the target along a path; nominal GDP
(US$, current prices) grows at the assumed rate; the cost is the spending on the path minus the
spending at the base-year share, year by year. An ally already at or above the target stays where
it is, so its cost is zero.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from natospend import countries, dataset
from natospend.analysis.compliance import AnalysisInputError, check_target, members_in
from natospend.analysis.groups import resolve_group

PATHS = ("linear", "step", "immediate")
HISTORY_YEARS = 5


def share_path(base_share: float, target: float, base_year: int, by: int,
               path: str = "linear") -> dict[int, float]:
    """The share of GDP in each year from ``base_year`` to ``by`` (inclusive).

    linear: equal steps, reaching the target in the deadline year; step: flat, then the target
    in the deadline year; immediate: the target from the year after the base year.
    """
    if path not in PATHS:
        raise AnalysisInputError(f"unknown path {path!r}; use one of {', '.join(PATHS)}")
    goal = max(target, base_share)
    out = {}
    for year in range(base_year, by + 1):
        if year == base_year:
            out[year] = base_share
        elif path == "linear":
            out[year] = base_share + (goal - base_share) * (year - base_year) / (by - base_year)
        elif path == "step":
            out[year] = goal if year == by else base_share
        else:
            out[year] = goal
    return out


def historical_growth(edition: str, base_year: int, years: int = HISTORY_YEARS) -> pd.Series:
    """Each ally's average annual nominal GDP growth (US$, current) over the years before base."""
    data = dataset.expenditure(edition, aggregates=False)
    gdp = data.pivot_table(index="iso3", columns="year", values="gdp_usd_current_m")
    first = base_year - years
    if first not in gdp.columns or base_year not in gdp.columns:
        raise AnalysisInputError(f"edition {edition} has no GDP for {first} and {base_year}: "
                                 "cannot compute each ally's own growth rate")
    return ((gdp[base_year] / gdp[first]) ** (1 / years) - 1) * 100


def cost_to_target(target: float, by: int, base_year: int | None = None,
                   growth: float | Mapping[str, float] | str = 3.0, path: str = "linear",
                   edition: str | None = "latest",
                   group: str | list[str] | None = None) -> pd.DataFrame:
    """Yearly spending path and extra cost per ally, from ``base_year`` to ``by``.

    ``growth`` is nominal GDP growth in percent a year: one rate for all, a mapping of ISO code
    to rate, or ``"history"`` for each ally's own average over the five years before the base.
    Returns one row per ally and year; ``attrs`` carries the assumptions and the totals.
    """
    check_target(target)
    ed = dataset.resolve_edition(edition)
    data = dataset.expenditure(ed, aggregates=False)
    if data["gdp_usd_current_m"].isna().all():
        raise AnalysisInputError(f"edition {ed} has no GDP table, so costs cannot be computed; "
                                 "use an edition with US$ and GDP tables (2024-06 or 2026-07)")
    if base_year is None:
        base_year = int(data.dropna(subset=["share_of_gdp_pct"])["year"].max())
    if by <= base_year:
        raise AnalysisInputError(f"the deadline {by} must be after the base year {base_year}")
    if by > 2100:
        raise AnalysisInputError(f"deadline {by} is too far out to project")
    base = data[data["year"] == base_year].set_index("iso3")
    if base["share_of_gdp_pct"].dropna().empty:
        years = sorted(data["year"].unique())
        raise dataset.DataNotFoundError(f"edition {ed} has no figures for base year {base_year} "
                                        f"(it covers {years[0]}-{years[-1]})")
    label, members = resolve_group(group)
    members = [m for m in members if m in members_in(base_year)]
    rates, growth_label = _rates(growth, ed, base_year, members)
    rows = []
    skipped = []
    for iso3 in members:
        share0 = base["share_of_gdp_pct"].get(iso3)
        gdp0 = base["gdp_usd_current_m"].get(iso3)
        if share0 is None or pd.isna(share0) or gdp0 is None or pd.isna(gdp0):
            skipped.append(iso3)
            continue
        g = rates[iso3] / 100
        for year, share in share_path(float(share0), target, base_year, by, path).items():
            gdp = float(gdp0) * (1 + g) ** (year - base_year)
            spending = share / 100 * gdp
            baseline = float(share0) / 100 * gdp
            rows.append({"iso3": iso3, "name": countries.ally_name(iso3), "year": year,
                         "share_of_gdp_pct": share, "gdp_usd_m": gdp, "spending_usd_m": spending,
                         "baseline_usd_m": baseline, "extra_usd_m": spending - baseline,
                         "growth_pct": rates[iso3]})
    df = pd.DataFrame(rows)
    if df.empty:
        raise dataset.DataNotFoundError(f"no ally in {label} has a share of GDP and GDP for "
                                        f"{base_year} in edition {ed}")
    df["cumulative_extra_usd_m"] = df.groupby("iso3")["extra_usd_m"].cumsum()
    per_year = df.groupby("year")[["spending_usd_m", "baseline_usd_m", "extra_usd_m"]].sum()
    info = dataset.edition_info(ed)
    df.attrs.update({
        "question": "cost", "target": target, "by": by, "base_year": base_year, "path": path,
        "growth": growth_label, "edition": ed, "group": label, "source": info["url"],
        "edition_title": info["title"], "no_figure": skipped,
        "total_extra_usd_m": float(df["extra_usd_m"].sum()),
        "extra_in_deadline_year_usd_m": float(per_year.loc[by, "extra_usd_m"]),
        "assumptions": (f"Share of GDP moves from each ally's {base_year} figure to {target:g}% "
                        f"by {by} ({path} path); allies already at or above it stay at their "
                        f"{base_year} share. Nominal GDP in current US$ grows at {growth_label}. "
                        f"Extra = spending on the path minus spending at the {base_year} share. "
                        "US$ at current prices and exchange rates, not adjusted for inflation."),
    })
    return df


def _rates(growth: float | Mapping[str, float] | str, edition: str, base_year: int,
           members: list[str]) -> tuple[dict[str, float], str]:
    if isinstance(growth, str):
        if growth != "history":
            raise AnalysisInputError(f"growth {growth!r}: give a rate in percent or 'history'")
        hist = historical_growth(edition, base_year)
        rates = {m: float(hist.get(m)) for m in members
                 if m in hist.index and pd.notna(hist.get(m))}
        return ({m: rates.get(m, 0.0) for m in members},
                f"each ally's own average for {base_year - HISTORY_YEARS}-{base_year}")
    if isinstance(growth, Mapping):
        unknown = [k for k in growth if k not in members]
        missing = [m for m in members if m not in growth]
        if unknown or missing:
            raise AnalysisInputError(f"per-ally growth rates: unknown {unknown}, missing {missing}")
        for v in growth.values():
            _check_rate(v)
        return dict(growth), "per-ally rates given by the user"
    _check_rate(growth)
    return {m: float(growth) for m in members}, f"{growth:g}% a year for every ally"


def _check_rate(rate: float) -> None:
    if not -20 <= rate <= 50:
        raise AnalysisInputError(f"growth rate {rate}% a year is out of range (-20 to 50)")


def summarise(df: pd.DataFrame, by: str = "ally") -> pd.DataFrame:
    """Totals per ally (``by="ally"``) or per year (``by="year"``), keeping ``attrs``."""
    if by == "year":
        out = df.groupby("year", as_index=False)[["spending_usd_m", "baseline_usd_m",
                                                  "extra_usd_m"]].sum()
        out["cumulative_extra_usd_m"] = out["extra_usd_m"].cumsum()
    else:
        last = df.sort_values("year").groupby("iso3").tail(1).set_index("iso3")
        first = df.sort_values("year").groupby("iso3").head(1).set_index("iso3")
        out = pd.DataFrame({
            "name": last["name"], "base_share_pct": first["share_of_gdp_pct"],
            "deadline_share_pct": last["share_of_gdp_pct"],
            "spending_in_deadline_year_usd_m": last["spending_usd_m"],
            "extra_in_deadline_year_usd_m": last["extra_usd_m"],
            "cumulative_extra_usd_m": last["cumulative_extra_usd_m"],
            "growth_pct": last["growth_pct"]}).reset_index()
        out = out.sort_values("cumulative_extra_usd_m", ascending=False, ignore_index=True)
    out.attrs.update(df.attrs)
    return out
