"""Checks on the dataset, run by ``natospend validate`` and by the tests.

Each check compares figures NATO publishes separately and that must agree (a share of GDP against
spending over GDP, category shares against 100, an aggregate against its members). A disagreement
is a failure unless ``known_exceptions.csv`` lists it with a reason, as owid/etl lists its outliers.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from importlib import resources

import pandas as pd

from natospend import countries, dataset
from natospend.sources.records import CATEGORY_SHARES

SHARE_TOLERANCE_PTS = 0.02  # NATO's tables round their inputs; 2024-06 agrees within 0.014
CATEGORY_TOLERANCE_PTS = 0.05
AGGREGATE_TOLERANCE = 0.001  # relative; Iceland's GDP is in NATO's GDP totals


@dataclass(frozen=True)
class Finding:
    check: str
    edition: str
    entity: str
    year: int | None
    message: str
    excused: str | None = None

    @property
    def failed(self) -> bool:
        return self.excused is None


def _exceptions() -> pd.DataFrame:
    text = resources.files("natospend.data").joinpath("known_exceptions.csv").read_text("utf-8")
    return pd.read_csv(io.StringIO(text), dtype=str)


def _excuse(check: str, edition: str, entity: str, year: int | None) -> str | None:
    ex = _exceptions()
    for r in ex.itertuples():
        if (r.check == check and r.edition == edition and r.entity in ("*", entity)
                and r.year in ("*", str(year))):
            return str(r.reason)
    return None


def _finding(check: str, edition: str, entity: str, year: int | None, message: str) -> Finding:
    return Finding(check, edition, entity, year, message, _excuse(check, edition, entity, year))


def run() -> list[Finding]:
    """Every check over every edition; the caller decides what a failure means."""
    out: list[Finding] = []
    for edition in dataset.editions()["id"]:
        df = dataset.expenditure(edition)
        out += share_against_spending(edition, df)
        out += categories_add_up(edition, df)
        out += aggregates_match_members(edition, df)
        out += estimates_match_edition(edition, df)
        out += coverage(edition, df)
    return out


def share_against_spending(edition: str, df: pd.DataFrame) -> list[Finding]:
    """Table 3's share of real GDP equals Table 2 over Table 5, both at constant prices."""
    ratio = df["usd_constant_m"] / df["gdp_usd_constant_m"] * 100
    bad = df[(ratio - df["share_of_gdp_pct"]).abs() > SHARE_TOLERANCE_PTS]
    return [_finding("share_of_gdp", edition, r.iso3, r.year,
                     f"share of GDP {r.share_of_gdp_pct:.3f}% but constant US$ over GDP gives "
                     f"{r.usd_constant_m / r.gdp_usd_constant_m * 100:.3f}%")
            for r in bad.itertuples()]


def categories_add_up(edition: str, df: pd.DataFrame) -> list[Finding]:
    total = df[list(CATEGORY_SHARES)].sum(axis=1, min_count=len(CATEGORY_SHARES))
    bad = df[(total - 100).abs() > CATEGORY_TOLERANCE_PTS]
    return [_finding("categories", edition, r.iso3, r.year,
                     f"category shares add up to {t:.2f}%, not 100")
            for r, t in zip(bad.itertuples(), total[bad.index], strict=True)]


def aggregates_match_members(edition: str, df: pd.DataFrame) -> list[Finding]:
    """NATO's totals count each ally from the year it joined (its tables' own note)."""
    joined = {a.iso3: a.joined.year for a in countries.allies()}
    allies = df[~df["iso3"].isin(dataset.AGGREGATES)]
    member = allies["iso3"].map(joined) <= allies["year"]
    allies = allies[member]
    out = []
    for indicator in ("usd_current_m", "usd_constant_m", "gdp_usd_current_m",
                      "gdp_usd_constant_m", "personnel_k"):
        total = df[df["iso3"] == "NATO"].set_index("year")[indicator].dropna()
        europe = df[df["iso3"] == "NATO_EUROPE_CANADA"].set_index("year")[indicator].dropna()
        usa = allies[allies["iso3"] == "USA"].set_index("year")[indicator]
        summed = allies.groupby("year")[indicator].sum(min_count=1)
        for year, value in total.items():
            if abs(summed.get(year, 0) - value) > AGGREGATE_TOLERANCE * value:
                out.append(_finding("aggregates", edition, "NATO", int(year),
                                    f"{indicator}: NATO total {value:,.0f}, members sum to "
                                    f"{summed.get(year, 0):,.0f}"))
            if year in europe.index and year in usa.index:
                diff = value - usa[year] - europe[year]
                if abs(diff) > AGGREGATE_TOLERANCE * europe[year]:
                    out.append(_finding("aggregates", edition, "NATO_EUROPE_CANADA", int(year),
                                        f"{indicator}: NATO total minus the US differs from "
                                        f"Europe and Canada by {diff:,.1f}"))
    return out


def estimates_match_edition(edition: str, df: pd.DataFrame) -> list[Finding]:
    info = dataset.edition_info(edition)
    if info["kind"] != "tables":
        return []
    years = {int(y) for y in str(info["estimate_years"]).split("|")}
    bad = df[df["estimate"] != df["year"].isin(years)]
    return [_finding("estimates", edition, r.iso3, r.year,
                     f"estimate flag {r.estimate} but the edition's estimate years are "
                     f"{sorted(years)}") for r in bad.itertuples()]


def coverage(edition: str, df: pd.DataFrame) -> list[Finding]:
    """Every ally with armed forces has a share of GDP for every year the edition covers."""
    years = sorted(df["year"].unique())
    have = set(zip(df.dropna(subset=["share_of_gdp_pct"])["iso3"],
                   df.dropna(subset=["share_of_gdp_pct"])["year"], strict=True))
    out = []
    for a in countries.allies():
        if not a.armed_forces:
            continue
        for y in years:
            if (a.iso3, y) not in have:
                out.append(_finding("coverage", edition, a.iso3, int(y),
                                    f"no share of GDP for {a.name} in {y}"))
    return out


def datapackage_errors() -> list[str]:
    """Validate the shipped files against datapackage.json with Frictionless."""
    from frictionless import Package, system

    path = resources.files("natospend.data").joinpath("datapackage.json")
    with system.use_context(trusted=True):
        report = Package(str(path)).validate()
    return [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors][:50]
