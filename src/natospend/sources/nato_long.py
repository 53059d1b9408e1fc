"""The long-format CSV of NATO's 2026 tables (``geo, country, year, estimate, measure, value``).

This is a third party's parse of NATO's workbook (see the raw folder's PROVENANCE.md); its measure
names are mapped here to ours, and a measure we do not know is an error.
"""

from __future__ import annotations

import csv
from pathlib import Path

from natospend import countries
from natospend.sources.records import Observation, SourceFormatError

MEASURES: dict[str, tuple[str, str]] = {
    "core_nat_currency_current_m": ("nat_currency_current_m", "Table 1"),
    "core_nat_currency_2021_m": ("nat_currency_constant_m", "Table 1"),
    "core_usd_current_m": ("usd_current_m", "Table 2"),
    "core_usd_2021_m": ("usd_constant_m", "Table 2"),
    "core_share_gdp": ("share_of_gdp_pct", "Table 3"),
    "core_real_change_pct": ("real_change_pct", "Table 3"),
    "gdp_usd_current_m": ("gdp_usd_current_m", "Table 5"),
    "gdp_usd_2021_m": ("gdp_usd_constant_m", "Table 5"),
    "gdp_per_capita_2021_kusd": ("gdp_per_capita_constant_kusd", "Table 6"),
    "core_per_capita_2021_usd": ("per_capita_constant_usd", "Table 6"),
    "personnel_k": ("personnel_k", "Table 7"),
    "equipment_share_pct": ("equipment_share_pct", "Table 8a"),
    "personnel_share_pct": ("personnel_share_pct", "Table 8a"),
    "infrastructure_share_pct": ("infrastructure_share_pct", "Table 8b"),
    "other_share_pct": ("other_share_pct", "Table 8b"),
}
AGGREGATES = {"NATO_EUR_CAN": "NATO_EUROPE_CANADA", "NATO_TOTAL": "NATO"}
HEADER = ["geo", "country", "year", "estimate", "measure", "value"]


def parse(path: Path | str, edition: str, source_url: str) -> list[Observation]:
    path = Path(path)
    if not path.is_file():
        raise SourceFormatError(f"{path}: no such file")
    out = []
    seen: set[tuple[str, int, str]] = set()
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != HEADER:
            raise SourceFormatError(f"{path}: header {header} is not {HEADER}")
        for n, (geo, _name, year, estimate, measure, value) in enumerate(reader, start=2):
            if measure not in MEASURES:
                raise SourceFormatError(f"{path} line {n}: unknown measure {measure!r}")
            if geo in AGGREGATES:
                entity = AGGREGATES[geo]
            else:
                try:
                    entity = countries.by_geo(geo)
                except KeyError:
                    raise SourceFormatError(f"{path} line {n}: unknown geo code {geo!r}") from None
            if estimate not in ("True", "False"):
                raise SourceFormatError(f"{path} line {n}: estimate {estimate!r} is not a boolean")
            indicator, table = MEASURES[measure]
            key = (entity, int(year), indicator)
            if key in seen:
                raise SourceFormatError(f"{path} line {n}: duplicate {key}")
            seen.add(key)
            out.append(Observation(edition, entity, int(year), indicator, float(value),
                                   estimate == "True", table, source_url))
    return out
