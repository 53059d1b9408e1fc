"""Importer for the Kiel Institute's Ukraine Support Tracker CSVs (the tracker website's data).

Each release is a vintage, like NATO's editions: Kiel revises earlier months between releases,
so the release number travels with every figure. The files are checked against the layout and
the identities Kiel's own data satisfies (types add up to the total; commitments are allocations
plus what remains to be allocated; share of GDP is total over GDP), and anything else stops the
import with :class:`SourceFormatError`, since a guessed column would put figures under the wrong
name.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from natospend.sources.records import SourceFormatError

SOURCE_URL = "https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/"
DATA_URL = "https://github.com/UkraineSupportTrackerWebsite/ukraine-support-tracker"
AID_TYPES = ("military", "financial", "humanitarian")
TOLERANCE = 1e-6  # EUR billion, i.e. EUR 1,000: Kiel's files carry six decimals

# file -> (header in order, columns that must be numbers, columns that must be integers)
LAYOUT: dict[str, tuple[list[str], list[str], list[str]]] = {
    "release_info.csv": (["release", "period", "date", "label"], [], []),
    "data_explorer.csv": (
        ["country", "iso", "year", "month", "total", "financial", "humanitarian", "military",
         "commitments", "to_be_allocated", "gdp", "pct_gdp"],
        ["total", "financial", "humanitarian", "military", "commitments", "to_be_allocated",
         "gdp", "pct_gdp"], ["year", "month"]),
    "total_allocations.csv": (
        ["year", "month", "total_allocations", "military", "financial", "humanitarian"],
        ["total_allocations", "military", "financial", "humanitarian"], ["year", "month"]),
    "eu_aid_shares.csv": (
        ["country", "iso", "bilateral_pct_gdp", "eu_share_pct_gdp", "total_pct_gdp",
         "eu_share_bn"],
        ["bilateral_pct_gdp", "eu_share_pct_gdp", "total_pct_gdp", "eu_share_bn"], []),
    "weapons.csv": (
        ["donor", "category", "number_of_weapons", "monetary_value_eur", "weapons_list"],
        [], ["number_of_weapons", "monetary_value_eur"]),
    "procurement_trends.csv": (
        ["year", "month", "stockpile", "procurement", "unspecified", "nato_purl"],
        ["stockpile", "procurement", "unspecified", "nato_purl"], ["year", "month"]),
}
KEYS = {"release_info.csv": "release", "data_explorer.csv": "monthly",
        "total_allocations.csv": "totals", "eu_aid_shares.csv": "eu_shares",
        "weapons.csv": "weapons", "procurement_trends.csv": "procurement"}


def _read(path: Path) -> pd.DataFrame:
    header, numeric, integer = LAYOUT[path.name]
    if not path.is_file():
        raise SourceFormatError(f"{path}: missing; a Kiel release folder holds "
                                f"{', '.join(LAYOUT)}")
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != header:
        raise SourceFormatError(f"{path}: header {rows[0] if rows else []} is not {header}")
    body = rows[1:]
    if not body:
        raise SourceFormatError(f"{path}: no rows")
    for n, r in enumerate(body, start=2):
        if len(r) != len(header):
            raise SourceFormatError(f"{path} line {n}: {len(r)} cells, expected {len(header)}")
    df = pd.DataFrame(body, columns=header, dtype=object)
    for col in numeric + integer:
        for n, cell in enumerate(df[col], start=2):
            try:
                value = float(cell)
            except ValueError:
                raise SourceFormatError(f"{path} line {n}, column {col!r}: {cell!r} is not a "
                                        "number") from None
            if value != value or (col in integer and not value.is_integer()):
                raise SourceFormatError(f"{path} line {n}, column {col!r}: {cell!r} is not "
                                        f"{'a whole number' if col in integer else 'a number'}")
        df[col] = pd.to_numeric(df[col])
        if col in integer:
            df[col] = df[col].astype("int64")
    if "month" in df and not df["month"].between(1, 12).all():
        raise SourceFormatError(f"{path}: months outside 1-12: "
                                f"{sorted(set(df.loc[~df['month'].between(1, 12), 'month']))}")
    return df


def _fail_where(path: Path, bad: pd.Series, df: pd.DataFrame, what: str) -> None:
    if bad.any():
        first = df[bad].iloc[0]
        where = ", ".join(f"{k}={first[k]}" for k in ("iso", "year", "month") if k in first)
        raise SourceFormatError(f"{path}: {what} fails in {int(bad.sum())} rows (first: {where})")


def _check_monthly(path: Path, df: pd.DataFrame) -> None:
    if (df["iso"].str.strip() == "").any():
        raise SourceFormatError(f"{path}: a row without an ISO code")
    dup = df.duplicated(["iso", "year", "month"])
    _fail_where(path, dup, df, "one row per donor and month")
    names = df.groupby("iso")["country"].nunique()
    if (names > 1).any():
        raise SourceFormatError(f"{path}: ISO codes with two names: {list(names[names > 1].index)}")
    gdp = df.groupby("iso")["gdp"].nunique()
    if (gdp > 1).any():
        raise SourceFormatError(f"{path}: GDP varies by month for {list(gdp[gdp > 1].index)}; "
                                "the importer expects Kiel's one GDP per donor")
    parts = df[list(AID_TYPES)].sum(axis=1)
    _fail_where(path, (df["total"] - parts).abs() > TOLERANCE, df,
                "total = financial + humanitarian + military")
    _fail_where(path, (df["commitments"] - df["total"] - df["to_be_allocated"]).abs() > TOLERANCE,
                df, "commitments = total + to_be_allocated")
    _fail_where(path, (df[list(AID_TYPES) + ["total", "commitments"]] < -TOLERANCE).any(axis=1),
                df, "allocations and commitments are not negative")
    has_gdp = df["gdp"] > 0
    share = (df["total"] / df["gdp"].where(has_gdp) * 100).fillna(0.0)
    _fail_where(path, (df["pct_gdp"] - share).abs() > 1e-9 + 1e-6 * share.abs(), df,
                "pct_gdp = total / gdp * 100")
    _fail_where(path, ~has_gdp & (df["pct_gdp"] != 0), df, "pct_gdp is 0 where gdp is 0")


def _check_totals(path: Path, totals: pd.DataFrame, monthly: pd.DataFrame) -> None:
    """Kiel's monthly totals must be the sum of its donor rows: the two files are one release."""
    sums = monthly.groupby(["year", "month"])[["total", *AID_TYPES]].sum()
    stated = totals.set_index(["year", "month"]).rename(columns={"total_allocations": "total"})
    if sorted(stated.index) != sorted(sums.index):
        raise SourceFormatError(f"{path}: its months differ from data_explorer.csv's")
    diff = (stated[["total", *AID_TYPES]] - sums.reindex(stated.index)).abs()
    bad = diff.columns[(diff > TOLERANCE * 100).any()]
    if len(bad):
        raise SourceFormatError(f"{path}: {list(bad)} are not the sums of the donors' figures")


def parse(folder: Path) -> dict[str, pd.DataFrame]:
    """Every file of one Kiel release, checked, keyed ``release`` (one row), ``monthly`` (per
    donor and month, EUR billion), ``totals``, ``eu_shares``, ``weapons`` and ``procurement``.

    The weapons file names donors in English; they get the ISO code ``data_explorer.csv`` gives
    the same name, or the import stops.
    """
    unknown = sorted(p.name for p in folder.glob("*.csv") if p.name not in LAYOUT)
    if unknown:
        raise SourceFormatError(f"{folder}: unknown files {unknown}; the importer knows "
                                f"{', '.join(LAYOUT)}")
    out = {KEYS[name]: _read(folder / name) for name in LAYOUT}
    release = out["release"]
    if len(release) != 1:
        raise SourceFormatError(f"{folder / 'release_info.csv'}: {len(release)} rows, expected 1")
    r = release.iloc[0]
    try:
        pd.Timestamp(r["date"])
        pd.Period(pd.to_datetime(r["period"], format="%m/%Y"), freq="M")
    except ValueError:
        raise SourceFormatError(f"{folder / 'release_info.csv'}: date {r['date']!r} or "
                                f"period {r['period']!r} unreadable (expected YYYY-MM-DD, "
                                "MM/YYYY)") from None
    if not str(r["release"]).isdigit():
        raise SourceFormatError(f"{folder / 'release_info.csv'}: release {r['release']!r} "
                                "is not a number")
    monthly = out["monthly"]
    _check_monthly(folder / "data_explorer.csv", monthly)
    _check_totals(folder / "total_allocations.csv", out["totals"], monthly)
    iso_of = dict(zip(monthly["country"], monthly["iso"], strict=False))
    strays = sorted(set(out["weapons"]["donor"]) - set(iso_of))
    if strays:
        raise SourceFormatError(f"{folder / 'weapons.csv'}: donors {strays} are not in "
                                "data_explorer.csv")
    out["weapons"].insert(0, "iso", out["weapons"]["donor"].map(iso_of))
    strays = sorted(set(out["eu_shares"]["iso"]) - set(monthly["iso"]))
    if strays:
        raise SourceFormatError(f"{folder / 'eu_aid_shares.csv'}: ISO codes {strays} are not "
                                "in data_explorer.csv")
    last = (monthly["year"] * 100 + monthly["month"]).max()
    period = pd.to_datetime(r["period"], format="%m/%Y")
    if last != period.year * 100 + period.month:
        raise SourceFormatError(f"{folder}: release period {r['period']} but data run to "
                                f"{last // 100}-{last % 100:02d}")
    return out
