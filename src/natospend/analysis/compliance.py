"""Who is at or above a target in a year, counted the way NATO counts ("23 of 32 allies")."""

from __future__ import annotations

from typing import Any

import pandas as pd

from natospend import countries, dataset

INDICATOR_FOR = {"gdp": "share_of_gdp_pct", "equipment": "equipment_share_pct"}
NO_FIGURE_RULE = ("NATO counts every member ally in the total ('N of M'); an ally without a "
                  "figure in the edition (Iceland, which has no armed forces; an ally whose "
                  "budget was not adopted by the cut-off) is counted in the total but not as "
                  "meeting the target, and is listed under no_figure.")


class AnalysisInputError(ValueError):
    """A question the data cannot answer as asked: a target out of range, a bad year."""


def require_figures(data: pd.DataFrame, column: str, year: int, edition: str) -> None:
    """Raise DataNotFoundError, naming the years that do have figures, when ``data`` has no
    ``column`` figure for ``year``: a user who asks for 1990 or 2031 learns what to ask for."""
    if not data.loc[data["year"] == year, column].dropna().empty:
        return
    years = sorted(data.dropna(subset=[column])["year"].unique())
    span = f"{years[0]}-{years[-1]}" if years else "none"
    raise dataset.DataNotFoundError(f"edition {edition} has no {column} figures for {year} "
                                    f"(years with figures: {span})")


def check_target(target: float, measure: str = "gdp") -> None:
    upper = 100.0 if measure == "equipment" else 20.0
    if not 0 < target <= upper:
        raise AnalysisInputError(f"target {target}% is out of range: a share of "
                                 f"{'defence spending' if measure == 'equipment' else 'GDP'} "
                                 f"must be above 0 and at most {upper:g}%")


def members_in(year: int) -> list[str]:
    """Allies that were members during ``year`` (NATO's tables count an ally from that year)."""
    return [a.iso3 for a in countries.allies() if a.joined.year <= year]


def compliance(target: float = 2.0, year: int | None = None, edition: str | None = "latest",
               measure: str = "gdp") -> pd.DataFrame:
    """One row per member ally: its figure, whether it meets ``target``, and why not if not.

    ``measure="equipment"`` tests the Wales 20% guideline on major equipment instead of a share
    of GDP. ``year`` defaults to the edition's newest year.
    """
    if measure not in INDICATOR_FOR:
        raise AnalysisInputError(f"unknown measure {measure!r}; use one of {list(INDICATOR_FOR)}")
    check_target(target, measure)
    ed = dataset.resolve_edition(edition)
    column = INDICATOR_FOR[measure]
    data = dataset.expenditure(ed, aggregates=False)
    if year is None:
        year = int(data.dropna(subset=[column])["year"].max())
    have = data[data["year"] == year].set_index("iso3")
    require_figures(data, column, year, ed)
    rows: list[dict[str, Any]] = []
    for iso3 in members_in(year):
        ally = countries.ally_by_iso3()[iso3]
        value = have[column].get(iso3) if iso3 in have.index else None
        if value is None or pd.isna(value):
            reason = ally.note if ally.note else f"no figure in edition {ed}"
            rows.append({"iso3": iso3, "name": ally.name, "value": None, "meets": None,
                         "status": "no_figure", "estimate": None, "reason": reason})
            continue
        meets = bool(value >= target - 1e-9)
        rows.append({"iso3": iso3, "name": ally.name, "value": float(value), "meets": meets,
                     "status": "meets" if meets else "below",
                     "estimate": bool(have.loc[iso3, "estimate"]), "reason": None})
    df = pd.DataFrame(rows)
    df = df.sort_values(["value", "name"], ascending=[False, True], na_position="last",
                        ignore_index=True)
    meeting = df[df["status"] == "meets"]["iso3"].tolist()
    info = dataset.edition_info(ed)
    df.attrs.update({
        "question": "compliance", "target": target, "measure": column, "year": year,
        "edition": ed, "edition_title": info["title"], "source": info["url"],
        "count": len(meeting), "total": len(df), "meeting": meeting,
        "not_meeting": df[df["status"] == "below"]["iso3"].tolist(),
        "no_figure": df[df["status"] == "no_figure"]["iso3"].tolist(),
        "estimate": bool(df["estimate"].fillna(False).any()),
        "rule": NO_FIGURE_RULE,
    })
    return df


def summary(df: pd.DataFrame) -> str:
    a = df.attrs
    what = "of GDP" if a["measure"] == "share_of_gdp_pct" else "of defence spending on equipment"
    est = " (estimates)" if a["estimate"] else ""
    s = (f"{a['count']} of {a['total']} allies at or above {a['target']:g}% {what} in "
         f"{a['year']}{est}, edition {a['edition']}")
    if a["no_figure"]:
        s += f"; no figure for {', '.join(a['no_figure'])}"
    return s
